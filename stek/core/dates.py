"""Calendar arithmetic every app shares: weeks (their Mondays), months (their first days),
quarters, and a period of whole weeks. Pure functions of dates, no database, no settings.

Days from user input are parsed in ``stek.core.params`` (bounded, never raises);
``parse_day`` is re-exported here for the views that read a day and then count from it. The
publication grid of figures that leave a STEK (``GridPeriod``, ``grid_months``,
``published_from``) stays in ``stek.core.privacy.boundary``: it is privacy logic built on
these functions.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from .params import parse_day

__all__ = [
    "Period",
    "add_months",
    "belgian_public_holidays",
    "easter",
    "public_holidays_between",
    "month_end",
    "month_of",
    "month_span",
    "months_between",
    "monday_of",
    "next_month",
    "parse_day",
    "parse_week",
    "quarter_months",
    "quarter_of",
]


# Weeks --------------------------------------------------------------------------------------


def monday_of(day):
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def parse_week(value, today):
    """The Monday of the week ``value`` falls in (any day of it, YYYY-MM-DD); else this week."""
    return monday_of(parse_day(value) or today)


# Months -------------------------------------------------------------------------------------


def month_of(day):
    """The first day of ``day``'s month (a signal counts in the month of the day it was noted
    in, stored as ``Signal.month``)."""
    return day.replace(day=1)


def add_months(day, months):
    """The first day of the month ``months`` months after ``day``'s (before, when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def next_month(day):
    """The first day of the month after ``day``'s."""
    return add_months(day, 1)


def month_end(day):
    """The last day of ``day``'s month."""
    return next_month(day) - timedelta(days=1)


def months_between(first, last):
    """The first days of every month from ``first``'s to ``last``'s, both included (none when
    ``last`` comes before ``first``'s month)."""
    result, month = [], month_of(first)
    while month <= last:
        result.append(month)
        month = next_month(month)
    return result


def month_span(months):
    """The first and the last day of a run of months (first days, oldest first)."""
    return months[0], month_end(months[-1])


# Quarters -----------------------------------------------------------------------------------


def quarter_of(day):
    """The quarter (1 to 4) ``day``'s month falls in."""
    return (day.month - 1) // 3 + 1


def quarter_months(year, quarter):
    """The first days of the three months of a quarter."""
    first = 3 * (quarter - 1) + 1
    return [date(year, month, 1) for month in range(first, first + 3)]


# A period of whole weeks --------------------------------------------------------------------


@dataclass
class Period:
    """Whole weeks, from the Monday ``start`` to the week of the Monday ``end`` (included)."""

    start: date  # a Monday
    end: date  # a Monday, included

    @classmethod
    def last_weeks(cls, today, weeks=52):
        end = monday_of(today)
        return cls(end - timedelta(weeks=weeks - 1), end)

    @classmethod
    def parse(cls, start, end, today):
        """From two ISO dates (any day of the week); falls back to the last 52 weeks."""
        first, last = parse_day(start), parse_day(end)  # bounded: never year 1 or 9999
        if first is None or last is None:
            return cls.last_weeks(today)
        if last < first or (last - first).days > 366 * 10:
            return cls.last_weeks(today)
        return cls(monday_of(first), monday_of(last))

    @property
    def last_day(self):
        return self.end + timedelta(days=6)

    def months(self):
        """The first days of the months the period's weeks count in."""
        return months_between(self.start, self.last_day)


# Belgian public holidays --------------------------------------------------------------------


def easter(year):
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous computus, as in
    Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def belgian_public_holidays(year):
    """{date: name} of the ten legal public holidays in Belgium in ``year`` (the days most
    services and many meeting places are closed). Regional and community days (11 July,
    27 September, 15 November) and school holidays are not in it."""
    sunday = easter(year)
    return dict(
        sorted(
            {
                date(year, 1, 1): _("Nieuwjaar"),
                sunday + timedelta(days=1): _("Paasmaandag"),
                date(year, 5, 1): _("Dag van de Arbeid"),
                sunday + timedelta(days=39): _("Onze-Lieve-Heer-Hemelvaart"),
                sunday + timedelta(days=50): _("Pinkstermaandag"),
                date(year, 7, 21): _("Nationale feestdag"),
                date(year, 8, 15): _("Onze-Lieve-Vrouw-Hemelvaart"),
                date(year, 11, 1): _("Allerheiligen"),
                date(year, 11, 11): _("Wapenstilstand"),
                date(year, 12, 25): _("Kerstmis"),
            }.items()
        )
    )


def public_holidays_between(start, end):
    """{date: name} of the Belgian public holidays from ``start`` to ``end`` (inclusive)."""
    found = {}
    for year in range(start.year, end.year + 1):
        found.update(
            {d: name for d, name in belgian_public_holidays(year).items() if start <= d <= end}
        )
    return found
