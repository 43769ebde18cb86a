"""The one module of calendar arithmetic: weeks, months, quarters and a period of weeks."""

from datetime import date

import pytest

from stek.core import dates
from stek.core.dates import (
    Period,
    add_months,
    monday_of,
    month_end,
    month_of,
    month_span,
    months_between,
    next_month,
    parse_week,
    quarter_months,
    quarter_of,
)
from stek.core.privacy import boundary


def test_the_monday_of_a_week():
    assert monday_of(date(2026, 3, 4)) == date(2026, 3, 2)  # a Wednesday
    assert monday_of(date(2026, 3, 2)) == date(2026, 3, 2)
    assert monday_of(date(2026, 3, 1)) == date(2026, 2, 23)  # a Sunday: the week before
    assert parse_week("2026-03-08", date(2000, 1, 1)) == date(2026, 3, 2)
    assert parse_week("nonsense", date(2026, 3, 4)) == date(2026, 3, 2)


def test_the_month_of_a_week_is_the_month_of_its_monday():
    assert month_of(date(2026, 3, 30)) == date(2026, 3, 1)  # a week that ends in April
    assert month_of(date(2026, 12, 31)) == date(2026, 12, 1)


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 1)),
        (date(2026, 12, 5), 1, date(2027, 1, 1)),
        (date(2026, 7, 15), -5, date(2026, 2, 1)),
        (date(2026, 5, 15), -5, date(2025, 12, 1)),
        (date(2026, 1, 1), -13, date(2024, 12, 1)),
        (date(2026, 3, 9), 0, date(2026, 3, 1)),
    ],
)
def test_months_added_and_taken_away(day, months, expected):
    assert add_months(day, months) == expected


def test_the_end_of_a_month_and_of_a_run_of_months():
    assert next_month(date(2026, 12, 31)) == date(2027, 1, 1)
    assert month_end(date(2026, 2, 10)) == date(2026, 2, 28)
    assert month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month_end(date(2026, 12, 1)) == date(2026, 12, 31)
    assert month_span([date(2026, 1, 1), date(2026, 2, 1)]) == (date(2026, 1, 1), date(2026, 2, 28))


def test_every_month_between_two_days():
    assert months_between(date(2025, 11, 20), date(2026, 2, 1)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert months_between(date(2026, 3, 5), date(2026, 3, 6)) == [date(2026, 3, 1)]
    assert months_between(date(2026, 3, 5), date(2026, 2, 28)) == []


def test_the_quarter_of_a_month():
    quarters = [quarter_of(date(2026, m, 1)) for m in range(1, 13)]
    assert quarters == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert quarter_months(2026, 4) == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    # the publication grid counts on the same arithmetic
    assert boundary.quarter_of_month(date(2026, 8, 1)) == boundary.GridPeriod(2026, 3)
    assert boundary.GridPeriod(2026, 2).months() == quarter_months(2026, 2)


def test_a_period_of_whole_weeks():
    today = date(2026, 3, 4)
    year = Period.last_weeks(today)
    assert year.end == date(2026, 3, 2) and year.start == date(2025, 3, 10)
    assert (year.end - year.start).days == 51 * 7
    assert Period.parse("2026-01-07", "2026-02-04", today) == Period(
        date(2026, 1, 5), date(2026, 2, 2)
    )
    assert Period.parse("2026-02-04", "2026-01-07", today) == year  # backwards: the default
    assert Period.parse("", "2026-01-07", today) == year
    assert Period.parse("2000-01-03", "2026-01-07", today) == year  # more than ten years
    period = Period(date(2026, 1, 26), date(2026, 2, 23))
    assert period.last_day == date(2026, 3, 1)
    assert period.months() == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]


def test_published_from_still_falls_on_the_tuesday_after_the_last_week_of_the_month():
    # March 2026 ends on a Tuesday; its last week starts on Monday 30 March
    assert boundary.published_from(date(2026, 3, 1)) == date(2026, 4, 7)
    # May 2026 ends on a Sunday; its last week starts on Monday 25 May
    assert boundary.published_from(date(2026, 5, 1)) == date(2026, 6, 2)


def test_the_apps_take_their_arithmetic_from_here():
    from stek.advocacy import stats

    assert stats.Period is dates.Period and stats.month_span is dates.month_span
