import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stek.rights.catalogue import RIGHTS
from tests.factories.rights import example

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
    assert checked == {right.id for right in RIGHTS}


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


@pytest.mark.django_db
def test_each_condition_gives_the_value_the_threshold_and_its_dated_sourced_parameters(client):
    rights = by_id(post(client, example(monthly_rent=1500)))
    premie = rights["vlaamse_huurpremie"]
    rent = {c["id"]: c for c in premie["conditions"]}["huurprijs"]
    assert rent["met"] is False
    assert rent["value"] == 1500 and rent["threshold"] and rent["threshold"] < 1500
    assert rent["unit"] == "money"
    assert rent["explanation"].startswith("Je huur (€\xa01.500) is hoger dan de maximale huur")
    assert "niet hoger" not in rent["explanation"]
    (parameter, *_rest) = rent["parameters"]
    assert parameter["path"] == "vlaamse_huurpremie.maximale_huur"
    assert parameter["reference"].startswith("https://")
    assert parameter["valid_from"] <= "2025-03-15"
    assert isinstance(parameter["stale"], bool) and isinstance(parameter["unconfirmed"], bool)
    assert "last_confirmed" in parameter
    assert {v["variable"] for v in rent["values"]} >= {"monthly_rent"}
    assert isinstance(premie["stale_values"], bool)


@pytest.mark.django_db
def test_stale_and_unconfirmed_flags_follow_the_parameters(client, monkeypatch):
    from stek.rights import explain

    real = explain.parameter_info

    def doubtful(path, when):
        return real(path, when) | {"stale": True, "unconfirmed": True}

    monkeypatch.setattr(explain, "parameter_info", doubtful)
    premie = by_id(post(client, example()))["vlaamse_huurpremie"]
    assert premie["stale_values"] and premie["unconfirmed_values"]
    assert all(p["stale"] for c in premie["conditions"] for p in c.get("parameters", []))


@pytest.mark.django_db
def test_region_everyone_and_next_steps_are_in_the_answer(client):
    rights = by_id(post(client, example(social_housing_waiting_years=0)))
    assert rights["brusselse_huurtoelage"]["in_region"] is False
    assert rights["vlaamse_huurpremie"]["in_region"] is True
    assert rights["maximumfactuur"]["applies_to_everyone"] is True
    (step,) = rights["vlaamse_huurpremie"]["next_steps"]
    assert step["topic"] == "sociale_huurwoning" and "wachtlijst" in step["text"]


@pytest.mark.django_db
def test_the_new_answer_fields_are_documented(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    condition = schema["ConditionOut"]["properties"]
    for name in ("explanation", "value", "threshold", "parameters"):
        assert name in condition
    parameter = schema["ParameterOut"]["properties"]
    for name in ("valid_from", "reference", "last_confirmed", "unconfirmed", "stale"):
        assert parameter[name].get("description")


@pytest.mark.django_db
def test_every_answer_is_exactly_what_the_documented_schema_gives(client):
    """The check writes its JSON without validating it per request (ADR 0008): this proves, over
    varied households and three languages, that what it writes is what ``CheckOut`` documents,
    field for field (no field missing, none extra, every value of the documented type)."""
    from stek.api.rights import CheckOut
    from tests.factories.rights import households

    seen = 0
    for i, answers in enumerate(list(households())[::4]):
        response = post(client, answers, HTTP_ACCEPT_LANGUAGE=("nl", "fr", "en")[i % 3])
        if response.status_code != 200:
            continue
        seen += 1
        data = response.json()
        assert data == json.loads(CheckOut.model_validate(data).model_dump_json()), answers
    assert seen > 20
