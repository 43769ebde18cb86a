"""Reminders of the next two days' shifts (never twice) and the personal iCal feed (issue 17)."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from stek.rota import services
from stek.rota.models import CalendarFeed, ReminderSent
from tests.factories.rota import ShiftNeedFactory
from tests.rota.test_shifts import next_week

pytestmark = pytest.mark.django_db


def test_reminders_go_out_once_with_an_ics_and_only_for_the_next_two_days(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=2)
    me = world.memberships["volunteer_a"]
    soon = services.take(membership=me, need=need, day=next_week(need))
    later = services.take(membership=me, need=need, day=next_week(need) + timedelta(days=7))
    before = services.starts_at(soon.date, need.activity.start_time) - timedelta(days=1)
    assert services.send_reminders(now=before) == (1, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [me.user.email] and need.role.name in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    events = Calendar.from_ical(content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [f"{need.role.name} · {need.activity.title}"]
    assert ReminderSent.objects.filter(take=soon).exists()
    assert not ReminderSent.objects.filter(take=later).exists()
    # run again: nothing twice
    assert services.send_reminders(now=before) == (0, 0)
    out = io.StringIO()
    call_command("send_shift_reminders", stdout=out)
    assert len(mail.outbox) == 1


def test_a_given_back_take_gets_no_reminder(world):
    need = ShiftNeedFactory(stek=world.stek_a)
    take = services.take(membership=world.memberships["volunteer_a"], need=need,
                         day=next_week(need))  # fmt: skip
    services.give_back(take=take)
    before = services.starts_at(take.date, need.activity.start_time) - timedelta(hours=5)
    assert services.send_reminders(now=before) == (0, 0) and not mail.outbox


def test_the_feed_has_my_shifts_behind_a_secret_renewable_revocable_address(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a)
    me = world.memberships["volunteer_a"]
    services.take(membership=me, need=need, day=next_week(need))
    client = client_for("volunteer_a")
    page = client.post(reverse("rota:feed_renew", args=[world.stek_a.slug]))
    url = page.context["feed_url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in CalendarFeed.objects.get(membership=me).token_hash  # only a hash kept
    anonymous = client_for("anonymous")
    feed = anonymous.get(url)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 1
    # renewing: the old address stops working
    client = client_for("volunteer_a")
    new_url = client.post(reverse("rota:feed_renew", args=[world.stek_a.slug])).context["feed_url"]
    assert client_for("anonymous").get(url).status_code == 404
    assert client_for("anonymous").get(new_url).status_code == 200
    client = client_for("volunteer_a")
    client.post(reverse("rota:feed_revoke", args=[world.stek_a.slug]))
    assert client_for("anonymous").get(new_url).status_code == 404
    # the page never shows an address again (it is not kept)
    assert "feed_url" not in (client_for("volunteer_a").get(
        reverse("rota:feed", args=[world.stek_a.slug])).context or {})  # fmt: skip


def test_the_ics_has_the_hours_of_a_moved_session_not_the_activitys_usual_ones(world):
    """A session moved to another day at another hour: the reminder's .ics says the new hour."""
    from datetime import time

    from stek.agenda.enums import ChangeKind
    from stek.agenda.models import SessionChange
    from stek.rota.ical import calendar_of

    need = ShiftNeedFactory(stek=world.stek_a)
    planned = next_week(need)
    moved_to = planned + timedelta(days=1)
    usual = need.activity.start_time
    new_start = time(7) if usual.hour >= 9 else time(15)
    SessionChange.objects.create(activity=need.activity, date=planned, kind=ChangeKind.MOVED,
                                 new_date=moved_to, new_start_time=new_start)  # fmt: skip
    take = services.take(membership=world.memberships["volunteer_a"], need=need, day=moved_to)
    (event,) = Calendar.from_ical(calendar_of([take], "rooster")).walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.date(), start.time()) == (moved_to, new_start)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Zaal 2", "Zaal 2, Kerkstraat 1, 9000 Gent"),
        ("", "Kerkstraat 1, 9000 Gent"),
        ("Kerkstraat 1", "Kerkstraat 1, 9000 Gent"),  # the street itself: not said twice
    ],
)
def test_the_ics_location_names_the_place_and_the_town_once(world, place, expected):
    from stek.rota.ical import calendar_of

    stek = world.stek_a
    stek.street, stek.postal_code, stek.municipality = "Kerkstraat 1", "9000", "Gent"
    stek.save()
    need = ShiftNeedFactory(stek=stek)
    need.activity.place = place
    need.activity.save()
    take = services.take(
        membership=world.memberships["volunteer_a"], need=need, day=next_week(need)
    )
    (event,) = Calendar.from_ical(calendar_of([take], "rooster")).walk("VEVENT")
    assert str(event["LOCATION"]) == expected
