"""Partners present, for visitors (issue 17): the organisation and the role at the session's
times on the programme, the entrance screen, the poster and the iCal feed; never a name."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stek.core.enums import MembershipRole
from stek.rota import services
from stek.rota.enums import TakeStatus
from stek.rota.models import ShiftTake
from stek.rota.presence import Presence, partners_present
from tests.factories import MembershipFactory, UserFactory
from tests.factories.agenda import ActivityFactory
from tests.factories.rota import RoleFactory, ShiftNeedFactory

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Greet Vermeulen", "greet.vermeulen@ocmw.test"


def _worker(world, n=0, stek=None, organisation=None, role=MembershipRole.WORKER):
    user = UserFactory(
        full_name=NAME if n == 0 else f"Werker Nummer{n}",
        email=EMAIL if n == 0 else f"werker{n}@ocmw.test",
    )
    return MembershipFactory(
        user=user, stek=stek or world.stek_a,
        organisation=organisation or world.partner_a2.organisation, role=role,
    )  # fmt: skip


def _partner_need(stek, name="sociaal werker", title="Zitdag"):
    activity = ActivityFactory(stek=stek, title=title, start_time=time(13), end_time=time(15))
    role = RoleFactory(stek=stek, name=name, needs_partner=True)
    return ShiftNeedFactory(stek=stek, activity=activity, role=role, count=5)


def _take_today(need, membership):
    return ShiftTake.objects.create(
        stek=need.stek, membership=membership, activity=need.activity,
        date=timezone.localdate(), role=need.role,
    )  # fmt: skip


def _pages(client, slug="alfa"):
    pages = {}
    for name, url in [
        ("programme", f"/{slug}/programma/"),
        ("screen", f"/{slug}/scherm/"),
        ("ical", f"/{slug}/programma.ics"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        pages[name] = response.content.decode()
    return pages


def test_the_partner_shows_with_organisation_role_and_times_never_the_name(world):
    need = _partner_need(world.stek_a)
    _take_today(need, _worker(world))
    today = timezone.localdate()
    assert partners_present(world.stek_a, today, today) == {
        today: [Presence("OCMW Alfa", "sociaal werker", time(13), time(15))]
    }
    pages = _pages(Client())
    assert (
        'Aanwezig: <span class="prog-present-item">OCMW Alfa (sociaal werker) 13:00–15:00'
        in (pages["programme"])
    )
    assert (
        "Vandaag aanwezig:" in pages["screen"] and "OCMW Alfa (sociaal werker)" in pages["screen"]
    )
    assert "Aanwezig: OCMW Alfa (sociaal werker) 13:00–15:00" in pages["ical"].replace("\r\n ", "")
    for content in pages.values():
        for secret in (NAME, "Greet", "Vermeulen", EMAIL):
            assert secret not in content


def test_the_poster_prints_the_partners_of_the_day(world, monkeypatch):
    need = _partner_need(world.stek_a)
    _take_today(need, _worker(world))
    captured = {}

    def fake_pdf(request, template, context, filename, **kwargs):
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        captured["html"] = render_to_string(template, context, request=request)
        return HttpResponse("pdf")

    monkeypatch.setattr("stek.public.views.pdf_response", fake_pdf)
    assert Client().get("/alfa/programma/affiche.pdf").status_code == 200
    assert "OCMW Alfa (sociaal werker) 13:00–15:00" in captured["html"]
    assert NAME not in captured["html"] and EMAIL not in captured["html"]


def test_a_volunteer_role_does_not_show(world):
    need = ShiftNeedFactory(stek=world.stek_a)  # Onthaal: needs_partner=False
    _take_today(need, world.memberships["coordinator_a"])
    today = timezone.localdate()
    assert partners_present(world.stek_a, today, today) == {}
    pages = _pages(Client())
    assert "Aanwezig" not in pages["programme"] and "aanwezig" not in pages["screen"]


def test_a_given_back_take_disappears_on_the_next_get(world):
    need = _partner_need(world.stek_a)
    day = timezone.localdate() + timedelta(days=7)
    take = services.take(membership=_worker(world), need=need, day=day)
    client = Client()
    assert "OCMW Alfa (sociaal werker)" in _pages(client)["programme"]
    services.give_back(take=take)
    assert "OCMW Alfa (sociaal werker)" not in _pages(client)["programme"]
    assert partners_present(world.stek_a, day, day) == {}


def test_a_cancelled_session_shows_no_partner(world):
    from stek.agenda import services as agenda
    from stek.agenda.enums import ChangeKind

    need = _partner_need(world.stek_a)
    _take_today(need, _worker(world))
    agenda.change_session(
        actor=None, activity=need.activity, day=timezone.localdate(), kind=ChangeKind.CANCELLED
    )
    assert partners_present(world.stek_a, timezone.localdate(), timezone.localdate()) == {}


def test_other_steks_takes_do_not_show(world):
    need_b = _partner_need(world.stek_b, name="maatschappelijk werker")
    _take_today(
        need_b, _worker(world, stek=world.stek_b, organisation=world.partner_b.organisation)
    )
    today = timezone.localdate()
    assert partners_present(world.stek_a, today, today) == {}
    pages = _pages(Client())
    for content in pages.values():
        assert "CAW Beta" not in content and "maatschappelijk werker" not in content
    assert "CAW Beta (maatschappelijk werker)" in _pages(Client(), "beta")["programme"]


def test_two_workers_of_one_partner_show_once(world):
    need = _partner_need(world.stek_a)
    _take_today(need, _worker(world, 1))
    _take_today(need, _worker(world, 2))
    today = timezone.localdate()
    assert len(partners_present(world.stek_a, today, today)[today]) == 1


def _queries(stek, first, last):
    partners_present(stek, first, last)  # the agenda's occurrences remembered
    with CaptureQueriesContext(connection) as captured:
        partners_present(stek, first, last)
    return len(captured)


def test_the_queries_stay_the_same_with_more_takes(world):
    today = timezone.localdate()
    first, last = today, today + timedelta(days=13)
    need = _partner_need(world.stek_a)
    other = _partner_need(world.stek_a, name="schuldbemiddelaar", title="Budget")
    _take_today(need, _worker(world, 1))
    few = _queries(world.stek_a, first, last)
    for n in range(2, 8):
        _take_today(need if n % 2 else other, _worker(world, n))
        ShiftTake.objects.create(
            stek=world.stek_a, membership=_worker(world, n + 10), activity=need.activity,
            date=today + timedelta(days=7), role=need.role, status=TakeStatus.TAKEN,
        )  # fmt: skip
    assert len(partners_present(world.stek_a, first, last)[today]) == 2
    assert _queries(world.stek_a, first, last) == few
    assert few <= 4  # the takes, and the agenda's occurrences (activities, pauses, changes)


def test_a_partner_roles_name_is_scanned_a_volunteer_roles_is_not(world):
    """Only a partner role's name is shown to visitors (with the presence), so only it passes
    the personal-data scanner; a volunteer role may be called 'Keuken'."""
    from stek.rota.forms import RoleForm

    data = {"name": "Sociaal werker Mieke Vermeulen", "pictogram": "coffee",
            "what_you_do": "Je helpt mensen met hun vragen.", "is_active": "on"}  # fmt: skip
    partner = RoleForm({**data, "needs_partner": "on"}, stek=world.stek_a)
    assert not partner.is_valid() and "name" in partner.errors
    assert RoleForm(
        {**data, "name": "sociaal werker", "needs_partner": "on"}, stek=world.stek_a
    ).is_valid()
    assert RoleForm({**data, "name": "Keuken"}, stek=world.stek_a).is_valid()
