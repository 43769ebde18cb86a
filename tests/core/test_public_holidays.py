"""Belgian public holidays, Easter by the computus (issue 16)."""

from datetime import date

import pytest

from stek.core.dates import belgian_public_holidays, easter, public_holidays_between


@pytest.mark.parametrize(
    "year, sunday",
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22))],
)  # fmt: skip
def test_easter(year, sunday):
    assert easter(year) == sunday


def test_the_ten_belgian_public_holidays_of_2027():
    days = belgian_public_holidays(2027)
    assert list(days) == [
        date(2027, 1, 1), date(2027, 3, 29), date(2027, 5, 1), date(2027, 5, 6),
        date(2027, 5, 17), date(2027, 7, 21), date(2027, 8, 15), date(2027, 11, 1),
        date(2027, 11, 11), date(2027, 12, 25),
    ]  # fmt: skip
    assert str(days[date(2027, 1, 1)]) == "Nieuwjaar"


def test_holidays_between_cross_the_year():
    found = public_holidays_between(date(2026, 12, 20), date(2027, 1, 10))
    assert list(found) == [date(2026, 12, 25), date(2027, 1, 1)]
