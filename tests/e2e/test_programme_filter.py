"""The programme's "Wat zoek je?" filter on a 360 px phone (issue 16): every choice is a big
target, nothing scrolls sideways, and it works without JavaScript (a plain GET form)."""

import pytest

from tests.personas import build_world

SMALL_PHONE = {"width": 360, "height": 740}


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_filter_fits_a_small_phone_with_big_targets(world, live_server, browser, language):
    from tests.factories.agenda import ActivityFactory

    ActivityFactory(stek=world.stek_a)
    context = browser.new_context(viewport=SMALL_PHONE, locale=language, java_script_enabled=False)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    try:
        assert page.goto(f"{live_server.url}/alfa/programma/").status == 200
        choices = page.locator("fieldset.choice-group label.choice")
        assert choices.count() == 5
        for index in range(choices.count()):
            box = choices.nth(index).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, box
            assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], box
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
        last = choices.nth(4)
        box = last.bounding_box()
        last.click(position={"x": box["width"] - 5, "y": 5})  # the far end of the label
        assert page.locator("input[name=soort][value=politiseren]").is_checked()
        page.click("form.prog-filters button[type=submit]")
        page.wait_for_load_state()
        assert "soort=politiseren" in page.url
        assert page.locator("input[name=soort][value=politiseren]").is_checked()
    finally:
        context.close()
