"""Log in as each persona, visit every page reachable from the home page, run axe-core.

Fails on any serious or critical violation, so every page is checked the day it is added.
"""

from datetime import date
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest

from tests.personas import PASSWORD, PERSONA_NAMES, build_world

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
PHONE = {"width": 390, "height": 844}
NARROW_PHONE = {"width": 360, "height": 740}  # the narrowest phone we design for
MAX_PAGES = 80
SKIP_PATHS = ("/afmelden/",)
SKIP_SUFFIXES = (".pdf", ".ics", ".csv", ".ods")  # downloads: their own tests check them


@pytest.fixture
def world(transactional_db, settings):
    from tests.factories.referrals import ReferralFactory

    settings.STEK_MAP_TILE_URL = ""  # no tile server in CI: the map shows points only
    w = build_world()
    w.stek_a.latitude, w.stek_a.longitude = 51.056, 3.73
    w.stek_a.save()
    ReferralFactory(world=w)  # a service on the social map and a referral with its slip
    from stek.advocacy import services as advocacy
    from tests.factories.advocacy import DossierFactory, SignalFactory

    SignalFactory.create_batch(
        6,
        stek=w.stek_a,
        topic__code="vlaamse_huurpremie",
        barriers=["begrijpbaarheid"],
        quoted=True,
    )
    # a dossier shared with STEK B, with an addressee
    dossier = DossierFactory(lead_stek=w.stek_a, invited=[w.stek_b])
    advocacy.save_addressee(actor=None, dossier=dossier, level="local", body="Gemeenteraad",
                            follow_up_on=date.today())  # fmt: skip
    return w


def log_in(page, base, persona):
    page.goto(f"{base}/aanmelden/")
    if persona == "anonymous":
        return
    page.fill("input[name=username]", f"{persona}@stek.test")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state()
    assert "/aanmelden/" not in page.url, f"{persona} could not log in"


def serious_violations(page):
    page.evaluate(AXE)
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


def overflows_sideways(page):
    """The page is wider than the screen: people would have to scroll sideways."""
    page.wait_for_load_state("load")
    return page.evaluate(
        "() => document.documentElement.scrollWidth > window.innerWidth"
        " ? document.documentElement.scrollWidth : 0"
    )


def crawl(page, base):
    """Breadth-first over same-origin links from the current page; yields each path once."""
    seen, queue = set(), [urlparse(page.url).path]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIP_PATHS) or path.endswith(SKIP_SUFFIXES):
            continue
        seen.add(path)
        response = page.goto(base + path)
        yield path, response.status
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            url = urlparse(urldefrag(href)[0])
            if (
                url.netloc == urlparse(base).netloc
                and url.path not in seen
                and not url.path.endswith(SKIP_SUFFIXES)
            ):
                queue.append(url.path + (f"?{url.query}" if url.query else ""))


@pytest.mark.parametrize("persona", PERSONA_NAMES)
def test_every_reachable_page_passes_axe(persona, world, live_server, browser):
    context = browser.new_context(viewport=NARROW_PHONE, bypass_csp=True, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, persona)
        problems, visited, too_wide = {}, [], {}
        for path, status in crawl(page, live_server.url):
            visited.append(path)
            assert status < 500, f"{persona}: {path} answered {status}"
            width = overflows_sideways(page)
            if width:
                too_wide[path] = width
            found = serious_violations(page)
            if found:
                problems[path] = found
        assert len(visited) >= (2 if persona == "anonymous" else 3), visited
        assert not problems, f"{persona}: axe violations: {problems}"
        assert not too_wide, f"{persona}: wider than a 360 px screen (px): {too_wide}"
    finally:
        context.close()


