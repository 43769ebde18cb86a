"""A volunteer at the onthaal registers a signal on a phone in three taps; the pages pass
axe-core, with the optional quote refused when it names someone."""

import pytest

from stek.advocacy.models import Signal
from tests.e2e.test_accessibility import PHONE, log_in, serious_violations
from tests.personas import build_world


@pytest.fixture
def world(transactional_db):
    from tests.factories.socialmap import TopicFactory

    # a transactional test's flush removes the built-in topics: load them again
    TopicFactory(code="vlaamse_huurpremie")
    return build_world()


def test_a_volunteer_registers_a_signal_in_three_taps(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "volunteer_a")
        page.goto(f"{live_server.url}/s/alfa/")
        page.click("text=Signaal noteren")
        assert not serious_violations(page)
        page.click("a.tap >> text=Probleem")  # tap 1
        page.click("a.tap >> text=Wonen")  # tap 2
        assert not serious_violations(page)
        page.click("button.tap >> text=Vlaamse huurpremie")  # tap 3 saves
        page.wait_for_load_state()
        assert "Genoteerd" in page.locator(".messages").inner_text()
        signal = Signal.objects.get()
        assert (signal.kind, signal.topic.code) == ("problem", "vlaamse_huurpremie")

        page.click("a.tap >> text=Vraag")
        page.click("a.tap >> text=Wonen")
        page.click("summary >> text=Drempel of quote")
        page.fill("textarea[name=quote]", "Bel Jan Peeters op 0470 12 34 56")
        page.check("input[name=quote_consent]")
        page.click("button.tap >> text=Vlaamse huurpremie")
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()
        assert "0470" in page.locator("textarea[name=quote]").input_value()
        assert not serious_violations(page)
        assert Signal.objects.count() == 1

        page.click("button >> text=Vorige ongedaan maken")
        page.wait_for_load_state()
        assert Signal.objects.count() == 0
    finally:
        context.close()
