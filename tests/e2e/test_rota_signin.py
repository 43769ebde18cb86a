"""A volunteer without a password (issue 17): asks for a link, opens it from the e-mail
(the locmem outbox), taps "Aanmelden", takes a place and gives it back, on a 360 px phone."""

import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache

from stek.rota.enums import TakeStatus
from stek.rota.models import ShiftTake
from tests.e2e.test_accessibility import NARROW_PHONE
from tests.factories.rota import ShiftNeedFactory
from tests.personas import build_world

SHOTS = Path(tempfile.gettempdir()) / "stek-rota-screenshots"  # to look at, not committed
LINK = re.compile(r"https?://\S+/aanmelden/link/\?sesame=\S+")


@pytest.fixture
def world(transactional_db):
    cache.clear()
    w = build_world()
    user = w.user("volunteer_a")
    user.set_unusable_password()  # a volunteer who never had a password
    user.save()
    w.need = ShiftNeedFactory(stek=w.stek_a, count=1)
    return w


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_volunteer_signs_in_from_the_mailed_link_takes_a_shift_and_gives_it_back(
    world, live_server, browser
):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/aanmelden/")
        page.click("text=Aanmelden zonder wachtwoord")
        page.fill("input[name=email]", "volunteer_a@stek.test")
        page.screenshot(path=SHOTS / "rota-signin-request.png", full_page=True)
        page.click("button[type=submit].primary")
        page.wait_for_selector("text=Kijk in je mailbox")
        assert len(mail.outbox) == 1
        link = LINK.search(mail.outbox[0].body).group(0)
        page.goto(link)
        page.screenshot(path=SHOTS / "rota-signin-confirm.png", full_page=True)
        no_sideways_scroll(page)
        page.click("button[type=submit].primary")
        page.wait_for_selector("h1:has-text('Mijn beurten')")
        page.goto(f"{live_server.url}/s/alfa/rooster/")
        day = world.need.activity.start_date + timedelta(days=7)
        page.click(f"form[action*='/{day.isoformat()}/ik-kom/'] button")
        page.wait_for_selector("text=Dank je! Je staat op het rooster")
        take = ShiftTake.objects.get(membership=world.memberships["volunteer_a"], date=day)
        assert take.status == TakeStatus.TAKEN
        page.goto(f"{live_server.url}/s/alfa/rooster/mijn-beurten/")
        page.screenshot(path=SHOTS / "rota-mine.png", full_page=True)
        no_sideways_scroll(page)
        page.click(f"form[action$='/beurt/{take.pk}/terug/'] button")
        page.wait_for_selector("text=Je beurt is teruggegeven")
        take.refresh_from_db()
        assert take.status == TakeStatus.GIVEN_BACK
        # the link was used: opening it again signs nobody in
        other = browser.new_context(viewport=NARROW_PHONE).new_page()
        other.goto(link)
        other.click("button[type=submit].primary")
        other.wait_for_selector("text=Deze link werkt niet meer")
        other.context.close()
    finally:
        context.close()
