"""The network dashboard (issue 18, ADR 0018): the STEKs side by side and the reciprocity are
the figures the STEKs' frozen reports published, nothing counted again; hidden ones stay
"verborgen"; analysts and admins of the network only, every read and export audited."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from stek.core.models import AuditEvent
from stek.reports import dashboard, indicators, services
from stek.reports.models import YearReport
from tests.factories.advocacy import SignalFactory
from tests.factories.core import StekFactory
from tests.reports.data import YEAR, build_year

pytestmark = pytest.mark.django_db


def url(world, name="network_dashboard"):
    return reverse(f"reports:{name}", args=[world.network.slug])


def snapshot(stek, year, families, format=indicators.FORMAT):
    """A frozen report with the given published figures (``{key: (rows, total)}``)."""
    return YearReport.objects.create(
        stek=stek,
        year=year,
        counted_until=date(year, 12, 31),
        threshold=5,
        figures={
            "format": format,
            "year": year,
            "counted_until": f"{year}-12-31",
            "threshold": 5,
            "count_rights_shown": True,
            "families": {
                key: {"rows": rows, "total": total} for key, (rows, total) in families.items()
            },
        },
    )


def network_with_reports(world):
    """STEK A's year (tests.reports.data) frozen by the service, so its report hides what its
    own suppression hides; STEK B's report typed here, with a hidden taps total and pairs of
    STEK A's partners; STEK Gamma without a report; STEK Delta frozen in format 1 (before
    the section "inspraak")."""
    build_year(world)
    services.freeze_report(actor=None, stek=world.stek_a, year=YEAR)
    a, b = world.partner_a.organisation.pk, world.partner_a2.organisation.pk
    snapshot(
        world.stek_b,
        YEAR,
        {
            "sessions_month": ([[f"{YEAR}-01", "januari", 30], [f"{YEAR}-02", "februari", 12]], 42),
            "taps_month": (
                [[f"{YEAR}-01", "januari", None], [f"{YEAR}-02", "februari", None]],
                None,
            ),
            "referrals_pair": ([[f"{a}>{b}", "A → B", 8], [f"{b}>{a}", "B → A", None]], 11),
            "signals_domain": ([["wonen", "Wonen", 12]], 12),
            "ideas_month": ([[f"{YEAR}-03", "maart", 6]], 6),
        },
    )
    StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    delta = StekFactory(network=world.network, name="STEK Delta", slug="delta")
    snapshot(delta, YEAR, {"sessions_month": ([[f"{YEAR}-05", "mei", 7]], 7)}, format=1)


def published_numbers(year):
    """Every figure the frozen reports of ``year`` published (shown ones), and the true
    counts they hide (from the apps' records, for the reports frozen from them)."""
    shown, hidden_truth = set(), set()
    for report in YearReport.objects.filter(year=year):
        for data in report.figures["families"].values():
            values = [n for _c, _l, n in data["rows"]] + [data["total"]]
            shown.update(n for n in values if n is not None)
        if report.stek.slug == "alfa":
            raw, _end = indicators.raw_counts(report.stek, year)
            for key, rows in raw.items():
                group = indicators.BY_KEY[key].group
                total = sum(n for _l, n in rows.values())
                if group and report.figures["families"][key]["total"] is None:
                    hidden_truth.add(total)
    return shown, hidden_truth


def numbers_in(row_values):
    return [v for v in row_values if isinstance(v, int) and not isinstance(v, bool)]


def test_side_by_side_shows_the_reports_figures_and_nothing_else(world, client_for):
    network_with_reports(world)
    response = client_for("analyst").get(url(world), {"jaar": str(YEAR)})
    assert response.status_code == 200
    board = response.context["board"]
    rows = {row.stek.slug: row for row in board.steks}
    measures = [g for g, _l in dashboard.MEASURES]
    alfa = YearReport.objects.get(stek=world.stek_a, year=YEAR)
    for group, value in zip(measures, rows["alfa"].values, strict=True):
        assert value == indicators.headline(alfa.figures, group) or (
            value == dashboard.NO_DATA and indicators.headline(alfa.figures, group) == ""
        )
    beta = dict(zip(measures, rows["beta"].values, strict=True))
    assert beta["sessions"] == 42 and beta["taps"] is None and beta["ideas"] == 6
    assert rows["gamma"].report is None
    delta = dict(zip(measures, rows["delta"].values, strict=True))
    assert delta["sessions"] == 7 and delta["ideas"] == dashboard.NOT_IN_REPORT
    assert delta["referrals"] == dashboard.NO_DATA
    assert "signals" not in measures  # no signals per STEK (ADR 0018)
    html = response.content.decode()
    assert "nog geen jaarverslag" in html and "niet in dit verslag" in html
    assert "verborgen" in html
    # every number is a published one; a hidden true count never shows unless published too
    shown, hidden_truth = published_numbers(YEAR)
    assert hidden_truth  # STEK A's report hides a year total (e.g. its 4 volunteer hours)
    for row in board.steks:
        for n in numbers_in(row.values):
            assert n in shown
    # a year total STEK A's report hides reads "verborgen", never its true count
    alfa_values = dict(zip(measures, rows["alfa"].values, strict=True))
    hidden_groups = [g for g in measures if indicators.headline(alfa.figures, g) is None]
    assert hidden_groups
    assert all(alfa_values[g] is None for g in hidden_groups)


def test_the_together_row_sums_only_the_shown_figures_and_says_so(world, client_for):
    network_with_reports(world)
    response = client_for("analyst").get(url(world), {"jaar": str(YEAR)})
    board = response.context["board"]
    for i, total in enumerate(board.together):
        values = [row.values[i] for row in board.steks if row.report is not None]
        assert total.n == sum(numbers_in(values))
        assert total.partial == (None in values)
    taps = board.together[[g for g, _l in dashboard.MEASURES].index("taps")]
    assert taps.partial  # STEK B's taps are hidden: "ten minste"
    html = response.content.decode()
    assert "samen, zonder verborgen cijfers" in html
    assert f"ten minste {taps.n}" in html


def test_reciprocity_sums_the_shown_pair_figures_across_steks(world, client_for):
    network_with_reports(world)
    response = client_for("analyst").get(url(world), {"jaar": str(YEAR)})
    board = response.context["board"]
    a, b = world.partner_a.organisation, world.partner_a2.organisation
    pairs = {p.there: p for p in board.pairs} | {p.back: p for p in board.pairs}
    pair = pairs[f"{a.name} → {b.name}"]
    there = pair.n_there if pair.there.startswith(a.name) else pair.n_back
    back = pair.n_back if pair.there.startswith(a.name) else pair.n_there
    # A's report: A → B 6 (shown or hidden), B → A 1 (hidden); B's report: 8 and hidden
    alfa = YearReport.objects.get(stek=world.stek_a, year=YEAR).figures["families"]
    alfa_pairs = {code: n for code, _l, n in alfa["referrals_pair"]["rows"]}
    a_there = alfa_pairs[f"{a.pk}>{b.pk}"]
    assert there.steks == 2 and back.steks == 2
    assert there.n == 8 + (a_there or 0) and there.partial == (a_there is None)
    assert back.partial and back.n == (alfa_pairs[f"{b.pk}>{a.pk}"] or 0)
    assert alfa_pairs[f"{b.pk}>{a.pk}"] is None  # one referral back: hidden in A's report
    html = response.content.decode()
    assert f"{there.text}</td>" in html and f"{back.text}</td>" in html
    assert f"ten minste {back.n} (2 STEKs)" == back.text


def test_a_network_without_reports_says_so(world, client_for):
    build_year(world)
    response = client_for("analyst").get(url(world))
    assert response.status_code == 200
    assert response.context["board"].steks == []
    assert "Nog geen STEK van het netwerk maakte een jaarverslag" in response.content.decode()


def test_a_year_without_reports_shows_a_message_and_the_latest(world, client_for):
    network_with_reports(world)
    snapshot(world.stek_b, YEAR - 1, {"sessions_month": ([[f"{YEAR - 1}-01", "januari", 9]], 9)})
    client = client_for("analyst")
    assert client.get(url(world)).context["board"].year == YEAR  # the latest by default
    assert client.get(url(world), {"jaar": str(YEAR - 1)}).context["board"].year == YEAR - 1
    for asked in ("1999", "morgen", "-1", "²", "9" * 5000):  # "²".isdigit() is true
        response = client.get(url(world), {"jaar": asked})
        assert response.status_code == 200
        assert response.context["board"].year == YEAR
        assert "Van dat jaar heeft geen STEK een jaarverslag" in response.content.decode()


def busy_signals(world):
    """Housing signals in June in three STEKs, income in one."""
    build_year(world)  # STEK A: 7 housing, 1 income
    gamma = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    SignalFactory.create_batch(12, stek=world.stek_b, life_domain="wonen", week=date(YEAR, 6, 2))
    SignalFactory.create_batch(5, stek=gamma, life_domain="wonen", week=date(YEAR, 6, 2))


def test_recurring_problems_need_three_steks_and_read_the_network_publication(world, client_for):
    busy_signals(world)
    response = client_for("analyst").get(url(world), {"periode": str(YEAR)})
    board = response.context["board"]
    domains = {p.label: p for p in {k: r for k, _t, r in board.problems}["domain"]}
    assert set(domains) == {"Wonen"}  # income in one STEK only: no small group of STEKs
    assert domains["Wonen"].steks == 3
    assert domains["Wonen"].signals in (None, 24)  # A's 7, B's 12, C's 5
    event = AuditEvent.objects.get(action="viewed", target="netwerkdashboard")
    assert event.network == world.network and event.detail == str(YEAR)


@pytest.mark.parametrize("persona", ["coordinator_a", "worker_a", "volunteer_a", "worker_b"])
def test_a_stek_member_is_refused(world, client_for, persona):
    assert client_for(persona).get(url(world)).status_code == 404
    assert client_for(persona).get(url(world, "network_dashboard_csv")).status_code == 404
    assert not AuditEvent.objects.filter(target="netwerkdashboard").exists()


def test_the_network_admin_reads_it_too(world, client_for):
    assert client_for("network_admin").get(url(world)).status_code == 200


def test_a_period_off_the_grid_shows_a_message_and_the_default(world, client_for):
    busy_signals(world)
    for asked in ("2025-13", "1999", "morgen", "2999-K1"):
        response = client_for("analyst").get(url(world), {"periode": asked})
        assert response.status_code == 200
        assert "Die periode is nog niet afgesloten" in response.content.decode()


def test_the_export_has_the_pages_figures_only_and_is_audited(world, client_for):
    network_with_reports(world)
    client = client_for("analyst")
    query = {"jaar": str(YEAR), "periode": str(YEAR)}
    board = client.get(url(world), query).context["board"]
    response = client.get(url(world, "network_dashboard_csv"), query)
    assert response.status_code == 200
    assert f"netwerkdashboard-testnetwerk-{YEAR}-{YEAR}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    side = {(r[1], r[2]): r[3] for r in rows[1:] if r and r[0].startswith("STEKs naast elkaar")}
    for row in board.steks:
        if row.report is None:
            assert side[(row.stek.name, "")] == "nog geen jaarverslag"
            continue
        for label, n in zip(board.measures, row.values, strict=True):
            assert side[(row.stek.name, label)] == str(dashboard.cell_text(n))
    shown, _hidden_truth = published_numbers(YEAR)
    for r in rows[1:]:
        side_row = r and r[0].startswith("STEKs naast elkaar") and r[3].isdigit()
        if side_row and r[1] != "samen, zonder verborgen cijfers":
            assert int(r[3]) in shown
    assert not any("Signalen" in r[2] for r in rows[1:] if r and "naast elkaar" in r[0])
    assert AuditEvent.objects.filter(
        action="exported", target="netwerkdashboard", detail=f"csv {YEAR} {YEAR}"
    ).exists()
    ods = client.get(url(world, "network_dashboard_ods"), query)
    assert ods.status_code == 200 and ods.content[:2] == b"PK"
    assert AuditEvent.objects.filter(action="exported", detail=f"ods {YEAR} {YEAR}").exists()


def test_get_writes_nothing_but_the_audit_row(world, client_for):
    network_with_reports(world)
    before = YearReport.objects.count()
    client_for("analyst").get(url(world), {"jaar": str(YEAR)})
    assert YearReport.objects.count() == before
