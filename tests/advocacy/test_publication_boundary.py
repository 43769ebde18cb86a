"""Counts that leave a STEK: one export boundary, a fixed period grid, one label for hidden.

- every view and export that publishes counts across STEKs goes through
  ``stek.core.privacy.boundary`` (recorded), and no module outside the privacy core suppresses
  on its own;
- the network signals page takes only grid periods; an attacker who reads every period of a
  year and solves the LP over the union of the published figures pins no hidden figure;
- every hidden figure reads "verborgen", explained once."""

import ast
import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from stek.advocacy import stats
from stek.advocacy.models import Signal
from stek.core.privacy import boundary
from stek.core.vocabulary import Barrier, LifeDomain
from tests.core.privacy.lp_attack import pinned, provably_small
from tests.factories import StekFactory
from tests.factories.advocacy import DossierFactory, SignalFactory

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 6, 17)


def test_nothing_outside_the_privacy_core_suppresses_on_its_own():
    """Every publication of counts goes through the boundary: no other module calls
    ``suppress``/``protect`` itself (an AST check over stek/)."""
    offenders = []
    for path in (ROOT / "stek").rglob("*.py"):
        if path.parent.name == "privacy" and path.parent.parent.name == "core":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in {"suppress", "protect", "suppress_linked"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_api_publishes_no_counts_across_steks():
    """The API serves the social map and the rights check: no signals, no aggregates."""
    for path in (ROOT / "stek" / "api").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "Signal" not in text and "RightShown" not in text and "Count(" not in text, path


@pytest.fixture
def network_signals(world):
    gamma = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    for stek, n in ((world.stek_a, 6), (world.stek_b, 2), (gamma, 1)):
        SignalFactory.create_batch(
            n, stek=stek, topic__code="vlaamse_huurpremie", barriers=["begrijpbaarheid"]
        )
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code="leefloon", barriers=["taal"])
    return gamma


def _numbers(text):
    return [int(t) for t in text.replace("<", " ").replace(">", " ").split() if t.isdigit()]


@pytest.mark.parametrize("period", ["", "?periode=2026", "?van=2026-01-01&tot=2026-03-01"])
def test_the_network_page_publishes_through_the_boundary(
    client_for, world, network_signals, period
):
    with boundary.recording() as calls:
        response = client_for("analyst").get(
            reverse("advocacy:network", args=[world.network.slug]) + period
        )
    assert response.status_code == 200 and calls
    html = response.content.decode()
    matrix = html.split('class="matrix"')[1].split("</table>")[0]
    assert "<td>2</td>" not in matrix and "<td>1</td>" not in matrix  # per STEK: never shown
    assert "<td>3</td>" not in matrix  # the 3 signals of one STEK in a period
    assert "&lt; 5" not in html
    if "verborgen" in html:
        assert html.count("mee verbergen") == 1  # the footnote, once
    if "van=" in period:
        assert "vrije periode kan hier niet meer" in html


def test_arbitrary_ranges_no_longer_change_the_figures(client_for, world, network_signals):
    client = client_for("analyst")
    url = reverse("advocacy:network", args=[world.network.slug])
    base = client.get(url).content.decode()
    ranged = client.get(url + "?van=2026-05-04&tot=2026-05-10").content.decode()
    tables = lambda h: re.findall(r"<tbody>.*?</tbody>", h, re.S)  # noqa: E731
    assert tables(base) and tables(base) == tables(ranged)
    assert client.get(url + "?periode=1999-K9").status_code == 200


def test_the_stek_overview_shows_network_figures_through_the_boundary(
    client_for, world, network_signals
):
    with boundary.recording() as calls:
        response = client_for("worker_a").get(reverse("advocacy:overview", args=["alfa"]))
    assert response.status_code == 200 and calls


@pytest.mark.parametrize("name", ["dossier_detail", "dossier_csv", "dossier_ods", "dossier_note"])
def test_dossier_evidence_goes_through_the_boundary(client_for, world, name):
    dossier = DossierFactory(lead_stek=world.stek_a)
    SignalFactory.create_batch(
        3, stek=world.stek_a, topic__code="vlaamse_huurpremie", barriers=["taal"]
    )
    SignalFactory.create_batch(
        9,
        stek=world.stek_a,
        topic__code="vlaamse_huurpremie",
        weeks_ago=20,
        barriers=["begrijpbaarheid"],
    )
    with boundary.recording() as calls:
        response = client_for("worker_a").get(
            reverse(f"advocacy:{name}", kwargs={"slug": "alfa", "pk": dossier.pk})
        )
    assert response.status_code in (200, 503) and calls  # 503: no PDF engine here
    if name == "dossier_csv":
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        counts = [r[2] for r in rows[1:] if r and r[2]]
        assert all(c == "verborgen" or int(c) == 0 or int(c) >= 5 for c in counts), rows
        assert "verborgen" in counts and sum(r[0] == "verborgen" for r in rows) == 1
        assert not any("minder dan" in cell for row in rows for cell in row)


