"""Issue 17, "done when": a coordinator fills next week's rota from a phone in minutes and sees
the gaps at a glance. At 360 px: the two-week planning shows next week's session understaffed
(red border, "Onderbezet") and a partner gap by name; the coordinator adds a role to the
activity, puts a volunteer and a partner's worker on the open places with one tap each, and
sees the session turn "Volledig" and the partner gap go. No page scrolls sideways."""

import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import date_format

from stek.rota import services
from tests.e2e.test_accessibility import NARROW_PHONE, log_in
from tests.factories.rota import RoleFactory, ShiftNeedFactory
from tests.personas import build_world
from tests.rota.test_shifts import volunteer

SHOTS = Path(tempfile.gettempdir()) / "stek-rota-screenshots"  # to look at, not committed


@pytest.fixture
def world(transactional_db):
    w = build_world()
    onthaal = ShiftNeedFactory(stek=w.stek_a, role__name="Onthaal", count=2)
    ocmw = w.partner_a2.organisation  # worker_a works for it
    partner_role = RoleFactory(
        stek=w.stek_a, name="Permanentie OCMW", needs_partner=True, partner=ocmw
    )
    ShiftNeedFactory(stek=w.stek_a, activity=onthaal.activity, role=partner_role, count=1)
    RoleFactory(stek=w.stek_a, name="Keuken")  # a role the activity does not need yet
    w.day = onthaal.activity.start_date + timedelta(days=7)  # next week's session
    w.helper = volunteer(w, 1)
    services.take(membership=w.memberships["volunteer_a"], need=onthaal, day=w.day)
    w.activity, w.ocmw = onthaal.activity, ocmw
    return w


def no_sideways_scroll(page):
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= NARROW_PHONE["width"], (page.url, wide)


def next_week(page, world):
    """Next week's session on the planning, by its accessible name."""
    with translation.override("nl"):
        label = f"{world.activity.title} {date_format(world.day, 'l j F')}"
    return page.locator(f'section.rota-session[aria-label="{label}"]')


def test_a_coordinator_fills_next_weeks_rota_from_a_phone(world, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        page.wait_for_url(lambda url: "/aanmelden/" not in url)
        plan = f"{live_server.url}/s/alfa/rooster/planning/"
        page.goto(plan)
        page.screenshot(path=SHOTS / "fill-1-gaps.png", full_page=True)
        no_sideways_scroll(page)
        session = next_week(page, world)
        assert session.count() == 1
        assert "rota-short" in session.get_attribute("class")
        assert "Onderbezet" in session.inner_text()
        assert f"Geen medewerker van {world.ocmw.name} op" in session.inner_text()
        # the highlight is a colour too, not only text: the red left border
        border = session.evaluate("e => getComputedStyle(e).borderLeftColor")
        ok_border = page.evaluate(
            "() => { const s = document.createElement('section'); s.className = 'rota-session';"
            " document.body.append(s); const c = getComputedStyle(s).borderLeftColor;"
            " s.remove(); return c; }"
        )
        assert border != ok_border

        # one more role for the activity: the kitchen, one person
        page.click(f"a:text-is('{world.activity.title}')")
        page.select_option("select[name=role]", label="Keuken")
        page.fill("input[name=count]", "1")
        page.click("button.primary")
        assert "Keuken × 1" in page.content()
        no_sideways_scroll(page)

        # fill next week's open places, one tap each
        page.goto(plan)
        session = next_week(page, world)
        assert "Keuken: 0 van 1" in session.inner_text()
        for role, person in (
            ("Onthaal", world.helper.user.full_name),
            ("Permanentie OCMW", world.memberships["worker_a"].user.full_name),
            ("Keuken", world.helper.user.full_name),
        ):
            form = next_week(page, world).locator("li", has_text=f"{role}:").locator("form")
            form.locator("select").select_option(label=person)
            form.locator("button").click()
            page.wait_for_load_state()
            assert "staat op het rooster" in page.content(), (role, person)
            no_sideways_scroll(page)
        page.screenshot(path=SHOTS / "fill-2-filled.png", full_page=True)

        # the gap is closed: next week's session is full and has no partner gap any more
        (plan_session,) = dict(services.planning(world.stek_a))[world.day]
        assert not plan_session.short and not plan_session.partner_gaps
        session = next_week(page, world)
        assert "rota-short" not in session.get_attribute("class")
        assert "Volledig" in session.inner_text() and "Onderbezet" not in session.inner_text()
        assert session.locator("p.rota-gap").count() == 0
        assert session.locator("form").count() == 0  # nothing left to fill
    finally:
        context.close()
