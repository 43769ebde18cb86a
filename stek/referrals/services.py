"""Every write on referrals goes through these functions."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.dates import month_of
from stek.core.enums import AuditAction
from stek.core.services import ServiceError

from . import codes
from .enums import REASONS_FOR, ClosedVia, ReferralOutcome, Status, reason_error
from .models import Referral, ReferralTally


def create_referral(
    *,
    actor,
    stek,
    from_organisation,
    service,
    topic,
    barrier="",
    warm_handover=False,
    language="nl",
    now=None,
):
    """A new open referral with a fresh random code."""
    if service.organisation.network_id != stek.network_id:
        raise ServiceError(_("Deze dienst hoort niet bij het netwerk van deze STEK."))
    now = now or timezone.now()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                referral = Referral.objects.create(
                    stek=stek,
                    code=codes.new_code(),
                    service=service,
                    from_organisation=from_organisation,
                    to_organisation=service.organisation,
                    topic=topic,
                    barrier=barrier,
                    warm_handover=warm_handover,
                    language=language,
                    created_by=actor,
                    created_at=now,
                    created_on=timezone.localdate(now),
                    expires_at=now + timedelta(days=settings.STEK_REFERRAL_EXPIRY_DAYS),
                )
        except IntegrityError:  # the one-in-a-billion clash of two random codes
            continue
        audit.record(actor, AuditAction.CREATED, f"verwijzing naar {service.name}", stek=stek)
        return referral
    raise ServiceError(_("Er kon geen nieuwe code gemaakt worden. Probeer opnieuw."))


def _check_live(referral):
    if referral.is_expired:
        raise ServiceError(_("Deze verwijzing is verlopen. Er kan niets meer bij."))


@transaction.atomic
def record_outcome(*, referral, status, outcome="", reason="", via, actor=None):
    """Arrived, or closed with an outcome and an optional coded reason.

    A closed referral can be corrected by a worker; the receiving service (via the code or
    link) can only move an open or arrived referral on."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if via == ClosedVia.SERVICE:
        _check_live(referral)
    elif referral.status == Status.EXPIRED:
        raise ServiceError(_("Deze verwijzing is verlopen. Er kan niets meer bij."))
    now = timezone.now()
    if status == Status.ARRIVED:
        if referral.status == Status.CLOSED:
            raise ServiceError(_("Deze verwijzing is al afgesloten."))
        referral.status = Status.ARRIVED
        referral.arrived_at = referral.arrived_at or now
        referral.outcome = referral.reason = ""
    elif status == Status.CLOSED:
        if outcome == ReferralOutcome.PENDING:
            raise ServiceError(
                _('Loopt de hulp nog? Kies dan "De bezoeker is aangekomen" en sluit later af.')
            )
        if outcome not in ReferralOutcome.values:
            raise ServiceError(_("Kies een uitkomst."))
        if reason and reason not in REASONS_FOR[outcome]:
            raise ServiceError(reason_error(outcome, reason))
        referral.status = Status.CLOSED
        referral.outcome = outcome
        referral.reason = reason
        referral.closed_at = now
        if outcome in (
            ReferralOutcome.GOT_HELP,
            ReferralOutcome.PENDING,
            ReferralOutcome.NOT_ELIGIBLE,
        ) and (referral.arrived_at is None):
            referral.arrived_at = now
    else:
        raise ServiceError(_("Onbekende status."))
    referral.closed_via = via
    referral.save()
    target = f"verwijzing {referral.code_display}: {referral.get_status_display()}"
    audit.record(actor, AuditAction.CHANGED, target, stek=referral.stek)
    return referral


def _tally_key(referral):
    outcome = referral.outcome if referral.status == Status.CLOSED else Status.EXPIRED
    return {
        "month": month_of(referral.created_on),
        "stek_id": referral.stek_id,
        "from_organisation_id": referral.from_organisation_id,
        "to_organisation_id": referral.to_organisation_id,
        "topic_id": referral.topic_id,
        "outcome": outcome or ReferralOutcome.UNKNOWN,
    }


@transaction.atomic
def expire_overdue(now=None):
    """Open and arrived referrals past their expiry become expired. Returns how many."""
    now = now or timezone.now()
    overdue = Referral.objects.overdue(now)
    changed = 0
    for referral in overdue.select_for_update():
        referral.status = Status.EXPIRED
        referral.closed_at = referral.expires_at
        referral.closed_via = ClosedVia.EXPIRY
        referral.save(update_fields=["status", "closed_at", "closed_via"])
        changed += 1
    return changed


@transaction.atomic
def purge(now=None, retention_days=None):
    """Fold closed and expired referrals older than the retention period into the monthly
    counts and delete them. Returns (expired, purged)."""
    now = now or timezone.now()
    retention_days = (
        settings.STEK_REFERRAL_RETENTION_DAYS if retention_days is None else retention_days
    )
    expired = expire_overdue(now)
    cutoff = now - timedelta(days=retention_days)
    old = Referral.objects.filter(
        status__in=[Status.CLOSED, Status.EXPIRED], closed_at__lte=cutoff
    ).select_for_update()
    counts = {}
    pks = []
    for referral in old:
        key = tuple(sorted(_tally_key(referral).items()))
        counts[key] = counts.get(key, 0) + 1
        pks.append(referral.pk)
    for key, n in counts.items():
        fields = dict(key)
        tally, _created = ReferralTally.objects.get_or_create(**fields)
        ReferralTally.objects.filter(pk=tally.pk).update(count=F("count") + n)
    Referral.objects.filter(pk__in=pks).delete()
    if pks:
        audit.record(None, AuditAction.PURGED, f"{len(pks)} verwijzingen opgeruimd")
    return expired, len(pks)
