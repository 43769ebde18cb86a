"""Rights check (``make bench``): printed numbers only.

1. The JSON API, one check as the issue's example: p50/p95 over 300 requests, in-process.
2. The population estimate on 1,000,000 synthetic persons: wall time (generation + rules) and
   peak memory, measured in a fresh child process so earlier work does not count.
3. The leefloon means test on the same population through the rules and in plain NumPy, to
   see what the engine costs (target: within 3x)."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench-rights.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["STEK_WARM_SCANNER"] = "0"

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from stek.rights import engine, population  # noqa: E402
from stek.rights.catalogue import RIGHTS  # noqa: E402
from tests.factories.rights import example  # noqa: E402

PERSONS = 1_000_000
WHEN = date(2025, 3, 15)

CHILD = f"""
import os, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["STEK_WARM_SCANNER"] = "0"
import django; django.setup()
from datetime import date
from stek.rights import engine, population
engine.system()
start = time.perf_counter()
households = population.synthetic({PERSONS})
made = time.perf_counter()
population.estimate(households, date(2025, 3, 15))
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(made - start, done - made, peak)
"""


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_api():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    client = Client()
    body = json.dumps(example())
    for _ in range(10):  # warm up: the rules load once per process
        client.post("/api/v1/rights/check", body, content_type="application/json")
    times = []
    for _ in range(300):
        start = time.perf_counter()
        response = client.post("/api/v1/rights/check", body, content_type="application/json")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    floor = []
    for _ in range(300):  # the same stack (middleware, routing, JSON) without the rules
        start = time.perf_counter()
        client.get("/api/v1/rights")
        floor.append((time.perf_counter() - start) * 1000)
    print(
        f"API POST /rights/check: p50 {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 95):.1f} ms (300 requests; goal p95 < 20 ms); "
        f"baseline GET /rights (no rules) p50 {statistics.median(floor):.1f} ms, "
        f"p95 {percentile(floor, 95):.1f} ms"
    )


def bench_population():
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    generate, rules, peak = map(float, out[-3:])
    print(
        f"estimate, {PERSONS:,} persons, all {len(RIGHTS)} rights: {generate + rules:.2f} s in all "
        f"({generate:.2f} s generating, {rules:.2f} s rules), peak memory {peak:.0f} MB"
    )


def numpy_leefloon(pop, when):
    """The leefloon means test written directly in NumPy, for comparison: per beneficiary,
    with the household rules of issue 14 (couples, category 3, cohabiting family)."""
    info = {
        path: engine.parameter_info(path, when)["value"]
        for path in [f"leefloon.{kind}.categorie_{c}" for kind in ("bedrag", "vrijstelling")
                     for c in (1, 2, 3)]
        + ["leefloon.vrijstelling.socio_professioneel", "leefloon.onderhoudsplichtigen_tellen_mee"]
    }  # fmt: skip
    p, h = pop.persons, pop.households
    n = len(h["region"])
    of = pop.household_of

    def per_household(values):
        return np.bincount(of, weights=values, minlength=n)

    adult = ~p["is_child"]
    first_index = np.searchsorted(of, np.arange(n))
    position = np.arange(len(of)) - first_index[of]
    big = np.iinfo(np.int64).max
    first_adult = np.full(n, big)
    np.minimum.at(first_adult, of, np.where(adult, position, big))
    eerste = adult & (position == first_adult[of])
    partner = p["is_partner"] & adult & ~eerste
    kern = eerste | partner
    minor = (per_household(p["is_child"] & (p["age"] < 18)) > 0)[of]
    alone = (np.bincount(of, minlength=n) == 1)[of]
    has_partner = (per_household(partner) > 0)[of]
    category = np.select(
        [~adult, eerste & minor, partner & minor, eerste & alone], [0, 3, 0, 2], default=1
    )
    amounts = np.array([0] + [info[f"leefloon.bedrag.categorie_{c}"] for c in (1, 2, 3)])
    exempt = np.array([0] + [info[f"leefloon.vrijstelling.categorie_{c}"] for c in (1, 2, 3)])
    cat1 = amounts[1]
    income = p["income_work"] + p["income_benefits"] + p["income_pension"] + p["income_other"]
    spi = np.minimum(p["income_work"], info["leefloon.vrijstelling.socio_professioneel"])
    own = income - spi * p["started_work_recently"]
    partner_income = (per_household(own * kern)[of] - own) * kern * has_partner
    partner_part = np.where(category == 3, partner_income, np.maximum(0, partner_income - cat1))
    family = p["owes_maintenance"] & ~kern
    above = np.maximum(0, own - cat1)
    counts = info["leefloon.onderhoudsplichtigen_tellen_mee"] > 0
    from_family = counts * np.where(
        kern, per_household(above * family)[of], per_household(above * eerste)[of] * family
    )
    counted = own + np.where(kern, partner_part, 0) + from_family - exempt[category] / 12
    counted = np.maximum(0, counted) * (category > 0)
    limit = amounts[category]
    major = (p["age"] >= 18) | (category == 3)
    gap = limit - counted
    person = np.where(gap > 0.005, gap, 0) * (limit > 0) * major
    household_major = per_household(p["age"] >= 18) > 0
    return per_household(person) * household_major


def bench_means_test():
    households = population.synthetic(PERSONS)
    pop = households.population
    start = time.perf_counter()
    plain = numpy_leefloon(pop, WHEN)
    numpy_s = time.perf_counter() - start
    start = time.perf_counter()
    simulation = engine.simulate(pop, WHEN)
    loaded = time.perf_counter()
    rules = simulation.calculate("leefloon_bedrag", engine.period_of(WHEN))
    rules_s = time.perf_counter() - loaded
    assert np.allclose(rules, plain, atol=0.02), "the rules and NumPy disagree"
    print(
        f"leefloon means test, {PERSONS:,} persons: rules {rules_s * 1000:.0f} ms, "
        f"plain NumPy {numpy_s * 1000:.0f} ms ({rules_s / numpy_s:.1f}x), same amounts; "
        f"loading the inputs into the engine {(loaded - start) * 1000:.0f} ms more"
    )


if __name__ == "__main__":
    bench_api()
    bench_population()
    bench_means_test()
