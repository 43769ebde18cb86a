"""Anonymous referrals. A referral names the STEK, the two organisations, the service, the need
and the week, and never the person: the code on the slip is the only link, and it expires.
Closed referrals are purged after a retention period; only ``ReferralTally`` counts remain."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.core.models import Organisation, Stek
from stek.core.vocabulary import Barrier, Topic
from stek.socialmap.models import Service

from . import codes
from .enums import ClosedVia, Reason, ReferralOutcome, SlipLanguage, Status


class ReferralQuerySet(models.QuerySet):
    def live(self, now=None):
        """Open or arrived, and not past their expiry."""
        now = now or timezone.now()
        return self.filter(status__in=[Status.OPEN, Status.ARRIVED], expires_at__gt=now)

    def overdue(self, now=None):
        now = now or timezone.now()
        return self.filter(status__in=[Status.OPEN, Status.ARRIVED], expires_at__lte=now)


class Referral(models.Model):
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="referrals")
    code = models.CharField(max_length=codes.LENGTH, unique=True, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.SET_NULL, null=True, related_name="referrals"
    )
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="referrals_sent"
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="referrals_received"
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, verbose_name=_("nood of thema"))
    barrier = models.CharField(
        _("drempel die de bezoeker ervaart"), max_length=20, choices=Barrier.choices, blank=True
    )
    warm_handover = models.BooleanField(
        _("warme overdracht"),
        default=False,
        help_text=_("Ik bel de dienst of ga mee."),
    )
    language = models.CharField(
        _("taal van het briefje"), max_length=2, choices=SlipLanguage.choices, default="nl"
    )
    created_on = models.DateField(default=timezone.localdate, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    arrived_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=20, choices=ReferralOutcome.choices, blank=True
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_via = models.CharField(max_length=10, choices=ClosedVia.choices, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        indexes = [models.Index(fields=["stek", "created_on"])]

    def __str__(self):
        return codes.display(self.code)

    @property
    def code_display(self):
        return codes.display(self.code)

    @property
    def is_expired(self):
        return self.marked_expired or self.past_due

    @property
    def marked_expired(self):
        """Closed with the status expired (no outcome can be noted any more)."""
        return self.status == Status.EXPIRED

    @property
    def past_due(self):
        """Still open or arrived but past its expiry: expired, not yet marked so."""
        return self.status in (Status.OPEN, Status.ARRIVED) and self.expires_at <= timezone.now()

    @property
    def week(self):
        year, week, _day = self.created_on.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def week_start(self):
        """The Monday of the week it was made, for "week van 30 november 2026"."""
        return self.created_on - timedelta(days=self.created_on.weekday())


class ReferralTally(models.Model):
    """What is kept after the purge: counts per month × STEK × from × to × topic × outcome.

    ``outcome`` holds a ReferralOutcome value, or ``Status.EXPIRED`` ("expired") for referrals that
    expired unanswered."""

    month = models.DateField()
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="referral_tallies")
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("geteld verwijzingen")
        indexes = [models.Index(fields=["stek", "month"])]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.outcome}: {self.count}"
