"""The dossier page's content is rendered once per process (``views._DOSSIER_PAGES``) under the
dossiers' version: a change to anything the page shows (the dossier, its steps, signings,
testimonies, addressees, actions, topics, the names of its STEKs and step owners) is on the
next page; the viewing STEK and its role are in the key, and the forms and the CSRF token
are each request's own."""

import re
from datetime import date

import pytest
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stek.advocacy.enums import DossierStep, Signing
from stek.advocacy.models import Addressee, DossierAction, DossierStek, StepEntry, Testimony
from stek.core.vocabulary import Topic
from tests.factories.advocacy import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(world):
    return DossierFactory(lead_stek=world.stek_a, invited=[world.stek_b])


def _page(client, dossier, slug="alfa"):
    response = client.get(reverse("advocacy:dossier_detail", args=[slug, dossier.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_second_page_reads_nothing_of_the_dossier_again(client_for, world, dossier):
    coordinator = client_for("coordinator_a")
    first = _page(coordinator, dossier)
    with CaptureQueriesContext(connection) as again:
        second = _page(coordinator, dossier)
    tables = ("advocacy_testimony", "advocacy_addressee", "advocacy_dossieraction")
    assert not any(t in q["sql"] for q in again.captured_queries for t in tables)
    assert re.sub(r'value="\w+"', "", first) == re.sub(r'value="\w+"', "", second)


def test_every_change_is_on_the_next_page(client_for, world, dossier):
    coordinator = client_for("coordinator_a")
    _page(coordinator, dossier)
    dossier.title = "Een nieuwe titel"
    dossier.save()
    assert "Een nieuwe titel" in _page(coordinator, dossier)
    owner = world.user("worker_a")
    StepEntry.objects.update_or_create(
        dossier=dossier,
        step=DossierStep.NOTICED,
        defaults={"owner": owner, "note": "Eerste notitie"},
    )
    assert "Eerste notitie" in _page(coordinator, dossier)
    owner.full_name = "Nieuwe Naam Trekker"
    owner.save()
    assert "· Nieuwe Naam Trekker" in _page(coordinator, dossier)
    signing = DossierStek.objects.get(dossier=dossier, stek=world.stek_b)
    signing.status = Signing.SIGNED
    signing.save()
    assert f"{world.stek_b.name}: {Signing.SIGNED.label}" in _page(coordinator, dossier)
    testimony = Testimony.objects.create(
        dossier=dossier, stek=world.stek_a, text="Het loket hielp mij niet.", consent=True
    )
    assert "Het loket hielp mij niet." in _page(coordinator, dossier)
    testimony.delete()
    assert "Het loket hielp mij niet." not in _page(coordinator, dossier)
    addressee = Addressee.objects.create(dossier=dossier, level="local", body="OCMW-raad Gent")
    assert "OCMW-raad Gent" in _page(coordinator, dossier)
    addressee.body = "Gemeenteraad Gent"
    addressee.save()
    assert "Gemeenteraad Gent" in _page(coordinator, dossier)
    DossierAction.objects.create(
        dossier=dossier,
        kind="group_meeting",
        date=date(2026, 1, 5),
        description="Wijkvergadering met bewoners",
    )
    assert "Wijkvergadering met bewoners" in _page(coordinator, dossier)
    topic = Topic.objects.exclude(pk__in=dossier.topics.all()).first()
    dossier.topics.add(topic)
    assert str(topic) in _page(coordinator, dossier)
    world.stek_a.name = "STEK Alfa hernoemd"
    world.stek_a.save()
    assert "Trekker: STEK Alfa hernoemd" in _page(coordinator, dossier)


def test_each_stek_and_role_sees_its_own_page(client_for, world, dossier):
    edit = reverse("advocacy:dossier_edit", args=["alfa", dossier.pk])
    step = reverse("advocacy:dossier_step", args=["alfa", dossier.pk])
    answer = reverse("advocacy:dossier_answer", args=["beta", dossier.pk])
    lead = _page(client_for("coordinator_a"), dossier)
    assert edit in lead and step in lead and answer not in lead
    invited = _page(client_for("worker_b"), dossier, slug="beta")
    assert answer in invited
    assert "/s/alfa/" not in invited and 'action="/s/beta/' in invited
    assert reverse("advocacy:dossier_step", args=["beta", dossier.pk]) not in invited
    again = _page(client_for("coordinator_a"), dossier)
    assert edit in again and answer not in again


def test_every_form_carries_the_token_of_its_own_request(client_for, world, dossier):
    Testimony.objects.create(dossier=dossier, stek=world.stek_a, text="Getuigenis", consent=True)
    for persona, slug in (("coordinator_a", "alfa"), ("worker_b", "beta"), ("worker_a", "alfa")):
        client = client_for(persona)
        html = _page(client, dossier, slug)
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="(\w+)"', html)
        assert len(tokens) >= 2
        secret = client.cookies["csrftoken"].value
        assert {_unmask_cipher_token(t) for t in tokens} == {secret}
        assert "stekcsrfmark" not in html and "stek-slot" not in html


def test_the_blank_forms_follow_the_steks_workers_and_the_network(client_for, world, dossier):
    from tests.factories.core import StekFactory

    coordinator = client_for("coordinator_a")
    _page(coordinator, dossier)
    worker = world.memberships["worker_a"]
    worker.user.full_name = "Wouter Werker"
    worker.user.save(update_fields=["full_name"])
    assert ">Wouter Werker</option>" in _page(coordinator, dossier)
    worker.is_active = False
    worker.save()
    assert ">Wouter Werker</option>" not in _page(coordinator, dossier)
    StekFactory(network=world.network, name="STEK Gamma")
    assert "STEK Gamma" in _page(coordinator, dossier)
