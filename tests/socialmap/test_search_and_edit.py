from datetime import datetime

import pytest
from django.urls import reverse

from stek.socialmap.hours import BRUSSELS
from stek.socialmap.models import Service
from stek.socialmap.search import Query, search
from tests.factories.socialmap import ServiceFactory, TopicFactory

pytestmark = pytest.mark.django_db
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)


@pytest.fixture
def nearby(world):
    org = world.partner_a2.organisation
    return {
        "far": ServiceFactory(
            organisation=org,
            name="Ver weg",
            location__latitude=51.20,
            location__longitude=3.72,
            topics=("schuldhulp",),
        ),
        "near": ServiceFactory(
            organisation=org, name="Dichtbij", location__latitude=51.051, location__longitude=3.721
        ),
        "evening": ServiceFactory(
            organisation=org,
            name="Avond",
            location__latitude=51.052,
            location__longitude=3.722,
            opening_hours="Mo-Fr 18:00-20:00",
        ),
        "nowhere": ServiceFactory(organisation=org, name="Zonder adres", without_location=True),
    }


def names(results):
    return [r.service.name for r in results]


def test_results_are_sorted_by_distance_with_unknown_last(world, nearby):
    results = search(world.network.pk, Query(), origin=(51.05, 3.72), at=MONDAY_10)
    assert names(results) == ["Dichtbij", "Avond", "Ver weg", "Zonder adres"]
    assert results[0].distance == pytest.approx(0.13, abs=0.02)


def test_open_now_topic_text_and_distance_filters(world, nearby):
    origin = (51.05, 3.72)
    assert "Avond" not in names(search(world.network.pk, Query(open_now=True), origin, MONDAY_10))
    assert names(
        search(world.network.pk, Query(topic=TopicFactory(code="schuldhulp").pk), origin, MONDAY_10)
    ) == ["Ver weg"]
    assert names(search(world.network.pk, Query(text="dichtbij"), origin, MONDAY_10)) == [
        "Dichtbij"
    ]
    assert names(search(world.network.pk, Query(max_km=5), origin, MONDAY_10)) == [
        "Dichtbij",
        "Avond",
    ]


def test_services_of_another_network_are_not_found(world, nearby):
    from tests.factories import NetworkFactory, OrganisationFactory

    other = OrganisationFactory(network=NetworkFactory(slug="ander"))
    ServiceFactory(organisation=other, name="Elders")
    assert "Elders" not in names(search(world.network.pk, Query(), at=MONDAY_10))


def test_a_worker_edits_only_her_own_organisations_services(world, client_for):
    own = ServiceFactory(organisation=world.partner_a2.organisation, name="Eigen dienst")
    other = ServiceFactory(organisation=world.partner_a.organisation, name="Andermans dienst")
    client = client_for("worker_a")
    assert (
        client.get(reverse("socialmap:service_edit", args=[world.stek_a.slug, own.pk])).status_code
        == 200
    )
    assert (
        client.get(
            reverse("socialmap:service_edit", args=[world.stek_a.slug, other.pk])
        ).status_code
        == 403
    )
    coordinator = client_for("coordinator_a")
    assert (
        coordinator.get(
            reverse("socialmap:service_edit", args=[world.stek_a.slug, other.pk])
        ).status_code
        == 200
    )


def test_a_new_service_with_bad_hours_is_refused_and_nothing_is_lost(world, client_for):
    client = client_for("worker_a")
    response = client.post(
        reverse("socialmap:service_create", args=[world.stek_a.slug]),
        {
            "organisation": world.partner_a2.organisation.pk,
            "name": "Nieuwe dienst",
            "description": "Uitleg",
            "topics": [TopicFactory().pk],
            "cost": "free",
            "opening_hours": "maandag 9-12",
            "visibility": "public",
            "status": "active",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "kunnen we niet lezen" in text and "Nieuwe dienst" in text
    assert not Service.objects.filter(name="Nieuwe dienst").exists()


def test_the_reminder_list_shows_services_not_verified_for_six_months(world, client_for):
    from datetime import timedelta

    from django.utils import timezone

    ServiceFactory(
        organisation=world.partner_a2.organisation,
        name="Oud",
        last_verified=timezone.localdate() - timedelta(days=200),
    )
    ServiceFactory(
        organisation=world.partner_a2.organisation,
        name="Vers",
        last_verified=timezone.localdate() - timedelta(days=20),
    )
    page = (
        client_for("worker_a")
        .get(reverse("socialmap:stale", args=[world.stek_a.slug]))
        .content.decode()
    )
    assert "Oud" in page and "Vers" not in page
