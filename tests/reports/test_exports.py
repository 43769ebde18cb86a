"""No figure that leaves the STEK below the threshold can be pinned down (issue 18, ADR 0006).

The attacker reads the exported CSV (the figures of the PDF and the page are the same ones,
checked below), knows every relation the report's figures obey (each family's cells add up to
its group's total, and the identities between families), that every hidden figure is ≥ 0 and
which hidden figures are small cells, and solves LPs over all of it."""

import csv
import io
import re
from html import unescape

import pytest
from django.urls import reverse

from stek.reports import indicators
from stek.reports.models import YearReport
from tests.core.privacy.lp_attack import pinned, provably_small
from tests.reports.data import TODAY, YEAR, build_year

pytestmark = pytest.mark.django_db

THRESHOLD = 5


@pytest.fixture
def exported(world, client_for, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    build_year(world)
    client = client_for("coordinator_a")
    client.post(reverse("reports:freeze", args=["alfa", YEAR]))
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("reports:csv", args=["alfa", YEAR])).content.decode())
        )
    )
    raw, _end = indicators.raw_counts(world.stek_a, YEAR, TODAY)
    return client, rows, raw


def names_of(rows, raw):
    """The exported figures by name: a table's rows are its family's cells in order, then its
    total; a hidden one is None."""
    titles = {str(f.title): f for f in indicators.FAMILIES}
    by_table = {}
    for _section, title, label, value in (r for r in rows[1:] if len(r) == 4):
        if title in titles and value != "":
            by_table.setdefault(titles[title], []).append((label, value))
    published = {}
    for family, values in by_table.items():
        codes = list(raw[family.key])
        cells, total = (values[:-1], values[-1]) if family.group else (values, None)
        assert len(cells) == len(codes), family.key
        for code, (_label, value) in zip(codes, cells, strict=True):
            published[(family.key, code)] = None if value == "verborgen" else int(value)
        if total is not None:
            assert total[0] == "Totaal"
            name = (family.group, "total")
            shown = None if total[1] == "verborgen" else int(total[1])
            assert published.get(name, shown) == shown, "a group's total reads the same everywhere"
            published[name] = shown
    return published


def truth_of(raw):
    truth = {}
    for key, rows in raw.items():
        family = indicators.BY_KEY[key]
        for code, (_label, n) in rows.items():
            truth[(key, code)] = n
        if family.group:
            truth[(family.group, "total")] = sum(n for _l, n in rows.values())
    return truth


def test_no_exported_figure_below_the_threshold_can_be_pinned_down(exported):
    _client, rows, raw = exported
    published, truth = names_of(rows, raw), truth_of(raw)
    assert set(published) == set(truth)
    small = {n for n, v in truth.items() if 0 < v < THRESHOLD and n[1] != "total"}
    assert small, "the test data has small cells"
    for name in small:
        assert published[name] is None, f"a small cell left the STEK: {name}"
    assert all(v is None or v == 0 or v >= THRESHOLD for v in published.values())
    assert all(v is None or v == truth[n] for n, v in published.items())  # shown ones are true
    relations = indicators.relations_of(raw)
    assert not pinned(truth, published, relations, small, THRESHOLD)
    assert not provably_small(truth, published, relations, THRESHOLD)


def test_the_year_total_minus_the_visible_cells_never_gives_one_hidden_cell(exported):
    _client, rows, raw = exported
    published = names_of(rows, raw)
    for key in raw:
        family = indicators.BY_KEY[key]
        if not family.group or published[(family.group, "total")] is None:
            continue
        hidden = [c for c in raw[key] if published[(key, c)] is None]
        assert len(hidden) != 1, f"{key}: total minus the visible cells gives {hidden[0]}"


def test_the_attack_finds_a_lone_hidden_cell(exported):
    """The attacker is not blind: publish one small cell's neighbours and it is pinned."""
    _client, rows, raw = exported
    published, truth = names_of(rows, raw), truth_of(raw)
    relations = indicators.relations_of(raw)
    key = "taps_month"
    hidden = [n for n in published if n[0] == key and published[n] is None]
    assert len(hidden) >= 2
    leaky = dict(published)
    leaky[("taps", "total")] = truth[("taps", "total")]
    for name in hidden[1:]:
        leaky[name] = truth[name]
    small = {n for n, v in truth.items() if 0 < v < THRESHOLD and n[1] != "total"}
    assert hidden[0] in pinned(truth, leaky, relations, small, THRESHOLD)


def page_figures(html):
    """(table id, row label) -> the figure as the page's data tables show it."""
    found = {}
    for table, body in re.findall(
        r'id="t-(\w+)">.*?<table class="report-data">(.*?)</table>', html, re.S
    ):
        for label, value in re.findall(r'<th scope="row">(.*?)</th><td class="n">(.*?)</td>', body):
            found[(table, unescape(label))] = re.sub(r"<.*?>", "", value)
    return found


def test_the_page_shows_the_same_figures_as_the_export(exported):
    client, rows, raw = exported
    html = client.get(reverse("reports:year", args=["alfa", YEAR])).content.decode()
    on_page = page_figures(html)
    titles = {str(f.title): f.key for f in indicators.FAMILIES}
    exported_figures = {
        (titles[title], label): value
        for _s, title, label, value in (r for r in rows[1:] if len(r) == 4)
        if title in titles and value != ""
    }
    assert exported_figures and exported_figures == on_page
    assert "verborgen" in on_page.values()
    assert "&lt; 5" not in html and "< 5" not in html


def test_the_pdf_is_made_of_the_snapshot_and_hides_the_same_figures(exported, world):
    client, _rows, _raw = exported
    response = client.get(reverse("reports:pdf", args=["alfa", YEAR]))
    if response.status_code == 503:
        pytest.skip("WeasyPrint cannot be loaded on this machine")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    snapshot = YearReport.objects.get()
    assert snapshot.figures["families"]["taps_month"]["rows"][1][2] is None  # 3 in February


def test_the_pdf_template_shows_hidden_figures_as_verborgen(exported):
    from django.template.loader import render_to_string

    from stek.reports import report

    _client, _rows, _raw = exported
    snapshot = YearReport.objects.get()
    html = render_to_string(
        "reports/year_pdf.html",
        {
            "stek": snapshot.stek,
            "snapshot": snapshot,
            "sections": report.sections(snapshot.figures, prefix="pdf"),
            "side_by_side": report.side_by_side(snapshot.figures, None),
            "threshold": snapshot.threshold,
        },
    )
    figures = page_figures(html)
    assert figures[("taps_month", "februari")] == "verborgen"
    assert figures[("taps_month", "januari")] == "40"
    assert "verborgen" in html and 'role="img"' in html
