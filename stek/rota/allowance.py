"""The Belgian volunteer law's flat-rate expense allowance: the day and year caps, and the
hours a volunteer gave (ADR 0012).

Sources: 2024 — vlaanderenvrijwilligt.be, "Kostenvergoedingen" (41,48 euro per dag, 1.659,29
euro per jaar); 2025 — the amounts indexed by FOD Sociale Zekerheid (42,31 / 1.692,51), as
given in issue 17. 2026 could not be confirmed (searched vlaanderenvrijwilligt.be and the
FOD's pages, December 2026): the 2025 caps apply, marked "not confirmed"."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from .enums import AllowanceKind, TakeStatus
from .models import AllowancePayment, ShiftTake


@dataclass(frozen=True)
class Caps:
    year: int
    day: Decimal
    per_year: Decimal
    confirmed: bool
    source_year: int


KNOWN = {
    2024: (Decimal("41.48"), Decimal("1659.29")),
    2025: (Decimal("42.31"), Decimal("1692.51")),
}
WARN_SHARE = Decimal("0.9")  # warn from 90 % of the year cap


def caps_for(year):
    if year in KNOWN:
        day, per_year = KNOWN[year]
        return Caps(year, day, per_year, True, year)
    source = max(y for y in KNOWN if y <= year) if year > min(KNOWN) else min(KNOWN)
    day, per_year = KNOWN[source]
    return Caps(year, day, per_year, False, source)


def hours(take):
    activity = take.activity
    start = datetime.combine(take.date, activity.start_time)
    end = datetime.combine(take.date, activity.end_time)
    return max((end - start).total_seconds() / 3600, 0)


def given_takes(membership, year, today=None):
    """The takes of ``year`` that took place (up to today), the no-shows left out."""
    today = today or timezone.localdate()
    return list(
        ShiftTake.objects.filter(
            membership=membership,
            status=TakeStatus.TAKEN,
            no_show=False,
            date__range=(date(year, 1, 1), min(date(year, 12, 31), today)),
        )  # fmt: skip
        .select_related("activity", "role", "allowance")
        .order_by("date", "activity__start_time")
    )


def summary(membership, year, today=None):
    takes = given_takes(membership, year, today)
    payments = AllowancePayment.objects.filter(membership=membership, date__year=year)
    flat = payments.filter(kind=AllowanceKind.FLAT).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    real = payments.filter(kind=AllowanceKind.REAL).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    caps = caps_for(year)
    return {
        "year": year,
        "takes": takes,
        "hours": round(sum(hours(t) for t in takes), 1),
        "flat": flat,
        "real": real,
        "caps": caps,
        "near_cap": flat >= caps.per_year * WARN_SHARE,
        "left": max(caps.per_year - flat, Decimal(0)),
    }
