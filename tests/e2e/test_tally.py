"""The shared tablet never loses a tap (issue 12): a tap after the session expired is kept,
the volunteer is told it did not count yet, and after signing in again it counts exactly once;
a tap whose answer was lost is sent again with its key and counts once."""

import json

import pytest
from django.contrib.sessions.models import Session as DjangoSession

from stek.agenda.models import Session, TallyCount
from tests.e2e.test_accessibility import PHONE, log_in
from tests.factories.agenda import TallyCategoryFactory
from tests.personas import PASSWORD, build_world


@pytest.fixture
def world(transactional_db):
    w = build_world()
    w.adult = TallyCategoryFactory(stek=w.stek_a)
    return w


def counted(world):
    session = Session.objects.filter(stek=world.stek_a, activity=None).first()
    row = session and TallyCount.objects.filter(session=session, category=world.adult).first()
    return row.count if row else 0


def outbox(page):
    return json.loads(page.evaluate("() => localStorage.getItem('stek-taps:alfa') || '[]'"))


def plus(page):
    page.click(".tally-open .tally-plus")


def status_is(page, text):
    page.wait_for_function(
        "t => (document.getElementById('tap-status') || {}).textContent.includes(t)",
        arg=text,
        timeout=10_000,
    )


def test_a_tap_after_the_session_expired_counts_once_after_signing_in(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    errors = []  # script errors; the 401 itself is logged by the browser as a failed load

    def on_console(message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    try:
        log_in(page, live_server.url, "volunteer_a")
        page.goto(f"{live_server.url}/s/alfa/vandaag/")
        plus(page)
        status_is(page, "Geteld: +1 Volwassene")
        assert counted(world) == 1

        DjangoSession.objects.all().delete()  # the tablet's session expired
        plus(page)
        status_is(page, "Nog niet geteld — log opnieuw in, je tik wordt dan meegeteld.")
        assert page.locator("input[name=password]").count() == 0  # no login page in the card
        assert page.locator(".tally-open .tally-count").first.inner_text() == "1"
        assert counted(world) == 1 and len(outbox(page)) == 1

        page.click("#tap-login a")  # sign in again
        page.fill("input[name=username]", "volunteer_a@stek.test")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url("**/s/alfa/vandaag/")
        status_is(page, "Geteld: je tikken van daarnet zijn meegeteld.")
        assert page.locator(".tally-open .tally-count").first.inner_text() == "2"
        assert counted(world) == 2 and outbox(page) == []

        page.reload()  # nothing sent twice
        page.wait_for_load_state("networkidle")
        assert page.locator(".tally-open .tally-count").first.inner_text() == "2"
        assert counted(world) == 2
        assert not errors, errors
    finally:
        context.close()


def test_a_tap_whose_answer_was_lost_is_sent_again_and_counts_once(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "volunteer_a")
        page.goto(f"{live_server.url}/s/alfa/vandaag/")
        lost = []

        def lose_the_answer(route):
            if not lost:  # the server counts it, the tablet never hears back
                route.fetch()
                lost.append(route.request.post_data)
                route.abort("connectionreset")
            else:
                route.continue_()

        page.route("**/vandaag/tel/", lose_the_answer)
        plus(page)
        status_is(page, "Nog niet geteld — geen verbinding")
        assert counted(world) == 1  # it did count: only the answer was lost
        status_is(page, "Geteld (deze tik was al aangekomen).")  # the retry, with the same key
        assert counted(world) == 1 and outbox(page) == []
        assert page.locator(".tally-open .tally-count").first.inner_text() == "1"
        plus(page)
        status_is(page, "Geteld: +1 Volwassene")
        assert counted(world) == 2
    finally:
        context.close()
