"""Benchmarks for the privacy core (``make bench``): printed numbers, never timed tests."""

import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from stek.core.privacy import boundary, find_personal_data, suppress, warm_up  # noqa: E402

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
    bench_scanner_quality()
    bench_scanner_long_text()
    bench_suppression()


def bench_scanner_quality():
    """Recall per kind and false alarms on the labelled notes (issue 13 goals: recall >= 0.95,
    at most 2 of 50 clean notes flagged), per language and per split."""
    from stek.core.privacy import scan
    from tests.core.privacy.evaluation import evaluate, load_notes

    for split in ("dev", "holdout", "fresh", "fresh2", "fresh3", "fresh4", None):
        for lang in ("nl", "fr", "en", None):
            score = evaluate(load_notes(split, lang), scan)
            kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(score.by_kind.items()))
            print(
                f"scanner [{split or 'all'}/{lang or 'all'}]: recall {score.recall:.3f} "
                f"({score.found}/{score.spans}), clean notes flagged {score.flagged}/{score.clean}"
                + (f"; {kinds}" if lang is None else "")
            )
    for note_id, kind, text, _ in score.missed:
        print(f"  missed {note_id} {kind}: {text!r}")
    for note_id, findings in score.false_alarms:
        print(f"  false alarm {note_id}: {findings}")


def bench_scanner_long_text():
    """Scan time against length: "Jan " repeated (the old quadratic case) and realistic text."""
    from stek.core.privacy import scan

    realistic = " ".join(NOTES + ["Doorverwezen naar Sint-Camillus en het Huis van het Kind."])
    for label, unit in (("'Jan ' repeated", "Jan "), ("realistic notes", realistic + " ")):
        times = []
        for n in (500, 2000, 5000, 20000):
            text = (unit * (n // len(unit) + 1))[:n]
            t = time.perf_counter()
            scan(text)
            times.append(f"{n} chars {time.perf_counter() - t:.2f} s")
        print(f"scan {label}: " + ", ".join(times))


def bench_suppression():
    """Suppression with the LP audit (ADR 0006) beside the old exact-linear algorithm."""
    from tests.bench import legacy_suppression

    rng = random.Random(7)
    for rows, cols in [(13, 10), (13, 30), (13, 60), (30, 60)]:
        table = {
            (f"d{r}", f"t{c}"): rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 15, 40])
            for r in range(rows)
            for c in range(cols)
        }
        t = time.perf_counter()
        old = legacy_suppression.suppress(table)
        old_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        result = suppress(table)
        new_ms = (time.perf_counter() - t) * 1000
        primary = sum(0 < v < 5 for v in table.values())
        print(
            f"suppress {rows}x{cols}: {new_ms:.0f} ms (old algorithm {old_ms:.0f} ms), "
            f"{primary} small cells, {len(result.suppressed_cells) - primary} complements "
            f"(old {len(old.suppressed_cells) - primary})"
        )
    months = [date(2026, m, 1) for m in range(1, 13)]
    grid = {
        (("cell", f"d{r}", f"b{c}"), m): rng.choice([0, 0, 0, 1, 2, 3, 6, 12])
        for r in range(13)
        for c in range(10)
        for m in months
    }
    t = time.perf_counter()
    linked = boundary.publish_grid(grid, months)  # as the network matrix: no row totals
    hidden = sum(v is None for v in linked.figures.values())
    print(
        f"publish_grid 13 domains x 10 barriers x 17 periods: "
        f"{(time.perf_counter() - t) * 1000:.0f} ms, {hidden} of {len(linked.figures)} hidden"
    )


if __name__ == "__main__":
    main()
