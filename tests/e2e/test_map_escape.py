"""A STEK or service name with HTML shows on the map as text, never as HTML (issue 12:
Leaflet's bindTooltip inserted the STEK's name as HTML)."""

import pytest

from tests.e2e.test_accessibility import PHONE, log_in
from tests.personas import build_world

EVIL = '<img src=x onerror="window.__stekInjected=1">'


@pytest.fixture
def world(transactional_db, settings):
    from tests.factories.socialmap import ServiceFactory, TopicFactory

    settings.STEK_MAP_TILE_URL = ""  # points only: no tiles from the network
    TopicFactory(code="leefloon")
    world = build_world()
    world.stek_a.name = f"STEK {EVIL}"
    world.stek_a.latitude, world.stek_a.longitude = 51.054, 3.722
    world.stek_a.save()
    ServiceFactory(organisation=world.partner_a2.organisation, name=f"Dienst {EVIL}")
    return world


def test_names_with_html_show_as_text_in_the_map(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "worker_a")
        page.goto(f"{live_server.url}/s/alfa/kaart/")
        page.wait_for_selector("#map .leaflet-interactive")
        page.evaluate(
            """() => document.getElementById("map")._stekMap.eachLayer(function (layer) {
                 if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); }
               })"""
        )
        tooltip = page.locator(".leaflet-tooltip").first
        assert EVIL in tooltip.inner_text()
        assert tooltip.locator("img").count() == 0
        page.evaluate(
            """() => document.getElementById("map")._stekMap.eachLayer(function (layer) {
                 if (layer.getPopup && layer.getPopup()) { layer.openPopup(); }
               })"""
        )
        popup = page.locator(".leaflet-popup-content").first
        assert EVIL in popup.inner_text()
        assert popup.locator("img").count() == 0
        assert page.locator("#map img[src=x]").count() == 0
        assert page.evaluate("() => window.__stekInjected") is None
    finally:
        context.close()
