"""Issue 16: what a visitor sees on the public pages, in a visitor's words and true now."""

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar

from stek.agenda.enums import FUNCTION_FOR_VISITORS, FUNCTION_PICTOGRAMS, ChangeKind, Function
from stek.agenda.models import Activity, SessionChange
from stek.public import views
from stek.public.programme import Opening, now_and_next, poster_days
from tests.factories.agenda import ActivityFactory


@pytest.fixture
def programme(world):
    today = timezone.localdate()
    coffee = ActivityFactory(stek=world.stek_a, description="Koffie en een babbel.")
    info = Activity.objects.create(
        stek=world.stek_a, title="Infosessie verhoogde tegemoetkoming",
        start_date=today + timedelta(days=2),
        recurrence="once", start_time=time(14), end_time=time(15), is_meet=False, is_learn=True,
        is_refer=True, is_advocate=True,
    )  # fmt: skip
    SessionChange.objects.create(
        activity=coffee, date=today + timedelta(days=7), kind=ChangeKind.CANCELLED,
        notice="De koffiemachine is stuk.",
    )  # fmt: skip
    return coffee, info


def _radios(html):
    """(value, checked, label text, pictogram) of each radio of the "Wat zoek je?" group."""
    group = re.search(r"<fieldset[^>]*>\s*<legend>(.*?)</legend>(.*?)</fieldset>", html, re.S)
    assert group and group.group(1) == "Wat zoek je?"
    found = []
    for label in re.findall(r"<label[^>]*>(.*?)</label>", group.group(2), re.S):
        radio = re.search(r'<input type="radio" name="soort" value="([^"]*)"( checked)?>', label)
        picto = re.search(r"pictograms/(\w+)\.svg", label)
        text = re.sub(r"<[^>]+>", "", label).strip()
        found.append((radio.group(1), bool(radio.group(2)), text, picto and picto.group(1)))
    return found


def test_the_filter_asks_what_you_look_for_in_visitor_words(programme, client):
    html = client.get("/alfa/programma/").content.decode()
    assert _radios(html) == [
        ("", True, "Alles", None),
        ("ontmoeten", False, "Samen zijn", "coffee"),
        ("leren", False, "Iets leren", "computer"),
        ("verwijzen", False, "Hulp vinden", "info"),
        ("politiseren", False, "Samen opkomen voor onze rechten", "meeting"),
    ]
    assert '<select id="soort"' not in html  # no drop-down with the model's words
    chosen = client.get("/alfa/programma/?soort=verwijzen").content.decode()
    assert [value for value, checked, _t, _p in _radios(chosen) if checked] == ["verwijzen"]
    assert "Infosessie" in chosen and "Koffie en een babbel." not in chosen


def test_the_session_badges_speak_the_same_words(programme, client):
    html = client.get("/alfa/programma/").content.decode()
    badges = re.findall(r'<span class="badge badge-function">([^<]*)</span>', html)
    assert "Samen zijn" in badges and "Samen opkomen voor onze rechten" in badges
    assert not {"ontmoeten", "leren", "verwijzen", "politiseren"} & set(badges)


def test_the_staff_agenda_keeps_the_models_words(programme, client_for):
    html = client_for("coordinator_a").get("/s/alfa/agenda/").content.decode()
    assert "ontmoeten" in html and "Samen zijn" not in html


def test_every_function_has_visitor_words_and_a_pictogram():
    assert set(FUNCTION_FOR_VISITORS) == set(FUNCTION_PICTOGRAMS) == set(Function)
    static = Path(settings.BASE_DIR) / "stek" / "public" / "static" / "public" / "pictograms"
    assert all((static / f"{name}.svg").exists() for name in FUNCTION_PICTOGRAMS.values())


def test_the_choices_are_big_tap_targets_that_fit_a_small_screen():
    css = (Path(settings.BASE_DIR) / "stek" / "core" / "static" / "core" / "stek.css").read_text()

    def rule(selector):
        match = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", css)
        assert match, selector
        return match.group(1)

    assert "min-height: var(--target)" in rule(".choice")  # --target is 44px
    assert "--target: 44px" in css
    assert "min-width: 0" in rule(".choice-group")  # a fieldset is never wider than the screen
    assert "min(100%" in rule(".choices")  # one column on a 360 px screen


# The entrance screen says what is true now (a frozen time: ``now`` passed in) ---------------

DAY = date(2026, 3, 4)  # a Wednesday


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _once(world, title, day, start, end):
    return Activity.objects.create(stek=world.stek_a, title=title, start_date=day,
                                   recurrence="once", start_time=start, end_time=end)  # fmt: skip


