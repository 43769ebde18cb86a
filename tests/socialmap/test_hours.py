from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError

from stek.socialmap import hours
from stek.socialmap.hours import BRUSSELS
from stek.socialmap.models import ServiceNotice

EXPR = "Mo-Fr 09:00-12:00; Tu 13:30-16:00; PH off"


def at(*args):
    return datetime(*args, tzinfo=BRUSSELS)


def test_open_within_hours_and_closed_outside():
    assert hours.is_open(EXPR, at=at(2026, 11, 23, 10, 0)) is True  # Monday morning
    assert hours.is_open(EXPR, at=at(2026, 11, 23, 12, 0)) is False  # closes at 12:00
    assert hours.is_open(EXPR, at=at(2026, 11, 24, 14, 0)) is True  # Tuesday afternoon
    assert hours.is_open(EXPR, at=at(2026, 11, 28, 10, 0)) is False  # Saturday


def test_belgian_public_holidays_close_with_ph_off():
    # 11 November (Wapenstilstand) 2026 is a Wednesday.
    assert hours.is_open(EXPR, at=at(2026, 11, 11, 10, 0)) is False
    assert hours.is_open("Mo-Fr 09:00-12:00", at=at(2026, 11, 11, 10, 0)) is True


def test_a_closing_notice_closes_and_an_info_notice_does_not():
    closure = ServiceNotice(
        kind="closure", starts_on=date(2026, 11, 23), ends_on=date(2026, 11, 27)
    )
    info = ServiceNotice(kind="info", starts_on=date(2026, 11, 23), ends_on=date(2026, 11, 27))
    assert hours.is_open(EXPR, [closure], at=at(2026, 11, 23, 10, 0)) is False
    assert hours.is_open(EXPR, [info], at=at(2026, 11, 23, 10, 0)) is True


def test_next_opening_skips_closed_days():
    closure = ServiceNotice(
        kind="holiday", starts_on=date(2026, 11, 23), ends_on=date(2026, 11, 24)
    )
    nxt = hours.next_opening(EXPR, [closure], at=at(2026, 11, 23, 8, 0))
    assert nxt == at(2026, 11, 25, 9, 0)


def test_unknown_hours_are_unknown_not_closed():
    assert hours.is_open("", at=at(2026, 11, 23, 10, 0)) is None


def test_unreadable_hours_are_refused_with_an_example():
    with pytest.raises(ValidationError, match="Mo-Fr"):
        hours.validate_opening_hours("maandag 9 tot 12")
    hours.validate_opening_hours("Mo-Fr 09:00-12:00; PH off")


def test_weekly_rules_for_hsds():
    assert hours.weekly_rules(EXPR) == [
        (["MO", "TU", "WE", "TH", "FR"], "09:00", "12:00"),
        (["TU"], "13:30", "16:00"),
    ]
