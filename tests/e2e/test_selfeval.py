"""The self-evaluation meeting (issue 18): a coordinator runs it on a projector at 1366x768
(steps through the functions and preconditions, scores, sees the radar), hands out the
partners' link, and a partner rates on a 360 px phone through it. No sideways scroll, no
serious axe violation on the way."""

import pytest
from django.utils import timezone

from stek.reports.models import RaterScore, RaterSubmission, TeamScore
from stek.reports.selfeval import AXES
from tests.e2e.test_accessibility import (
    NARROW_PHONE,
    log_in,
    overflows_sideways,
    serious_violations,
)
from tests.personas import build_world

PROJECTOR = {"width": 1366, "height": 768}
FULL_HD = {"width": 1920, "height": 1080}


@pytest.fixture
def world(transactional_db):
    return build_world()


def check(page):
    page.wait_for_load_state("load")
    assert not overflows_sideways(page), page.url
    assert not serious_violations(page), (page.url, serious_violations(page))


def test_a_coordinator_runs_the_meeting_and_a_partner_rates_on_a_phone(world, live_server, browser):
    base = live_server.url
    year = timezone.localdate().year
    staff = browser.new_context(viewport=PROJECTOR, locale="nl-BE")
    phone = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    try:
        page = staff.new_page()
        log_in(page, base, "coordinator_a")
        page.goto(f"{base}/s/alfa/")
        page.get_by_role("link", name="Zelfevaluatie tegenover het STEK-model").click()
        check(page)
        page.get_by_role("button", name=f"Start de zelfevaluatie van {year}").click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() == "Ontmoeten"
        check(page)

        # the first statement: the team agrees on "helemaal", with what shows it
        statement = page.locator("#s-ontmoeten\\.kost")
        statement.get_by_text("4 · helemaal").click()
        statement.get_by_label("Waaruit blijkt dat?").fill("Alles is gratis, ook de koffie.")
        statement.get_by_role("button", name="Bewaar de score").click()
        page.wait_for_load_state("load")
        assert "De score is bewaard." in page.content()
        assert TeamScore.objects.get(statement="ontmoeten.kost").score == 4

        # step through every function and precondition with "next"; score one on each
        for axis in AXES[1:]:
            page.get_by_role("link", name=f"{axis.title} →").click()
            page.wait_for_load_state("load")
            assert page.locator("h1").inner_text() == str(axis.title)
            assert not overflows_sideways(page), page.url
            first = page.locator(".se-statement").first
            first.get_by_text("3 · grotendeels").click()
            first.get_by_role("button", name="Bewaar de score").click()
            page.wait_for_load_state("load")
        assert TeamScore.objects.count() == len(AXES)
        # the last one shows the radar with its table beside it
        radar = page.locator("svg.radar[role=img]")
        assert radar.count() == 1
        assert "Ontmoeten:" in radar.locator("desc").text_content()
        assert page.locator("table.se-radar-data tbody tr").count() == len(AXES)
        check(page)

        # the same page on a full HD projector and on a phone: no sideways scroll
        for viewport in (FULL_HD, NARROW_PHONE):
            page.set_viewport_size(viewport)
            assert not overflows_sideways(page), viewport

        # the partners' link, on the summary
        page.set_viewport_size(PROJECTOR)
        page.get_by_role("link", name="Overzicht").click()
        page.wait_for_load_state("load")
        page.get_by_label("Voor wie").select_option("partner")
        page.get_by_role("button", name="Maak een link").click()
        page.wait_for_load_state("load")
        check(page)
        link = page.locator(".se-link-list code").first.inner_text()
        assert "/beoordelen/" in link
        assert page.locator("img.se-qr").count() == 1

        # a partner on a phone, without an account
        rater = phone.new_page()
        rater.goto(base + link[link.index("/beoordelen/") :])
        check(rater)
        assert rater.locator("textarea, input[type=text]").count() == 0
        rater.locator("fieldset", has_text="Geld is geen drempel").get_by_text(
            "2 · een beetje"
        ).click()
        rater.locator("fieldset", has_text="Diensten komen hun aanbod").get_by_text(
            "weet niet"
        ).click()
        rater.get_by_role("button", name="Verstuur mijn scores").click()
        rater.wait_for_load_state("load")
        assert "Je hebt gescoord" in rater.content()
        check(rater)
        assert RaterSubmission.objects.count() == 1
        assert sum(RaterScore.objects.values_list("count", flat=True)) == 2

        # one partner is fewer than the threshold: the team does not see their score
        page.reload()
        assert "te weinig beoordelaars om te tonen" in page.content()

        # closing freezes it: the meeting shows no form any more
        page.get_by_role("button", name="Sluit de zelfevaluatie af").click()
        page.wait_for_load_state("load")
        assert "Afgesloten op" in page.content()
        page.goto(f"{base}/s/alfa/zelfevaluatie/{year}/vergadering/leren/")
        assert page.locator("button", has_text="Bewaar de score").count() == 0
    finally:
        staff.close()
        phone.close()
