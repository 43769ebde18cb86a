"""Agenda benchmarks (``make bench``): printed numbers, never timed tests.

- One-tap tally latency (p50/p95) with 20 concurrent clients on PostgreSQL through gunicorn on
  loopback, and a check that the final count equals the taps sent (no tap lost).
- The public programme page's median latency beside a trivial view (/healthz), same run.

Needs PostgreSQL on 127.0.0.1:5432 (BENCH_DATABASE_URL to override; BENCH_PORT for another
port). Loopback only; every loop is bounded.
"""

import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8011"))  # another port when two benches run at once
BASE = f"http://127.0.0.1:{PORT}"
CLIENTS, TAPS_EACH, PAGE_SAMPLES = 20, 40, 150
LOG = open(os.environ.get("BENCH_LOG", "/tmp/stek-bench-server.log"), "w")  # noqa: SIM115
DB = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/stek_bench")


def sh(*args, env=None, check=True):
    return subprocess.run(args, cwd=ROOT, env=env, check=check, capture_output=True, text=True)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


class Client:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(BASE + path, timeout=30) as r:
            return r.read().decode()

    def post(self, path, data, headers=None):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        req = urllib.request.Request(
            BASE + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={"X-CSRFToken": token, "Referer": BASE + path, **(headers or {})},
        )
        with self.opener.open(req, timeout=30) as r:
            return r.read().decode()

    def login(self, email, password):
        self.get("/aanmelden/")
        self.post("/aanmelden/", {"username": email, "password": password})


def main():
    from server import demo_on_gunicorn

    with demo_on_gunicorn() as up:
        if up:
            run()


def run():
    from server import concurrently, timed_ms

    clients = [Client() for _ in range(CLIENTS)]
    for c in clients:
        c.login("volunteer@stek.example", "stek-demo-2026")
    page = clients[0].get("/s/de-wissel/vandaag/")
    category = re.search(r'name="category" value="(\d+)"', page).group(1)

    def tap(client):
        client.post("/s/de-wissel/vandaag/tel/",
                    {"session": "open", "category": category, "delta": "1"},
                    {"HX-Request": "true"})  # fmt: skip

    # one tablet alone: what a volunteer feels on a quiet network
    single = [timed_ms(tap, clients[0]) for _ in range(60)]
    print(f"tally tap, one client alone: p50 {statistics.median(single):.1f} ms, "
          f"p95 {percentile(single, 0.95):.1f} ms")  # fmt: skip
    base_count = len(single)

    latencies, errors, elapsed = concurrently(clients, tap, TAPS_EACH)
    final = re.search(r'tally-open.*?class="tally-count" aria-live="polite"[^>]*>(\d+)<',
                      clients[0].get("/s/de-wissel/vandaag/"), re.S)  # fmt: skip
    if not latencies:
        print(f"no tap succeeded; first error: {errors[:1]} (server log: {LOG.name})")
        return
    p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    print(f"tally tap, {CLIENTS} concurrent clients, {len(latencies)} taps in {elapsed:.1f} s: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")  # fmt: skip
    counted = final.group(1) if final else "?"
    print(f"taps sent {base_count + CLIENTS * TAPS_EACH}, counted {counted}, "
          f"errors {len(errors)}{': ' + errors[0] if errors else ''}")  # fmt: skip

    visitor = Client()

    def median_ms(path):
        samples = []
        for _ in range(PAGE_SAMPLES):
            t = time.perf_counter()
            visitor.get(path)
            samples.append((time.perf_counter() - t) * 1000)
        return statistics.median(samples)

    visitor.get("/healthz")
    trivial, programme = median_ms("/healthz"), median_ms("/de-wissel/programma/")
    print(f"programme page median {programme:.1f} ms, trivial view {trivial:.1f} ms, "
          f"ratio {programme / trivial:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
