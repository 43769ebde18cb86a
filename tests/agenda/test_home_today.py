"""Issue 16: the volunteer's start page begins with Vandaag."""

from django.urls import reverse
from django.utils import timezone

from stek.agenda import services
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory


def test_the_start_page_of_a_volunteer_begins_with_the_vandaag_card(world, client_for):
    activity = ActivityFactory(stek=world.stek_a)
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = services.session_for(world.stek_a, None, timezone.localdate())
    services.tap(session=session, category=adult, delta=1)
    html = client_for("volunteer_a").get(reverse("core:stek_home", args=["alfa"]))
    html = html.content.decode()
    assert 'class="card today-card"' in html
    card = html[html.index('class="card today-card"') :]
    assert card.index('id="today-card"') < card.index(reverse("core:partner_list", args=["alfa"]))
    assert html.index("today-card") < html.index('class="cards"')  # at the top
    assert f'href="{reverse("agenda:today", args=["alfa"])}"' in card
    assert "Bezoekers vandaag: <strong>1</strong>" in card and activity.title in card
