import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.rights.example import example

URL = "/api/v1/rights/check"


def post(client, answers, **headers):
    return client.post(URL, json.dumps(answers), content_type="application/json", **headers)


def by_id(response):
    return {right["id"]: right for right in response.json()["rights"]}


@pytest.mark.django_db
def test_the_issue_example_is_answered_by_the_facts(client):
    response = post(client, example())
    assert response.status_code == 200
    rights = by_id(response)
    assert response.json()["date"] == "2025-03-15"
    # A single adult without income: leefloon category 2 of 2025-02-01 (1314.20), but only
    # "maybe": the social inquiry and willingness to work cannot be asked.
    leefloon = rights["leefloon"]
    assert leefloon["status"] == "maybe"
    assert leefloon["amount_monthly"] == pytest.approx(1314.20, abs=0.01)
    assert {c["id"]: c["met"] for c in leefloon["conditions"]}["werkbereidheid"] is None
    # 18,000 is under the VT ceiling of 2024 (25,630.67): on request, not automatic.
    vt = rights["verhoogde_tegemoetkoming"]
    assert (vt["status"], vt["automatic"]) == ("likely", False)
    # Private tenant in Flanders, 5 years on the list, under the ceiling and the maximum rent:
    # the huurpremie of 2024 for a single person (177.76).
    premie = rights["vlaamse_huurpremie"]
    assert premie["status"] == "likely"
    assert premie["amount_monthly"] == pytest.approx(177.76, abs=0.01)
    assert all(c["met"] for c in premie["conditions"])
    assert rights["vlaamse_huursubsidie"]["status"] == "maybe"  # the move cannot be asked
    assert rights["brusselse_huurtoelage"]["status"] == "unlikely"
    assert rights["sociaal_tarief_energie"]["status"] == "unlikely"  # VT no longer counts
    assert rights["verwarmingsfonds"]["status"] == "unlikely"  # heats with gas
    # With the VT the social maximumfactuur applies.
    assert rights["maximumfactuur"]["yearly_ceiling"] == pytest.approx(516.92, abs=0.01)
    for right in rights.values():
        assert right["references"] or right["id"] in {"minimale_levering"}, right["id"]
        assert all(ref.startswith("https://") for ref in right["references"])


@pytest.mark.django_db
def test_every_right_is_answered_and_listed(client):
    checked = set(by_id(post(client, example())))
    listed = client.get("/api/v1/rights").json()
    assert checked == {right["id"] for right in listed}
    assert len(checked) == 11


@pytest.mark.django_db
def test_the_check_stores_nothing(client):
    with CaptureQueriesContext(connection) as queries:
        assert post(client, example()).status_code == 200
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []


@pytest.mark.django_db
def test_bad_answers_get_a_message_per_field(client):
    answers = example(region="mars")
    answers["persons"][0]["age"] = -1
    answers["household"]["monthly_rent"] = "veel"
    response = post(client, answers)
    assert response.status_code == 422
    fields = {tuple(error["loc"][2:]): error["msg"] for error in response.json()["detail"]}
    assert set(fields) == {("region",), ("persons", 0, "age"), ("household", "monthly_rent")}
    assert "vlaanderen" in fields[("region",)]


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2022-09-01", "2099-01-01"])
def test_a_date_outside_the_parameters_gets_a_clear_422(client, day):
    response = post(client, example(date=day))
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == "date"
    assert "2024-05-01" in error["msg"]


@pytest.mark.django_db
def test_a_household_needs_an_adult_and_a_body_must_be_json(client):
    answers = example()
    answers["persons"][0]["role"] = "child"
    assert post(client, answers).status_code == 422
    assert client.post(URL, "{niet json", content_type="application/json").status_code == 400


@pytest.mark.django_db
def test_texts_follow_the_language_asked(client):
    french = by_id(post(client, example(), HTTP_ACCEPT_LANGUAGE="fr"))
    assert french["leefloon"]["title"] == "Revenu d'intégration"
    english = client.get("/api/v1/rights", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english[0]["title"] == "Living wage (leefloon)"


@pytest.mark.django_db
def test_the_check_is_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths["/api/v1/rights/check"]
    assert "get" in paths["/api/v1/rights"]
