"""Journey (issue 16): the entrance screen at the door (a large shared screen) says whether the
STEK is open now, when it opens, or that it is closed, and follows the clock when it refreshes
itself; a visitor's phone opens the poster link and gets a PDF, and a size we do not make
(``?formaat=xx``) gets a clear page with status 400, not a 500 or a wrong poster."""

import os
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from tests.e2e.test_accessibility import PHONE, overflows_sideways
from tests.factories.agenda import ActivityFactory
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")
SCREEN = {"width": 1280, "height": 720}
MONDAY = datetime(2027, 1, 4).date()  # a Monday (not a holiday): the activity's first day


class Clock:
    """The public views' clock, set by the test (the live server runs in this process)."""

    def __init__(self):
        self.now = None

    def localtime(self, value=None, timezone_=None):
        if value is None and self.now is not None:
            return self.now
        return timezone.localtime(value) if value is not None else timezone.localtime()

    def localdate(self, value=None):
        return self.localtime(value).date()

    def __getattr__(self, name):
        return getattr(timezone, name)


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr("stek.public.views.timezone", fake)
    return fake


@pytest.fixture
def world(transactional_db):
    w = build_world()
    ActivityFactory(stek=w.stek_a, title="Ontbijt", start_date=MONDAY, start_time=time(10),
                    end_time=time(12), recurrence="weekly")  # fmt: skip
    return w


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def opening_text(page):
    return page.locator(".screen-opening").inner_text().strip()


def test_the_entrance_screen_says_open_opens_at_or_closed(world, live_server, browser, clock):
    context = browser.new_context(viewport=SCREEN, locale="fr-BE")  # a shared screen
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        clock.now = at(MONDAY, 9, 15)
        page.goto(f"{live_server.url}/alfa/scherm/")
        assert page.locator("html").get_attribute("lang") == "nl"  # the STEK's, not the browser's
        assert page.locator(".screen-title").inner_text().startswith("STEK Alfa")
        assert opening_text(page) == "Nu gesloten. Vandaag open vanaf 10:00."
        assert "10:00 Ontbijt" in page.locator("section[aria-labelledby=straks]").inner_text()
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/screen-later.png")

        clock.now = at(MONDAY, 10, 30)  # the screen refreshes itself (htmx): no reload
        page.evaluate("() => htmx.ajax('GET', location.pathname, '#screen')")
        page.wait_for_function(
            "() => document.querySelector('.screen-clock').textContent == '10:30'"
        )
        assert opening_text(page) == "Nu open tot 12:00."
        now = page.locator("section[aria-labelledby=nu]").inner_text()
        assert "Ontbijt" in now and "tot 12:00" in now
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/screen-open.png")

        clock.now = at(MONDAY, 12, 5)
        page.reload()
        assert (
            opening_text(page) == "Voor vandaag gesloten. Weer open op maandag 11 januari om 10:00."
        )

        clock.now = at(MONDAY + timedelta(days=2), 11)  # a Wednesday: nothing planned
        page.reload()
        assert opening_text(page).startswith("Vandaag gesloten. Weer open op maandag 11 januari")
        assert page.locator("section[aria-labelledby=nu] .screen-list").count() == 0
    finally:
        context.close()


def test_the_poster_link_gives_a_pdf_and_an_unknown_size_a_clear_400(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{live_server.url}/alfa/programma/")
        link = page.locator("a.button", has_text="Affiche (PDF, A4)")
        pdf = page.request.get(live_server.url + link.get_attribute("href"))
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
        assert pdf.body()[:5] == b"%PDF-" and len(pdf.body()) > 1000
        assert "alfa-programma-" in pdf.headers["content-disposition"]
        assert "-a4.pdf" in pdf.headers["content-disposition"]

        response = page.goto(f"{live_server.url}/alfa/programma/affiche.pdf?formaat=xx")
        assert response.status == 400 and response.headers["content-type"].startswith("text/html")
        assert page.locator("h1").inner_text() == "Dit formaat kennen we niet"
        assert page.locator("a.button", has_text="Affiche (PDF, A3)").is_visible()
        assert not overflows_sideways(page)

        response = page.goto(f"{live_server.url}/alfa/programma/affiche.pdf?taal=xx")
        assert response.status == 400
        assert page.locator("h1").inner_text() == "Deze taal hebben we niet"
        assert "„xx”" in page.locator("main").inner_text()
        assert page.locator(".poster-languages a").all_inner_texts() == ["Nederlands (A4)"]
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/poster-unknown-language.png", full_page=True)
        assert not overflows_sideways(page)
    finally:
        context.close()
