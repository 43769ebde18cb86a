"""The social map's search page remembers, per process, what it read from the database (per
search and day) and its rendered form and list (per search, results, day and language), all
under the social map's version: a change to the map shows at once, open now is worked out on
every search, and nothing of the user or a CSRF token is remembered."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.socialmap import search, services
from stek.socialmap.enums import NoticeKind
from stek.socialmap.hours import BRUSSELS
from stek.socialmap.search import Query, ranked_page
from tests.factories.socialmap import ServiceFactory

pytestmark = pytest.mark.django_db
MAP = reverse("socialmap:search", args=["alfa"])


@pytest.fixture
def desk(world):
    return ServiceFactory(organisation=world.partner_a2.organisation, name="Onthaalbalie")


def test_a_changed_service_shows_at_once(client_for, desk):
    client = client_for("worker_a")
    assert "Onthaalbalie" in client.get(MAP).content.decode()
    desk.name = "Infobalie"
    desk.save()
    assert "Infobalie" in client.get(MAP).content.decode()
    assert "Infobalie" in client.get(MAP + "?q=info", HTTP_HX_REQUEST="true").content.decode()
    desk.delete()
    assert "Infobalie" not in client.get(MAP).content.decode()


def test_a_new_notice_shows_at_once(client_for, world, desk):
    client = client_for("worker_a")
    client.get(MAP)
    today = timezone.localdate()
    services.add_notice(
        actor=world.user("coordinator_a"),
        stek=world.stek_a,
        service=desk,
        kind=NoticeKind.INFO,
        starts_on=today,
        ends_on=today + timedelta(days=1),
        message="Dicht wegens opleiding",
    )
    assert "Dicht wegens opleiding" in client.get(MAP).content.decode()


def test_the_same_search_again_reads_no_services(client_for, desk):
    client = client_for("worker_a")
    client.get(MAP + "?q=onthaal")
    with CaptureQueriesContext(connection) as again:
        html = client.get(MAP + "?q=onthaal").content.decode()
    assert "Onthaalbalie" in html
    searched = [q["sql"] for q in again.captured_queries if "DISTINCT" in q["sql"]]
    assert searched == [] and not any("servicenotice" in q["sql"] for q in again.captured_queries)


def test_open_now_is_worked_out_on_every_search(world, desk):
    """The same remembered reads, another moment: open then closed."""
    morning = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)  # a Monday, open 9-12
    afternoon = morning.replace(hour=15)
    network = world.network.pk
    open_rows, _total = ranked_page(network, Query(open_now=True), at=morning)
    assert desk.pk in [row[3] for row in open_rows]
    with CaptureQueriesContext(connection) as later:
        closed_rows, _total = ranked_page(network, Query(open_now=True), at=afternoon)
    assert desk.pk not in [row[3] for row in closed_rows]
    assert not any("DISTINCT" in q["sql"] for q in later.captured_queries)


def test_the_language_and_the_user_are_kept_apart(client_for, desk):
    worker = client_for("worker_a")
    assert "Dienst toevoegen" in worker.get(MAP).content.decode()  # a worker may add
    volunteer = client_for("volunteer_a")
    html = volunteer.get(MAP).content.decode()
    assert "Onthaalbalie" in html and "Dienst toevoegen" not in html
    volunteer.cookies["django_language"] = "en"
    html = volunteer.get(MAP + "?open_now=on").content.decode()
    assert "Open now" in html and "Nu open" not in html


def test_the_version_changes_with_a_service_s_topics(desk, world):
    before = search.version()
    desk.topics.clear()
    assert search.version() != before


def test_a_renamed_stek_is_the_map_s_origin_at_once(client_for, world, desk):
    world.stek_a.latitude, world.stek_a.longitude = 51.05, 3.72
    world.stek_a.save()
    client = client_for("worker_a")
    assert '"name": "STEK Alfa"' in client.get(MAP).content.decode()
    world.stek_a.name = "STEK Alfa Nieuw"
    world.stek_a.save()
    assert "STEK Alfa Nieuw" in client.get(MAP).content.decode().split('id="map-data"')[1]
