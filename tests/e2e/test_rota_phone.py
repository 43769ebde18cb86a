"""The rota's part-2 pages on a 360 px phone (issue 17): an offer from the reserve list, a
stand-in asked for, the full slots, the calendar link, my hours, and the coordinator's sign-in
links and allowances, none scrolling sideways."""

import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from stek.rota import services
from stek.rota.models import ShiftTake
from tests.e2e.test_accessibility import NARROW_PHONE, log_in
from tests.factories.rota import ShiftNeedFactory
from tests.personas import build_world
from tests.rota.test_shifts import volunteer

SHOTS = Path(tempfile.gettempdir()) / "stek-rota-screenshots"  # to look at, not committed


@pytest.fixture
def world(transactional_db):
    w = build_world()
    need = ShiftNeedFactory(stek=w.stek_a, count=1)
    day = need.activity.start_date + timedelta(days=7)
    other = volunteer(w, 1)
    first = services.take(membership=other, need=need, day=day)
    services.join_reserve(membership=w.memberships["volunteer_a"], need=need, day=day)
    services.give_back(take=first)  # volunteer_a is offered the place
    second = ShiftNeedFactory(stek=w.stek_a, role__name="Keuken met een lange rolnaam", count=1)
    services.ask_standin(
        take=services.take(membership=other, need=second,
                           day=second.activity.start_date + timedelta(days=7))
    )  # fmt: skip
    past = ShiftTake.objects.create(
        stek=w.stek_a, membership=w.memberships["volunteer_a"], activity=need.activity,
        role=need.role, date=timezone.localdate(),
    )  # fmt: skip
    services.record_allowance(actor=None, take=past, kind="flat", amount=Decimal("12.50"))
    return w


PAGES = {
    "volunteer_a": [
        ("open", "/s/alfa/rooster/", "Iemand zoekt een vervanger"),
        ("mine", "/s/alfa/rooster/mijn-beurten/", "Ik neem de plaats"),
        ("feed", "/s/alfa/rooster/agenda-link/", "agenda-link"),
        ("hours", "/s/alfa/rooster/mijn-uren/", "leefloon"),
    ],
    "coordinator_a": [
        ("links", "/s/alfa/rooster/aanmeldlinks/", "Link afdrukken"),
        ("volunteers", "/s/alfa/rooster/vrijwilligers/", "Organisatienota"),
        ("plan", "/s/alfa/rooster/planning/", "zoekt een vervanger"),
    ],
}


def test_the_rota_pages_fit_a_360_px_phone(world, live_server, browser):
    SHOTS.mkdir(exist_ok=True)
    for persona, pages in PAGES.items():
        context = browser.new_context(viewport=NARROW_PHONE, locale="nl-BE")
        page = context.new_page()
        try:
            log_in(page, live_server.url, persona)
            page.wait_for_url(lambda url: "/aanmelden/" not in url)
            for name, path, text in pages:
                page.goto(f"{live_server.url}{path}")
                assert text in page.content(), (path, text)
                page.screenshot(path=SHOTS / f"rota-{name}.png", full_page=True)
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= NARROW_PHONE["width"], (path, wide)
            membership = world.memberships["volunteer_a"]
            if persona == "coordinator_a":
                page.goto(f"{live_server.url}/s/alfa/rooster/vrijwilligers/{membership.pk}/")
                page.screenshot(path=SHOTS / "rota-volunteer.png", full_page=True)
                assert page.evaluate("document.documentElement.scrollWidth") <= 360
        finally:
            context.close()
