"""Issue 16, visitors: what a visitor saw wrong on the programme, the screen, iCal and poster."""

import re
from datetime import datetime, time, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from icalendar import Calendar

from stek.agenda.enums import ChangeKind
from stek.agenda.models import Activity, SessionChange
from stek.public.programme import opening_today, programme_days
from tests.factories.agenda import ActivityFactory


@pytest.fixture
def coffee(world):
    today = timezone.localdate()
    activity = ActivityFactory(stek=world.stek_a, start_date=today - timedelta(days=14))
    SessionChange.objects.create(
        activity=activity, date=today + timedelta(days=7), kind=ChangeKind.CANCELLED,
        notice="De koffiemachine is stuk.",
    )  # fmt: skip
    return activity


def test_public_filter_speaks_visitor_words_staff_words_stay(coffee, client):
    html = client.get("/alfa/programma/").content.decode()
    for word in ("Samen zijn", "Iets leren", "Hulp vinden"):
        assert word in html
    assert ">ontmoeten<" not in html and ">verwijzen<" not in html


def test_a_cancelled_session_offers_no_calendar_link(coffee, client):
    html = client.get("/alfa/programma/").content.decode()
    items = re.findall(r'<li class="prog-item status-(\w+)">(.*?)</li>', html, re.S)
    cancelled = [body for status, body in items if status == "cancelled"]
    scheduled = [body for status, body in items if status == "scheduled"]
    assert cancelled and scheduled
    assert all("Zet in je agenda" not in body for body in cancelled)
    assert all("Zet in je agenda" in body for body in scheduled)


def test_ical_location_has_postcode_and_town(coffee, client, world):
    stek = world.stek_a
    stek.street, stek.postal_code, stek.municipality = "Kerkstraat 1", "9000", "Gent"
    stek.save()
    coffee.place = "Zaal 2"
    coffee.save()
    cal = Calendar.from_ical(client.get("/alfa/programma.ics").content)
    locations = {str(e["LOCATION"]) for e in cal.walk("VEVENT")}
    assert locations == {"Zaal 2, Kerkstraat 1, 9000 Gent"}


@pytest.mark.parametrize("value", ["1999-01-01", "2999-01-01", "morgen", "2026-02-31"])
def test_a_day_outside_the_window_or_unreadable_says_so(coffee, client, value):
    response = client.get("/alfa/programma/", {"dag": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "Kies een dag van" in html
    assert "Deze week" in html  # the whole programme still shows


def test_a_chosen_day_has_its_date_heading_once(coffee, client):
    day = timezone.localdate() + timedelta(days=1)
    html = client.get("/alfa/programma/", {"dag": day.isoformat()}).content.decode()
    heading = re.search(r'<h3 class="prog-day[^"]*">([^<·]+)', html).group(1).strip()
    assert len(re.findall(rf"<h[23][^>]*>\s*{re.escape(heading)}", html)) == 1
    assert 'role="alert"' not in html


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_opening_today_is_what_is_true_now(world):
    today = timezone.localdate()
    Activity.objects.create(
        stek=world.stek_a, title="Soep", start_date=today, recurrence="once",
        start_time=time(12), end_time=time(14),
    )  # fmt: skip
    Activity.objects.create(
        stek=world.stek_a, title="Babbel", start_date=today, recurrence="once",
        start_time=time(13, 30), end_time=time(16),
    )  # fmt: skip
    nxt = Activity.objects.create(
        stek=world.stek_a, title="Later", start_date=today + timedelta(days=3),
        recurrence="once", start_time=time(9), end_time=time(10),
    )  # fmt: skip
    assert opening_today(world.stek_a, _at(today, 9)) == ("later", time(12))
    assert opening_today(world.stek_a, _at(today, 12, 30)) == ("open", time(16))
    assert opening_today(world.stek_a, _at(today, 17)) == ("closed", nxt.start_date)


def test_the_screen_does_not_promise_coffee_when_closed(world, client):
    html = client.get("/alfa/scherm/").content.decode()
    assert "Er is koffie" not in html
    assert "Vandaag gesloten" in html
    Activity.objects.create(
        stek=world.stek_a, title="Open huis", start_date=timezone.localdate(),
        recurrence="once", start_time=time(0), end_time=time(23, 59),
    )  # fmt: skip
    later = timezone.localtime().replace(hour=1, minute=0)
    with mock.patch("stek.public.programme.timezone.localtime", return_value=later):
        html = client.get("/alfa/scherm/").content.decode()
    assert "Nu open tot 23:59" in html


@pytest.mark.parametrize("size", ["xx", "A5", "letter"])
def test_an_unknown_poster_size_is_a_clear_400(world, client, size):
    response = client.get("/alfa/programma/affiche.pdf", {"formaat": size})
    assert response.status_code == 400
    html = response.content.decode()
    assert "A4" in html and "A3" in html


def test_the_poster_starts_today_in_the_current_week(world, client):
    today = timezone.localdate()
    response = client.get("/alfa/programma/affiche.pdf", {"formaat": "a3"})
    assert response.status_code in (200, 503)
    days = programme_days(world.stek_a, today, 1)
    assert days[0][0] == today
    from stek.public import views

    captured = {}

    def fake(request, template, context, *args, **kwargs):
        captured.update(context)
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        return HttpResponse(render_to_string(template, context, request))

    ActivityFactory(stek=world.stek_a, title="Computerles", start_date=today - timedelta(days=14),
                    start_time=time(13, 30), end_time=time(15, 30))  # fmt: skip
    with mock.patch.object(views, "pdf_response", fake):
        html = client.get("/alfa/programma/affiche.pdf").content.decode()
    assert captured["days"][0][0] == today
    assert all(day >= today for day, _items in captured["days"])
    assert "15:30Computerles" not in html
    assert re.search(r"15:30</span>\s+<span><span class=\"title\">Computerles", html)
