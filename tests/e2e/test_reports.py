"""The yearly report as its users use it (issue 18): a coordinator on a 360 px phone opens the
report from the STEK's home, reads last year's figures beside the year before, makes the report
in one click with the team's own words, and downloads its PDF and spreadsheet; a network
analyst then reads the frozen report at 1366 px. No sideways scroll, no serious axe violation,
and hidden figures read "verborgen", never 0."""

import pytest

from stek.reports.models import YearReport
from tests.e2e.test_accessibility import (
    NARROW_PHONE,
    log_in,
    overflows_sideways,
    serious_violations,
)
from tests.personas import build_world
from tests.reports.data import YEAR, build_year

WIDE = {"width": 1366, "height": 900}


@pytest.fixture
def world(transactional_db):
    world = build_world()
    build_year(world)
    return world


def check(page):
    page.wait_for_load_state("load")
    assert not overflows_sideways(page), page.url
    found = serious_violations(page)
    assert not found, (page.url, found)


def test_a_coordinator_makes_the_yearly_report_and_the_network_reads_it(
    world, live_server, browser
):
    base = live_server.url
    phone = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE", accept_downloads=True)
    wide = browser.new_context(viewport=WIDE, locale="nl-BE")
    try:
        page = phone.new_page()
        log_in(page, base, "coordinator_a")
        page.goto(f"{base}/s/alfa/")
        page.get_by_role("link", name="Weten of het werkt").click()
        check(page)
        # the report of last year (the running year's link leads there through "vorig jaar")
        page.goto(f"{base}/s/alfa/rapport/{YEAR}/")
        check(page)
        body = page.locator("main").inner_text()
        assert str(YEAR - 1) in body and str(YEAR) in body  # the years side by side
        assert "verborgen" in body  # February's 3 taps are below the threshold
        chart = page.locator("svg[role=img]").first
        assert chart.locator("desc").text_content().strip()  # every figure in words

        # one click: the report is made with the team's words, and reads the same afterwards
        page.get_by_label("Wat we dit jaar deden en zagen").fill("Meer mensen vonden de weg.")
        page.get_by_role("button", name="Maak het jaarverslag").click()
        check(page)
        report = YearReport.objects.get(stek=world.stek_a, year=YEAR)
        assert "Meer mensen vonden de weg." in page.locator("main").inner_text()
        assert page.get_by_role("button", name="Maak het jaarverslag").count() == 0

        # the downloads behind the page's links, with the coordinator's session
        pdf_link = page.get_by_role("link", name="Download als PDF").get_attribute("href")
        pdf = page.request.get(base + pdf_link)
        assert pdf.status == 200 and pdf.body()[:5] == b"%PDF-"
        csv_link = page.get_by_role("link", name="Tabel (CSV)").get_attribute("href")
        text = page.request.get(base + csv_link).body().decode("utf-8-sig")
        assert "verborgen" in text  # a hidden figure is written so, never as 0
        ods_link = page.get_by_role("link", name="Rekenblad (ODS)").get_attribute("href")
        ods = page.request.get(base + ods_link)
        assert ods.status == 200 and ods.body()[:2] == b"PK"  # an OpenDocument zip

        # the network's analyst reads the frozen report, read only
        analyst = wide.new_page()
        log_in(analyst, base, "analyst")
        analyst.goto(f"{base}/netwerk/{world.network.slug}/jaarverslagen/")
        check(analyst)
        analyst.get_by_role("link", name=f"{world.stek_a.name} · {YEAR}").click()
        check(analyst)
        assert "Meer mensen vonden de weg." in analyst.locator("main").inner_text()
        assert analyst.get_by_role("button", name="Maak het jaarverslag").count() == 0
        assert YearReport.objects.get(pk=report.pk).figures == report.figures
    finally:
        phone.close()
        wide.close()
