"""An idea travels from the box to a council vote to the public 'wij deden' board, on a
360 px phone, with axe-core on the visitors' pages and the tablet's ballot
(STEK_SCREENSHOTS=dir keeps screenshots of the box, the ballot and the board)."""

import os

import pytest

from stek.participation.enums import IdeaState
from stek.participation.models import Idea, Meeting
from tests.e2e.test_accessibility import (
    NARROW_PHONE,
    log_in,
    overflows_sideways,
    serious_violations,
)
from tests.personas import build_world

TABLET = {"width": 1024, "height": 768}
IDEA = "Samen koken met groenten uit de moestuin."


@pytest.fixture
def world(transactional_db):
    return build_world()


def check(page, keep=None, name=None):
    page.wait_for_load_state("load")
    assert not overflows_sideways(page), page.url
    assert not serious_violations(page), page.url
    if keep and name:
        page.screenshot(path=f"{keep}/participation-{name}.png", full_page=True)


def test_an_idea_goes_from_the_box_to_the_council_to_the_board(world, live_server, browser):
    keep = os.environ.get("STEK_SCREENSHOTS")
    base = live_server.url
    visitor = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    staff = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    try:
        # 1. a visitor on a phone: no account, a scanned text, a category
        page = visitor.new_page()
        page.goto(f"{base}/alfa/idee/")
        check(page, keep, "box")
        page.fill("textarea[name=text]", "Bel me op 0470 12 34 56")
        page.click("button.idea-send")
        page.wait_for_load_state()
        assert "telefoonnummer" in page.locator(".error-summary").inner_text()
        page.fill("textarea[name=text]", IDEA)
        page.check("input[name=category][value=food]")
        page.click("button.idea-send")
        page.wait_for_load_state()
        assert "Dank je" in page.locator(".messages").inner_text()
        assert IDEA not in page.locator("main").inner_text()  # waits for a worker
        idea = Idea.objects.get()

        # 2. a worker publishes it and puts it on the council's ballot
        work = staff.new_page()
        log_in(work, base, "worker_a")
        work.goto(f"{base}/s/alfa/inspraak/")
        check(work)
        with work.expect_navigation():
            work.click("button >> text=Publiceren")
        page.goto(f"{base}/alfa/idee/")
        assert IDEA in page.locator(".idea-list").inner_text()
        work.goto(f"{base}/s/alfa/inspraak/raad/")
        work.fill("input[name=title]", "Wat doen we eerst?")
        work.fill("input[name=held_on]", "2030-01-10")
        work.fill("input[name=quorum]", "2")
        with work.expect_navigation():
            work.click("button >> text=Maken")
        work.select_option("select[name=idea]", str(idea.pk))
        work.select_option("select[name=pictogram]", "meal")
        work.click("button >> text=Keuze toevoegen")
        work.wait_for_load_state()
        work.fill("input[name=label]", "Een filmavond")
        work.select_option("select[name=pictogram]", "meeting")
        work.click("button >> text=Keuze toevoegen")
        work.wait_for_load_state()
        work.click("button >> text=Stemming openen")
        work.wait_for_load_state()
        meeting = Meeting.objects.get()

        # 3. the shared tablet: the facilitator unlocks one ballot at a time
        work.click("text=Stembus op de tablet")
        work.wait_for_load_state()
        for size, name in ((NARROW_PHONE, "ballot"), (TABLET, "ballot-tablet")):
            work.set_viewport_size(size)
            work.click("button.ballot-unlock")
            work.wait_for_load_state()
            check(work, keep, name)
            work.click(f"button.ballot-button >> text={IDEA}")
            work.wait_for_load_state()
            assert work.locator("button.ballot-unlock").is_visible()  # locked again
        work.set_viewport_size(NARROW_PHONE)
        # a phone with the meeting's code
        page.goto(f"{base}/alfa/stemmen/")
        page.fill("input[name=code]", meeting.code)
        page.click("button >> text=Verder")
        page.wait_for_load_state()
        check(page)
        page.click("button.ballot-button >> text=Een filmavond")
        page.wait_for_load_state()
        assert "Je stem is geteld" in page.locator(".messages").inner_text()
        assert "data-votes" not in page.content()  # hidden until the vote closes

        # 4. the worker closes the vote, sees the result and answers the idea
        work.goto(f"{base}/s/alfa/inspraak/raad/{meeting.pk}/")
        assert "3 stemmen uitgebracht" in work.locator("main").inner_text()
        work.click("button >> text=Stemming sluiten")
        work.wait_for_load_state()
        assert work.locator(".result-top").inner_text().startswith(IDEA[:20])
        work.goto(f"{base}/s/alfa/inspraak/idee/{idea.pk}/")
        work.fill("textarea[name=answer]", "Elke eerste donderdag koken we samen.")
        work.click("button >> text=Aanvaard")
        work.wait_for_load_state()
        idea.refresh_from_db()
        assert idea.state == IdeaState.ACCEPTED

        # 5. the public board: asked, done, and the vote behind it
        page.goto(f"{base}/alfa/wij-deden/")
        check(page)
        board = page.locator(".answers-done").inner_text()
        assert IDEA in board and "Elke eerste donderdag" in board and "bezoekersraad" in board
        page.goto(f"{base}/alfa/wij-deden/bord/")
        check(page, keep, "board")
    finally:
        visitor.close()
        staff.close()
