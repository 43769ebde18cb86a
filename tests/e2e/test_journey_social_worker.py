"""Journey (issue 16): a social worker searches the social map, opens a service, refers a
visitor to it (the form lists the service's own topics first), gets the referral slip, goes
"Terug naar de sociale kaart" and finds the search as it was, and later records the outcome:
with JavaScript only the reasons that fit the outcome are offered; without it (an old phone)
a contradictory reason is refused with a clear message and nothing is saved."""

import os
from urllib.parse import parse_qs, urlparse

import pytest

from stek.referrals.models import Referral
from tests.e2e.test_accessibility import PHONE, log_in, overflows_sideways
from tests.factories.socialmap import ServiceFactory
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")


@pytest.fixture
def world(transactional_db, settings):
    settings.STEK_MAP_TILE_URL = ""  # no tile server: the map shows points only
    w = build_world()
    ServiceFactory(organisation=w.partner_a.organisation, name="Woonloket",
                   topics=("vlaamse_huurpremie", "vlaamse_huursubsidie"))  # fmt: skip
    ServiceFactory(organisation=w.partner_a2.organisation, name="Sociale dienst")
    return w


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_social_worker_searches_refers_and_records_the_outcome(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "worker_a")
        page.goto(f"{live_server.url}/s/alfa/kaart/")
        names = page.locator("#results .service-name")
        assert set(names.all_inner_texts()) == {"Woonloket", "Sociale dienst"}
        page.fill("form.search-form input[name=q]", "woon")
        page.click("form.search-form button[type=submit]")
        page.wait_for_url("**q=woon**")  # htmx: the search is in the address
        page.wait_for_function(
            "() => document.querySelectorAll('#results .service-name').length == 1"
        )
        assert names.all_inner_texts() == ["Woonloket"]
        searched = page.url

        page.click("#results .service-name a")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Woonloket"
        page.click("a.button >> text=Verwijs naar deze dienst")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Verwijzen naar Woonloket"
        groups = page.locator("select[name=topic] optgroup")
        assert groups.nth(0).get_attribute("label") == "Onderwerpen van deze dienst"
        own = groups.nth(0).locator("option").all_inner_texts()
        assert own == ["Vlaamse huurpremie", "Vlaamse huursubsidie"]
        assert groups.nth(1).locator("option").count() > 10  # every other topic after them
        page.select_option("select[name=topic]", label="Vlaamse huursubsidie")
        assert not overflows_sideways(page)
        page.click("button.primary >> text=Maak het briefje")
        page.wait_for_load_state()
        referral = Referral.objects.get()
        assert referral.topic.code == "vlaamse_huursubsidie" and referral.stek == world.stek_a
        assert page.locator("h1").inner_text() == f"Verwijzing {referral.code_display}"
        slip = page.locator("section.slip-screen").inner_text()
        assert "Woonloket" in slip and referral.code_display in slip
        assert not overflows_sideways(page)
        shot(page, "worker-slip")
        detail = page.url

        page.click("a >> text=Terug naar de sociale kaart")
        page.wait_for_load_state()
        assert parse_qs(urlparse(page.url).query) == parse_qs(urlparse(searched).query)
        assert page.locator("form.search-form input[name=q]").input_value() == "woon"
        assert names.all_inner_texts() == ["Woonloket"]

        page.goto(detail)  # the outcome, with JavaScript: only the reasons that fit
        page.check("input[name=status][value=closed]")
        page.select_option("select[name=outcome]", "no_capacity")
        offered = page.locator("select[name=reason] optgroup:not([disabled]) option")
        assert "Wachtlijst" in offered.all_inner_texts()
        assert "Documenten ontbraken" not in offered.all_inner_texts()
        assert page.locator("select[name=reason] optgroup:not([disabled])").count() == 1
    finally:
        context.close()

    plain = browser.new_context(viewport=PHONE, locale="nl-BE", java_script_enabled=False)
    page = plain.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "worker_a")
        page.goto(detail)
        page.check("input[name=status][value=closed]")
        page.select_option("select[name=outcome]", "no_capacity")
        page.select_option("select[name=reason]", "documents_missing")  # does not fit
        page.click("form[action$='/uitkomst/'] button.primary")
        page.wait_for_load_state()
        message = page.locator("form[action$='/uitkomst/']").inner_text()  # beside the form
        assert "“Documenten ontbraken” past niet bij “Geen plaats of wachtlijst”" in message
        assert page.input_value("select[name=outcome]") == "no_capacity"  # what was chosen stays
        assert page.input_value("select[name=reason]") == "documents_missing"
        referral.refresh_from_db()
        assert referral.status == "open" and not referral.reason
        shot(page, "worker-outcome-refused")
        assert not overflows_sideways(page)

        page.check("input[name=status][value=closed]")
        page.select_option("select[name=outcome]", "no_capacity")
        page.select_option("select[name=reason]", "waiting_list")
        page.click("form[action$='/uitkomst/'] button.primary")
        page.wait_for_load_state()
        referral.refresh_from_db()
        assert (referral.status, referral.outcome, referral.reason) == (
            "closed", "no_capacity", "waiting_list",
        )  # fmt: skip
        assert "Geen plaats of wachtlijst (Wachtlijst)" in page.locator("p.lead").inner_text()
    finally:
        plain.close()
