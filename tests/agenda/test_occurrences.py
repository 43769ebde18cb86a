from datetime import date, time

import pytest

from stek.agenda.enums import ChangeKind, Recurrence
from stek.agenda.models import Activity, Pause, SessionChange
from stek.agenda.occurrences import occurrences, planned_dates
from tests.factories import StekFactory


def make(stek, **kw):
    base = {"title": "Act", "start_time": time(14), "end_time": time(16)}
    base.update(kw)
    return Activity.objects.create(stek=stek, **base)


@pytest.fixture
def stek(db):
    return StekFactory()


def test_weekly_every_other_week_and_end_date(stek):
    tuesday = date(2026, 11, 3)
    weekly = make(stek, start_date=tuesday, recurrence=Recurrence.WEEKLY)
    biweekly = make(stek, start_date=tuesday, recurrence=Recurrence.BIWEEKLY,
                    end_date=date(2026, 12, 1))  # fmt: skip
    nov = (date(2026, 11, 1), date(2026, 11, 30))
    assert [d.day for d in planned_dates(weekly, *nov)] == [3, 10, 17, 24]
    assert [d.day for d in planned_dates(biweekly, *nov)] == [3, 17]
    assert planned_dates(biweekly, date(2026, 12, 1), date(2026, 12, 31)) == [date(2026, 12, 1)]


def test_nth_and_last_weekday_of_the_month(stek):
    second_tuesday = make(stek, start_date=date(2026, 1, 13), recurrence=Recurrence.MONTHLY,
                          month_week=2)  # fmt: skip
    last_thursday = make(stek, start_date=date(2026, 1, 29), recurrence=Recurrence.MONTHLY,
                         month_week=-1)  # fmt: skip
    span = (date(2026, 9, 1), date(2026, 12, 31))
    assert planned_dates(second_tuesday, *span) == [
        date(2026, 9, 8), date(2026, 10, 13), date(2026, 11, 10), date(2026, 12, 8)
    ]  # fmt: skip
    assert planned_dates(last_thursday, *span) == [
        date(2026, 9, 24), date(2026, 10, 29), date(2026, 11, 26), date(2026, 12, 31)
    ]  # fmt: skip


def test_once(stek):
    info = make(stek, start_date=date(2026, 12, 2), recurrence=Recurrence.ONCE)
    assert planned_dates(info, date(2026, 11, 1), date(2027, 1, 31)) == [date(2026, 12, 2)]


def test_pauses_cancellations_and_moves(stek):
    act = make(stek, start_date=date(2026, 12, 1), recurrence=Recurrence.WEEKLY)  # Tuesdays
    other = make(stek, title="Other", start_date=date(2026, 12, 2))  # Wednesdays
    Pause.objects.create(stek=stek, activity=act, start=date(2026, 12, 21),
                         end=date(2027, 1, 3), label="Kerstvakantie")  # fmt: skip
    SessionChange.objects.create(activity=act, date=date(2026, 12, 8),
                                 kind=ChangeKind.CANCELLED, notice="De kok is ziek.")  # fmt: skip
    SessionChange.objects.create(activity=act, date=date(2026, 12, 15), kind=ChangeKind.MOVED,
                                 new_date=date(2026, 12, 17), new_start_time=time(10))  # fmt: skip
    found = [
        (o.activity.title, o.date.day, o.status, o.start_time.hour, o.notice)
        for o in occurrences(stek, date(2026, 12, 1), date(2026, 12, 31))
        if o.activity == act
    ]
    assert found == [
        ("Act", 1, "scheduled", 14, ""),
        ("Act", 8, "cancelled", 14, "De kok is ziek."),
        ("Act", 15, "moved_away", 14, ""),
        ("Act", 17, "moved_here", 10, ""),
        # 22 and 29 December: Christmas pause
    ]
    others = [o.date.day for o in occurrences(stek, date(2026, 12, 1), date(2026, 12, 31))
              if o.activity == other]  # fmt: skip
    assert others == [2, 9, 16, 23, 30]  # the pause was for one activity only


def test_a_session_moved_into_the_window_from_outside_it_appears(stek):
    act = make(stek, start_date=date(2026, 11, 24))
    SessionChange.objects.create(activity=act, date=date(2026, 11, 24), kind=ChangeKind.MOVED,
                                 new_date=date(2026, 12, 2))  # fmt: skip
    december = occurrences(stek, date(2026, 12, 1), date(2026, 12, 6))
    assert [(o.date.day, o.status, o.other_date) for o in december] == [
        (1, "scheduled", None), (2, "moved_here", date(2026, 11, 24))
    ]  # fmt: skip