def test_the_rights_estimate_per_area_goes_through_the_boundary(tmp_path):
    out = tmp_path / "estimate.csv"
    with boundary.recording() as calls:
        call_command("estimate_rights", "--synthetic", "300", "--out", str(out), "--no-progress")
    assert calls or "area" in out.read_text()  # synthetic populations have no areas


# The differencing attack over the period grid -------------------------------------------------


def _truth(steks, months):
    """The true (domain, barrier) counts per month, counted here without the app's code."""
    truth = {}
    for signal in Signal.objects.filter(stek__in=steks).prefetch_related("barriers"):
        month = signal.week.replace(day=1)
        if month not in months:
            continue
        domain = str(LifeDomain(signal.life_domain).label)
        for b in signal.barriers.all():
            barrier = str(Barrier(b.barrier).label).split(":")[0]
            key = (("cell", domain, barrier), f"{month.year}-{month.month:02d}")
            truth[key] = truth.get(key, 0) + 1
    return truth


def test_no_published_figure_of_a_year_is_pinned_by_the_union_of_its_periods(world):
    gamma = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    plan = [  # (stek, topic, barrier, n, weeks before TODAY)
        (world.stek_a, "vlaamse_huurpremie", "begrijpbaarheid", 6, 1),
        (world.stek_b, "vlaamse_huurpremie", "begrijpbaarheid", 1, 6),
        (gamma, "vlaamse_huurpremie", "taal", 2, 10),
        (world.stek_a, "leefloon", "taal", 22, 3),
        (world.stek_b, "leefloon", "taal", 1, 8),
        (gamma, "leefloon", "begrijpbaarheid", 9, 14),
        (world.stek_a, "digitale_hulp", "bekendheid", 4, 20),
        (world.stek_b, "digitale_hulp", "bekendheid", 12, 22),
    ]
    for stek, code, barrier, n, weeks in plan:
        SignalFactory.create_batch(
            n, stek=stek, topic__code=code, weeks_ago=weeks, today=TODAY, barriers=[barrier]
        )
    steks = [world.stek_a, world.stek_b, gamma]
    months = [date(2026, m, 1) for m in range(1, 13)]
    later = date(2027, 1, 13)  # the year 2026 is complete: every period of it is offered
    periods = [p for p in stats.network_periods(later) if p.year == 2026]
    assert {p.level for p in periods} == {"month", "quarter", "year"}
    assert len(periods) == 12 + 4 + 1
    assert not [p for p in stats.network_periods(TODAY) if p.code in {"2026-06", "2026-K2", "2026"}]
    shown = {}
    for period in periods:  # the attacker reads every period the page offers
        view = stats.network_view(world.network, steks, period, later)
        for domain, cells in view.matrix:
            for barrier, value in zip(view.barriers, cells, strict=True):
                shown[(("cell", domain, barrier), period.code)] = value
    leaf = _truth(steks, months)
    keys = sorted({k for k, _c in leaf}, key=str)
    truth, relations = {}, []
    codes = {p.code: p for p in periods}
    for key in keys:
        for code, period in codes.items():
            truth[(key, code)] = sum(
                leaf.get((key, f"{m.year}-{m.month:02d}"), 0)
                for m in period.months()
                if m in months
            )
    for key in keys:
        for code, period in codes.items():
            if period.level == "quarter":
                parts = [f"2026-{m.month:02d}" for m in period.months() if m in months]
            elif period.level == "year":
                parts = [q for q in codes if codes[q].level == "quarter"]
            else:
                continue
            relations.append(((key, code), [(key, p) for p in parts]))
    published = {name: shown.get(name, truth[name] if truth[name] == 0 else None) for name in truth}
    for name, value in published.items():
        assert value is None or value == truth[name], name  # published figures are true
        assert not (value is not None and 0 < value < 5), name
    assert any(v is None for v in published.values())  # there is something to attack
    small_cells = {
        n for n, v in truth.items() if n[0][0] == "cell" and len(n[1]) == 7 and 0 < v < 5
    }
    assert not pinned(truth, published, relations, small_cells, 5)
    assert not provably_small(truth, published, relations, 5)


def test_the_running_month_quarter_and_year_are_never_offered(client_for, world):
    """Signals of this week count on the network page only once their month is complete: a
    running period is not on offer, and asking for it shows the last completed month."""
    SignalFactory.create_batch(
        30, stek=world.stek_a, topic__code="leefloon", weeks_ago=0, barriers=["taal"]
    )
    client = client_for("analyst")
    url = reverse("advocacy:network", args=[world.network.slug])
    today = date.today()
    running = boundary.GridPeriod(today.year, month=today.month)
    response = client.get(url + f"?periode={running.code}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "nog niet afgesloten" in html and f'value="{running.code}"' not in html
    assert "<td>30</td>" not in html  # this week's signals are not counted yet
    last = stats.default_period(today)
    assert last.level == "month" and last.months()[0] < date(today.year, today.month, 1)
