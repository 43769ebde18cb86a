"""Benchmarks for the privacy core (``make bench``): printed numbers, never timed tests."""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from stek.core.privacy import find_personal_data, suppress, warm_up  # noqa: E402

NOTES = [
    "Bezoeker vroeg uitleg over het leefloon bij het OCMW, 3 kinderen, huur 650 euro.",
    "Veel vragen over de verhoogde tegemoetkoming en het sociaal tarief bij Fluvius.",
    "Gesprek met Fatima El Amrani over haar budgetmeter, tel 0470 12 34 56.",
    "Madame Dubois habite rue de la Loi 16 à Bruxelles.",
    "Le CPAS d'Anderlecht a refusé le revenu d'intégration en mars 2024.",
]


def main():
    t = time.perf_counter()
    warm_up()
    print(f"scanner load (once per process): {time.perf_counter() - t:.2f} s")
    timings = []
    for i in range(500):
        note = NOTES[i % len(NOTES)]
        t = time.perf_counter()
        find_personal_data(note, "fr" if "Madame" in note or "CPAS" in note else "nl")
        timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    print(
        f"scan one note: p50 {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms (500 notes)"
    )
    rng = random.Random(7)
    for rows, cols in [(13, 30), (13, 60), (30, 60)]:
        table = {
            (f"d{r}", f"t{c}"): rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 15, 40])
            for r in range(rows)
            for c in range(cols)
        }
        t = time.perf_counter()
        result = suppress(table)
        hidden = len(result.suppressed_cells)
        primary = sum(0 < v < 5 for v in table.values())
        print(
            f"suppress {rows}x{cols}: {(time.perf_counter() - t) * 1000:.0f} ms, "
            f"{primary} small cells, {hidden - primary} complements"
        )


if __name__ == "__main__":
    main()
