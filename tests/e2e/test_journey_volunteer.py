"""Journey (issue 16): a volunteer on the shared tablet at the onthaal logs in, sees the
"Vandaag" card on the start page, counts a visitor with one tap (JavaScript: no page load),
takes the tap back with the undo button that appeared after it, counts again, and notes a
signal in three taps; the start page then shows the day's count."""

import pytest

from stek.advocacy.models import Signal
from stek.agenda.models import TallyCount
from tests.e2e.test_accessibility import log_in, overflows_sideways
from tests.factories.agenda import ActivityFactory
from tests.personas import build_world

TABLET = {"width": 768, "height": 1024}


@pytest.fixture
def world(transactional_db):
    from tests.factories.socialmap import TopicFactory

    TopicFactory(code="vlaamse_huurpremie")  # the flush removed the built-in topics
    w = build_world()
    ActivityFactory(stek=w.stek_a, title="Koffie")  # today, 10:00-12:00
    return w


def counted():
    return sum(TallyCount.objects.values_list("count", flat=True))


def status_is(page, text):
    page.wait_for_function(
        "t => document.getElementById('tap-status').textContent.includes(t)", arg=text
    )


def test_a_volunteer_counts_undoes_and_notes_a_signal_on_the_tablet(world, live_server, browser):
    context = browser.new_context(viewport=TABLET, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "volunteer_a")
        assert page.url.endswith("/s/alfa/")
        card = page.locator(".today-card")
        assert card.locator("h2 a").inner_text() == "Vandaag"
        assert "Bezoekers vandaag: 0" in card.inner_text()
        assert "Koffie 10:00–12:00" in card.inner_text()

        page.click(".today-card a.button >> text=Bezoekers tellen")
        page.wait_for_url("**/s/alfa/vandaag/")
        page.evaluate("() => { window.sameDocument = true; }")  # gone if the page reloads
        koffie = page.locator(".tally-card", has_text="Koffie")
        adults = koffie.locator(".tally-row", has_text="Volwassene")
        assert page.locator("#tally-undo button").count() == 0  # nothing to undo yet
        adults.locator(".tally-plus").click()
        status_is(page, "Geteld: +1 Volwassene")
        assert adults.locator(".tally-count").inner_text() == "1"
        assert page.locator("#day-total").inner_text() == "1"
        assert page.evaluate("() => window.sameDocument === true")  # counted without a load
        assert counted() == 1

        undo = page.locator("#tally-undo button", has_text="Laatste tik ongedaan maken")
        assert undo.is_visible()  # appeared after the tap, without a reload
        undo.click()
        page.wait_for_load_state()
        assert "De laatste tik is ongedaan gemaakt." in page.locator(".messages").inner_text()
        assert adults.locator(".tally-count").inner_text() == "0"  # the page as the server has it
        assert page.locator("#day-total").inner_text() == "0"
        assert counted() == 0

        adults.locator(".tally-plus").click()
        status_is(page, "Geteld: +1 Volwassene")
        assert counted() == 1
        assert not overflows_sideways(page)

        page.click("nav >> text=Start")
        page.wait_for_load_state()
        assert "Bezoekers vandaag: 1" in page.locator(".today-card").inner_text()
        page.click("text=Signaal noteren")
        page.click("a.tap >> text=Probleem")  # tap 1
        page.click("a.tap >> text=Wonen")  # tap 2
        page.click("button.tap >> text=Vlaamse huurpremie")  # tap 3 saves
        page.wait_for_load_state()
        assert "Genoteerd" in page.locator(".messages").inner_text()
        signal = Signal.objects.get()
        assert (signal.stek, signal.kind, signal.topic.code) == (
            world.stek_a, "problem", "vlaamse_huurpremie",
        )  # fmt: skip
        assert not overflows_sideways(page)
    finally:
        context.close()
