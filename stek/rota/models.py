"""The rota: the roles a STEK's volunteers and workers fill (each with its task card), how many
of each role every session of an activity needs, and who took a place (ADR 0012).

Staff data only, and little of it: a take links a membership to an activity on a date in a
role. No visitor ever appears here."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.agenda.enums import Pictogram
from stek.agenda.models import Activity
from stek.core.models import Membership, Organisation, Stek

from .enums import AllowanceKind, ReserveStatus, TakeStatus


class Role(models.Model):
    """A task in the STEK, with its task card: what you do, what we expect, who to ask."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="rota_roles")
    name = models.CharField(_("naam"), max_length=80)
    what_you_do = models.TextField(_("wat je doet"), max_length=600)
    what_we_expect = models.TextField(_("wat we verwachten"), max_length=600, blank=True)
    who_to_ask = models.CharField(
        _("bij wie je terecht kan"), max_length=150, blank=True,
        help_text=_("Een rol of een voornaam, bv. 'de coördinator' of 'Mieke van de keuken'."),
    )  # fmt: skip
    pictogram = models.CharField(
        _("pictogram"), max_length=20, choices=Pictogram.choices, default=Pictogram.COFFEE
    )
    requirement = models.CharField(
        _("voorwaarde"), max_length=200, blank=True,
        help_text=_("Bv. een attest voedselhygiëne. Laat leeg als er geen is."),
    )  # fmt: skip
    needs_partner = models.BooleanField(
        _("plaats voor een medewerker van een partner"), default=False,
        help_text=_("Deze rol vult een werker van een partnerorganisatie in, geen vrijwilliger."),
    )  # fmt: skip
    partner = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="rota_roles", verbose_name=_("welke partner"),
        help_text=_("Leeg: een medewerker van om het even welke partner."),
    )  # fmt: skip
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("rol in het rooster")
        verbose_name_plural = _("rollen in het rooster")
        constraints = [
            models.UniqueConstraint(fields=["stek", "name"], name="rota_role_unique_name"),
        ]

    def __str__(self):
        return self.name


class ShiftNeed(models.Model):
    """How many people of a role every session of an activity needs."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="shift_needs")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="shift_needs")
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="needs")
    count = models.PositiveSmallIntegerField(_("aantal"), default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "role"], name="rota_need_unique"),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="rota_need_count_min"),
        ]

    def __str__(self):
        return f"{self.activity} · {self.role} × {self.count}"


class ShiftTake(models.Model):
    """A person said "Ik kom" for a role in a session (an activity on a date)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="shift_takes")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="shift_takes")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="shift_takes")
    date = models.DateField()
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="takes")
    status = models.CharField(max_length=20, choices=TakeStatus.choices, default=TakeStatus.TAKEN)
    first_time = models.BooleanField(
        default=False, help_text=_("De eerste keer in deze rol: zet er iemand met ervaring naast.")
    )
    taken_at = models.DateTimeField(default=timezone.now)
    given_back_at = models.DateTimeField(null=True, blank=True)
    looking_for_standin = models.BooleanField(
        default=False, help_text=_("De persoon zoekt een vervanger: anderen zien de plaats.")
    )
    no_show = models.BooleanField(
        default=False, help_text=_("Niet gekomen. Alleen de coördinator ziet dit; er volgt niets.")
    )

    class Meta:
        ordering = ["date", "activity__start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "activity", "date", "role"], name="rota_take_unique"
            ),
        ]
        indexes = [models.Index(fields=["stek", "date"], name="rota_take_stek_date")]

    def __str__(self):
        return f"{self.membership} · {self.role} · {self.activity} {self.date}"


class ReserveEntry(models.Model):
    """A person on the reserve list of a full slot (a role in a session). When someone gives
    their place back, the first one waiting is offered it until the session starts."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="rota_reserves")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reserves")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reserves")
    date = models.DateField()
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="reserves")
    status = models.CharField(
        max_length=20, choices=ReserveStatus.choices, default=ReserveStatus.WAITING
    )
    joined_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "activity", "date", "role"], name="rota_reserve_unique"
            ),
        ]

    def __str__(self):
        return f"{self.membership} · {self.role} · {self.activity} {self.date} ({self.status})"


class ReminderSent(models.Model):
    """A reminder of this take went out: ``send_shift_reminders`` never sends it twice."""

    take = models.OneToOneField(ShiftTake, on_delete=models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.take} · {self.sent_at:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """The secret address of a person's own shifts as an iCal feed. Only a hash of the token is
    kept: the address is shown once, when made; renewing makes the old one stop working."""

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="rota_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.membership} · {self.created_at:%Y-%m-%d}"


class AllowancePayment(models.Model):
    """An expense allowance the coordinator paid for a take (the Belgian volunteer law: a flat
    rate within a day and a year cap, or real costs with proof; never both in one year)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="rota_allowances")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="rota_allowances"
    )
    take = models.OneToOneField(ShiftTake, on_delete=models.CASCADE, related_name="allowance")
    date = models.DateField()
    kind = models.CharField(_("soort"), max_length=10, choices=AllowanceKind.choices)
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=7, decimal_places=2)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="rota_allowance_pos"),
        ]

    def __str__(self):
        return f"{self.membership} · {self.date} · {self.amount}"


class VolunteerRecord(models.Model):
    """What the coordinator ticks for a volunteer: the organisation's note (organisatienota,
    the volunteer law's information duty) was handed over. Never a benefit status."""

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="rota_record"
    )
    note_given_on = models.DateField(_("organisatienota gegeven op"), null=True, blank=True)

    def __str__(self):
        return f"{self.membership} · {self.note_given_on}"


class KilometreClaim(models.Model):
    """The kilometres a volunteer drove for a take, paid at the federal civil servants' rate
    of that day (real transport costs). With the flat rate only up to 2,000 km a year: the one
    exception to "flat rate and real costs never mixed" (ADR 0012)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="rota_kilometres")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="rota_kilometres"
    )
    take = models.OneToOneField(ShiftTake, on_delete=models.CASCADE, related_name="kilometres")
    date = models.DateField()
    km = models.PositiveIntegerField(_("kilometers"))
    rate = models.DecimalField(_("euro per kilometer"), max_digits=6, decimal_places=4)
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=7, decimal_places=2)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(km__gt=0), name="rota_km_pos"),
        ]

    def __str__(self):
        return f"{self.membership} · {self.date} · {self.km} km"
