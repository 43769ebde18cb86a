"""A visitor does the rights check on a phone: every page passes axe-core, under the real CSP,
with a wrong answer, the summary, an edit and the results with "why?"."""

import pytest

from tests.e2e.test_accessibility import PHONE, serious_violations
from tests.personas import build_world

ANSWERS = {
    "gewest": lambda p: p.check("input[value=vlaanderen]"),
    "gezin": lambda p: (p.fill("input[name=adults]", "1"), p.fill("input[name=children]", "1")),
    "leeftijd": lambda p: (p.fill("input[name=age_0]", "34"), p.fill("input[name=age_1]", "7")),
    "inkomen": lambda p: p.fill("input[name=benefits_0]", "1200"),
    "situatie": lambda p: None,
    "jaarinkomen": lambda p: p.fill("input[name=yearly_taxable_income]", "15000"),
    "wonen": lambda p: p.check("input[value=private_rent]"),
    "huur": lambda p: p.fill("input[name=monthly_rent]", "650"),
    "wachtlijst": lambda p: p.fill("input[name=social_housing_waiting_years]", "4"),
    "eigendom": lambda p: p.check("input[name=owns_property][value='0']"),
    "budgetmeter": lambda p: p.check("input[value=gas]"),
    "verwarming": lambda p: p.check("input[name=heating][value=gas]"),
}


@pytest.fixture
def world(transactional_db):
    return build_world()


def step_of(page):
    return page.locator("input[name=step]").get_attribute("value")


def test_a_visitor_finishes_the_check_on_a_phone(world, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda msg: errors.append(f"{msg.text} {msg.location}") if msg.type == "error" else None,
    )
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    problems = {}

    def audit(name):
        found = serious_violations(page)
        if found:
            problems[name] = found

    try:
        page.goto(f"{live_server.url}/alfa/rechtencheck/")
        audit("intro")
        page.click("button.primary")
        page.wait_for_load_state()
        seen = []
        while page.locator("input[name=step]").count():
            step = step_of(page)
            seen.append(step)
            if step == "leeftijd" and "wrong" not in seen:
                seen.append("wrong")
                page.fill("input[name=age_0]", "300")
                page.fill("input[name=age_1]", "7")
                page.click("button.primary")
                page.wait_for_load_state()
                assert page.locator(".error-summary").is_visible()
                audit("error")
            audit(step)
            ANSWERS[step](page)
            page.click("button.primary")
            page.wait_for_load_state()
        assert {"gewest", "huur", "budgetmeter"} <= set(seen)
        assert page.locator("h1").inner_text() == "Kijk je antwoorden na"
        audit("summary")

        page.click("button[value='edit:huur']")
        page.wait_for_load_state()
        assert page.locator("input[name=monthly_rent]").input_value() == "650"
        page.fill("input[name=monthly_rent]", "700")
        page.click("button.primary")
        page.wait_for_load_state()
        assert "€ 700" in page.locator("main").inner_text().replace("\xa0", " ")

        page.locator("button[value=results]").first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Je resultaat"
        likely = page.locator("#group-likely").locator("xpath=..")
        assert "Groeipakket" in likely.inner_text()
        page.locator("details.why summary").first.click()
        audit("results")
        assert not problems, problems
        assert not errors, errors
    finally:
        context.close()