@pytest.fixture
def wednesday(world):
    _once(world, "Koffie", DAY, time(10), time(12))
    _once(world, "Soep", DAY, time(12), time(13, 30))  # follows on: still open
    _once(world, "Computerles", DAY, time(15), time(16))
    cancelled = _once(world, "Naaiatelier", DAY, time(16, 30), time(18))
    SessionChange.objects.create(activity=cancelled, date=DAY, kind=ChangeKind.CANCELLED)
    _once(world, "Spreekuur", DAY + timedelta(days=2), time(9, 30), time(11))
    return world.stek_a


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (_at(DAY, 9), Opening("later", opens_at=time(10))),
        (_at(DAY, 11), Opening("open", until=time(13, 30))),
        (_at(DAY, 14), Opening("later", opens_at=time(15))),
        (_at(DAY, 15), Opening("open", until=time(16))),
        # the cancelled session at 16:30 does not open the door
        (_at(DAY, 16, 45), Opening("done", opens_at=time(9, 30), next_day=DAY + timedelta(2))),
        (
            _at(DAY + timedelta(1), 12),
            Opening("closed", opens_at=time(9, 30), next_day=DAY + timedelta(2)),
        ),  # fmt: skip
        (_at(DAY + timedelta(3), 12), Opening("closed")),  # nothing in the week ahead
    ],
)
def test_whether_the_stek_is_open_at_a_moment(wednesday, moment, expected):
    *_lists, opening = now_and_next(wednesday, moment)
    assert opening == expected


def _screen_at(client, moment):
    real = timezone.localtime

    def frozen(value=None, timezone=None):
        return moment if value is None else real(value, timezone)

    with mock.patch("django.utils.timezone.localtime", side_effect=frozen):
        return client.get("/alfa/scherm/").content.decode()


def test_the_screen_promises_nothing_that_is_not_true_now(world, client):
    today = timezone.localdate()
    ActivityFactory(stek=world.stek_a)  # every week from today, 10:00 to 12:00
    before = _screen_at(client, _at(today, 9))
    assert "Nu gesloten. Vandaag open vanaf 10:00." in before
    assert "Nu open tot 12:00." in _screen_at(client, _at(today, 11))
    after = _screen_at(client, _at(today, 13))
    next_week = date_format(today + timedelta(days=7), "l j F")
    assert f"Voor vandaag gesloten. Weer open op {next_week} om 10:00." in after
    for html in (before, after):
        assert "Er is koffie" not in html and "Binnenlopen mag altijd" not in html


def test_the_screen_of_a_stek_without_sessions_says_it_is_closed(world, client):
    html = client.get("/alfa/scherm/").content.decode()
    assert "Vandaag gesloten." in html and "Er is koffie" not in html


# Calendar: no link for a cancelled session; the location with the town ---------------------


def test_a_cancelled_session_offers_no_calendar_link(programme, client):
    html = client.get("/alfa/programma/").content.decode()
    items = re.findall(r'<li class="prog-item status-(\w+)">(.*?)</li>', html, re.S)
    cancelled = [body for status, body in items if status == "cancelled"]
    scheduled = [body for status, body in items if status == "scheduled"]
    assert len(cancelled) == 1 and scheduled
    assert "Gaat niet door." in cancelled[0] and "Zet in je agenda" not in cancelled[0]
    assert all("Zet in je agenda" in body for body in scheduled)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Buurthuis De Kring", "Buurthuis De Kring, Kerkstraat 1, 9000 Gent"),
        ("", "Kerkstraat 1, 9000 Gent"),
        # the place is the street itself (STEK Passerelle in the demo): the street once
        ("Kerkstraat 1", "Kerkstraat 1, 9000 Gent"),
        (
            "Buurthuis De Kring, Kerkstraat 1, 9000 Gent",
            "Buurthuis De Kring, Kerkstraat 1, 9000 Gent",
        ),
    ],
)
def test_the_calendar_location_names_the_town(programme, client, world, place, expected):
    stek = world.stek_a
    stek.street, stek.postal_code, stek.municipality = "Kerkstraat 1", "9000", "Gent"
    stek.save()
    Activity.objects.filter(stek=stek).update(place=place)
    for url in ("/alfa/programma.ics", f"/alfa/activiteit/{programme[0].pk}.ics"):
        cal = Calendar.from_ical(client.get(url).content)
        assert {str(e["LOCATION"]) for e in cal.walk("VEVENT")} == {expected}


# ?dag= that the programme does not show: said, never silent, never a 500 ---------------------


def _window():
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    return monday, monday + timedelta(days=13)


def _message(html):
    found = re.search(r'<p class="message" role="status">(.*?)</p>', html, re.S)
    return found and found.group(1)


