"""The area pages and their services: import, service area, map, rights estimate, who may
(issue 18, ADR 0017)."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stek.core.models import AuditEvent
from stek.reports import services
from stek.reports.models import AreaDataset, AreaMap, AreaRightsEstimate, ServiceArea

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "area"


def upload(name, content=None):
    return SimpleUploadedFile(name, content if content is not None else (DATA / name).read_bytes())


def url(name, slug="alfa", **kwargs):
    return reverse(f"reports:{name}", kwargs={"slug": slug, **kwargs})


def post_file(client, name, dataset="Bevolking per sector", **extra):
    data = {"file": upload(name), "name": dataset, "source": "Statbel", "licence": "CC BY 4.0"}
    return client.post(url("area_import"), {**data, **extra})


def test_a_coordinator_imports_sets_the_area_and_sees_it_beside_the_steks_figures(
    world, client_for
):
    client = client_for("coordinator_a")
    assert post_file(client, "population_sector_2025.txt").status_code == 302
    dataset = AreaDataset.objects.get(stek=world.stek_a)
    assert dataset.units.count() == 5 and dataset.year == 2025
    response = client.post(url("area_codes"), {"codes": "44021A001, 44021A002\n44021B10-"})
    assert response.status_code == 302
    html = client.get(url("area")).content.decode()
    assert "Wat de STEK telde in" in html  # the STEK's own published figures
    assert "Sint-Jacobs" in html and "1.250" in html
    assert "Beveren-Centrum" not in html  # not in the service area
    assert "verborgen" in html  # Kouter's star
    assert "minstens 3.560 (1 cijfer verborgen)" in html  # never a total that hides a star
    assert "CC BY 4.0" in html and "Statbel" in html
    assert AuditEvent.objects.filter(target__startswith="gebiedsbestand").exists()


def test_medians_are_never_added_up_over_the_area(world, client_for):
    client = client_for("coordinator_a")
    post_file(client, "income_sector_old_codes.txt", dataset="Inkomen per sector")
    client.post(url("area_codes"), {"codes": "44021A001 44021B10-"})
    html = client.get(url("area")).content.decode()
    tfoot = html[html.index("<tfoot>") : html.index("</tfoot>")]
    assert "1.800" in tfoot  # 700 + 1100 returns with a non-zero income: a count adds up
    assert tfoot.count("niet op te tellen") == 2  # the average and the median
    assert "21.000" in html and "17.800" in html  # each sector's median, per unit


def test_a_reimport_of_the_same_dataset_replaces_it(world, client_for):
    client = client_for("coordinator_a")
    post_file(client, "population_sector_2025.txt")
    first = AreaDataset.objects.get(stek=world.stek_a)
    post_file(client, "age_sector.txt")
    datasets = AreaDataset.objects.filter(stek=world.stek_a)
    assert datasets.count() == 1 and datasets.get().pk != first.pk
    assert datasets.get().units.count() == 2


def test_a_bad_file_imports_nothing_and_says_which_lines(world, client_for):
    client = client_for("coordinator_a")
    post_file(client, "population_sector_2025.txt", dataset="Bevolking")
    response = post_file(client, "bad_lines.csv", dataset="Bevolking")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Niets ingelezen" in html and "Regel 3" in html and "Regel 6" in html
    # the earlier dataset of that name is still there, whole
    assert AreaDataset.objects.get(stek=world.stek_a, name="Bevolking").units.count() == 5


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("leeg.csv", b"", "leeg"),
        ("latin.csv", "CD_REFNIS;TX_DESCR_NL;X\n44021;Li\xe8ge;1\n".encode("latin-1"), "UTF-8"),
        ("geen.csv", b"gemeente;inwoners\nGent;5\n", "CD_REFNIS"),
        ("code.csv", b"CD_REFNIS;X\n99;5\n", "Regel 2"),
        ("bin.csv", b"\x00\xff\xfe\x00garbage", "UTF-8"),
    ],
)
def test_bad_input_gives_a_clear_error_never_a_500(world, client_for, name, content, words):
    client = client_for("coordinator_a")
    response = client.post(
        url("area_import"), {"file": upload(name, content), "name": "X", "licence": ""}
    )
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not AreaDataset.objects.filter(stek=world.stek_a).exists()


def test_a_file_too_big_is_refused(world, client_for, monkeypatch):
    from stek.reports import area

    monkeypatch.setattr(area, "MAX_BYTES", 10)
    response = post_file(client_for("coordinator_a"), "population_sector_2025.txt")
    assert response.status_code == 400 and "te groot" in response.content.decode()


def test_unknown_and_old_codes_in_the_service_area_are_refused(world, client_for):
    client = client_for("coordinator_a")
    post_file(client, "population_sector_2025.txt")
    response = client.post(url("area_codes"), {"codes": "46003 44021A001 12345 x1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "46030" in html  # Beveren: use the code since 2025
    assert "12345 staat in geen enkel ingelezen bestand" in html
    assert "X1 is geen NIS-code" in html
    assert not ServiceArea.objects.filter(stek=world.stek_a).exists()


def test_the_map_is_uploaded_validated_and_drawn_with_the_services(world, client_for):
    from tests.factories.socialmap import ServiceFactory

    client = client_for("coordinator_a")
    post_file(client, "population_sector_2025.txt")
    response = client.post(url("area_map"), {"file": upload("sectors.geojson")})
    assert response.status_code == 302
    assert AreaMap.objects.get(stek=world.stek_a).features == 3
    service = ServiceFactory(organisation=world.partner_a2.organisation)
    location = service.locations.first()
    if location is None:
        from stek.socialmap.models import Location

        location = Location.objects.create(
            organisation=service.organisation, name="Loket", street="Straat 1",
            postal_code="9000", municipality="Gent",
        )  # fmt: skip
        service.locations.add(location)
    location.latitude, location.longitude = 51.055, 3.725
    location.save()
    html = client.get(url("area")).content.decode()
    assert 'id="area-map-data"' in html and "area-hatch-" in html
    assert "klasse 1:" in html  # the legend says it in words, not only in colour
    assert '"cls": 0' in html  # Kouter is hidden: no class, white
    assert '"lat": 51.055' in html
    bad = client.post(url("area_map"), {"file": upload("point.geojson")})
    assert bad.status_code == 400 and "Polygon" in bad.content.decode()


def test_the_rights_estimate_per_area_is_stored_suppressed_and_shown(world, client_for):
    from stek.rights.catalogue import RIGHTS

    right = RIGHTS[0].id
    counts = {("44021A001", right): 40, ("44021B10-", right): 2}
    services.store_area_estimate(
        stek=world.stek_a,
        counts=counts,
        households={"44021A001": 100, "44021B10-": 50},
        when=date(2026, 3, 1),
    )
    shown = {
        e.area: e.entitled
        for e in AreaRightsEstimate.objects.filter(stek=world.stek_a, right=right)
    }
    assert shown["44021B10-"] is None  # a count of 2 is never stored
    html = client_for("coordinator_a").get(url("area")).content.decode()
    assert "bovengrens" in html and "1 maart 2026" in html


def test_the_estimate_command_runs_for_a_steks_area(world, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "households.csv"
    rows = ["household_id,area,role,age,income_work,region,housing"]
    for n in range(12):
        rows.append(f"h{n},44021A001,adult,{30 + n},{900 + 50 * n},vlaanderen,private_rent")
    path.write_text("\n".join(rows) + "\n")
    call_command("area_rights", "--stek", "alfa", "--csv", str(path), "--date", "2026-03-01")
    estimates = AreaRightsEstimate.objects.filter(stek=world.stek_a)
    assert estimates.exists() and {e.area for e in estimates} == {"44021A001"}
    assert all(e.households == 12 for e in estimates)


def test_another_steks_area_is_not_found(world, client_for):
    post_file(client_for("coordinator_a"), "population_sector_2025.txt")
    dataset = AreaDataset.objects.get(stek=world.stek_a)
    client = client_for("coordinator_a")
    slug_b = world.stek_b.slug
    assert client.get(url("area", slug=slug_b)).status_code == 404
    other = client_for("worker_b").post(url("area_dataset_delete", pk=dataset.pk))
    assert other.status_code == 404
    # a coordinator of A cannot delete it through B's address either
    assert (
        client_for("coordinator_a")
        .post(url("area_dataset_delete", slug=slug_b, pk=dataset.pk))
        .status_code
        == 404
    )
    assert AreaDataset.objects.filter(pk=dataset.pk).exists()


def test_workers_and_volunteers_may_not(world, client_for):
    for persona in ("worker_a", "volunteer_a"):
        assert client_for(persona).get(url("area")).status_code == 403
        assert post_file(client_for(persona), "population_sector_2025.txt").status_code == 403
    assert not AreaDataset.objects.exists()


def test_a_dataset_is_deleted_by_a_post(world, client_for):
    client = client_for("coordinator_a")
    post_file(client, "population_sector_2025.txt")
    dataset = AreaDataset.objects.get(stek=world.stek_a)
    assert client.get(url("area_dataset_delete", pk=dataset.pk)).status_code == 405
    assert client.post(url("area_dataset_delete", pk=dataset.pk)).status_code == 302
    assert not AreaDataset.objects.exists()
