"""The referral form starts with the service's own topics, and the way back keeps the search
(issue 16)."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from stek.referrals.models import Referral
from stek.socialmap.links import back_to_map
from tests.factories.socialmap import ServiceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _optgroups(page):
    return dict(re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', page, re.S))


def test_the_services_own_topics_come_first_and_the_others_after(world, client_for):
    TopicFactory(code="schuldhulp")
    service = ServiceFactory(
        organisation=world.partner_a2.organisation, topics=("leefloon", "schuldhulp")
    )
    url = reverse("referrals:create", args=[world.stek_a.slug, service.pk])
    page = client_for("worker_a").get(url).content.decode()
    groups = _optgroups(page)
    own = groups["Onderwerpen van deze dienst"]
    assert len(re.findall("<option", own)) == 2
    assert "Andere onderwerpen" in groups
    assert "---------" not in page


def test_onderwerp_in_the_address_is_preselected(world, client_for):
    asked = TopicFactory(code="schuldhulp")
    service = ServiceFactory(organisation=world.partner_a2.organisation)
    url = reverse("referrals:create", args=[world.stek_a.slug, service.pk])
    page = client_for("worker_a").get(url + "?onderwerp=schuldhulp").content.decode()
    assert re.search(rf'<option value="{asked.pk}" selected>', page)


def test_the_way_back_to_the_map_keeps_the_search(world, client_for):
    slug = world.stek_a.slug
    service = ServiceFactory(organisation=world.partner_a2.organisation, name="Zitdag")
    client = client_for("worker_a")
    search = reverse("socialmap:search", args=[slug]) + "?q=Zitdag"
    results = client.get(search).content.decode()
    back = quote(search, safe="")
    assert f"terug={back}" in results.replace("&amp;", "&")  # the result links carry it
    detail_url = reverse("socialmap:service_detail", args=[slug, service.pk])
    detail = client.get(detail_url, {"terug": search}).content.decode()
    assert f'href="{search}"' in detail  # "Terug naar de sociale kaart"
    create_url = reverse("referrals:create", args=[slug, service.pk])
    assert f"{create_url}?terug={back}" in detail
    create = client.get(create_url, {"terug": search}).content.decode()
    assert f'href="{search}"' in create
    response = client.post(
        f"{create_url}?terug={back}",
        {"topic": TopicFactory(code="leefloon").pk, "language": "nl"},
    )
    referral = Referral.objects.get()
    assert response["Location"] == (
        reverse("referrals:detail", args=[slug, referral.pk]) + f"?terug={back}"
    )
    page = client.get(response["Location"]).content.decode()
    assert f'href="{search}"' in page


@pytest.mark.parametrize(
    "value",
    [
        "https://evil.example/s/x/kaart/",
        "//evil.example/s/{slug}/kaart/",
        "/s/{slug}/kaart/dienst/1/",
        "/s/other/kaart/?q=a",
        "/\\evil.example",
        "javascript:alert(1)",
    ],
)
def test_the_way_back_is_never_an_open_redirect(world, client_for, value):
    slug = world.stek_a.slug
    value = value.format(slug=slug)
    assert back_to_map(world.stek_a, value) is None
    service = ServiceFactory(organisation=world.partner_a2.organisation)
    detail_url = reverse("socialmap:service_detail", args=[slug, service.pk])
    page = client_for("worker_a").get(detail_url, {"terug": value}).content.decode()
    (back,) = re.findall(r'<a href="([^"]*)">Terug naar de sociale kaart</a>', page)
    assert back == reverse("socialmap:search", args=[slug])
    assert "terug=" not in page.split('class="button primary" href="')[1].split('"')[0]
