"""Every bad input issue 12 lists gets a clear answer, never a 500.

Runs as it is on SQLite and, with ``DATABASE_URL=postgres://...``, on PostgreSQL (the NUL
character and the integer ranges differ between the two)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from stek.agenda.models import TallyCategory
from tests.factories.advocacy import DossierFactory
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory
from tests.factories.rights import example
from tests.factories.socialmap import ServiceFactory

HUGE_ID = "999999999999999999999"
LONG = "x" * 100_000


@pytest.fixture
def as_persona(world):
    """as_persona('coordinator_a') -> a client that shows errors as responses (no raising)."""

    def make(persona):
        client = Client(raise_request_exception=False)
        if persona != "anonymous":
            client.force_login(world.user(persona))
        return client

    return make


def no_500(response, *allowed):
    assert response.status_code < 500, response.content[:2000]
    if allowed:
        assert response.status_code in allowed, response.status_code
    return response


def test_tap_with_a_category_that_is_not_a_number(world, as_persona):
    url = reverse("agenda:tap", args=[world.stek_a.slug])
    for value in ("abc", HUGE_ID, "-1", "1.5", ""):
        response = as_persona("volunteer_a").post(
            url, {"session": "open", "category": value, "delta": "1"}
        )
        no_500(response, 404)


@pytest.mark.parametrize("phone", ["geen", "-1", "+", "0", "1" * 40])
def test_contact_phone_that_is_no_number_is_a_form_error(world, as_persona, phone):
    url = reverse("core:stek_edit", args=[world.stek_a.slug])
    data = {"name": "STEK Alfa", "slug": "alfa", "kind": "other", "contact_phone": phone}
    response = no_500(as_persona("coordinator_a").post(url, data), 200)
    assert "contact_phone" in response.context["form"].errors
    url = reverse("core:network_stek_create", args=[world.network.slug])
    data = {
        "name": "STEK Gamma", "kind": "other", "contact_phone": phone, "lead_name": "Org",
        "lead_kind": "other", "coordinator_email": "c@stek.test", "coordinator_name": "C",
    }  # fmt: skip
    response = no_500(as_persona("network_admin").post(url, data), 200)
    assert "contact_phone" in response.context["form"].errors


def test_a_category_label_that_exists_is_a_form_error(world, as_persona):
    existing = TallyCategoryFactory(stek=world.stek_a, label="Buurtbewoner")
    url = reverse("agenda:categories", args=[world.stek_a.slug])
    for label in ("Buurtbewoner", "buurtbewoner", " Buurtbewoner "):
        response = no_500(as_persona("coordinator_a").post(url, {"label": label, "order": 1}), 200)
        assert "label" in response.context["form"].errors
    assert (
        TallyCategory.objects.filter(stek=world.stek_a, label__iexact="buurtbewoner").count() == 1
    )
    # The same label in another STEK is fine.
    url_b = reverse("agenda:categories", args=[world.stek_b.slug])
    client = Client(raise_request_exception=False)
    client.force_login(world.stek_b.memberships.get(role="coordinator").user)
    no_500(client.post(url_b, {"label": existing.label, "order": 1}), 302)


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "9999-99-99", "2026-02-31", "x"])
def test_far_weeks_on_the_agenda_and_the_poster(world, as_persona, week):
    no_500(as_persona("worker_a").get(reverse("agenda:week", args=["alfa"]), {"week": week}), 200)
    response = as_persona("anonymous").get(reverse("public:poster", args=["alfa"]), {"week": week})
    no_500(response, 200, 503)  # 503: WeasyPrint cannot run here (the page says so)
    response = as_persona("anonymous").get(
        reverse("public:programme", args=["alfa"]), {"dag": week}
    )
    no_500(response, 200)


@pytest.mark.parametrize(
    "params",
    [{"van": "0001-01"}, {"tot": "9999-12"}, {"van": "0001-01", "tot": "9999-12"}, {"van": "x"}],
)
def test_far_months_on_the_referral_overview(world, as_persona, params):
    url = reverse("referrals:overview", args=["alfa"])
    no_500(as_persona("worker_a").get(url, params), 200)


@pytest.mark.parametrize(
    "params", [{"van": "0001-01-01"}, {"van": "9999-12-31", "tot": "9999-12-31"}]
)
def test_far_periods_on_the_signal_pages(world, as_persona, params):
    no_500(as_persona("worker_a").get(reverse("advocacy:overview", args=["alfa"]), params), 200)
    url = reverse("advocacy:network", args=[world.network.slug])
    no_500(as_persona("analyst").get(url, params), 200)


def test_a_huge_checkbox_id_is_a_form_error(world, as_persona):
    client = as_persona("coordinator_a")
    activity = ActivityFactory(stek=world.stek_a)
    for url, field in [
        (reverse("agenda:activity_create", args=["alfa"]), "organisations"),
        (reverse("agenda:activity_edit", args=["alfa", activity.pk]), "organisations"),
        (reverse("socialmap:service_create", args=["alfa"]), "topics"),
        (reverse("socialmap:service_create", args=["alfa"]), "locations"),
        (reverse("advocacy:dossier_create", args=["alfa"]), "topics"),
    ]:
        for value in (HUGE_ID, "-5", "abc", "0"):
            response = no_500(client.post(url, {field: [value]}), 200)
            assert field in response.context["form"].errors, (url, field, value)
    dossier = DossierFactory(lead_stek=world.stek_a)
    url = reverse("advocacy:dossier_invite", args=["alfa", dossier.pk])
    response = no_500(client.post(url, {"steks": [HUGE_ID]}), 400)
    assert "steks" in response.context["invite_form"].errors


def test_a_very_long_stek_or_organisation_name_is_a_form_error(world, as_persona):
    url = reverse("core:network_stek_create", args=[world.network.slug])
    data = {
        "name": LONG, "kind": "other", "lead_name": LONG, "lead_kind": "other",
        "coordinator_email": "c@stek.test", "coordinator_name": LONG,
    }  # fmt: skip
    errors = no_500(as_persona("network_admin").post(url, data), 200).context["form"].errors
    assert {"name", "lead_name", "coordinator_name"} <= set(errors)
    url = reverse("core:stek_edit", args=["alfa"])
    response = as_persona("coordinator_a").post(url, {"name": LONG, "kind": "other"})
    assert "name" in no_500(response, 200).context["form"].errors
    url = reverse("core:partner_create", args=["alfa"])
    response = as_persona("coordinator_a").post(url, {"name": LONG, "kind": "other"})
    assert "name" in no_500(response, 200).context["form"].errors
    url = reverse("socialmap:search", args=["alfa"])
    no_500(as_persona("worker_a").get(url, {"q": LONG}), 200)


@pytest.mark.parametrize("page", [2**62, 2**31, -1, 0, "abc", "1e9"])
def test_api_pages_out_of_range(world, as_persona, page):
    ServiceFactory(organisation=world.partner_a2.organisation, visibility="public")
    for path in ("/api/v1/hsds/services", "/api/v1/hsds/organizations"):
        for params in ({"page": page}, {"per_page": page}):
            response = no_500(as_persona("anonymous").get(path, params), 200, 422)
            assert response["Content-Type"].startswith("application/json")
            if response.status_code == 200:
                assert response.json()["contents"] == [] or page in (-1, 0, 2**31)


@pytest.mark.parametrize(
    "path,params",
    [
        ("/api/v1/hsds/services", {"search": "a\x00b"}),
        ("/s/alfa/kaart/", {"q": "a\x00b"}),
        ("/s/alfa/verwijzingen/", {"code": "a\x00b", "status": "x\x00"}),
        ("/s/alfa/signalen/nieuw/", {"onderwerp": "a\x00", "soort": "need", "domein": "\x00"}),
        ("/s/alfa/dossiers/nieuw/", {"onderwerp": "\x00"}),
        ("/s/alfa/mensen/", {"rol": "\x00"}),
    ],
)
def test_a_nul_in_a_query_parameter_is_a_clear_400(world, as_persona, path, params):
    response = no_500(as_persona("coordinator_a").get(path, params), 400)
    if path.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert "ongeldig teken" in response.content.decode()


def test_a_nul_in_a_posted_field_is_a_form_error(world, as_persona):
    url = reverse("agenda:categories", args=["alfa"])
    response = no_500(as_persona("coordinator_a").post(url, {"label": "a\x00b", "order": 1}), 200)
    assert "label" in response.context["form"].errors


@pytest.mark.parametrize(
    "state",
    [
        "[" * 5000 + "]" * 5000,
        '{"a":' * 5000 + "1" + "}" * 5000,
        "[" * 100_000,
        '"' + "x" * 200_000 + '"',
        "{'not': json}",
        "",
    ],
)
def test_a_damaged_rights_check_state_restarts_the_check(world, as_persona, state):
    from stek.rights.views import COOKIE

    for url in ("/rechtencheck/", "/alfa/rechtencheck/"):
        client = as_persona("anonymous")
        no_500(client.post(url, {"state": state, "action": "next"}))
        client.cookies[COOKIE] = state
        response = no_500(client.get(url, {"stap": "gewest"}))
        no_500(client.post(url, {"state": state, "action": "next"}))
        if state and response.status_code == 200:
            assert response.context["damaged"]


def test_the_rights_api_refuses_loose_types_and_huge_bodies(world, as_persona):
    client = as_persona("anonymous")

    def post(body):
        return client.post("/api/v1/rights/check", body, content_type="application/json")

    good = example()
    assert post(json.dumps(good)).status_code == 200
    for person_changes in ({"age": True}, {"age": "30"}, {"age": 30.5}):
        answers = example()
        answers["persons"][0].update(person_changes)
        no_500(post(json.dumps(answers)), 422)
    for household_changes in ({"monthly_rent": "1500"}, {"owns_property": 1}):
        answers = example()
        answers["household"].update(household_changes)
        no_500(post(json.dumps(answers)), 422)
    deep = '{"date":"2025-03-15","region":"vlaanderen","persons":' + "[" * 5000 + "]" * 5000 + "}"
    response = no_500(post(deep), 400, 422)
    assert response["Content-Type"].startswith("application/json")
    huge = json.dumps({**good, "padding": "x" * (10 * 1024 * 1024)})
    response = no_500(post(huge), 400, 413)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_huge_form_post_is_a_clear_answer(world, as_persona):
    url = reverse("agenda:categories", args=["alfa"])
    response = as_persona("coordinator_a").post(url, {"label": "x" * (10 * 1024 * 1024)})
    no_500(response, 400, 413)


@pytest.mark.parametrize("persona", ["anonymous", "worker_a"])
@pytest.mark.parametrize("target", [HUGE_ID, "home", "https://evil.example/", "//evil.example/"])
def test_login_with_a_next_that_is_no_path_here(world, as_persona, persona, target):
    """Found by the fuzz test: a signed-in person on /aanmelden/?next=999… got a 500
    (redirect() tried to reverse "999…" as a URL name)."""
    client = as_persona(persona)
    response = no_500(client.get(reverse("login"), {"next": target}), 200, 302)
    if response.status_code == 302:
        assert response["Location"].startswith("/")
        assert "evil" not in response["Location"]
