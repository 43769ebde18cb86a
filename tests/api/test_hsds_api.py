import pytest

from tests.factories.socialmap import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(world):
    org = world.partner_a2.organisation
    public = [ServiceFactory(organisation=org, name=f"Dienst {i:02d}") for i in range(5)]
    hidden = ServiceFactory(organisation=org, name="Alleen voor hulpverleners", professional=True)
    return public, hidden


def test_services_are_paginated_the_hsds_way_and_only_public(client, services):
    page = client.get("/api/v1/hsds/services", {"per_page": 2, "page": 3}).json()
    assert page["total_items"] == 5 and page["total_pages"] == 3 and page["page_number"] == 3
    assert page["size"] == 1 and page["last_page"] and not page["first_page"]
    every = client.get("/api/v1/hsds/services", {"per_page": 50}).json()["contents"]
    assert "Alleen voor hulpverleners" not in [s["name"] for s in every]


def test_one_service_and_a_hidden_one(client, services):
    public, hidden = services
    one = client.get(f"/api/v1/hsds/services/{public[0].uuid}")
    assert one.status_code == 200 and one.json()["id"] == str(public[0].uuid)
    assert client.get(f"/api/v1/hsds/services/{hidden.uuid}").status_code == 404
    assert client.get("/api/v1/hsds/services/not-a-uuid").status_code == 404


def test_organisations_and_the_openapi_schema(client, services):
    orgs = client.get("/api/v1/hsds/organizations").json()
    assert [o["name"] for o in orgs["contents"]] == ["OCMW Alfa"]
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/hsds/services",
        "/api/v1/hsds/services/{service_id}",
        "/api/v1/hsds/organizations",
    } <= set(schema["paths"])
