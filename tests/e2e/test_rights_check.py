"""A visitor does the rights check on a phone: every page passes axe-core, under the real CSP,
with a wrong answer, the summary, an edit and the results with "why?"; the browser's own back
button walks back through the check (post/redirect/get), and the choices are big targets."""

import os

import pytest

from tests.e2e.test_accessibility import PHONE, serious_violations
from tests.personas import build_world

SMALL_PHONE = {"width": 360, "height": 740}
ANSWERS = {
    "gewest": lambda p: p.check("input[value=vlaanderen]"),
    "wonen": lambda p: p.check("input[value=private_rent]"),
    "gezin": lambda p: (p.fill("input[name=adults]", "1"), p.fill("input[name=children]", "1")),
    "leeftijd": lambda p: (p.fill("input[name=age_0]", "34"), p.fill("input[name=age_1]", "7")),
    "inkomen": lambda p: p.fill("input[name=benefits_0]", "1200"),
    "situatie": lambda p: None,
    "jaarinkomen": lambda p: p.fill("input[name=yearly_taxable_income]", "15000"),
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


def submit(page):
    page.click("button.primary")
    page.wait_for_load_state()


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
        submit(page)
        seen = []
        while page.locator("input[name=step]").count():
            step = step_of(page)
            seen.append(step)
            if step == "leeftijd" and "wrong" not in seen:
                seen.append("wrong")
                page.fill("input[name=age_0]", "300")
                page.fill("input[name=age_1]", "7")
                submit(page)
                assert page.locator(".error-summary").is_visible()
                assert 'value="300"' in page.content()
                audit("error")
            audit(step)
            ANSWERS[step](page)
            submit(page)
        assert {"gewest", "huur", "budgetmeter"} <= set(seen)
        assert page.locator("h1").inner_text() == "Kijk je antwoorden na"
        audit("summary")

        page.click("button[value='edit:huur']")
        page.wait_for_load_state()
        assert page.locator("input[name=monthly_rent]").input_value() == "650"
        page.fill("input[name=monthly_rent]", "700")
        submit(page)
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


def test_the_browsers_back_button_walks_back_through_the_check(world, live_server, browser):
    context = browser.new_context(viewport=SMALL_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/rechtencheck/")
        submit(page)
        for _ in range(5):  # gewest, wonen, gezin, leeftijd, inkomen
            ANSWERS[step_of(page)](page)
            submit(page)
        assert step_of(page) == "situatie"
        for expected in ("inkomen", "leeftijd", "gezin"):
            page.go_back()
            page.wait_for_load_state()
            assert step_of(page) == expected  # a page of the check, never "resubmit?"
        assert page.locator("input[name=children]").input_value() == "1"
        page.fill("input[name=children]", "2")  # change an answer
        submit(page)
        assert step_of(page) == "leeftijd"
        page.fill("input[name=age_0]", "34")
        page.fill("input[name=age_1]", "7")
        page.fill("input[name=age_2]", "2")
        submit(page)
        while page.locator("input[name=step]").count():
            step = step_of(page)
            text = page.locator("#progress-text").inner_text()
            assert text.startswith("Vraag "), text
            ANSWERS[step](page)
            submit(page)
        assert page.locator("h1").inner_text() == "Kijk je antwoorden na"
        page.go_back()
        page.wait_for_load_state()
        assert step_of(page) == "verwarming"
        page.go_forward()
        page.wait_for_load_state()
        page.locator("button[value=results]").first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Je resultaat"
        page.go_back()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Kijk je antwoorden na"
    finally:
        context.close()


def test_each_choice_is_a_whole_row_of_at_least_44_px(world, live_server, browser):
    context = browser.new_context(viewport=SMALL_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/rechtencheck/")
        submit(page)
        rows = page.locator("label:has(input[type=radio])")
        assert rows.count() >= 3
        width = page.locator("main").bounding_box()["width"]
        for index in range(rows.count()):
            box = rows.nth(index).bounding_box()
            assert box["height"] >= 44, box
            assert box["width"] >= 0.8 * width, box
        rows.nth(1).click(position={"x": box["width"] - 5, "y": 5})  # the far end of the row
        assert page.locator("input[value=brussel]").is_checked()
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
    finally:
        context.close()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_check_reads_on_a_360_px_phone(world, live_server, browser, language):
    """Screenshots of the flow (STEK_SCREENSHOTS=dir keeps them) and no sideways scrolling."""
    keep = os.environ.get("STEK_SCREENSHOTS")
    context = browser.new_context(viewport=SMALL_PHONE, locale=language)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/alfa/rechtencheck/")
        submit(page)
        while page.locator("input[name=step]").count():
            step = step_of(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, step
            if keep:
                page.screenshot(path=f"{keep}/{language}-{step}.png", full_page=True)
            ANSWERS[step](page)
            submit(page)
        page.locator("button[value=results]").first.click()
        page.wait_for_load_state()
        page.locator("details.why summary").first.click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        if keep:
            page.screenshot(path=f"{keep}/{language}-results.png", full_page=True)
    finally:
        context.close()
