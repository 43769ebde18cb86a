"""Journey (issue 16): a visitor on their own phone finds a STEK by typing part of its name at
the front door, reads its programme, opens one day and an activity (its calendar link gives a
calendar), goes on to the service finder and filters it by a theme; a French phone gets French
where the STEK lists French (the front door, the programme, the finder, the rights check)."""

import os

import pytest
from django.utils import timezone

from tests.e2e.test_accessibility import NARROW_PHONE, PHONE, overflows_sideways
from tests.factories.agenda import ActivityFactory
from tests.factories.core import StekFactory
from tests.factories.socialmap import ServiceFactory
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")


@pytest.fixture
def world(transactional_db):
    w = build_world()
    ActivityFactory(stek=w.stek_a, title="Soepmoment", description="Samen soep eten.",
                    place="De grote zaal")  # fmt: skip
    ServiceFactory(organisation=w.partner_a2.organisation, name="Sociale dienst Alfa")
    ServiceFactory(organisation=w.partner_a.organisation, housing=True)  # "Woonloket"
    w.passerelle = StekFactory(
        network=w.network, name="STEK Passerelle", slug="passerelle",
        public_languages="nl,fr", first_language="nl",
    )  # fmt: skip
    ActivityFactory(stek=w.passerelle, title="Café")
    return w


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def go(page, click):
    click()
    page.wait_for_load_state()
    assert not overflows_sideways(page), page.url


def test_a_visitor_finds_a_stek_its_programme_and_help_nearby(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    errors = []
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        page.goto(f"{live_server.url}/")
        assert page.locator("h1").inner_text() == "Vind een STEK bij jou in de buurt"
        assert page.locator(".stek-card").count() == 3
        page.fill("#q", "alf")  # part of the name, in lower case
        go(page, lambda: page.click("form.front-search button[type=submit]"))
        assert page.locator("[role=status]").inner_text() == "We vonden 1 STEK."
        cards = page.locator(".stek-card")
        assert cards.count() == 1 and cards.locator("h2").inner_text() == "STEK Alfa"
        assert page.locator("#q").input_value() == "alf"  # the search stays in the box
        shot(page, "visitor-front-door")

        go(page, lambda: cards.locator("a[href$='/alfa/programma/']").click())
        assert page.url.endswith("/alfa/programma/")
        assert page.locator("h1").inner_text() == "Programma"
        assert page.locator(".prog-title", has_text="Soepmoment").count() >= 2  # weekly

        today = timezone.localdate()
        page.select_option("#dag", today.isoformat())  # open one day: today
        go(page, lambda: page.click("form.prog-filters button[type=submit]"))
        assert page.locator("h2.prog-day").inner_text().endswith("vandaag")
        item = page.locator(".prog-item", has_text="Soepmoment")
        assert item.count() == 1
        assert "Samen soep eten." in item.inner_text() and "De grote zaal" in item.inner_text()
        assert "10:00 – 12:00" in item.locator(".prog-time").inner_text()
        link = item.locator("a", has_text="Zet in je agenda")
        calendar = page.request.get(live_server.url + link.get_attribute("href"))
        assert calendar.ok and calendar.headers["content-type"].startswith("text/calendar")
        assert "SUMMARY:Soepmoment" in calendar.text()
        shot(page, "visitor-programme-day")

        go(page, lambda: page.click("text=Zoek je hulp in de buurt? Bekijk de diensten."))
        assert page.locator("h1").inner_text() == "Hulp in de buurt"
        names = page.locator(".service-item h2")
        assert set(names.all_inner_texts()) == {"Sociale dienst Alfa", "Woonloket"}
        housing = page.locator("#thema option", has_text="huurpremie")
        page.select_option("#thema", housing.first.get_attribute("value"))
        go(page, lambda: page.click("form.front-search button[type=submit]"))
        assert page.locator("[role=status]").inner_text() == "We vonden 1 dienst."
        assert names.all_inner_texts() == ["Woonloket"]
        shot(page, "visitor-finder-filtered")
        assert not errors, errors
    finally:
        context.close()


def test_a_french_phone_reads_french_where_the_stek_lists_it(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="fr-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        page.goto(f"{live_server.url}/")  # the front door: nl, fr or en by the browser
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("h1").inner_text() == "Trouvez un STEK près de chez vous"

        page.goto(f"{live_server.url}/passerelle/programma/")
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("h1").inner_text() == "Programme"
        assert page.locator("h2").first.inner_text() == "Cette semaine"
        shot(page, "visitor-fr-programme")
        page.click("text=Vous cherchez de l’aide près de chez vous ? Regardez les services.")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("form.front-search button[type=submit]").inner_text() == "Chercher"

        page.goto(f"{live_server.url}/passerelle/rechtencheck/")  # the rights check too
        assert page.locator("html").get_attribute("lang") == "fr"
        assert not overflows_sideways(page)
        shot(page, "visitor-fr-rights-check")

        page.goto(f"{live_server.url}/alfa/programma/")  # alfa lists Dutch only
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("h1").inner_text() == "Programma"
        page.goto(f"{live_server.url}/alfa/rechtencheck/")
        assert page.locator("html").get_attribute("lang") == "nl"
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["nl-BE", "fr-BE", "en-GB"])
def test_the_front_doors_header_shows_the_whole_name_on_a_narrow_phone(
    world, live_server, browser, locale
):
    """On a 360 px phone the longer French "Vous travaillez dans un STEK ? Connectez-vous."
    squeezed the brand to "S…": the link wraps, the brand keeps its width."""
    context = browser.new_context(viewport=NARROW_PHONE, locale=locale)
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        page.goto(f"{live_server.url}/")
        brand = page.locator(".public-header .brand")
        assert brand.inner_text() == "STEK"
        clipped = brand.evaluate("e => e.scrollWidth > e.clientWidth")
        assert not clipped, f"the brand is cut off ({locale})"
        login = page.locator(".public-header .staff-login").bounding_box()
        assert login["x"] + login["width"] <= NARROW_PHONE["width"]
        assert not overflows_sideways(page)
    finally:
        context.close()
