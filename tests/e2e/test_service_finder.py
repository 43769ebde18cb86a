"""The public service finder on a 360 px phone (issue 16): the topic list's long names wrap
inside the screen instead of widening the page."""

import pytest

from tests.personas import build_world

SMALL_PHONE = {"width": 360, "height": 740}


@pytest.fixture
def world(transactional_db):
    return build_world()


def test_the_finder_fits_a_small_phone(world, live_server, browser):
    from stek.core.vocabulary import Topic
    from tests.factories.socialmap import ServiceFactory

    long_name = "Eerstelijnsrechtshulp en juridisch advies voor huurders en eigenaars (gratis)"
    topic = Topic.objects.create(
        network=world.network, code="lang-onderwerp", life_domain="wonen", name=long_name
    )
    ServiceFactory(organisation=world.partner_a2.organisation, topics=(topic,))
    context = browser.new_context(viewport=SMALL_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        assert page.goto(f"{live_server.url}/alfa/hulp/").status == 200
        assert long_name in page.content()
        wide = page.evaluate(
            "() => [...document.querySelectorAll('body *')]"
            ".filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
            ".map(e => e.tagName + '.' + e.className)"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"], wide
    finally:
        context.close()
