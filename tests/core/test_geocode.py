"""The offline geocoder for Belgian postcodes, and the STEK form that fills empty coordinates
and municipality from the postcode, keeps typed ones and explains an unknown postcode
(issue 16)."""

import csv
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse

from stek.core.geocode import TABLE, lookup_postcode, normalise_postcode
from stek.core.models import Stek


def test_the_table_holds_every_belgian_postcode_inside_belgium():
    rows = list(csv.DictReader(TABLE.open(encoding="utf-8")))
    assert len(rows) > 1100  # bpost has some 1150 postcodes
    assert len({r["postcode"] for r in rows}) == len(rows)
    for row in rows:
        assert 49.45 < float(row["latitude"]) < 51.55, row
        assert 2.5 < float(row["longitude"]) < 6.45, row


@pytest.mark.parametrize(
    ("postcode", "nl", "fr", "near"),
    [
        ("9000", "Gent", "Gand", (51.05, 3.72)),
        ("1000", "Brussel", "Bruxelles", (50.85, 4.35)),
        ("2800", "Mechelen", "Malines", (51.03, 4.48)),
        ("4000", "Luik", "Liège", (50.63, 5.57)),
        ("8500", "Kortrijk", "Courtrai", (50.83, 3.27)),
        ("3600", "Genk", "Genk", (50.97, 5.50)),
    ],
)
def test_a_postcode_gives_its_municipality_and_its_centre(postcode, nl, fr, near):
    place = lookup_postcode(postcode)
    assert (place.municipality_nl, place.municipality_fr) == (nl, fr)
    # the centre of the postcode's area: within some 10 km of the town centre
    assert abs(float(place.latitude) - near[0]) < 0.1
    assert abs(float(place.longitude) - near[1]) < 0.15


def test_the_name_follows_the_language_and_wallonia_speaks_french():
    assert lookup_postcode("1000").municipality("fr") == "Bruxelles"
    assert lookup_postcode("1000").municipality("nl") == "Brussel"
    assert lookup_postcode("4000").municipality("nl") == "Liège"  # not Luik
    assert lookup_postcode("9000").municipality("en") == "Gent"


@pytest.mark.parametrize(
    ("value", "code"),
    [("9000", "9000"), (" 9000 ", "9000"), ("B-9000", "9000"), ("b9000", "9000"),
     ("BE-1070", "1070"), ("900", ""), ("90000", ""), ("abcd", ""), ("", ""), (None, "")],
)  # fmt: skip
def test_postcodes_are_normalised(value, code):
    assert normalise_postcode(value) == code


def test_an_unknown_or_malformed_postcode_gives_nothing():
    assert lookup_postcode("0000") is None
    assert lookup_postcode("9999") is None
    assert lookup_postcode("Gent") is None


# --- the STEK form ----------------------------------------------------------------------------


def _edit(client, **fields):
    url = reverse("core:stek_edit", args=["alfa"])
    data = {"name": "STEK Alfa", "slug": "alfa", "kind": "andere", **fields}
    return client.post(url, data)


def test_empty_coordinates_and_municipality_come_from_the_postcode(world, client_for):
    response = _edit(client_for("coordinator_a"), street="Kerkstraat 1", postal_code="B-2800")
    assert response.status_code == 302
    world.stek_a.refresh_from_db()
    place = lookup_postcode("2800")
    assert world.stek_a.postal_code == "2800"
    assert (world.stek_a.latitude, world.stek_a.longitude) == (place.latitude, place.longitude)
    assert world.stek_a.municipality == "Mechelen"


def test_typed_coordinates_and_municipality_stay(world, client_for):
    response = _edit(
        client_for("coordinator_a"), postal_code="9000", municipality="Sint-Amandsberg",
        latitude="51.061234", longitude="3.745678",
    )  # fmt: skip
    assert response.status_code == 302
    world.stek_a.refresh_from_db()
    assert world.stek_a.latitude == Decimal("51.061234")
    assert world.stek_a.longitude == Decimal("3.745678")
    assert world.stek_a.municipality == "Sint-Amandsberg"


def test_an_unknown_postcode_without_coordinates_is_a_clear_error(world, client_for):
    response = _edit(client_for("coordinator_a"), postal_code="9999")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Deze postcode kennen we niet" in errors["postal_code"][0]
    world.stek_a.refresh_from_db()
    assert world.stek_a.postal_code != "9999"
    # with coordinates typed, the postcode is the STEK's own business
    response = _edit(
        client_for("coordinator_a"), postal_code="9999", latitude="51.0", longitude="3.7"
    )
    assert response.status_code == 302


def test_a_postcode_that_is_no_postcode_and_half_coordinates_are_errors(world, client_for):
    errors = _edit(client_for("coordinator_a"), postal_code="90a0").context["form"].errors
    assert "4 cijfers" in errors["postal_code"][0]
    errors = _edit(client_for("coordinator_a"), latitude="51.0").context["form"].errors
    assert "allebei" in errors["longitude"][0]


def test_no_postcode_no_coordinates_is_still_fine(world, client_for):
    assert _edit(client_for("coordinator_a")).status_code == 302
    world.stek_a.refresh_from_db()
    assert world.stek_a.latitude is None


def test_a_new_stek_gets_its_coordinates_from_the_postcode(world, client_for):
    url = reverse("core:network_stek_create", kwargs={"slug": world.network.slug})
    data = {
        "name": "STEK Gamma", "kind": "andere", "street": "Grote Markt 1", "postal_code": "1000",
        "first_language": "fr", "lead_name": "Buurtwerk Gamma", "lead_kind": "andere",
        "coordinator_email": "gamma@stek.test", "coordinator_name": "Greta Gamma",
    }  # fmt: skip
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for("network_admin").post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    stek = Stek.objects.get(slug="stek-gamma")
    assert stek.latitude == lookup_postcode("1000").latitude
    assert stek.municipality == "Bruxelles"  # the first language is French


def test_the_form_says_the_coordinates_may_stay_empty(world, client_for):
    html = client_for("coordinator_a").get(reverse("core:stek_edit", args=["alfa"])).content
    html = html.decode()
    assert "we vullen het midden van de postcode in" in html
    assert 'autocomplete="postal-code"' in html


def test_a_coordinate_that_is_no_number_keeps_its_own_error(world, client_for):
    response = _edit(client_for("coordinator_a"), postal_code="9000", latitude="noord")
    errors = response.context["form"].errors
    assert "latitude" in errors and "allebei" not in str(errors)
    world.stek_a.refresh_from_db()
    assert world.stek_a.latitude is None
