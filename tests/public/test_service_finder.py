"""Issue 16: a public service finder per STEK: the network's public services only, searched by
text and topic, with what a service publishes and nothing for workers."""

import pytest
from django.urls import reverse

from stek.core.vocabulary import Topic
from tests.factories.core import NetworkFactory, OrganisationFactory, StekFactory
from tests.factories.socialmap import ServiceFactory


@pytest.fixture
def services(world):
    org = world.partner_a2.organisation
    ServiceFactory(organisation=org, name="Sociale dienst Alfa", phone="+32 2 555 01 01")
    ServiceFactory(organisation=org, housing=True)
    ServiceFactory(organisation=org, name="Intervisie voor hulpverleners", professional=True)
    other = StekFactory(network=NetworkFactory(slug="ander"), slug="elders")
    ServiceFactory(organisation=OrganisationFactory(network=other.network), name="Dienst Elders")
    return world


def test_shows_only_the_public_services_of_the_stek_network(services, client):
    response = client.get(reverse("public:services", kwargs={"slug": "alfa"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sociale dienst Alfa" in html and "Woonloket" in html
    assert "OCMW Alfa" in html  # the organisation
    assert "+32 2 555 01 01" in html  # the phone
    assert "9:00–12:00" in html and "09:00-12:00" not in html  # the opening hours, in words
    assert "Intervisie voor hulpverleners" not in html  # professional only
    assert "Dienst Elders" not in html  # another network
    assert "Verwijs" not in html and "/verwijzingen/" not in html  # no referral
    assert "Laatst gecontroleerd" not in html and "Identiteitskaart" not in html


def test_search_by_text_and_by_topic(services, client):
    url = reverse("public:services", kwargs={"slug": "alfa"})
    html = client.get(url, {"q": "woonloket"}).content.decode()
    assert "Woonloket" in html and "Sociale dienst Alfa" not in html
    topic = Topic.objects.get(network=None, code="vlaamse_huurpremie")
    html = client.get(url, {"thema": topic.pk}).content.decode()
    assert "Woonloket" in html and "Sociale dienst Alfa" not in html
    html = client.get(url, {"thema": "niet-een-getal"}).content.decode()  # ignored, no error
    assert "Woonloket" in html and "Sociale dienst Alfa" in html
    html = client.get(url, {"q": "Intervisie"}).content.decode()
    assert "Intervisie voor hulpverleners" not in html


def test_an_unknown_stek_gets_a_404(services, client):
    assert client.get("/bestaat-niet/hulp/").status_code == 404


def test_linked_from_the_programme_and_the_front_door(services, client):
    url = reverse("public:services", kwargs={"slug": "alfa"})
    assert url in client.get(reverse("public:programme", kwargs={"slug": "alfa"})).content.decode()
    assert url in client.get("/").content.decode()


def test_the_finder_reads_a_fixed_number_of_queries(services, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stek.core.memo import forget_all

    url = reverse("public:services", kwargs={"slug": "alfa"})
    client.get(url)
    forget_all()  # both reads start cold: the map's reads are remembered per version
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(4):
        ServiceFactory(organisation=services.partner_a.organisation, name=f"Dienst {i}")
    forget_all()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many) <= 10
