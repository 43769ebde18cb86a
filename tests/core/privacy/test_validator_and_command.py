import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from stek.core.models import Partnership, Stek
from tests.core.privacy.test_scanner import INSZ_1985


def test_a_form_with_personal_data_is_refused_and_loses_nothing(world, client_for):
    client = client_for("coordinator_a")
    url = reverse("core:partner_create", kwargs={"slug": world.stek_a.slug})
    note = "Permanentie op dinsdag; vraag naar Jan Peeters, 0470 12 34 56."
    response = client.post(
        url,
        {"name": "Nieuwe Partner vzw", "kind": "andere", "role": "partner", "contribution": note},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "persoonsgegevens" in body
    assert "Jan Peeters" in body and "0470 12 34 56" in body  # named, so the user can remove it
    assert "Nieuwe Partner vzw" in body  # what was typed stays in the form
    assert not Partnership.objects.filter(organisation__name="Nieuwe Partner vzw").exists()

    clean = "Permanentie op dinsdag van 14 tot 16 uur."
    response = client.post(
        url,
        {"name": "Nieuwe Partner vzw", "kind": "andere", "role": "partner", "contribution": clean},
    )
    assert response.status_code == 302
    assert Partnership.objects.get(organisation__name="Nieuwe Partner vzw").contribution == clean


def test_the_validator_speaks_the_users_language(world, client_for):
    client = client_for("coordinator_a")
    client.post(reverse("set_language"), {"language": "fr"})
    response = client.post(
        reverse("core:stek_edit", kwargs={"slug": world.stek_a.slug}),
        {"name": "STEK Alfa", "slug": "alfa", "kind": "andere",
         "service_area": "Madame Dubois habite rue de la Loi 16."},
    )  # fmt: skip
    assert response.status_code == 200
    assert "données personnelles" in response.content.decode()
    assert Stek.objects.get(pk=world.stek_a.pk).service_area == ""


def run_scan(lines):
    out = io.StringIO()
    stdin = io.StringIO("\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines))
    import sys

    old = sys.stdin
    sys.stdin = stdin
    try:
        call_command("privacy_scan", stdout=out)
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_privacy_scan_reads_json_lines_and_answers_one_line_each():
    text = f"Karim (INSZ {INSZ_1985}) belt op 0470 12 34 56."
    result = run_scan(
        [
            {"id": 1, "text": text, "lang": "nl"},
            {"id": "b", "text": "Vragen over de huurpremie.", "lang": "nl"},
            {"id": 3, "text": "Madame Dubois, rue de la Loi 16.", "lang": "fr"},
            "this is not json",
            {"id": 5, "text": "Bel +32 2 555 12 34", "lang": "en"},
        ]
    )

    def at(kind, part):
        return {"kind": kind, "start": text.index(part), "end": text.index(part) + len(part)}

    assert result[0] == {
        "id": 1,
        "findings": [
            at("person_name", "Karim"),
            at("national_number", INSZ_1985),
            at("phone", "0470 12 34 56"),
        ],
    }
    assert result[1] == {"id": "b", "findings": []}
    assert [f["kind"] for f in result[2]["findings"]] == ["person_name", "address"]
    assert result[3]["id"] is None and "error" in result[3]
    assert [f["kind"] for f in result[4]["findings"]] == ["phone"]
    assert len(result) == 5


def test_privacy_scan_database_reports_model_id_and_field(world, capsys):
    Partnership.objects.filter(pk=world.partner_a.pk).update(contribution="Bel Jan Peeters.")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("privacy_scan", "--database", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [
        {
            "model": "core.Partnership",
            "id": world.partner_a.pk,
            "field": "contribution",
            "findings": [{"kind": "person_name", "start": 4, "end": 15}],
        }
    ]


def test_privacy_scan_database_is_quiet_when_clean(world):
    out = io.StringIO()
    call_command("privacy_scan", "--database", stdout=out)
    assert out.getvalue() == ""


def test_warm_scanner_prepares_the_scanner():
    out = io.StringIO()
    call_command("warm_scanner", stdout=out)
    assert "Personal-data scanner ready" in out.getvalue()
