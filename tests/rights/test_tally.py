"""The one thing the rights check may keep, and only where the STEK enables it: how many checks
were finished per week and how often each right came out likely or maybe. Never the answers."""

import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.core.dates import monday_of
from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import BY_ID
from stek.rights.check import LIKELY, MAYBE, evaluate
from stek.rights.models import Door, RightShown
from stek.rights.services import count_shown
from tests.factories.rights import Visitor, example


def _writes(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)
        and "django_session" not in q["sql"]
    ]


def _expected():
    """What the example household gets: the rights the check shows as likely or maybe."""
    result = evaluate(CheckAnswers(**example(date=timezone.localdate().isoformat())))
    return {(r.id, r.status) for r in result.rights if r.status in (LIKELY, MAYBE)}


def test_a_stek_that_does_not_count_keeps_nothing(world):
    visitor = Visitor(Client(), reverse("rights:public_check", args=["alfa"]))
    with CaptureQueriesContext(connection) as queries:
        visitor.walk().post("results")
    assert _writes(queries) == []
    assert not RightShown.objects.exists()


def test_a_stek_that_counts_adds_each_check_once_with_the_rights_shown(world, client_for):
    world.stek_a.count_rights_shown = True
    world.stek_a.save()
    visitor = Visitor(Client(), reverse("rights:public_check", args=["alfa"]))
    with CaptureQueriesContext(connection) as queries:
        visitor.walk().post("results")
    assert _writes(queries), "asking for the results raises the STEK's counts"
    # the counts, and the counts' new version in the shared cache (a random value: nothing of
    # the visitor, rights.services.shown_changed)
    assert all("rights_rightshown" in sql or "stek_cache" in sql for sql in _writes(queries))
    assert any("rights_rightshown" in sql for sql in _writes(queries))

    # Showing the results again or printing the slip does not count the check twice.
    visitor.post("results")
    visitor.client.get(visitor.url + "?stap=briefje")
    visitor.client.get(visitor.url + "?stap=resultaat")  # back, or reloading the page

    rows = RightShown.objects.filter(stek=world.stek_a)
    assert {r.week for r in rows} == {monday_of(timezone.localdate())}  # the week, not the day
    assert {(r.right, r.status): r.count for r in rows if r.right} == dict.fromkeys(_expected(), 1)
    assert rows.get(right="", status="check").count == 1
    assert {r.door for r in rows} == {"public"}

    worker = Visitor(client_for("worker_a"), reverse("rights:stek_check", args=["alfa"]))
    worker.walk().post("results")
    assert RightShown.objects.get(right="", status="check", door="worker").count == 1
    assert not RightShown.objects.filter(stek=world.stek_b).exists()


def test_the_signals_overview_shows_what_the_check_found(world, client_for):
    world.stek_a.count_rights_shown = True
    world.stek_a.save()
    for _ in range(3):
        Visitor(Client(), reverse("rights:public_check", args=["alfa"])).walk().post("results")
    page = client_for("worker_a").get(reverse("advocacy:overview", args=["alfa"]))
    html = page.content.decode()
    assert "3 rechtenchecks afgerond" in html
    right_id, status = sorted(_expected())[0]
    title = re.escape(str(BY_ID[right_id].title))
    row = re.search(
        rf'<th scope="row">{title}</th><td><span class="likely-count">(\d+)</span> · '
        rf'<span class="maybe-count">(\d+)</span></td>',
        html,
    )
    assert row, "the right appears in the table"
    assert int(row.group(1 if status == LIKELY else 2)) == 3


def test_a_coordinator_turns_counting_on_in_the_stek_settings(world, client_for):
    client = client_for("coordinator_a")
    url = reverse("core:stek_edit", args=["alfa"])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "count_rights_shown"}
    response = client.post(url, {**data, "count_rights_shown": "on"})
    assert response.status_code == 302
    world.stek_a.refresh_from_db()
    assert world.stek_a.count_rights_shown


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency test on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_checks_finished_at_the_same_moment_are_all_counted():
    from tests.personas import build_world

    world = build_world()
    world.stek_a.count_rights_shown = True
    world.stek_a.save()
    result = evaluate(CheckAnswers(**example(date=timezone.localdate().isoformat())))
    start, errors = threading.Barrier(12), []

    def worker():
        try:
            start.wait()
            for _ in range(5):
                count_shown(stek=world.stek_a, door=Door.WORKER, result=result)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker) for _ in range(12)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not errors
    counts = RightShown.objects.filter(stek=world.stek_a)
    assert {r.count for r in counts} == {60}
    assert counts.count() == len(_expected()) + 1
