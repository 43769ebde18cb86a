import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator, FormatChecker

from stek.socialmap.models import Location, Service, ServiceNotice
from tests.factories.socialmap import ServiceFactory

SHARED = Path(__file__).resolve().parents[3] / "shared" / "standards" / "hsds-3.0" / "compiled"
VENDORED = Path(__file__).resolve().parents[2] / "stek" / "socialmap" / "hsds_schema"


def schema(name):
    """The specification's own schema when the shared folder is there, else the vendored copy
    (which the next test proves identical)."""
    path = SHARED / name if (SHARED / name).exists() else VENDORED / name
    return Draft202012Validator(json.loads(path.read_text()), format_checker=FormatChecker())


def test_the_vendored_schemas_are_the_specifications():
    if not SHARED.exists():
        pytest.skip("the shared HSDS folder is not next to this checkout")
    for name in ("service.json", "organization.json"):
        assert json.loads((SHARED / name).read_text()) == json.loads((VENDORED / name).read_text())


@pytest.fixture
def mapped(world):
    org = world.partner_a2.organisation
    org.kbo_number = "0403170701"
    org.website = "https://ocmw.example"
    org.save()
    a = ServiceFactory(
        organisation=org,
        name="Sociale dienst",
        topics=("leefloon", "administratie"),
        minimum_age=18,
        email="info@ocmw.example",
        url="https://ocmw.example/hulp",
    )
    ServiceNotice.objects.create(
        service=a, kind="holiday", starts_on="2099-07-01", ends_on="2099-07-31", message="Zomer"
    )
    b = ServiceFactory(
        organisation=org,
        name="Energiepunt",
        topics=("energieschulden",),
        opening_hours='Mo 09:00-12:00 || "op afspraak"',
        professional=True,
    )
    return a, b


def test_export_validates_as_hsds_3(mapped, tmp_path):
    call_command("export_hsds", str(tmp_path), "--all")
    services = json.loads((tmp_path / "services.json").read_text())
    organisations = json.loads((tmp_path / "organizations.json").read_text())
    assert len(services) == 2 and len(organisations) == 1
    service_schema, org_schema = schema("service.json"), schema("organization.json")
    for record in services:
        assert not list(service_schema.iter_errors(record)), record["name"]
    for record in organisations:
        assert not list(org_schema.iter_errors(record))
    social = next(s for s in services if s["name"] == "Sociale dienst")
    assert social["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    assert social["schedules"][0]["description"] == "Mo-Fr 09:00-12:00; PH off"
    assert {a["taxonomy_term"]["code"] for a in social["attributes"]} >= {"leefloon", "walk_in"}
    assert [d["document"] for d in social["required_documents"]] == [
        "Identiteitskaart",
        "Huurcontract",
    ]
    assert social["service_at_locations"][0]["location"]["addresses"][0]["country"] == "BE"
    assert "Zomer" in social["alert"]


def test_default_export_leaves_out_services_for_professionals(mapped, tmp_path):
    call_command("export_hsds", str(tmp_path))
    names = [s["name"] for s in json.loads((tmp_path / "services.json").read_text())]
    assert names == ["Sociale dienst"]


def test_import_of_an_export_is_idempotent_and_round_trips(mapped, tmp_path, world):
    call_command("export_hsds", str(tmp_path), "--all")
    before = {
        s.uuid: (s.name, s.opening_hours, sorted(s.access), s.visibility)
        for s in Service.objects.all()
    }
    Service.objects.all().delete()
    Location.objects.all().delete()
    call_command("import_hsds", str(tmp_path / "services.json"), "--network", world.network.slug)
    call_command("import_hsds", str(tmp_path / "services.json"), "--network", world.network.slug)
    after = {
        s.uuid: (s.name, s.opening_hours, sorted(s.access), s.visibility)
        for s in Service.objects.all()
    }
    assert after == before
    assert Location.objects.count() == 2
    social = Service.objects.get(name="Sociale dienst")
    assert set(social.topics.values_list("code", flat=True)) == {"leefloon", "administratie"}


def test_malformed_file_changes_nothing(world, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "x", ')
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_hsds", str(bad), "--network", world.network.slug)
    assert not Service.objects.exists()


def test_each_rejected_record_is_reported_with_its_reason(mapped, tmp_path, world, capsys):
    call_command("export_hsds", str(tmp_path), "--all")
    records = json.loads((tmp_path / "services.json").read_text())
    good = records[0]
    no_name = {k: v for k, v in records[1].items() if k != "name"}
    wrong_status = {**records[1], "status": "open"}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([good, no_name, wrong_status, "text"]))
    Service.objects.all().delete()
    call_command("import_hsds", str(path), "--network", world.network.slug)
    err = capsys.readouterr().err
    assert "Rejected record 2" in err and "'name' is a required property" in err
    assert "Rejected record 3" in err and "status" in err
    assert "Rejected record 4" in err and "not a JSON object" in err
    assert list(Service.objects.values_list("name", flat=True)) == [good["name"]]
