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


def test_did_you_mean_fits_a_small_phone_and_runs_the_suggestion(world, live_server, browser):
    """Issue 16: a typo finds nothing; "Bedoelde je voedselbank?" is a link that finds the
    food parcel, on the public finder and the staff's social map, within 360 px."""
    from django.conf import settings
    from django.test import Client

    from tests.factories.socialmap import ServiceFactory

    ServiceFactory(
        organisation=world.partner_a2.organisation,
        name="Voedselpakket op vrijdag",
        topics=("voedselhulp",),
    )
    context = browser.new_context(viewport=SMALL_PHONE, locale="nl-BE")
    page = context.new_page()
    try:
        for url in (f"{live_server.url}/alfa/hulp/?q=voedslbank", None):
            if url is None:  # the staff page, logged in
                client = Client()
                client.force_login(world.user("worker_a"))
                session = client.cookies[settings.SESSION_COOKIE_NAME].value
                context.add_cookies(
                    [
                        {
                            "name": settings.SESSION_COOKIE_NAME,
                            "value": session,
                            "url": live_server.url,
                        }
                    ]
                )
                url = f"{live_server.url}/s/alfa/kaart/?q=voedslbank"
            assert page.goto(url).status == 200
            assert "Voedselpakket op vrijdag" not in page.content()
            link = page.locator(".did-you-mean a")
            assert link.inner_text() == "voedselbank"
            assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
            link.scroll_into_view_if_needed()
            page.screenshot(path=f"/tmp/did-you-mean-{'staff' if '/s/' in url else 'public'}.png")
            link.click()
            page.wait_for_load_state()
            assert "Voedselpakket op vrijdag" in page.content()
    finally:
        context.close()
