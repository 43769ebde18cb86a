"""The area analysis in the browser (issue 18, ADR 0017): a coordinator imports a Statbel file,
sets the service area, uploads the sectors' boundaries and sees the area's figures beside the
STEK's and the map, on a 360 px phone, without sideways scroll, under the real CSP."""

from pathlib import Path

import pytest

from tests.e2e.test_accessibility import (
    NARROW_PHONE,
    log_in,
    overflows_sideways,
    serious_violations,
)
from tests.factories.socialmap import ServiceFactory
from tests.personas import build_world

DATA = Path(__file__).parent.parent / "reports" / "data" / "area"


@pytest.fixture
def world(transactional_db, settings):
    settings.STEK_MAP_TILE_URL = ""
    world = build_world()
    # a service of the social map with an office on the map: drawn as a point
    ServiceFactory(organisation=world.partner_a2.organisation, name="Hulp")
    return world


def test_a_coordinator_sees_the_areas_figures_beside_the_steks(world, live_server, browser):
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        log_in(page, live_server.url, "coordinator_a")
        base = f"{live_server.url}/s/alfa/gebied/"
        page.goto(base)
        assert "Er zijn nog geen open cijfers ingelezen." in page.content()
        page.click("text=Cijfers inlezen")
        page.set_input_files("input[name=file]", str(DATA / "population_sector_2025.txt"))
        page.fill("input[name=name]", "Bevolking per sector 2025")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        assert page.url == base
        assert "is ingelezen: 5 gebieden" in page.content()

        page.click("text=Werkgebied kiezen")
        page.fill("textarea[name=codes]", "44021A001\n44021A002\n44021B10-")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()

        page.click("text=Kaart van het werkgebied")
        page.set_input_files("input[name=file]", str(DATA / "sectors.geojson"))
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        assert page.url == base

        page.wait_for_selector("#area-map path.leaflet-interactive")
        # the hatching comes from our own page, no tile is fetched; the service is a point
        fills = page.eval_on_selector_all(
            "#area-map path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))"
        )
        assert sum(f.startswith("url(#area-hatch-") for f in fills) == 3
        assert fills.count("#1f7a8c") == 1, fills
        assert not errors, errors  # a script error once left the map empty
        assert page.locator("#area-map img.leaflet-tile").count() == 0
        own = page.locator("section[aria-labelledby=eigen] table")
        assert own.is_visible()
        text = page.locator("main").inner_text()
        assert "Sint-Jacobs" in text and "1.250" in text and "verborgen" in text
        assert "minstens 3.560" in text
        assert "klasse 1:" in text
        assert not overflows_sideways(page)
        assert not serious_violations(page)
        page.screenshot(path="/tmp/area-e2e.png", full_page=True)
        assert not [e for e in errors if "Content Security Policy" in e or "L is not" in e]
    finally:
        context.close()


def test_the_area_forms_pass_axe_at_360_px(world, live_server, browser):
    context = browser.new_context(viewport=NARROW_PHONE, bypass_csp=True, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        for path in ("gebied/", "gebied/werkgebied/", "gebied/inlezen/", "gebied/kaart/"):
            page.goto(f"{live_server.url}/s/alfa/{path}")
            assert not overflows_sideways(page), path
            assert not serious_violations(page), path
        page.goto(f"{live_server.url}/s/alfa/gebied/inlezen/")
        page.set_input_files("input[name=file]", str(DATA / "bad_lines.csv"))
        page.fill("input[name=name]", "Kapot")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        assert "Regel 3" in page.content()
        assert not serious_violations(page)
    finally:
        context.close()
