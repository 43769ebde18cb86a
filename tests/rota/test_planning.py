"""The coordinator's two weeks, roles and needs (issue 17)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stek.core.services import ServiceError
from stek.rota import services
from stek.rota.models import Role, ShiftNeed
from tests.factories.agenda import ActivityFactory
from tests.factories.rota import RoleFactory, ShiftNeedFactory

pytestmark = pytest.mark.django_db


def next_week(need):
    return need.activity.start_date + timedelta(days=7)


def test_planning_shows_need_against_taken_and_highlights_understaffed(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a, count=2)
    day = next_week(need)
    services.take(membership=world.memberships["volunteer_a"], need=need, day=day)
    days = dict(services.planning(world.stek_a))
    (session,) = days[day]
    assert [s.taken for s in session.slots] == [1] and session.short
    html = client_for("coordinator_a").get(reverse("rota:plan", args=["alfa"])).content.decode()
    assert "Onderbezet" in html and "1 van 2" in html and "rota-short" in html
    assert "volunteer a (eerste keer)" in html


def test_a_full_session_is_not_highlighted(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    services.take(membership=world.memberships["volunteer_a"], need=need, day=day)
    (session,) = dict(services.planning(world.stek_a))[day]
    assert not session.short


def test_a_partner_gap_is_named(world, client_for):
    ocmw = world.partner_a2.organisation
    role = RoleFactory(stek=world.stek_a, name="Permanentie", needs_partner=True, partner=ocmw)
    need = ShiftNeedFactory(stek=world.stek_a, role=role)
    day = next_week(need)
    html = client_for("coordinator_a").get(reverse("rota:plan", args=["alfa"])).content.decode()
    assert f"Geen medewerker van {ocmw.name} op" in html
    services.take(membership=world.memberships["worker_a"], need=need, day=day)  # OCMW Alfa
    (session,) = dict(services.planning(world.stek_a))[day]
    assert session.partner_gaps == []


def test_a_coordinator_creates_a_role_and_a_need(world, client_for):
    client = client_for("coordinator_a")
    response = client.post(
        reverse("rota:roles", args=["alfa"]),
        {"name": "Keuken", "pictogram": "cooking", "what_you_do": "Je kookt mee.",
         "requirement": "Attest voedselhygiëne", "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    role = Role.objects.get(stek=world.stek_a, name="Keuken")
    activity = ActivityFactory(stek=world.stek_a)
    url = reverse("rota:needs", args=["alfa", activity.pk])
    assert client.post(url, {"role": role.pk, "count": 2}).status_code == 302
    assert client.post(url, {"role": role.pk, "count": 3}).status_code == 302
    need = ShiftNeed.objects.get(activity=activity)
    assert need.count == 3
    client.post(reverse("rota:need_delete", args=["alfa", need.pk]))
    assert not ShiftNeed.objects.exists()


def test_a_role_name_twice_is_refused_on_the_field(world, client_for):
    RoleFactory(stek=world.stek_a, name="Onthaal")
    response = client_for("coordinator_a").post(
        reverse("rota:roles", args=["alfa"]),
        {"name": "onthaal", "pictogram": "coffee", "what_you_do": "Deur."},
    )
    assert response.status_code == 400
    assert "Er is al een rol met deze naam." in response.content.decode()


def test_a_need_of_another_steks_role_or_partner_is_refused(world):
    role_b = RoleFactory(stek=world.stek_b)
    with pytest.raises(ServiceError):
        services.set_need(
            actor=None, stek=world.stek_a, activity=ActivityFactory(stek=world.stek_a),
            role=role_b, count=1,
        )  # fmt: skip
    with pytest.raises(ServiceError):
        services.create_role(actor=None, stek=world.stek_a, name="X", what_you_do="x",
                             needs_partner=True, partner=world.partner_b.organisation)  # fmt: skip


def test_a_role_of_another_stek_is_not_found(world, client_for):
    role_b = RoleFactory(stek=world.stek_b)
    url = reverse("rota:role_edit", args=["alfa", role_b.pk])
    assert client_for("coordinator_a").get(url).status_code == 404


def _grow(world, start, n):
    for i in range(start, start + n):
        role = RoleFactory(stek=world.stek_a, name=f"Rol {i}")
        need = ShiftNeedFactory(stek=world.stek_a, role=role, count=2)
        services.take(membership=world.memberships["worker_a"], need=need, day=next_week(need))


def _count(client, url):
    client.get(url)  # the caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "persona,name",
    [("volunteer_a", "rota:open"), ("worker_a", "rota:mine"), ("coordinator_a", "rota:plan")],
)
def test_the_rota_pages_read_as_many_queries_for_n_rows_as_for_2n(world, client_for, persona,
                                                                   name):  # fmt: skip
    client, url = client_for(persona), reverse(name, args=["alfa"])
    _grow(world, 0, 3)
    few = _count(client, url)
    _grow(world, 3, 3)
    many = _count(client, url)
    # the ceiling: 15, plus the reserve list's offers and waits (open) or the recent takes for
    # the no-shows (plan); what matters is that it does not grow with the rows
    assert many == few and many <= 17, (few, many)


def test_a_coordinator_fills_an_open_place_from_the_planning(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    client = client_for("coordinator_a")
    url = reverse("rota:plan", args=["alfa"])
    html = client.get(url).content.decode()
    assign_url = reverse("rota:assign", args=["alfa", need.pk, day.isoformat()])
    assert assign_url in html and "Onderbezet" in html
    volunteer = world.memberships["volunteer_a"]
    response = client.post(assign_url, {"membership": volunteer.pk}, follow=True)
    html = response.content.decode()
    assert "staat op het rooster" in html
    (session,) = dict(services.planning(world.stek_a))[day]
    assert not session.short and [t.membership for t in session.slots[0].takes] == [volunteer]
    assert assign_url not in html  # the place is full: no form any more
    # the volunteer sees it as their own
    assert (
        need.activity.title
        in client_for("volunteer_a").get(reverse("rota:mine", args=["alfa"])).content.decode()
    )


@pytest.mark.parametrize("person", ["", "abc", "99999999999999999999", "other_stek"])
def test_assigning_nobody_or_someone_of_another_stek_is_refused_clearly(world, client_for, person):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    if person == "other_stek":
        person = world.memberships["worker_b"].pk
    response = client_for("coordinator_a").post(
        reverse("rota:assign", args=["alfa", need.pk, day.isoformat()]),
        {"membership": person},
        follow=True,
    )
    assert response.status_code == 200
    assert "Kies iemand van deze STEK." in response.content.decode()
    (session,) = dict(services.planning(world.stek_a))[day]
    assert session.short


def test_assign_refuses_a_double_and_a_partner_place_for_a_volunteer(world):
    coordinator = world.users["coordinator_a"]
    need = ShiftNeedFactory(stek=world.stek_a, count=2)
    day = next_week(need)
    volunteer = world.memberships["volunteer_a"]
    services.assign_place(actor=coordinator, membership=volunteer, need=need, day=day)
    with pytest.raises(ServiceError, match="staat hier al"):
        services.assign_place(actor=coordinator, membership=volunteer, need=need, day=day)
    role = RoleFactory(stek=world.stek_a, name="Permanentie", needs_partner=True)
    partner_need = ShiftNeedFactory(stek=world.stek_a, role=role, activity=need.activity)
    with pytest.raises(ServiceError, match="partner"):
        services.assign_place(actor=coordinator, membership=volunteer, need=partner_need, day=day)
