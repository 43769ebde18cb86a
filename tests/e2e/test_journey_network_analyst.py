"""Journey (issue 16): a network analyst opens the network's signals page, chooses the
completed month with signals, and reads figures that never show a small cell: every count
is 0, at least the threshold, or reads "verborgen" (a hidden cell never reads as 0), with one
footnote that says what "verborgen" means."""

import os
from datetime import date, timedelta

import pytest

from stek.advocacy import stats
from stek.core.dates import monday_of
from stek.core.vocabulary import Barrier, LifeDomain
from tests.e2e.test_accessibility import log_in
from tests.factories import StekFactory
from tests.factories.advocacy import PUBLISHED, SignalFactory
from tests.personas import build_world

SHOTS = os.environ.get("STEK_SCREENSHOTS")
DESK = {"width": 1280, "height": 900}


@pytest.fixture
def world(transactional_db):
    w = build_world()
    gamma = StekFactory(network=w.network, name="STEK Gamma", slug="gamma")
    for stek, n in ((w.stek_a, 6), (w.stek_b, 2), (gamma, 1)):  # a topic in 3 STEKs
        SignalFactory.create_batch(
            n, stek=stek, topic__code="vlaamse_huurpremie", barriers=["begrijpbaarheid"]
        )
    # 3 signals about income, with a language barrier: a small cell (threshold 5)
    SignalFactory.create_batch(3, stek=w.stek_a, topic__code="leefloon", barriers=["taal"])
    return w


def cell_texts(table):
    return [t.strip() for t in table.locator("tbody td").all_inner_texts()]


def test_the_analyst_reads_network_signals_with_no_small_cell(world, live_server, browser):
    threshold = stats.threshold()
    week = monday_of(date.today() - timedelta(weeks=PUBLISHED))
    context = browser.new_context(viewport=DESK, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(5_000)
    try:
        log_in(page, live_server.url, "analyst")
        page.goto(f"{live_server.url}/netwerk/testnetwerk/signalen/")
        assert page.locator("h1").inner_text() == "Signalen in het netwerk"
        page.select_option("select[name=periode]", f"{week:%Y-%m}")
        page.click("form.filters button[type=submit]")
        page.wait_for_load_state()
        assert f"periode={week:%Y-%m}" in page.url

        recurring = page.locator("section[aria-labelledby=recurring] table")
        assert "Vlaamse huurpremie" in recurring.inner_text()
        matrix = page.locator("table.matrix")
        header = [t.strip() for t in matrix.locator("thead th").all_inner_texts()]
        column = header.index(str(Barrier.LANGUAGE.label))  # the first <th> is the row label
        income = matrix.locator(
            "tbody tr", has=page.locator("th", has_text=str(LifeDomain.INCOME.label))
        )
        small = income.locator("td").nth(column - 1).inner_text().strip()
        assert small == "verborgen", small  # 3 signals: hidden, not 0 and not 3

        shown = cell_texts(recurring)[1::2] + cell_texts(matrix)  # signal counts only
        assert "verborgen" in shown
        for text in shown:
            assert text == "verborgen" or int(text) == 0 or int(text) >= threshold, shown
        steks = cell_texts(recurring)[0::2]  # the number of STEKs: 3 or more, never a count
        assert all(int(n) >= 3 for n in steks), steks
        note = page.locator("p.footnote").all_inner_texts()
        assert len(note) == 1 and note[0].startswith("“verborgen”: een aantal kleiner dan")
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/analyst-network-signals.png", full_page=True)
    finally:
        context.close()
