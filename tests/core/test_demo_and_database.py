import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from stek.core.models import Membership, Network, Organisation, Partnership, Stek, User
from stek.demo.management.commands.seed_demo import DEMO_PASSWORD, PEOPLE


def counts():
    return [m.objects.count() for m in (Network, Stek, Organisation, Partnership, Membership, User)]


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_every_login():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first
    assert first[1] == 3 and first[2] >= 6  # three STEKs, six or more partners
    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    for email, *_ in PEOPLE:
        assert email in printed


@pytest.mark.django_db
def test_every_demo_login_works():
    call_command("seed_demo", stdout=io.StringIO())
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {"volunteer", "worker", "coordinator"}
    for email, *_ in PEOPLE:
        client = Client()
        response = client.post("/aanmelden/", {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get(response["Location"], follow=True).status_code == 200, email


@pytest.mark.django_db
def test_the_bilingual_demo_stek_speaks_the_visitors_language_and_the_others_dutch():
    """Issue 16: STEK Passerelle in Anderlecht showed Dutch to a French phone."""
    call_command("seed_demo", stdout=io.StringIO())
    french = Client(headers={"accept-language": "fr-BE,fr;q=0.9"})
    page = french.get("/passerelle/programma/").content.decode()
    assert '<html lang="fr">' in page
    assert french.get("/passerelle/programma/affiche.pdf?taal=fr").status_code == 200
    assert '<html lang="nl">' in french.get("/de-wissel/programma/").content.decode()


@pytest.mark.django_db
def test_seed_demo_dry_run_saves_nothing():
    call_command("seed_demo", "--dry-run", stdout=io.StringIO())
    assert not Stek.objects.exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings")
def test_sqlite_file_databases_run_with_wal_and_a_busy_timeout(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    # the test database lives in memory, where WAL does not apply: open a file like the demo's
    settings_dict = {**connection.settings_dict, "NAME": str(tmp_path / "demo.sqlite3")}
    db = DatabaseWrapper(settings_dict, alias="wal-check")
    try:
        with django_db_blocker.unblock(), db.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5000
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
        assert db.transaction_mode == "IMMEDIATE"
    finally:
        db.close()


def test_the_demo_runs_without_debug_pages_by_default():
    """``make run`` sets no DEBUG: the settings' default must be off, so a visitor of the demo
    sees the product's 404 and 500 pages, not Django's list of URL patterns (issue 16)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.WHITENOISE_USE_FINDERS)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["False", "True"]


@pytest.mark.django_db
def test_an_unknown_address_shows_the_products_404_with_a_way_back(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Deze pagina bestaat niet" in body
    assert 'href="/"' in body or "Naar de startpagina" in body
    assert "Resolver404" not in body and "URLconf" not in body


def test_static_files_are_served_without_debug(client):
    response = client.get("/static/core/stek.css")
    assert response.status_code == 200
