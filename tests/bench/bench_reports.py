"""The network dashboard and a STEK's yearly report beside the login page (``make bench``,
issue 18): printed numbers only, never a timed test.

Two data sets: the demo data (``seed_demo``, a throw-away SQLite file) and, when
``BENCH_DATABASE_URL`` names a PostgreSQL database made with ``manage.py make_bench_data
--steks 50 --years 5`` (docs/bench-data.md), the bench network. Each page is read once cold
(its first read in this process: the suppression's LP runs), then ``BENCH_RUNS`` times (default
40) alternating with the login page; p50 and p95 in ms are printed, the goal is 300 ms p95.

The yearly report three ways: the running year live (its figures, and the year before's,
remembered per process under their data versions: ``stek.reports.live``), the same right after
a write (the STEK's version renewed before every read, untimed: the figures made again, as
after any tap, referral or signal), and last year frozen (its snapshot; the year before it
live). The bench data have no snapshot: the bench freezes bench-001's last year once.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/stek_bench \\
        .venv/bin/python tests/bench/bench_reports.py
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("BENCH_DATABASE_URL")
if BENCH_DB:
    os.environ["DATABASE_URL"] = BENCH_DB
else:
    os.environ.pop("DATABASE_URL", None)
    os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench-reports.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["STEK_WARM_SCANNER"] = "0"
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "40"))
GOAL_MS = 300


def client_for(email):
    from stek.core.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def one(client, url, before=None):
    if before is not None:
        before()  # not timed: e.g. a write elsewhere that renews the figures' version
    began = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def p95(samples):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _frozen(stek, year, coordinator):
    """The year's snapshot of the STEK, made once when the bench data has none yet (the bench
    database is the bench's own; the demo froze de-wissel's last year itself)."""
    from stek.reports import services
    from stek.reports.models import YearReport

    if not YearReport.objects.filter(stek=stek, year=year).exists():
        services.freeze_report(actor=coordinator, stek=stek, year=year)
        print(f"froze {stek.slug} {year} for the bench")


def pages(data):
    from stek.core.models import Stek, User
    from stek.reports import live

    this_year = date.today().year
    last_year = this_year - 1
    if data == "bench":
        analyst = client_for("bench-analist@stek.example")
        coordinator = client_for("bench-coordinator@stek.example")
        network, slug = "bench-netwerk", "bench-001"
        stek = Stek.objects.get(slug=slug)
        _frozen(stek, last_year, User.objects.get(email="bench-coordinator@stek.example"))
    else:
        analyst = client_for("analist@stek.example")
        coordinator = client_for("coordinator@stek.example")
        network, slug = "netwerk-demo", "de-wissel"
        stek = Stek.objects.get(slug=slug)

    def a_write():
        live.stek_changed(stek.pk)  # what any write that changes the STEK's figures does

    return [
        ("login page", Client(), "/aanmelden/", None),
        ("network dashboard", analyst, f"/netwerk/{network}/dashboard/", None),
        (f"report {this_year} live", coordinator, f"/s/{slug}/rapport/{this_year}/", None),
        ("  after a write", coordinator, f"/s/{slug}/rapport/{this_year}/", a_write),
        (f"report {last_year} frozen", coordinator, f"/s/{slug}/rapport/{last_year}/", None),
    ]


def measure(data):
    setup_test_environment()
    rows = pages(data)
    cold = {label: one(client, url) for label, client, url, _b in rows}
    samples = {label: [] for label, _c, _u, _b in rows}
    login_label, login_client, login_url, _b = rows[0]
    # the pages read as they are, then the page after a write on its own: its writes would
    # make the other pages of the STEK made again too
    for group in ([r for r in rows[1:] if r[3] is None], [r for r in rows[1:] if r[3]]):
        for _ in range(RUNS):
            for label, client, url, before in group:
                samples[login_label].append(one(login_client, login_url))
                samples[label].append(one(client, url, before))
    print(f"{'page':22s} {'cold':>8s} {'p50':>8s} {'p95':>8s} {'goal':>6s}  verdict  ({data})")
    for label, _client, url, _b in rows:
        ms = samples[label]
        verdict = "OK" if p95(ms) <= GOAL_MS else "over"
        print(
            f"{label:22s} {cold[label]:8.1f} {statistics.median(ms):8.1f} {p95(ms):8.1f} "
            f"{GOAL_MS:6d}  {verdict:7s}  {url}"
        )


def main():
    if BENCH_DB:
        from stek.core.models import Network

        if not Network.objects.filter(slug="bench-netwerk").exists():
            sys.exit("BENCH_DATABASE_URL has no bench network: run manage.py make_bench_data")
        print(f"bench data (PostgreSQL), {RUNS} runs a page")
        measure("bench")
        return
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"demo data in {time.perf_counter() - began:.1f} s (SQLite file); {RUNS} runs a page")
    measure("demo")
    print("bench data: set BENCH_DATABASE_URL (docs/bench-data.md)")


if __name__ == "__main__":
    main()
