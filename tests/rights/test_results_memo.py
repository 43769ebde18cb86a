"""The rights-check results are rendered once per process for the same answers, door, STEK,
language and social map (``views._body``), and the services of a check are remembered until
the social map changes (``places.services_for``): a change to the map shows at once, nothing
of one user is shown to another, and no CSRF token is ever remembered."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stek.rights import places
from stek.socialmap import search
from tests.factories.rights import Visitor
from tests.factories.socialmap import ServiceFactory


def _results(client):
    visitor = Visitor(client, reverse("rights:stek_check", args=["alfa"]))
    visitor.walk().post("results")
    return visitor


def test_a_changed_service_shows_on_the_next_results_page(client_for, world):
    service = ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    visitor = _results(client_for("worker_a"))
    assert "Woonloket" in visitor.html
    service.name = "Huurpremieloket"
    service.save()
    assert "Huurpremieloket" in visitor.get("?stap=resultaat").html
    service.delete()
    assert "Huurpremieloket" not in visitor.get("?stap=resultaat").html


def test_the_same_results_again_skip_the_search(client_for, world):
    ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    visitor = _results(client_for("worker_a"))
    with CaptureQueriesContext(connection) as again:
        html = visitor.get("?stap=resultaat").html
    assert "Woonloket" in html
    assert not any("socialmap_service" in q["sql"] for q in again.captured_queries)


def test_who_may_refer_is_part_of_what_is_remembered(client_for, world):
    """A worker (who may refer) and a volunteer (who may not) with the same answers."""
    ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    worker = _results(client_for("worker_a"))
    assert "Verwijs hierheen" in worker.html
    volunteer = _results(client_for("volunteer_a"))
    assert "Woonloket" in volunteer.html and "Verwijs hierheen" not in volunteer.html
    assert "Verwijs hierheen" in _results(client_for("worker_a")).html


def test_the_language_is_part_of_what_is_remembered(client_for, world):
    client = client_for("worker_a")
    assert "Heb je waarschijnlijk" in _results(client).html
    client.cookies["django_language"] = "en"
    html = client.get(reverse("rights:stek_check", args=["alfa"]) + "?stap=resultaat").content
    assert "You probably have" in html.decode() and "Heb je waarschijnlijk" not in html.decode()


def test_no_csrf_token_is_remembered(client_for, world):
    first = _results(client_for("worker_a")).html
    second = _results(client_for("coordinator_a")).html
    for html in (first, second):
        body = html[html.index('class="result-counts"') : html.index('class="actions no-print"')]
        assert "csrfmiddlewaretoken" not in body  # the remembered part has no form
    token = r'name="csrfmiddlewaretoken" value="([^"]+)"'
    assert set(re.findall(token, first)).isdisjoint(re.findall(token, second))  # fresh ones


def test_services_for_is_remembered_until_the_social_map_changes(world):
    stek = world.stek_a
    service = ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    first = places.services_for(stek, ["vlaamse_huurpremie"], public_only=False)
    with CaptureQueriesContext(connection) as again:
        assert places.services_for(stek, ["vlaamse_huurpremie"], public_only=False) == first
    assert len(again) <= 1  # the social map's version, nothing searched
    before = search.version()
    service.delete()
    assert search.version() != before
    assert places.services_for(stek, ["vlaamse_huurpremie"], public_only=False) == {
        "vlaamse_huurpremie": []
    }
