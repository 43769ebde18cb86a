"""The section "Inspraak van bezoekers": the participation app's counts in the year report,
through the same joint boundary as every other figure (issue 18 with issue 17)."""

import csv
import io

import pytest
from django.urls import reverse

from stek.reports import indicators, report
from stek.reports.models import YearReport
from tests.core.privacy.lp_attack import pinned, provably_small
from tests.reports.data import TODAY, YEAR
from tests.reports.participation_data import build_participation
from tests.reports.test_exports import names_of, truth_of
from tests.reports.test_exports import page_figures as figures_of

pytestmark = pytest.mark.django_db

THRESHOLD = 5


def month(m):
    return f"{YEAR}-{m:02d}"


@pytest.fixture
def raw(world):
    build_participation(world)
    counts, _end = indicators.raw_counts(world.stek_a, YEAR, TODAY)
    return {key: {code: n for code, (_label, n) in rows.items()} for key, rows in counts.items()}


def test_ideas_per_month_by_source_and_by_outcome(raw):
    months = raw["ideas_month"]
    assert list(months) == [month(m) for m in range(1, 13)]
    assert (months[month(3)], months[month(4)], months[month(5)]) == (6, 2, 1)
    assert sum(months.values()) == 9  # the idea of December 2024 is not one of 2025
    assert raw["ideas_source"] == {"box": 1, "tablet": 6, "paper": 2}
    assert raw["ideas_outcome"] == {"accepted": 3, "declined": 2, "pending": 3, "merged": 1}


def test_decisions_by_their_day_also_on_an_older_idea(raw):
    assert raw["decisions"] == {"accepted": 4, "declined": 2}


def test_closed_meetings_of_the_year_and_their_votes_by_source(raw):
    assert raw["council_meetings"] == {"closed": 1}  # not the one of 2024, nor the open one
    assert raw["votes_source"] == {"tablet": 7, "phone": 2, "paper": 4}


def test_ideas_and_their_outcomes_share_one_total(raw):
    relations = indicators.relations_of(
        {k: {c: ("", n) for c, n in v.items()} for k, v in raw.items()}
    )
    ideas = [parts for total, parts in relations if total == ("ideas", "total")]
    assert {parts[0][0] for parts in ideas} == {"ideas_month", "ideas_source", "ideas_outcome"}


def test_no_ideas_shows_the_empty_state(world, client_for):
    html = client_for("coordinator_a").get(reverse("reports:year", args=["alfa", YEAR])).content
    html = html.decode()
    assert "Inspraak van bezoekers" in html
    assert "Nog geen ideeën van bezoekers in dit jaar." in html
    assert "De bezoekersraad vergaderde nog niet in dit jaar." in html
    assert 'id="chart-ideas_month' not in html


def page_figures(html):
    """The page's figures table by table (an empty table before one has no data table)."""
    found = {}
    for part in html.split('<section class="report-table"')[1:]:
        found |= figures_of(part)
    return found


@pytest.fixture
def exported(world, client_for, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = THRESHOLD
    build_participation(world)
    client = client_for("coordinator_a")
    client.post(reverse("reports:freeze", args=["alfa", YEAR]))
    response = client.get(reverse("reports:csv", args=["alfa", YEAR]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    raw, _end = indicators.raw_counts(world.stek_a, YEAR, TODAY)
    return client, rows, raw


def test_the_section_is_in_the_page_with_a_chart_and_hides_small_cells(exported):
    client, rows, _raw = exported
    html = client.get(reverse("reports:year", args=["alfa", YEAR])).content.decode()
    section = html[html.index('aria-labelledby="s-inspraak"') :]
    end = section.find('<section class="report-section"')
    section = section if end < 0 else section[:end]
    assert 'role="img"' in section and "stemmen" in section
    assert 'id="chart-ideas_month' in section and 'id="chart-votes_source' in section
    on_page = page_figures(html)
    assert on_page[("ideas_month", "april")] == "verborgen"  # 2 ideas
    assert on_page[("ideas_month", "maart")] in ("6", "verborgen")
    assert on_page[("votes_source", "Tablet (begeleid)")] == "7"
    assert on_page[("votes_source", "Eigen gsm met de code")] == "verborgen"


def test_the_csv_has_the_section_with_hidden_cells_as_verborgen(exported):
    _client, rows, _raw = exported
    mine = [r for r in rows if r and r[0] == "Inspraak van bezoekers"]
    ideas = {r[2]: r[3] for r in mine if r[1] == "Ideeën van bezoekers, per maand"}
    assert ideas["Totaal"] == "9" and ideas["april"] == ideas["mei"] == "verborgen"
    assert ideas["maart"] in ("6", "verborgen") and ideas["januari"] == "0"
    outcome = {r[2]: r[3] for r in mine if r[1] == "Ideeën van dit jaar: hoe het afliep"}
    assert set(outcome) == {
        "Aanvaard",
        "Niet aanvaard",
        "Nog niet beslist",
        "Samengevoegd",
        "Totaal",
    }
    assert all(v == "verborgen" for k, v in outcome.items() if k != "Totaal")


def test_no_hidden_participation_figure_can_be_pinned_down(exported):
    _client, rows, raw = exported
    published, truth = names_of(rows, raw), truth_of(raw)
    assert set(published) == set(truth)
    small = {n for n, v in truth.items() if 0 < v < THRESHOLD and n[1] != "total"}
    assert {
        ("ideas_month", month(4)),
        ("votes_source", "phone"),
        ("decisions", "accepted"),
    } <= small
    for name in small:
        assert published[name] is None, f"a small cell left the STEK: {name}"
    assert all(v is None or v == truth[n] for n, v in published.items())
    relations = indicators.relations_of(raw)
    assert not pinned(truth, published, relations, small, THRESHOLD)
    assert not provably_small(truth, published, relations, THRESHOLD)
    for key in ("ideas_month", "ideas_source", "ideas_outcome", "decisions", "votes_source"):
        family = indicators.BY_KEY[key]
        if published[(family.group, "total")] is not None:
            hidden = [c for c in raw[key] if published[(key, c)] is None]
            assert len(hidden) != 1, f"{key}: total minus the visible cells gives {hidden[0]}"


def test_a_report_frozen_before_the_section_still_renders(exported, world):
    client, _rows, _raw = exported
    snapshot = YearReport.objects.get()
    old = dict(snapshot.figures, format=1)
    old["families"] = {
        k: v for k, v in old["families"].items() if indicators.BY_KEY[k].section != "inspraak"
    }
    YearReport.objects.filter(pk=snapshot.pk).update(figures=old)
    response = client.get(reverse("reports:year", args=["alfa", YEAR]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet in dit verslag" in html
    assert "Nog geen ideeën van bezoekers in dit jaar." not in html
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("reports:csv", args=["alfa", YEAR])).content.decode())
        )
    )
    assert [
        "Inspraak van bezoekers",
        "Ideeën van bezoekers, per maand",
        "niet in dit verslag",
        "",
    ] in rows
    tables = [t for s in report.sections(old) if s.key == "inspraak" for t in s.tables]
    assert tables and all(t.empty == "niet in dit verslag" for t in tables)
