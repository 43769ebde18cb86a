"""The network dashboard (issue 18): analysts and admins of the network only, every read and
export audited, hidden figures read "verborgen", a period off the grid is refused."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from stek.core.models import AuditEvent
from tests.factories.advocacy import SignalFactory
from tests.reports.data import YEAR, build_year

pytestmark = pytest.mark.django_db


def url(world, name="network_dashboard"):
    return reverse(f"reports:{name}", args=[world.network.slug])


def busy_year(world):
    """STEK A's year (tests.reports.data: 7 housing signals and 1 about income in June) and
    in STEK B 12 housing and 6 income signals in June."""
    build_year(world)
    SignalFactory.create_batch(12, stek=world.stek_b, life_domain="wonen", week=date(YEAR, 6, 2))
    SignalFactory.create_batch(6, stek=world.stek_b, life_domain="inkomen", week=date(YEAR, 6, 2))


def shown_or_hidden(value, truth):
    return value is None or value == truth


def test_an_analyst_sees_the_steks_side_by_side_and_the_read_is_audited(world, client_for):
    busy_year(world)
    response = client_for("analyst").get(url(world), {"periode": str(YEAR)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "STEK Alfa" in html and "STEK Beta" in html
    board = response.context["board"]
    rows = {stek.slug: values for stek, values in board.steks}
    # taps (column 1): A 88, B none; referrals (column 2): A 7; checks (column 3): A 9
    assert shown_or_hidden(rows["alfa"][1], 88) and rows["beta"][1] == 0  # zeros are shown
    assert shown_or_hidden(rows["alfa"][2], 7) and rows["beta"][2] == 0
    assert shown_or_hidden(rows["alfa"][3], 9)
    assert "Signalen" not in board.measures  # signals are not split per STEK (ADR 0018)
    event = AuditEvent.objects.get(action="viewed", target="netwerkdashboard")
    assert event.network == world.network and event.detail == str(YEAR)


def test_recurring_problems_need_three_steks_and_read_the_network_publication(world, client_for):
    from stek.core.models import Stek
    from tests.factories.core import StekFactory

    busy_year(world)
    board = client_for("analyst").get(url(world), {"periode": str(YEAR)}).context["board"]
    problems = {kind: rows for kind, _t, rows in board.problems}
    assert problems["domain"] == []  # housing in two STEKs only: no small group of STEKs
    gamma = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    SignalFactory.create_batch(5, stek=gamma, life_domain="wonen", week=date(YEAR, 6, 2))
    assert Stek.objects.filter(network=world.network).count() == 3
    board = client_for("analyst").get(url(world), {"periode": str(YEAR)}).context["board"]
    domains = {p.label: p for p in {k: r for k, _t, r in board.problems}["domain"]}
    assert set(domains) == {"Wonen"}
    assert domains["Wonen"].steks == 3
    assert shown_or_hidden(domains["Wonen"].signals, 24)  # A's 7, B's 12, C's 5


def test_a_small_figure_reads_verborgen_never_zero(world, client_for):
    busy_year(world)
    response = client_for("analyst").get(url(world), {"periode": "2025-02"})
    board = response.context["board"]
    rows = {stek.slug: values for stek, values in board.steks}
    assert rows["alfa"][1] is None  # 3 taps in February
    html = response.content.decode()
    assert "verborgen" in html and "kleiner dan 5" in html


@pytest.mark.parametrize("persona", ["coordinator_a", "worker_a", "volunteer_a", "worker_b"])
def test_a_stek_member_is_refused(world, client_for, persona):
    assert client_for(persona).get(url(world)).status_code == 404
    assert client_for(persona).get(url(world, "network_dashboard_csv")).status_code == 404
    assert not AuditEvent.objects.filter(target="netwerkdashboard").exists()


def test_the_network_admin_reads_it_too(world, client_for):
    assert client_for("network_admin").get(url(world)).status_code == 200


def test_a_period_off_the_grid_shows_a_message_and_the_default(world, client_for):
    busy_year(world)
    for asked in ("2025-13", "1999", "morgen", "2999-K1"):
        response = client_for("analyst").get(url(world), {"periode": asked})
        assert response.status_code == 200
        assert "Die periode is nog niet afgesloten" in response.content.decode()


def test_the_export_has_the_pages_figures_and_is_audited(world, client_for):
    busy_year(world)
    client = client_for("analyst")
    board = client.get(url(world), {"periode": str(YEAR)}).context["board"]
    response = client.get(url(world, "network_dashboard_csv"), {"periode": str(YEAR)})
    assert response.status_code == 200
    assert "netwerkdashboard-testnetwerk-2025.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    side = {(r[1], r[2]): r[3] for r in rows[1:] if r and r[0] == "STEKs naast elkaar"}
    for stek, values in board.steks:
        for label, n in zip(board.measures, values, strict=True):
            assert side[(stek.name, label)] == ("verborgen" if n is None else str(n))
    assert not any(r[3] == "0" and r[2] == "Signalen" and r[1] == "Inkomen" for r in rows[1:])
    assert AuditEvent.objects.filter(
        action="exported", target="netwerkdashboard", detail="csv 2025"
    ).exists()
    ods = client.get(url(world, "network_dashboard_ods"), {"periode": str(YEAR)})
    assert ods.status_code == 200 and ods.content[:2] == b"PK"
    assert AuditEvent.objects.filter(action="exported", detail="ods 2025").exists()


def test_get_writes_nothing_but_the_audit_row(world, client_for):
    from stek.advocacy.models import Signal

    busy_year(world)
    before = Signal.objects.count()
    client_for("analyst").get(url(world), {"periode": str(YEAR)})
    assert Signal.objects.count() == before
