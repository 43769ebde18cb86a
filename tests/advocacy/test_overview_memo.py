"""The Signalen page's content is rendered once per process (``views._OVERVIEWS``) under the
versions of what it counts: a new signal, a renamed topic or a new rights-check count is on
the next page, and who may manage topics is part of the key."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stek.rights.check import LIKELY
from stek.rights.models import Door
from stek.rights.services import count_shown
from tests.factories.advocacy import SignalFactory

pytestmark = pytest.mark.django_db
PAGE = "/s/alfa/signalen/"


def _html(client):
    return client.get(PAGE).content.decode()


def test_a_new_signal_or_a_renamed_topic_is_on_the_next_page(client_for, world):
    signal = SignalFactory(stek=world.stek_a, weeks_ago=1)
    coordinator = client_for("coordinator_a")
    assert "1 signaal</h2>" in _html(coordinator)
    with CaptureQueriesContext(connection) as again:
        assert "1 signaal</h2>" in _html(coordinator)
    assert not any("advocacy_signal" in q["sql"] for q in again.captured_queries)
    SignalFactory(stek=world.stek_a, weeks_ago=1)
    assert "2 signalen</h2>" in _html(coordinator)
    signal.topic.name = "Huurpremie hernoemd"
    signal.topic.save()
    assert "Huurpremie hernoemd" in _html(coordinator)


def test_a_new_rights_check_count_is_on_the_next_page(client_for, world):
    world.stek_a.count_rights_shown = True
    world.stek_a.save()
    coordinator = client_for("coordinator_a")
    assert "0 rechtenchecks afgerond" in _html(coordinator)

    class Result:
        rights = [type("R", (), {"id": "leefloon", "status": LIKELY})()]

    assert count_shown(stek=world.stek_a, door=Door.WORKER, result=Result())
    assert "1 rechtencheck afgerond" in _html(coordinator)


def test_who_may_manage_topics_is_part_of_the_key(client_for, world):
    topics = reverse("advocacy:topics", args=["alfa"])
    assert f'href="{topics}"' in _html(client_for("coordinator_a"))
    assert f'href="{topics}"' not in _html(client_for("worker_a"))
    assert f'href="{topics}"' in _html(client_for("coordinator_a"))


def test_the_network_page_is_remembered_until_the_signals_change(client_for, world):
    from stek.core.models import AuditEvent

    page = reverse("advocacy:network", args=[world.network.slug])
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code="leefloon")
    analyst = client_for("analyst")
    first = analyst.get(page).content.decode()
    seen = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as again:
        html = analyst.get(page).content.decode()
    body = slice(first.index("<h1>"), first.index("Terug naar het netwerk"))
    assert html[body] == first[body]
    assert not any("advocacy_signal" in q["sql"] for q in again.captured_queries)
    assert AuditEvent.objects.count() == seen + 1  # every view is still recorded
    SignalFactory(stek=world.stek_b, topic__code="leefloon")
    with CaptureQueriesContext(connection) as changed:
        analyst.get(page)
    assert any("advocacy_signal" in q["sql"] for q in changed.captured_queries)
