"""Key pages beside the login page (``make bench``): printed numbers only, never a timed test.

One process, the demo data (``manage.py seed_demo``) in a throw-away SQLite file (WAL, as the
demo runs), Django's test
client logged in as the demo user who uses each page. Every page is warmed up, then timed
(median of ``BENCH_RUNS`` runs, default 40) in rounds that alternate with the login page, so the
machine's load weighs on both alike; the ratio to the login page (same middleware and base
template, no tenant data) is what counts, the goal is 3x. The queries of one request are
counted too.

    BENCH_RUNS=20 .venv/bin/python tests/bench/bench_pages.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench-pages.sqlite3"
# The demo's own SQLite set-up (WAL, synchronous=NORMAL), as ``make run`` has it: not a
# DATABASE_URL, which would leave SQLite's slower defaults.
os.environ.pop("DATABASE_URL", None)
os.environ["SQLITE_PATH"] = str(DB)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["STEK_WARM_SCANNER"] = "0"
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "40"))
WARM = 5
GOAL = 3.0
STEK, NETWORK = "de-wissel", "netwerk-demo"


def client_for(email):
    from stek.core.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def rights_results(client, url):
    """Walk the check as a worker with the example household; the results page's URL."""
    from tests.factories.rights import EXAMPLE_STEPS

    client.post(url, {"action": "start"})
    for key, data in EXAMPLE_STEPS:
        client.post(url, {"action": "next", "step": key, **data})
    client.post(url, {"action": "results"})
    return url + "?stap=resultaat"


def pages():
    """(label, client, url) for the login page and every key page."""
    from stek.advocacy.models import Dossier

    anonymous = Client()
    coordinator = client_for("coordinator@stek.example")
    worker = client_for("worker@stek.example")
    volunteer = client_for("volunteer@stek.example")
    analyst = client_for("analist@stek.example")
    dossier = Dossier.objects.filter(lead_stek__slug=STEK).order_by("pk").first()
    check = f"/s/{STEK}/rechtencheck/"
    rows = [
        ("login page", anonymous, "/aanmelden/"),
        ("public programme", anonymous, f"/{STEK}/programma/"),
        ("entrance screen", anonymous, f"/{STEK}/scherm/"),
        ("Vandaag", volunteer, f"/s/{STEK}/vandaag/"),
        ("agenda week", coordinator, f"/s/{STEK}/agenda/"),
        ("social map, all", worker, f"/s/{STEK}/kaart/"),
        ("social map, text+open", worker, f"/s/{STEK}/kaart/?q=hulp&open_now=on"),
        ("stale services", coordinator, f"/s/{STEK}/kaart/te-controleren/"),
        ("Signalen", coordinator, f"/s/{STEK}/signalen/"),
        ("network signals", analyst, f"/netwerk/{NETWORK}/signalen/"),
        ("rights-check results", worker, rights_results(worker, check)),
    ]
    if dossier is not None:
        rows.insert(-1, ("dossier", coordinator, f"/s/{STEK}/dossiers/{dossier.pk}/"))
    return rows


def one(client, url):
    began = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main():
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    setup_test_environment()
    rows = pages()
    print(f"demo data in {time.perf_counter() - began:.1f} s (SQLite file); {RUNS} runs a page")
    queries = {}
    for label, client, url in rows:
        for _ in range(WARM):
            one(client, url)
        with CaptureQueriesContext(connection) as captured:
            one(client, url)
        queries[label] = len(captured)
    samples = {label: [] for label, _c, _u in rows}
    login_label, login_client, login_url = rows[0]
    for _ in range(RUNS):
        for label, client, url in rows[1:]:
            samples[login_label].append(one(login_client, login_url))
            samples[label].append(one(client, url))
    login = statistics.median(samples[login_label])
    print(f"{'page':24s} {'ms':>8s} {'ratio':>7s} {'goal':>5s} {'queries':>8s}  verdict")
    over = 0
    for label, _client, url in rows:
        ms = statistics.median(samples[label])
        ratio = ms / login
        verdict = "OK" if ratio <= GOAL else "over"
        over += verdict == "over"
        print(
            f"{label:24s} {ms:8.1f} {ratio:6.1f}x {GOAL:4.0f}x {queries[label]:8d}  {verdict}"
            f"   {url}"
        )
    print(f"{len(rows) - 1 - over} of {len(rows) - 1} key pages within {GOAL:.0f}x the login page")


if __name__ == "__main__":
    main()
