"""Signals and policy dossiers (politiseren).

A signal is a need, question or problem noticed in a STEK: its kind, life domain, topic and
barriers, the week (never the moment) and the STEK; never a person. A dossier bundles the
signals that match its criteria (topics or life domains, optionally barriers, since a date),
so its evidence counts follow new signals by themselves, and follows the policy path from
*opgemerkt* to *feedback* with addressees, actions with visitors and an outcome."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.core.models import Network, Stek
from stek.core.privacy import no_personal_data
from stek.core.vocabulary import Barrier, LifeDomain, Topic

from .enums import ActionKind, DossierOutcome, DossierStep, Level, SignalKind, SignalSource, Signing

# Every text is scanned and bounded (a dossier's fields go to other STEKs and the signal note).
DOSSIER_TEXT_MAX = 5000
NOTE_MAX = 2000
RESPONSE_MAX = 3000
TESTIMONY_MAX = 1500


def _bounded(limit):
    return [MaxLengthValidator(limit), no_personal_data]


class SignalQuerySet(models.QuerySet):
    def between(self, start, end):
        """Signals of the weeks from ``start`` up to and including ``end`` (Mondays)."""
        return self.filter(week__gte=start, week__lte=end)


class Signal(models.Model):
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="signals")
    week = models.DateField(_("week"), help_text=_("De maandag van de week."))
    # The month the signal counts in: the month of the day it was noted (issue 16; a signal of
    # Tuesday 1 December counts in December, though its week's Monday is in November). Only the
    # month is kept, never the day. Signals from before this field count in their Monday's month.
    month = models.DateField(
        _("maand"), help_text=_("De eerste dag van de maand waarin het signaal genoteerd is.")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=SignalKind.choices)
    life_domain = models.CharField(_("levensdomein"), max_length=30, choices=LifeDomain.choices)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signals",
        verbose_name=_("onderwerp"),
    )
    quote = models.CharField(
        _("korte quote"),
        max_length=280,
        blank=True,
        validators=[no_personal_data],
        help_text=_("Alleen met toestemming van de bezoeker. Geen namen, adressen of nummers."),
    )
    quote_consent = models.BooleanField(_("de bezoeker gaf toestemming"), default=False)
    source = models.CharField(
        max_length=15, choices=SignalSource.choices, default=SignalSource.DIRECT
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["stek", "week"]),
            models.Index(fields=["week"]),
            models.Index(fields=["stek", "month"]),
        ]
        constraints = [
            # The last line of defence for a write that bypasses the service: the rule itself
            # is checked in services.register_signal, the one place that explains it.
            models.CheckConstraint(
                condition=Q(quote="") | Q(quote_consent=True), name="signal_quote_needs_consent"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.topic or self.get_life_domain_display()}"


class SignalBarrier(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="barriers")
    barrier = models.CharField(max_length=20, choices=Barrier.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["signal", "barrier"], name="signal_barrier_once")
        ]

    def __str__(self):
        return self.get_barrier_display()


class DossierQuerySet(models.QuerySet):
    def for_stek(self, stek):
        """The dossiers a STEK leads or has been invited to or co-signed."""
        return self.filter(Q(lead_stek=stek) | Q(steks__stek=stek)).distinct()

    def open_by_topic(self, stek, codes):
        """{topic code: the newest running dossier about it} among the dossiers the STEK sees
        (leads, invited to, co-signs; not those it declined), so a topic that already has a
        dossier offers that one rather than a second (issue 16)."""
        codes = [c for c in codes if c]
        if not codes:
            return {}
        rows = (
            self.for_stek(stek)
            .exclude(
                pk__in=DossierStek.objects.filter(stek=stek, status=Signing.DECLINED).values(
                    "dossier"
                )
            )
            .filter(outcome=DossierOutcome.PENDING, topics__code__in=codes)
            .values_list("topics__code", "pk")
            .order_by("created_on", "pk")
        )
        found = {}
        for code, pk in rows:
            if code in codes:
                found[code] = pk  # the newest last
        dossiers = self.in_bulk(set(found.values()))
        return {code: dossiers[pk] for code, pk in found.items()}


class Dossier(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="dossiers")
    lead_stek = models.ForeignKey(
        Stek, on_delete=models.PROTECT, related_name="led_dossiers", verbose_name=_("trekker")
    )
    title = models.CharField(_("titel"), max_length=200, validators=[no_personal_data])
    # The PSP worksheet: problem, situation, position of the actors.
    problem = models.TextField(
        _("probleem"),
        max_length=DOSSIER_TEXT_MAX,
        validators=_bounded(DOSSIER_TEXT_MAX),
        help_text=_("Wat loopt er mis, voor wie? Zonder namen."),
    )
    situation = models.TextField(
        _("situatie"),
        blank=True,
        max_length=DOSSIER_TEXT_MAX,
        validators=_bounded(DOSSIER_TEXT_MAX),
        help_text=_("Hoe komt het? Welke regels, diensten of praktijken spelen mee?"),
    )
    positions = models.TextField(
        _("positie van de actoren"),
        blank=True,
        max_length=DOSSIER_TEXT_MAX,
        validators=_bounded(DOSSIER_TEXT_MAX),
        help_text=_("Wie is betrokken, wie kan iets veranderen, wat vinden zij?"),
    )
    ask = models.TextField(
        _("wat vragen we"),
        blank=True,
        max_length=DOSSIER_TEXT_MAX,
        validators=_bounded(DOSSIER_TEXT_MAX),
        help_text=_("De concrete vraag aan het beleid."),
    )
    step = models.CharField(
        _("stap"), max_length=15, choices=DossierStep.choices, default=DossierStep.NOTICED
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=10, choices=DossierOutcome.choices, default=DossierOutcome.PENDING
    )
    outcome_note = models.TextField(
        _("uitleg bij de uitkomst"), blank=True, max_length=NOTE_MAX, validators=_bounded(NOTE_MAX)
    )
    # Evidence: the signals of the signing STEKs that match these criteria.
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="dossiers", verbose_name=_("onderwerpen")
    )
    life_domains = models.JSONField(_("levensdomeinen"), default=list, blank=True)
    barriers = models.JSONField(_("drempels"), default=list, blank=True)
    evidence_from = models.DateField(_("signalen vanaf"))
    created_on = models.DateField(default=timezone.localdate, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return self.title

    def clean(self):
        bad = [d for d in self.life_domains if d not in LifeDomain.values]
        bad += [b for b in self.barriers if b not in Barrier.values]
        if bad:
            raise ValidationError(_("Onbekende keuze: %(bad)s") % {"bad": ", ".join(bad)})

    @property
    def life_domain_labels(self):
        return [LifeDomain(d).label for d in self.life_domains]

    def signing_steks(self):
        """The lead STEK and the STEKs that co-signed: their signals are the evidence."""
        signed = Stek.objects.filter(
            dossier_signings__dossier=self, dossier_signings__status=Signing.SIGNED
        )
        return Stek.objects.filter(Q(pk=self.lead_stek_id) | Q(pk__in=signed)).distinct()


class DossierStek(models.Model):
    """A STEK invited to co-sign a dossier, and its answer."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steks")
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="dossier_signings")
    status = models.CharField(max_length=10, choices=Signing.choices, default=Signing.INVITED)
    invited_on = models.DateField(default=timezone.localdate)
    answered_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dossier", "stek"], name="dossier_stek_once")
        ]

    def __str__(self):
        return f"{self.stek} · {self.get_status_display()}"