def test_a_form_with_errors_passes_axe(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    try:
        log_in(page, live_server.url, "coordinator_a")
        page.goto(f"{live_server.url}/s/alfa/partners/nieuw/")
        page.fill("textarea[name=contribution]", "Bel Jan Peeters op 0470 12 34 56.")
        page.click("button[type=submit].primary")
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()
        assert page.locator("textarea[name=contribution]").input_value().startswith("Bel Jan")
        assert not serious_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("persona", ["anonymous", "coordinator_a", "network_admin"])
def test_pages_load_without_console_errors_under_the_real_csp(persona, world, live_server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        log_in(page, live_server.url, persona)
        page.goto(live_server.url + "/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof htmx") == "object"  # htmx loaded from our static files
        if persona == "coordinator_a":  # the map: Leaflet from our static files, under the CSP
            page.goto(live_server.url + f"/s/{world.stek_a.slug}/kaart/")
            page.wait_for_load_state("networkidle")
            assert page.locator("#map .leaflet-interactive").count() >= 2  # STEK + service
        assert not errors, errors
    finally:
        context.close()


def test_the_language_switcher_works_without_javascript(world, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/aanmelden/")
        page.select_option("#language", "fr")
        page.click(".language button")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("h1").inner_text() == "Se connecter"
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["/alfa/programma/", "/alfa/programma/?soort=leren", "/alfa/scherm/"]
)
def test_public_pages_pass_axe_for_visitors(path, world, live_server, browser):
    from tests.factories.agenda import ActivityFactory

    ActivityFactory(stek=world.stek_a)
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    try:
        assert page.goto(live_server.url + path).status == 200
        assert not serious_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_volunteer_counts_with_one_tap(javascript, world, live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    try:
        log_in(page, live_server.url, "volunteer_a")
        page.goto(f"{live_server.url}/s/alfa/vandaag/")
        plus = page.locator(".tally-open .tally-plus").first
        count = page.locator(".tally-open .tally-count").first
        for expected in ("1", "2", "3"):
            plus.click()
            page.wait_for_function(
                "([sel, n]) => document.querySelector(sel).textContent.trim() === n",
                arg=[".tally-open .tally-count", expected],
            )
        assert count.inner_text() == "3"
        assert page.locator("#day-total").inner_text() == "3"
        page.locator(".tally-open .tally-minus").first.click()
        page.wait_for_function(
            "() => document.querySelector('.tally-open .tally-count').textContent.trim() === '2'"
        )
    finally:
        context.close()


@pytest.mark.parametrize("persona", ["coordinator_a", "worker_a", "anonymous"])
def test_the_self_evaluation_pages_pass_axe(persona, world, live_server, browser):
    """The self-evaluation (issue 18): the list, the summary with its radar and links, every
    step of the meeting, and the rater's page (for the anonymous rater), on a 360 px phone."""
    from django.utils import timezone

    from stek.reports import selfeval, services

    year = timezone.localdate().year
    evaluation = services.start_self_evaluation(actor=None, stek=world.stek_a, year=year)
    services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=2)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="volunteer")
    if persona == "anonymous":
        paths = [f"/beoordelen/{link.code}/", "/beoordelen/onbekend/"]
    else:
        base = f"/s/alfa/zelfevaluatie/{year}/"
        paths = ["/s/alfa/zelfevaluatie/", base] + [
            f"{base}vergadering/{axis.key}/" for axis in selfeval.AXES
        ]
    context = browser.new_context(viewport=NARROW_PHONE, bypass_csp=True, locale="nl-BE")
    page = context.new_page()
    try:
        log_in(page, live_server.url, persona)
        problems, too_wide = {}, {}
        for path in paths:
            status = page.goto(live_server.url + path).status
            assert status == (404 if "onbekend" in path else 200), (path, status)
            width = overflows_sideways(page)
            if width:
                too_wide[path] = width
            found = serious_violations(page)
            if found:
                problems[path] = found
        assert not problems, f"{persona}: axe violations: {problems}"
        assert not too_wide, f"{persona}: wider than a 360 px screen (px): {too_wide}"
    finally:
        context.close()
