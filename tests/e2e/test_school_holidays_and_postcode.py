"""On a 360 px phone (issue 16): the activity form's school-holiday warning of a Brussels STEK
(both communities, saying which) and the STEK form that fills coordinates from the postcode."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stek.agenda.models import Activity
from stek.core.geocode import lookup_postcode
from tests.e2e.test_accessibility import NARROW_PHONE, log_in
from tests.personas import build_world

SHOTS = "/tmp"


@pytest.fixture
def world(transactional_db):
    return build_world()


def _fits(page):
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW_PHONE["width"], wide


def test_the_school_holiday_warning_fits_a_small_phone(world, live_server, browser):
    world.stek_a.postal_code = "1080"
    world.stek_a.save()
    activity = Activity.objects.create(
        stek=world.stek_a, title="Kookatelier", start_date=timezone.localdate() + timedelta(1),
        start_time="10:00", end_time="12:00", recurrence="weekly",
    )  # fmt: skip
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        assert page.goto(f"{live_server.url}/s/alfa/agenda/{activity.pk}/").status == 200
        section = page.locator("#school-holidays-heading")
        assert section.count() == 1
        text = page.locator("section[aria-labelledby=school-holidays-heading]").inner_text()
        assert "Vlaamse scholen" in text and "Franstalige scholen" in text
        _fits(page)
        page.screenshot(path=f"{SHOTS}/holidays-activity-360.png", full_page=True)
    finally:
        context.close()


def test_the_stek_form_fills_the_coordinates_from_the_postcode(world, live_server, browser):
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        assert page.goto(f"{live_server.url}/s/alfa/gegevens/").status == 200
        _fits(page)
        page.fill("input[name=postal_code]", "9999")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        assert "Deze postcode kennen we niet" in page.content()
        _fits(page)
        page.screenshot(path=f"{SHOTS}/holidays-stek-form-360.png", full_page=True)
        page.fill("input[name=postal_code]", "2800")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        world.stek_a.refresh_from_db()
        assert world.stek_a.latitude == lookup_postcode("2800").latitude
    finally:
        context.close()
