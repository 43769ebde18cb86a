"""The only write the rights check makes, and only when the STEK enables it: a weekly count of
the rights its check showed as likely or maybe. Never the answers, never who (ADR 0004)."""

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from stek.core import versions
from stek.core.dates import monday_of

from .check import LIKELY, MAYBE
from .models import RightShown, ShownStatus


@transaction.atomic
def count_shown(*, stek, door, result, day=None):
    """Add one finished check and the rights it showed to the STEK's weekly counts. Does
    nothing when the STEK has not enabled counting. Concurrent checks are never lost: each
    count is raised in the database (``count = count + 1``)."""
    if not stek.count_rights_shown:
        return False
    week = monday_of(day or timezone.localdate())
    keys = [("", ShownStatus.CHECK)] + [
        (right.id, right.status) for right in result.rights if right.status in (LIKELY, MAYBE)
    ]
    for right, status in keys:
        row, _created = RightShown.objects.get_or_create(
            stek=stek, week=week, door=door, right=right, status=status
        )
        RightShown.objects.filter(pk=row.pk).update(count=F("count") + 1)
    shown_changed()
    return True


SHOWN_VERSION = "rights:shown:version"


def shown_version():
    """The version of the weekly counts of rights shown (``core.versions``): renewed by every
    count (``count_shown``, an update that sends no signal), so a page that shows them and
    is remembered under it is never stale."""
    return versions.current(SHOWN_VERSION)


def shown_changed():
    versions.bump(SHOWN_VERSION)


def shown_counts(stek, start, end):
    """For the weeks from ``start`` up to and including ``end`` (Mondays): the number of
    checks, and per right id {"likely": n, "maybe": n}."""
    rows = (
        RightShown.objects.filter(stek=stek, week__gte=start, week__lte=end)
        .values("right", "status")
        .annotate(n=Sum("count"))
        .order_by()
    )
    checks, per_right = 0, {}
    for row in rows:
        if row["status"] == ShownStatus.CHECK:
            checks += row["n"]
        else:
            per_right.setdefault(row["right"], {LIKELY: 0, MAYBE: 0})[row["status"]] = row["n"]
    return checks, per_right
