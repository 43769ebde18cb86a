"""Issue 16: on a phone the compact header shortens a long STEK name once ("STEK De Lange…",
not "STEK STEK …"); a programme asked in a language the STEK does not have says so."""

import os

import pytest

from tests.e2e.test_accessibility import PHONE, log_in, overflows_sideways
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")
LONG = "STEK De Lange Naam van het Buurthuis aan de Schelde"


@pytest.fixture
def world(transactional_db):
    w = build_world()
    w.stek_a.name = LONG
    w.stek_a.save()
    return w


def test_a_long_name_is_shortened_once_in_the_phone_header(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "volunteer_a")
        brand = page.locator(".site-header a.brand")
        assert brand.inner_text().split() == LONG.split()  # "STEK" once
        assert brand.evaluate("e => e.scrollWidth > e.clientWidth")  # shortened (ellipsis)
        assert brand.evaluate("e => getComputedStyle(e).textOverflow") == "ellipsis"
        box, bar = brand.bounding_box(), page.locator(".site-header .bar").bounding_box()
        assert box["y"] + box["height"] <= bar["y"] + bar["height"] + 1  # on the one line
        assert not overflows_sideways(page)
        if SHOTS:
            page.screenshot(
                path=f"{SHOTS}/header-long-name.png",
                clip={"x": 0, "y": 0, "width": 390, "height": 120},
            )
    finally:
        context.close()


def test_the_programme_in_an_unknown_language_says_so(world, live_server, browser):
    world.stek_a.public_languages = "nl,fr"
    world.stek_a.save()
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        response = page.goto(f"{live_server.url}/alfa/programma/?taal=de")
        assert response.status == 200
        note = page.locator(".messages [role=status]")
        assert note.inner_text().startswith("Deze pagina bestaat niet in de taal „de”.")
        note.locator("a[hreflang=fr]").click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("h1").inner_text() == "Programme"
        assert page.locator(".messages [role=status]").count() == 0
        if SHOTS:
            page.goto(f"{live_server.url}/alfa/programma/?taal=de")
            page.screenshot(path=f"{SHOTS}/programme-unknown-language.png")
        assert not overflows_sideways(page)
    finally:
        context.close()
