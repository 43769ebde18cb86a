"""Outcomes and reciprocity for one STEK: live referrals plus the counts kept after the purge.

Within a STEK, its own workers see exact counts (nothing leaves the STEK). Periods are whole
months, because that is the grain of what remains after the purge."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone

from stek.core.dates import next_month
from stek.core.models import Organisation

from .enums import ReferralOutcome, Status
from .models import Referral, ReferralTally

GOOD = {ReferralOutcome.GOT_HELP, ReferralOutcome.PENDING}


def outcome_key(status, outcome):
    if status == Status.CLOSED:
        return outcome or ReferralOutcome.UNKNOWN
    if status == Status.EXPIRED:
        return Status.EXPIRED  # kept in a tally as the outcome "expired"
    return status  # open or arrived


def _rows(stek, first_month, last_month):
    """(from_id, to_id, topic_id, key, n) for every referral made in the months."""
    now = timezone.now()
    end = next_month(last_month)
    live = Referral.objects.filter(stek=stek, created_on__gte=first_month, created_on__lt=end)
    for r in live.values(
        "from_organisation_id",
        "to_organisation_id",
        "topic_id",
        "status",
        "outcome",
        "expires_at",
    ):
        status = r["status"]
        if status in (Status.OPEN, Status.ARRIVED) and r["expires_at"] <= now:
            status = Status.EXPIRED
        key = outcome_key(status, r["outcome"])
        yield r["from_organisation_id"], r["to_organisation_id"], r["topic_id"], key, 1
    kept = ReferralTally.objects.filter(stek=stek, month__gte=first_month, month__lt=end)
    yield from kept.values_list(
        "from_organisation_id", "to_organisation_id", "topic_id", "outcome", "count"
    )


@dataclass
class ReferralOverview:
    outcomes: list  # [(key, label, n)]
    total: int
    matrix_orgs: list  # organisations in row/column order
    matrix: dict  # (from_id, to_id) -> {"n": int, "good": int}
    sent: dict  # org_id -> n
    received: dict  # org_id -> n
    balance: list  # [(org, sent, received, share_good_received)]


LABELS = {
    **dict(ReferralOutcome.choices),
    Status.OPEN: Status.OPEN.label,
    Status.ARRIVED: Status.ARRIVED.label,
    Status.EXPIRED: Status.EXPIRED.label,
}


def overview(stek, first_month, last_month):
    outcomes = Counter()
    matrix = defaultdict(lambda: {"n": 0, "good": 0})
    sent, received, good_received = Counter(), Counter(), Counter()
    for from_id, to_id, _topic, key, n in _rows(stek, first_month, last_month):
        outcomes[key] += n
        cell = matrix[(from_id, to_id)]
        cell["n"] += n
        if key in GOOD:
            cell["good"] += n
            good_received[to_id] += n
        sent[from_id] += n
        received[to_id] += n
    ids = {i for i in set(sent) | set(received) if i is not None}
    orgs = list(Organisation.objects.filter(pk__in=ids).order_by("name"))
    order = [
        key
        for key in (Status.OPEN, Status.ARRIVED, *ReferralOutcome.values, Status.EXPIRED)
        if outcomes[key]
    ]
    balance = [
        (
            org,
            sent[org.pk],
            received[org.pk],
            round(100 * good_received[org.pk] / received[org.pk]) if received[org.pk] else None,
        )
        for org in orgs
    ]
    return ReferralOverview(
        outcomes=[(key, LABELS.get(key, key), outcomes[key]) for key in order],
        total=sum(outcomes.values()),
        matrix_orgs=orgs,
        matrix=dict(matrix),
        sent=dict(sent),
        received=dict(received),
        balance=balance,
    )