class StepEntry(models.Model):
    """When a dossier reached a step, and who carries it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="step_entries")
    step = models.CharField(_("stap"), max_length=15, choices=DossierStep.choices)
    reached_on = models.DateField(_("datum"), default=timezone.localdate)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trekker van deze stap"),
    )
    note = models.CharField(_("notitie"), max_length=300, blank=True, validators=[no_personal_data])

    class Meta:
        ordering = ["reached_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "step"], name="dossier_step_once")
        ]

    def __str__(self):
        return f"{self.get_step_display()} · {self.reached_on}"


class Testimony(models.Model):
    """What a visitor said, with consent, without anything that identifies them."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="testimonies")
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(
        _("getuigenis"), max_length=TESTIMONY_MAX, validators=_bounded(TESTIMONY_MAX)
    )
    consent = models.BooleanField(_("de bezoeker gaf toestemming om dit te gebruiken"))
    added_on = models.DateField(default=timezone.localdate, editable=False)

    class Meta:
        ordering = ["added_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="testimony_needs_consent")
        ]

    def __str__(self):
        return self.text[:60]


class Addressee(models.Model):
    """A policymaker or body the dossier was brought to, and what came back."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="addressees")
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices)
    body = models.CharField(
        _("instantie"),
        max_length=200,
        validators=[no_personal_data],
        help_text=_("Bv. Gemeenteraad Gent, Vlaams minister van Wonen, OCMW-raad."),
    )
    presented_on = models.DateField(_("voorgesteld op"), null=True, blank=True)
    response = models.TextField(
        _("antwoord"), blank=True, max_length=RESPONSE_MAX, validators=_bounded(RESPONSE_MAX)
    )
    responded_on = models.DateField(_("antwoord op"), null=True, blank=True)
    follow_up_on = models.DateField(_("opvolgen op"), null=True, blank=True)
    followed_up = models.BooleanField(_("opgevolgd"), default=False)

    class Meta:
        ordering = ["presented_on", "pk"]

    def __str__(self):
        return self.body

    @property
    def follow_up_due(self):
        return bool(
            self.follow_up_on and not self.followed_up and self.follow_up_on <= timezone.localdate()
        )


class DossierAction(models.Model):
    """What was done with visitors: a group meeting, a testimony at a council, a letter…"""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("soort"), max_length=20, choices=ActionKind.choices)
    date = models.DateField(_("datum"))
    description = models.CharField(
        _("wat gebeurde er"), max_length=300, validators=[no_personal_data]
    )
    visitors = models.PositiveSmallIntegerField(
        _("aantal bezoekers dat meedeed"), default=0, help_text=_("Alleen een aantal.")
    )

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.date}"


class FrozenMonth(models.Model):
    """A network's signal counts of one completed month, as they stood when the daily job froze
    them (``freeze_network_months``). The network publication reads a frozen month from here,
    never again from the signals: a STEK that joins, leaves or is switched off later, or a
    signal removed later, changes no figure once published, so two readings of the network
    page at different times cannot be subtracted (ADR 0006). Counts only, per family and key,
    never a signal or a STEK."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    counts = models.JSONField(default=dict)
    frozen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "month"]
        verbose_name = _("bevroren maand")
        verbose_name_plural = _("bevroren maanden")
        constraints = [
            models.UniqueConstraint(fields=["network", "month"], name="frozen_month_unique")
        ]

    def __str__(self):
        return f"{self.network_id} {self.month:%Y-%m}"
