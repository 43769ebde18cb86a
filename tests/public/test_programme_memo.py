"""The public programme remembers what it drew (issue 15): a change to the agenda, to the
organisation that presents an activity or to the STEK shows on the next GET, and each language
and filter has its own page."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from stek.agenda import services
from stek.agenda.enums import ChangeKind
from tests.factories.agenda import ActivityFactory
from tests.factories.core import StekFactory

URL = "/alfa/programma/"


def _html(client, url=URL, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_a_new_activity_and_a_cancellation_show_on_the_next_get(world):
    client = Client()
    assert "Soepnamiddag" not in _html(client)
    activity = ActivityFactory(stek=world.stek_a, title="Soepnamiddag")
    assert "Soepnamiddag" in _html(client)
    assert "Gaat niet door." not in _html(client)
    services.change_session(
        actor=None, activity=activity, day=timezone.localdate(), kind=ChangeKind.CANCELLED
    )
    assert "Gaat niet door." in _html(client)
    services.deactivate_activity(actor=None, activity=activity)  # an update(): no signal
    assert "Soepnamiddag" not in _html(client)


def test_the_presenters_new_name_and_the_steks_new_address_show_on_the_next_get(world):
    organisation = world.partner_a.organisation
    ActivityFactory(stek=world.stek_a, title="Infosessie", presenter=organisation)
    client = Client()
    assert "Opbouwwerk Alfa legt uit." in _html(client)
    organisation.name = "Buurtwerk Alfa"
    organisation.save()
    assert "Buurtwerk Alfa legt uit." in _html(client)
    world.stek_a.street = "Kouterstraat 9"
    world.stek_a.save()
    assert "Kouterstraat 9" in _html(client)


def test_each_language_and_filter_has_its_own_page(world):
    StekFactory(
        network=world.stek_a.network, slug="passerelle", public_languages="nl,fr",
        first_language="nl",
    )  # fmt: skip
    client = Client()
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    dutch = _html(client, "/passerelle/programma/")
    french = _html(client, "/passerelle/programma/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "maandag" in dutch and "lundi" not in dutch
    assert "lundi" in french and "maandag" not in french
    one_day = _html(client, f"{URL}?dag={(monday + timedelta(days=2)).isoformat()}")
    assert one_day.count('class="prog-day') == 1 and _html(client).count('class="prog-day') == 14


def test_a_partners_take_and_its_roles_new_name_show_on_the_next_get(world):
    from datetime import time

    from stek.core.enums import MembershipRole
    from stek.rota import services as rota
    from tests.factories import MembershipFactory, UserFactory
    from tests.factories.rota import RoleFactory, ShiftNeedFactory

    activity = ActivityFactory(stek=world.stek_a, title="Zitdag", start_time=time(13),
                               end_time=time(15))  # fmt: skip
    role = RoleFactory(stek=world.stek_a, name="sociaal werker", needs_partner=True)
    need = ShiftNeedFactory(stek=world.stek_a, activity=activity, role=role)
    worker = MembershipFactory(
        user=UserFactory(full_name="Greet Vermeulen"), stek=world.stek_a,
        organisation=world.partner_a2.organisation, role=MembershipRole.WORKER,
    )  # fmt: skip
    client = Client()
    assert "OCMW Alfa" not in _html(client)
    rota.take(membership=worker, need=need, day=timezone.localdate() + timedelta(days=7))
    assert "OCMW Alfa (sociaal werker) 13:00–15:00" in _html(client)
    role.name = "maatschappelijk werker"
    role.save()
    page = _html(client)
    assert "OCMW Alfa (maatschappelijk werker)" in page and "Greet Vermeulen" not in page
