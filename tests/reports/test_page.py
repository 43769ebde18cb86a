"""The report page, its yearly snapshot and the downloads (issue 18)."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from stek.core.models import AuditEvent
from stek.reports import services
from stek.reports.models import YearReport
from tests.reports.data import YEAR, build_year, tap

pytestmark = pytest.mark.django_db


def url(name, year=YEAR, slug="alfa"):
    return reverse(f"reports:{name}", args=[slug, year])


def test_the_page_shows_the_figures_with_charts_and_tables(world, client_for):
    build_year(world)
    html = client_for("coordinator_a").get(url("year")).content.decode()
    assert "Jaarverslag 2025" in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    main = html[html.index("<main") : html.index("</main>")]
    # the taps are never called visitors; only the section on the visitors' say names them
    start = main.index('aria-labelledby="s-inspraak"')
    end = main.find('<section class="report-section"', start)
    main = main[:start] + (main[end:] if end >= 0 else "")
    assert "Tikken/bezoeken per maand" in main and "bezoekers" not in main.lower()
    assert "januari" in html  # months read as months
    assert "Maak het jaarverslag" in html


def test_an_empty_stek_shows_what_is_missing_not_zeros(world, client_for):
    html = client_for("coordinator_a").get(url("year")).content.decode()
    assert "Er is dit jaar nog niet geturfd." in html
    assert "Nog geen verwijzingen in dit jaar." in html
    assert "De STEK telt niet welke rechten de rechtencheck toont." in html
    assert '<td class="n">0</td>' not in html and 'role="img"' not in html


def test_get_never_freezes(world, client_for):
    client_for("coordinator_a").get(url("year"))
    assert not YearReport.objects.exists()


def freeze(client, **data):
    return client.post(url("freeze"), data)


def test_freezing_stores_the_published_figures_and_the_team_s_words(world, client_for):
    build_year(world)
    client = client_for("coordinator_a")
    text = "We startten een computerles met de bib."
    response = freeze(client, highlights=text, plans="Een tweede les.", bbc_code="AP1.2.3")
    assert response.status_code == 302
    report = YearReport.objects.get(stek=world.stek_a, year=YEAR)
    assert report.bbc_code == "AP1.2.3" and report.highlights == text
    assert report.figures["families"]["taps_month"]["total"] == 68
    assert AuditEvent.objects.filter(action="created", target="jaarverslag 2025").exists()
    html = client.get(url("year")).content.decode()
    assert "Gemaakt op" in html and text in html and "AP1.2.3" in html


def test_personal_data_in_the_team_s_words_is_refused(world, client_for):
    response = freeze(client_for("coordinator_a"), highlights="Bel Jan Peeters op 0470 12 34 56.")
    assert response.status_code == 400
    assert not YearReport.objects.exists()
    assert "Bel Jan Peeters" in response.content.decode()  # what was typed stays


@pytest.mark.parametrize("code", ["AP 1.2", "ap1.2.3 en meer", "x" * 21, "AP1..2"])
def test_a_bad_bbc_code_is_refused_with_a_message(world, client_for, code):
    response = freeze(client_for("coordinator_a"), bbc_code=code)
    assert response.status_code == 400 and "actiecode" in response.content.decode().lower()
    assert not YearReport.objects.exists()


@pytest.mark.parametrize("code", ["AP1.2.3", "AP12", "ACT-7", "2025/04"])
def test_a_good_bbc_code_is_kept(world, code):
    assert services.freeze_report(actor=None, stek=world.stek_a, year=YEAR, bbc_code=code)


def test_a_year_has_one_report(world, client_for):
    client = client_for("coordinator_a")
    freeze(client)
    freeze(client, highlights="Nog eens")
    assert YearReport.objects.filter(year=YEAR).count() == 1
    assert YearReport.objects.get().highlights == ""


def test_the_snapshot_does_not_change_when_the_data_changes_later(world, client_for):
    koffie, _les = build_year(world)
    client = client_for("coordinator_a")
    freeze(client)
    before_csv = client.get(url("csv")).content
    before_page = client.get(url("year")).content.decode()
    frozen = YearReport.objects.get().figures
    tap(world.stek_a, koffie, koffie.start_date, 500, label="Later")  # a late correction
    assert YearReport.objects.get().figures == frozen
    assert client.get(url("csv")).content == before_csv
    after_page = client.get(url("year")).content.decode()
    assert ">68<" in before_page and ">68<" in after_page and ">568<" not in after_page


def test_downloads_need_a_snapshot_and_are_audited(world, client_for):
    build_year(world)
    client = client_for("coordinator_a")
    assert client.get(url("csv")).status_code == 404
    freeze(client)
    for name in ("csv", "ods"):
        response = client.get(url(name))
        assert response.status_code == 200
        assert f"jaarverslag-alfa-{YEAR}.{name}" in response["Content-Disposition"]
    events = AuditEvent.objects.filter(action="exported", target=f"jaarverslag {YEAR}")
    assert sorted(events.values_list("detail", flat=True)) == ["csv", "ods"]


def test_the_csv_has_every_figure_and_hidden_ones_as_verborgen(world, client_for):
    build_year(world)
    client = client_for("coordinator_a")
    freeze(client)
    rows = list(csv.reader(io.StringIO(client.get(url("csv")).content.decode())))
    figures = [row[3] for row in rows[1:] if len(row) == 4 and row[3]]
    assert "verborgen" in figures and "68" in figures
    assert any(row[0] == "verborgen" for row in rows)  # the footnote


def test_two_years_side_by_side(world, client_for):
    build_year(world)
    client = client_for("coordinator_a")
    html = client.get(url("year", YEAR + 1)).content.decode()
    assert f"{YEAR} en {YEAR + 1} naast elkaar" in html
    assert ">68<" in html  # last year's taps beside this year's


def test_another_stek_s_report_is_not_found_and_a_future_year_neither(world, client_for):
    assert client_for("worker_b").get(url("year")).status_code == 404
    assert client_for("coordinator_a").get(url("year", 1999)).status_code == 404
    future = timezone.localdate().year + 1
    assert client_for("coordinator_a").get(url("year", future)).status_code == 404
    assert client_for("coordinator_a").post(url("freeze", future)).status_code == 404
    assert client_for("worker_a").get(url("year")).status_code == 403
