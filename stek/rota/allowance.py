"""The Belgian volunteer law's flat-rate expense allowance: the day and year caps, the
kilometre allowance that may go with it, and the hours a volunteer gave (ADR 0012).

Sources (looked up 4 December 2026):
- 2024 caps: vlaanderenvrijwilligt.be, "Kostenvergoedingen"
  (https://www.vlaanderenvrijwilligt.be/wetgeving/kostenvergoedingen/): 41,48 / 1.659,29.
- 2025 caps: Vlaanderen.be, "Vrijwilligersstatuut op een zomerschool"
  (https://www.vlaanderen.be/onderwijs-en-vorming/zomerscholen/info-voor-organisatoren/vrijwilligersstatuut-zomerschool):
  "In 2025 bedraagt het plafond van de kostenvergoeding 42,31 euro per dag en 1692,51 euro
  per jaar."
- 2026 caps: Securex Lex4You, "Volontariat : les montants pour 2026 sont connus"
  (https://www.securex.be/fr/lex4you/employeur/actualites/volontariat-les-montants-pour-2026-sont-connus):
  44,02 euro a day, 1.760,83 euro a year (the raised sports/care cap 3.233,91 is not modelled).
  A payroll secretariat, not the FOD's own page: the FOD's and vlaanderenvrijwilligt.be's 2026
  pages were not among the stored sources.
- Real transport costs with the flat rate, up to 2.000 km a year (Programmawet 19 mei 2009):
  dynamoproject.be, "Is een combinatie tussen een reële en een forfaitaire onkostenvergoeding
  voor vrijwilligers mogelijk?"; kando.be and ikorganiseer.be say the same.
- The rate per km is the federal civil servants' (KB 13 juli 2017). Since 1 October 2022 it is
  set each quarter, not each 1 July (BOSA, "Kilometervergoeding: verhoging en driemaandelijkse
  herziening", https://bosa.belgium.be/nl/news/kilometervergoeding-verhoging-en-driemaandelijkse-herziening).
  Known quarters: see KM_RATES. A day outside a known quarter uses the last known rate,
  marked "not confirmed"."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from .enums import AllowanceKind, TakeStatus
from .models import AllowancePayment, KilometreClaim, ShiftTake


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
    2026: (Decimal("44.02"), Decimal("1760.83")),
}
WARN_SHARE = Decimal("0.9")  # warn from 90 % of the year cap


def caps_for(year):
    if year in KNOWN:
        day, per_year = KNOWN[year]
        return Caps(year, day, per_year, True, year)
    source = max(y for y in KNOWN if y <= year) if year > min(KNOWN) else min(KNOWN)
    day, per_year = KNOWN[source]
    return Caps(year, day, per_year, False, source)


KM_YEAR_CAP = 2000  # km of real transport costs a year that may go with the flat rate
KM_WARN_SHARE = Decimal("0.9")  # warn from 1.800 km

# (first day, last day, euro per km, source): the federal rate for a quarter.
KM_RATES = [
    (date(2023, 7, 1), date(2023, 9, 30), Decimal("0.4237"),
     "https://www.attentia.be/nl/nieuws/kilometervergoeding-voor-professionele-verplaatsingen/"),
    (date(2024, 1, 1), date(2024, 3, 31), Decimal("0.4269"),
     "https://www.twizzit.com/v2/blog/article/volunteer-allowances-maximum-2024"),
    (date(2026, 1, 1), date(2026, 3, 31), Decimal("0.4326"),
     "https://q-bus.be/nieuws/kilometervergoeding-2026"),
]  # fmt: skip


@dataclass(frozen=True)
class KmRate:
    day: date
    rate: Decimal
    confirmed: bool
    since: date  # the first day of the quarter the rate is known for


def km_rate_for(day):
    """The federal rate per km for ``day``: the known quarter's, or the last known before it
    (not confirmed); before the first known quarter, the first one's (not confirmed)."""
    for first, last, rate, _source in KM_RATES:
        if first <= day <= last:
            return KmRate(day, rate, True, first)
    earlier = [r for r in KM_RATES if r[0] <= day] or KM_RATES[:1]
    first, _last, rate, _source = max(earlier, key=lambda r: r[0])
    return KmRate(day, rate, False, first)


def km_amount(km, rate):
    return (Decimal(km) * rate).quantize(Decimal("0.01"))


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
        .select_related("activity", "role", "allowance", "kilometres")
        .order_by("date", "activity__start_time")
    )


def summary(membership, year, today=None):
    takes = given_takes(membership, year, today)
    payments = AllowancePayment.objects.filter(membership=membership, date__year=year)
    flat = payments.filter(kind=AllowanceKind.FLAT).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    real = payments.filter(kind=AllowanceKind.REAL).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    caps = caps_for(year)
    claims = list(
        KilometreClaim.objects.filter(membership=membership, date__year=year).order_by("date")
    )
    km = sum(c.km for c in claims)
    return {
        "claims": claims,
        "km": km,
        "km_amount": sum((c.amount for c in claims), Decimal(0)),
        "km_cap": KM_YEAR_CAP,
        "km_left": max(KM_YEAR_CAP - km, 0),
        # the 2.000 km count only with the flat rate; on real costs the km are real costs
        "km_capped": real == 0,
        "near_km_cap": real == 0 and km >= KM_YEAR_CAP * KM_WARN_SHARE,
        "year": year,
        "takes": takes,
        "hours": round(sum(hours(t) for t in takes), 1),
        "flat": flat,
        "real": real,
        "caps": caps,
        "near_cap": flat >= caps.per_year * WARN_SHARE,
        "left": max(caps.per_year - flat, Decimal(0)),
    }
