"""Issue 16: a STEK chooses its public languages and first language; on its public pages the
visitor's browser chooses among them, an explicit choice (the cookie) still wins, the shared
screen keeps the first language, and the poster is printed per language (?taal=fr).

Only the chosen language is asserted (<html lang>, Content-Language), not translated text, so
the tests hold before the integrator fills the catalogues."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from stek.core.forms import StekForm
from tests.factories.core import StekFactory

FRENCH_PHONE = {"HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9,en;q=0.5"}


def lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def passerelle(world):
    return StekFactory(
        network=world.stek_a.network, name="STEK Passerelle", slug="passerelle",
        municipality="Anderlecht", public_languages="nl,fr", first_language="nl",
    )  # fmt: skip


@pytest.mark.parametrize("page", ["programma/", "hulp/"])
def test_a_french_phone_gets_french_where_the_stek_lists_french(passerelle, world, client, page):
    response = client.get(f"/passerelle/{page}", **FRENCH_PHONE)
    assert lang(response) == "fr" and response["Content-Language"] == "fr"
    assert lang(client.get(f"/alfa/{page}", **FRENCH_PHONE)) == "nl"  # alfa: only nl


def test_a_language_the_stek_does_not_list_falls_back_to_its_first_language(passerelle, client):
    passerelle.public_languages, passerelle.first_language = "fr,nl", "fr"
    passerelle.save()
    assert lang(client.get("/passerelle/programma/", HTTP_ACCEPT_LANGUAGE="de,en;q=0.1")) == "fr"


def test_an_explicit_choice_still_wins(passerelle, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert lang(client.get("/passerelle/programma/", **FRENCH_PHONE)) == "en"


def test_the_shared_screen_keeps_the_first_language(passerelle, client):
    assert lang(client.get("/passerelle/scherm/", **FRENCH_PHONE)) == "nl"


def test_staff_pages_still_ignore_the_browser(passerelle, world, client_for):
    client = client_for("worker_a")
    assert lang(client.get("/s/alfa/", **FRENCH_PHONE)) == "nl"


@pytest.fixture
def fake_pdf(monkeypatch):
    monkeypatch.setattr(
        "stek.core.pdf.render_pdf",
        lambda template, context: b"%PDF-" + translation.get_language().encode(),
    )


def test_the_poster_is_printed_per_language(passerelle, client, fake_pdf):
    response = client.get("/passerelle/programma/affiche.pdf?taal=fr")
    assert response.content == b"%PDF-fr"
    assert "-fr.pdf" in response["Content-Disposition"]
    # without ?taal=: the STEK's first language, not the browser of whoever prints it
    assert client.get("/passerelle/programma/affiche.pdf", **FRENCH_PHONE).content == b"%PDF-nl"


@pytest.mark.parametrize("asked", ["xx", "en", "de-de"])
def test_a_poster_in_a_language_the_stek_does_not_list_is_a_clear_400(passerelle, client, asked):
    """Staff print the poster: an unknown ?taal= is refused with the languages it exists in,
    not printed in another language without a word (en: we have it, passerelle does not)."""
    response = client.get(f"/passerelle/programma/affiche.pdf?taal={asked}")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f"„{asked}”" in html
    offered = re.search(r'<p class="actions poster-languages">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r"affiche\.pdf\?taal=(\w+)", offered) == ["nl", "fr"]


def test_the_programme_in_an_asked_language_or_a_visible_note(passerelle, client):
    french = client.get("/passerelle/programma/?taal=fr")
    assert french.status_code == 200 and lang(french) == "fr"
    unknown = client.get("/passerelle/programma/?taal=xx", **FRENCH_PHONE)
    assert unknown.status_code == 200 and lang(unknown) == "fr"  # the browser's, as without it
    html = unknown.content.decode()
    note = re.search(r'<p class="message" role="status">(.*?)</p>', html, re.S).group(1)
    assert (
        ("„xx”" in note or "« xx »" in note)
        and 'href="?taal=nl"' in note
        and 'href="?taal=fr"' in note
    )
    plain = client.get("/passerelle/programma/", **FRENCH_PHONE).content.decode()
    assert "„" not in plain


def test_the_programme_links_a_poster_per_public_language(passerelle, client):
    html = client.get("/passerelle/programma/").content.decode()
    assert "affiche.pdf?taal=nl" in html and "affiche.pdf?taal=fr" in html
    assert "affiche.pdf?taal=" not in client.get("/alfa/programma/").content.decode()


def test_a_coordinator_sets_the_public_languages(passerelle):
    data = {"name": "STEK Passerelle", "slug": "passerelle", "kind": "andere",
            "public_languages": ["nl", "fr"], "first_language": "fr"}  # fmt: skip
    form = StekForm(data=data, instance=passerelle)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["public_languages"] == "nl,fr"
    form = StekForm(data={**data, "public_languages": ["nl"]}, instance=passerelle)
    assert not form.is_valid() and "first_language" in form.errors
    passerelle.refresh_from_db()  # the forms above changed the instance in memory
    assert StekForm(instance=passerelle).initial["public_languages"] == ["nl", "fr"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [("fr-BE,fr;q=0.9", "fr"), ("en-GB,en;q=0.8", "en"), ("de,tr;q=0.5", "nl"), ("", "nl")],
)
def test_the_front_door_follows_the_browser_among_our_languages(world, client, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 200 and lang(response) == expected
    assert "Accept-Language" in response.get("Vary", "")


def test_at_the_front_door_the_switcher_still_wins(world, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert lang(client.get("/", **FRENCH_PHONE)) == "en"
