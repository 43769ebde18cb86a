"""The agenda: activities with their recurrence, changes to single sessions, pauses, and
anonymous attendance tallies. A tally is a number per session and visitor category: never a
person, never a moment finer than the day."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from stek.core.models import Organisation, Stek
from stek.core.privacy.validators import no_personal_data, no_personal_data_except_contacts

from .enums import (
    FUNCTION_FOR_VISITORS,
    ActivityAccess,
    ChangeKind,
    Function,
    MonthWeek,
    Pictogram,
    Recurrence,
)

# Everything an activity says is published (programme, poster, iCal, screen): scanned, with the
# STEK's and its partners' published contact details allowed (its contact line).
DESCRIPTION_MAX = 2000
_published = [no_personal_data_except_contacts]


class Activity(models.Model):
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("naam"), max_length=120, validators=_published)
    description = models.TextField(
        _("uitleg"), blank=True, max_length=DESCRIPTION_MAX,
        validators=[MaxLengthValidator(DESCRIPTION_MAX), *_published],
        help_text=_(
            "Korte zinnen, gewone woorden. Deze tekst is openbaar. Zet er geen namen, "
            "telefoonnummers, adressen of andere gegevens van personen in."
        ),
    )  # fmt: skip
    pictogram = models.CharField(
        _("pictogram"), max_length=20, choices=Pictogram.choices, default=Pictogram.COFFEE
    )
    is_meet = models.BooleanField(_("ontmoeten"), default=True)
    is_learn = models.BooleanField(_("leren"), default=False)
    is_refer = models.BooleanField(
        _("verwijzen"), default=False, help_text=_("Bv. de permanentie van een partner.")
    )
    is_advocate = models.BooleanField(_("politiseren"), default=False)
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="activities", verbose_name=_("georganiseerd door")
    )
    presenter = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="presentations", verbose_name=_("wie geeft uitleg"),
        help_text=_("Voor een infosessie: de partner die zijn aanbod uitlegt."),
    )  # fmt: skip
    place = models.CharField(_("plaats"), max_length=120, blank=True, validators=_published)
    is_free = models.BooleanField(_("gratis"), default=True)
    price = models.DecimalField(
        _("prijs (euro)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    price_note = models.CharField(
        _("uitleg over de prijs"), max_length=200, blank=True, validators=_published,
        help_text=_("Bv. 'UiTPAS-kansentarief: 1 euro'."),
    )  # fmt: skip
    audience = models.CharField(_("voor wie"), max_length=120, blank=True, validators=_published)
    languages = models.CharField(_("talen"), max_length=120, blank=True, validators=_published)
    accessibility = models.CharField(
        _("toegankelijkheid"), max_length=200, blank=True, validators=_published
    )
    access = models.CharField(
        _("hoe deelnemen"),
        max_length=20,
        choices=ActivityAccess.choices,
        default=ActivityAccess.WALK_IN,
    )
    start_date = models.DateField(_("eerste keer"))
    end_date = models.DateField(_("laatste keer"), null=True, blank=True)
    start_time = models.TimeField(_("van"))
    end_time = models.TimeField(_("tot"))
    recurrence = models.CharField(
        _("herhaling"), max_length=20, choices=Recurrence.choices, default=Recurrence.WEEKLY
    )
    month_week = models.SmallIntegerField(
        _("welke week van de maand"), choices=MonthWeek.choices, null=True, blank=True
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["start_time", "title"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self):
        return self.title

    @property
    def functions(self):
        names = [("ontmoeten", self.is_meet), ("leren", self.is_learn),
                 ("verwijzen", self.is_refer), ("politiseren", self.is_advocate)]  # fmt: skip
        return [name for name, on in names if on]

    @property
    def function_labels(self):
        return [Function(name).label for name in self.functions]

    @property
    def function_labels_for_visitors(self):
        """The functions in a visitor's words (public pages)."""
        return [FUNCTION_FOR_VISITORS[name] for name in self.functions]


class SessionChange(models.Model):
    """One session cancelled or moved, with a notice shown wherever the programme appears."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="changes")
    date = models.DateField(_("datum"))
    kind = models.CharField(_("wat verandert"), max_length=20, choices=ChangeKind.choices)
    new_date = models.DateField(_("nieuwe datum"), null=True, blank=True)
    new_start_time = models.TimeField(_("nieuw beginuur"), null=True, blank=True)
    new_end_time = models.TimeField(_("nieuw einduur"), null=True, blank=True)
    notice = models.CharField(
        _("bericht"), max_length=200, blank=True, validators=[no_personal_data],
        help_text=_("Bv. 'De kok is ziek. Volgende week gewoon weer.'"),
    )  # fmt: skip

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "date"], name="session_change_unique")
        ]

    def __str__(self):
        return f"{self.activity} {self.date}: {self.kind}"


class Pause(models.Model):
    """A period without sessions (school holidays), for one activity or the whole STEK."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="pauses")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="pauses",
        verbose_name=_("activiteit"), help_text=_("Leeg: alle activiteiten."),
    )  # fmt: skip
    start = models.DateField(_("van"))
    end = models.DateField(_("tot en met"))
    label = models.CharField(
        _("naam"), max_length=100, validators=[no_personal_data], help_text=_("Bv. Kerstvakantie.")
    )

    class Meta:
        ordering = ["start"]

    def __str__(self):
        return f"{self.label} ({self.start} – {self.end})"


class TallyCategory(models.Model):
    """A visitor category the STEK counts by (adult/child, first visit/returning...)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="tally_categories")
    label = models.CharField(
        _("naam"), max_length=60, validators=[no_personal_data],
        help_text=_("Bv. volwassene, kind, eerste bezoek. Nooit iets dat iemand herkenbaar maakt."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["stek", "label"], name="tally_category_unique")
        ]

    def __str__(self):
        return self.label


class Session(models.Model):
    """A session that was counted: an activity on a date, or the STEK open (activity empty)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="sessions")
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="sessions"
    )
    date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stek", "activity", "date"], name="session_unique"),
            models.UniqueConstraint(
                fields=["stek", "date"],
                condition=models.Q(activity__isnull=True),
                name="session_open_unique",
            ),
        ]

    def __str__(self):
        return f"{self.activity or 'STEK open'} {self.date}"


class TallyCount(models.Model):
    """How many visitors of one category came to one session: an atomic counter."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="counts")
    category = models.ForeignKey(TallyCategory, on_delete=models.PROTECT, related_name="counts")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "category"], name="tally_count_unique")
        ]

    def __str__(self):
        return f"{self.session} {self.category}: {self.count}"


class TapKey(models.Model):
    """The key a device sent with one tap, so that a retried tap counts once (ADR 0002).

    Only a random key and the day: nothing about the visitor, the category or the moment. The
    key is written in the same transaction as the count, so a tap is either counted with its key
    or not at all. Keys older than yesterday are purged by ``purge_tap_keys``."""

    key = models.UUIDField(primary_key=True)
    day = models.DateField(db_index=True)

    def __str__(self):
        return str(self.key)