@pytest.mark.parametrize("offset", [-1, 14, -9000])
def test_a_day_outside_the_programme_says_so_and_shows_every_day(programme, client, offset):
    first, last = _window()
    day = first + timedelta(days=offset)
    response = client.get("/alfa/programma/", {"dag": day.isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert _message(html) == (
        "Die dag staat niet in het programma. Het programma loopt van "
        f"{date_format(first, 'l j F')} tot {date_format(last, 'l j F')}. We tonen alle dagen."
    )
    assert "Deze week" in html and "Volgende week" in html


@pytest.mark.parametrize("value", ["morgen", "2026-02-31", "9999-12-31", "0001-01-01", "x" * 500])
def test_a_day_that_cannot_be_read_says_so(programme, client, value):
    response = client.get("/alfa/programma/", {"dag": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert _message(html) == "Die dag kunnen we niet lezen. We tonen alle dagen."
    assert "Deze week" in html


@pytest.mark.parametrize("value", ["", None])
def test_no_message_without_a_chosen_day(programme, client, value):
    query = {} if value is None else {"dag": value}
    assert _message(client.get("/alfa/programma/", query).content.decode()) is None


@pytest.mark.parametrize("offset", [0, 2, 9])
def test_a_chosen_day_has_its_heading_once(programme, client, offset):
    day = timezone.localdate() + timedelta(days=offset)
    first, last = _window()
    if not first <= day <= last:
        pytest.skip("outside this and next week")
    html = client.get("/alfa/programma/", {"dag": day.isoformat()}).content.decode()
    heading = date_format(day, "l j F")
    headings = re.findall(r"<h[1-6][^>]*>([^<]*)</h[1-6]>", html)
    assert [h for h in headings if heading in h] == [
        heading + (" · vandaag" if offset == 0 else "")
    ]
    assert _message(html) is None


# The poster: time and title apart, a clear page for an unknown size, from today on -----------


@pytest.fixture
def poster(monkeypatch):
    """What the poster view hands to the PDF maker: its context and its HTML."""
    made = {}

    def fake_pdf(request, template, context, filename, **kwargs):
        made.update(context=context, html=render_to_string(template, context), filename=filename)
        return HttpResponse(b"%PDF-fake", content_type="application/pdf")

    monkeypatch.setattr(views, "pdf_response", fake_pdf)
    return made


def _computerles(world):
    return ActivityFactory(stek=world.stek_a, title="Computerles", start_time=time(13, 30),
                           end_time=time(15, 30), start_date=timezone.localdate())  # fmt: skip


def test_the_poster_keeps_time_and_title_apart(world, client, poster):
    _computerles(world)
    assert client.get("/alfa/programma/affiche.pdf").status_code == 200
    assert "15:30</span> <span" in poster["html"]  # a real space between two elements
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    def texts(box):
        if isinstance(box, boxes.TextBox):
            yield box
        for child in getattr(box, "children", None) or []:
            yield from texts(child)

    page = weasyprint.HTML(string=poster["html"]).render().pages[0]
    found = list(texts(page._page_box))
    words = [box.text for box in found]
    start = words.index("13:30–15:30")
    assert words[start + 1] == " " and words[start + 2].startswith("Computerles")  # as copied
    clock, title = found[start], found[start + 2]
    assert title.position_x >= clock.position_x + clock.width + 4  # and apart on paper


@pytest.mark.parametrize("size", ["xx", "A5", "letter", " "])
def test_an_unknown_poster_size_gets_a_clear_page(world, client, poster, size):
    response = client.get("/alfa/programma/affiche.pdf", {"formaat": size})
    if size.strip() == "":
        assert response.status_code == 200 and poster["context"]["size"] == "A4"
        return
    assert response.status_code == 400 and not poster
    html = response.content.decode()
    assert "Dit formaat kennen we niet" in html and "Een affiche bestaat in A4 en in A3." in html
    assert 'href="/alfa/programma/affiche.pdf?formaat=A3"' in html


@pytest.mark.parametrize("size", ["A4", "a3", "A3 "])
def test_the_known_poster_sizes(world, client, poster, size):
    assert client.get("/alfa/programma/affiche.pdf", {"formaat": size}).status_code == 200
    assert poster["context"]["size"] == size.strip().upper()


@pytest.mark.parametrize(
    ("today", "week", "expected"),
    [
        (date(2026, 3, 5), "", (date(2026, 3, 5), date(2026, 3, 2), date(2026, 3, 8))),  # Thu
        (date(2026, 3, 2), "", (date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 8))),  # Mon
        (date(2026, 3, 8), "2026-03-04", (date(2026, 3, 8), date(2026, 3, 2), date(2026, 3, 8))),
        # another week: all of it
        (date(2026, 3, 5), "2026-03-10", (date(2026, 3, 9), date(2026, 3, 9), date(2026, 3, 15))),
    ],
)
def test_the_poster_of_this_week_starts_today(today, week, expected):
    assert poster_days(today, week) == expected


def test_the_poster_prints_no_day_already_past(world, client, poster):
    _computerles(world)
    today = timezone.localdate()
    client.get("/alfa/programma/affiche.pdf")
    days = [day for day, _items in poster["context"]["days"]]
    sunday = today + timedelta(days=6 - today.weekday())
    assert days == [today + timedelta(days=i) for i in range((sunday - today).days + 1)]
    assert f"Programma van {date_format(today, 'j F')} tot" in poster["html"]
    monday = today - timedelta(days=today.weekday())
    assert poster["filename"] == f"alfa-programma-{monday:%Y-%m-%d}-a4.pdf"
