"""Occurrences are cached per STEK and day (issue 15), and a change is seen at once."""

from datetime import time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stek.agenda import services
from stek.agenda.enums import ChangeKind
from stek.agenda.models import Activity, Pause, SessionChange
from stek.agenda.occurrences import occurrences
from tests.factories.agenda import ActivityFactory


def _week(stek):
    today = timezone.localdate()
    return [
        (o.date, o.start_time, o.status) for o in occurrences(stek, today, today + timedelta(6))
    ]


def test_the_second_read_comes_from_the_cache(world):
    stek = world.stek_a
    ActivityFactory(stek=stek)
    first = _week(stek)
    with CaptureQueriesContext(connection) as captured:
        again = _week(stek)
    assert again == first and len(first) == 1
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    assert "agenda_pause" not in tables and "agenda_sessionchange" not in tables
    assert "agenda_activity" in tables  # the activities themselves are always read fresh


def test_a_pause_a_change_and_an_edit_are_seen_at_once(world):
    stek = world.stek_a
    activity = ActivityFactory(stek=stek)
    today = timezone.localdate()
    assert _week(stek) == [(today, time(10), "scheduled")]

    pause = Pause.objects.create(stek=stek, start=today, end=today, label="Verlof")
    assert _week(stek) == []
    pause.delete()
    assert _week(stek) == [(today, time(10), "scheduled")]

    SessionChange.objects.create(activity=activity, date=today, kind=ChangeKind.CANCELLED)
    assert _week(stek) == [(today, time(10), "cancelled")]
    services.undo_session_change(actor=None, activity=activity, day=today)
    assert _week(stek) == [(today, time(10), "scheduled")]

    activity.start_time = time(9)
    activity.save()
    assert _week(stek) == [(today, time(9), "scheduled")]
    # even a write that sends no signal (update) changes what the cache is keyed by
    Activity.objects.filter(pk=activity.pk).update(start_time=time(8))
    assert _week(stek) == [(today, time(8), "scheduled")]
    services.deactivate_activity(actor=None, activity=activity)
    assert _week(stek) == []


def test_each_stek_has_its_own_cache(world):
    ActivityFactory(stek=world.stek_a)
    assert len(_week(world.stek_a)) == 1
    assert _week(world.stek_b) == []
    Pause.objects.create(stek=world.stek_b, start=timezone.localdate(), end=timezone.localdate())
    assert len(_week(world.stek_a)) == 1
