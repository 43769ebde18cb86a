"""A network analyst reads the network dashboard on a phone (360 px) and on a laptop
(1366 px): the STEKs side by side as their frozen reports published them (one without a
report), the problems that recur in three STEKs, never a small group; no sideways scroll, no
serious axe violation."""

from datetime import date

import pytest

from tests.e2e.test_accessibility import (
    NARROW_PHONE,
    log_in,
    overflows_sideways,
    serious_violations,
)
from tests.personas import build_world

YEAR = date.today().year - 1


@pytest.fixture
def world(transactional_db):
    from tests.factories.advocacy import SignalFactory
    from tests.factories.core import StekFactory

    w = build_world()
    gamma = StekFactory(network=w.network, name="STEK Gamma", slug="gamma")
    for stek, n in ((w.stek_a, 9), (w.stek_b, 7), (gamma, 6)):
        SignalFactory.create_batch(n, stek=stek, life_domain="wonen", week=date(YEAR, 6, 2))
    SignalFactory.create_batch(2, stek=w.stek_a, life_domain="inkomen", week=date(YEAR, 6, 2))
    from stek.reports import services

    services.freeze_report(actor=None, stek=w.stek_a, year=YEAR)
    services.freeze_report(actor=None, stek=w.stek_b, year=YEAR)
    return w


@pytest.mark.parametrize("viewport", [NARROW_PHONE, {"width": 1366, "height": 900}])
def test_an_analyst_sees_recurring_problems_without_small_groups(
    world, live_server, browser, viewport
):
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "analyst")
        page.goto(f"{live_server.url}/netwerk/{world.network.slug}/")
        page.click("text=Netwerkdashboard")
        page.wait_for_load_state()
        page.select_option("select[name=jaar]", str(YEAR))
        page.select_option("select[name=periode]", str(YEAR))
        page.click("button >> text=Toon")
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Netwerkdashboard"
        side = page.locator("#side-caption").locator("xpath=..")
        for name in ("STEK Alfa", "STEK Beta", "STEK Gamma"):
            assert side.locator(f"th >> text={name}").count() == 1
        gamma = side.locator("tbody tr", has_text="STEK Gamma")
        assert "nog geen jaarverslag" in gamma.inner_text()
        assert "samen, zonder verborgen cijfers" in side.locator("tfoot").inner_text()
        domains = page.locator("#problems-domain").locator("xpath=..")
        row = domains.locator("tbody tr", has_text="Wonen")
        assert row.count() == 1
        assert row.locator("td").first.inner_text() == "3"  # STEKs
        # income: 2 signals in one STEK, a small group: not listed at all
        assert domains.locator("tbody tr", has_text="Inkomen").count() == 0
        assert not overflows_sideways(page)
        assert not serious_violations(page)
        with page.expect_download() as download:
            page.click("a >> text=CSV")
        assert (
            download.value.suggested_filename == f"netwerkdashboard-testnetwerk-{YEAR}-{YEAR}.csv"
        )
    finally:
        context.close()


def test_a_stek_coordinator_does_not_get_the_dashboard(world, live_server, browser):
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        response = page.goto(f"{live_server.url}/netwerk/{world.network.slug}/dashboard/")
        assert response.status == 404
    finally:
        context.close()
