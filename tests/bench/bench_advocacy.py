"""Advocacy benchmarks (``make bench``): printed numbers, never timed tests.

- Registering a signal (the third tap: one POST) through gunicorn on PostgreSQL: one client
  alone, then 20 concurrent clients (p50/p95), and a check that every signal was stored.
- The rising and recurring computation over a bench network of 50 STEKs with five years of
  signals (about 100,000), and the whole network view with suppression (target: under 1 s).

Needs PostgreSQL on 127.0.0.1:5432 (BENCH_DATABASE_URL to override). Loopback only; every loop
is bounded.
"""

import os
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta

from bench_agenda import DB, LOG, ROOT, Client, percentile, sh
from server import concurrently, demo_on_gunicorn, timed_ms

CLIENTS, SIGNALS_EACH, SINGLE = 20, 25, 60
BENCH_STEKS, YEARS, PER_WEEK = 50, 5, 8


def main():
    with demo_on_gunicorn() as up:
        if not up:
            return
        registering()
        os.environ.update({"DATABASE_URL": DB, "DJANGO_SETTINGS_MODULE": "config.settings"})
        sys.path.insert(0, str(ROOT))
        detecting()


def registering():
    clients = [Client() for _ in range(CLIENTS)]
    for c in clients:
        c.login("volunteer@stek.example", "stek-demo-2026")
    page = clients[0].get("/s/de-wissel/signalen/nieuw/?soort=problem&domein=energie")
    topic = re.search(r'name="topic" value="(\d+)"', page).group(1)
    path = "/s/de-wissel/signalen/nieuw/?soort=problem&domein=energie"
    data = {"kind": "problem", "life_domain": "energie", "source": "direct", "topic": topic}
    before = count_signals()

    def post(client):
        client.post(path, data)  # follows the redirect back to the first tap, as a browser

    single = [timed_ms(post, clients[0]) for _ in range(SINGLE)]
    p50, p95 = statistics.median(single), percentile(single, 0.95)
    print(f"register a signal (POST + redirect), one client alone: p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms")  # fmt: skip
    latencies, errors, elapsed = concurrently(clients, post, SIGNALS_EACH)
    if not latencies:
        print(f"no signal registered; first error: {errors[:1]} (server log: {LOG.name})")
        return
    p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    print(f"register a signal, {CLIENTS} concurrent clients, {len(latencies)} in {elapsed:.1f} s:"
          f" p50 {p50:.1f} ms, p95 {p95:.1f} ms")  # fmt: skip
    stored = count_signals() - before
    print(f"signals sent {SINGLE + CLIENTS * SIGNALS_EACH}, stored {stored}, "
          f"errors {len(errors)}{': ' + errors[0] if errors else ''}")  # fmt: skip


def count_signals():
    out = sh("psql", DB, "-tA", "-c", "SELECT count(*) FROM advocacy_signal").stdout
    return int(out.strip())


def detecting():
    import django

    django.setup()
    from stek.advocacy import detection, stats
    from stek.advocacy.models import Signal
    from stek.core.models import Network, Stek
    from stek.core.privacy import boundary
    from stek.core.vocabulary import Topic

    network = Network.objects.create(name="Bench-netwerk", slug="bench-netwerk")
    steks = [
        Stek.objects.create(network=network, name=f"Bench STEK {i}", slug=f"bench-{i}")
        for i in range(BENCH_STEKS)
    ]
    topics = list(Topic.objects.for_network(network.pk))
    rng = random.Random(5)
    today = date(2026, 11, 24)
    monday = today - timedelta(days=today.weekday())
    rows = []
    for stek in steks:
        favourite = rng.sample(topics, 8)
        for week in range(YEARS * 52):
            for _ in range(rng.randint(PER_WEEK // 2, PER_WEEK * 3 // 2)):
                topic = rng.choice(favourite if rng.random() < 0.6 else topics)
                day = monday - timedelta(weeks=week)  # counted in its Monday's month
                rows.append(Signal(stek=stek, week=day, month=day.replace(day=1), kind="problem",
                                   life_domain=topic.life_domain, topic=topic))  # fmt: skip
    t = time.perf_counter()
    Signal.objects.bulk_create(rows, batch_size=5000)
    print(f"bench network: {BENCH_STEKS} STEKs, {YEARS} years, {len(rows):,} signals "
          f"(loaded in {time.perf_counter() - t:.1f} s)")  # fmt: skip
    period = stats.Period.last_weeks(today)
    year = boundary.GridPeriod(today.year - 1)  # a whole completed year: the largest grid
    ids = [s.pk for s in steks]
    timings = {}

    def cold_view():
        boundary._MEMO.clear()  # the per-process memo: measure the replay itself
        return stats.network_view(network, steks, year, today)

    for name, run in (
        ("rising (every STEK, 8 weeks against 52)", lambda: detection.rising(ids, today)),
        ("recurring (52 weeks)", lambda: detection.recurring(ids, period.start, period.end)),
        (f"network view {year} (12 months replayed, suppression computed)", cold_view),
        (f"network view {year} again (suppression from the memo)",
         lambda: stats.network_view(network, steks, year, today)),
    ):  # fmt: skip
        samples = []
        for _ in range(5):
            t = time.perf_counter()
            result = run()
            samples.append(time.perf_counter() - t)
        timings[name] = statistics.median(samples)
        size = len(result) if isinstance(result, list) else len(result.recurring)
        print(f"{name}: median {timings[name] * 1000:.0f} ms over 5 runs ({size} found)")


if __name__ == "__main__":
    main()
