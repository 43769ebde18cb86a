"""Score a personal-data scanner on the labelled notes in ``data/labelled_notes.jsonl``.

Recall is counted per labelled span: a span is found when a finding overlaps it with the same
kind or a compatible one (a number read as a national number where a birth date was labelled
still blocks it). A clean note (no spans) is a false alarm when anything at all is found in it.
Used by the pytest goal test and by ``make bench`` (tests/bench/bench_privacy.py).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "labelled_notes.jsonl"

# labelled kind -> kinds that also count as finding it
COMPATIBLE = {
    "birth_date": {"birth_date", "national_number"},
    "national_number": {"national_number", "birth_date"},
    "case_number": {"case_number", "national_number"},
}


def load_notes(split=None, lang=None):
    with DATA.open(encoding="utf-8") as f:
        notes = [json.loads(line) for line in f if line.strip()]
    return [
        n
        for n in notes
        if (split is None or n["split"] == split) and (lang is None or n["lang"] == lang)
    ]


@dataclass
class Score:
    spans: int = 0
    found: int = 0
    clean: int = 0
    flagged: int = 0
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    missed: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def recall(self):
        return self.found / self.spans if self.spans else 1.0


def evaluate(notes, scan):
    """``scan(text, lang)`` returns objects with ``kind``, ``start`` and ``end``."""
    score = Score()
    for note in notes:
        findings = scan(note["text"], note["lang"])
        if not note["spans"]:
            score.clean += 1
            if findings:
                score.flagged += 1
                score.false_alarms.append(
                    (note["id"], [(f.kind, note["text"][f.start : f.end]) for f in findings])
                )
            continue
        for span in note["spans"]:
            ok = COMPATIBLE.get(span["kind"], {span["kind"]})
            hit = any(
                f.kind in ok and f.start < span["end"] and span["start"] < f.end for f in findings
            )
            score.spans += 1
            score.by_kind[span["kind"]][1] += 1
            if hit:
                score.found += 1
                score.by_kind[span["kind"]][0] += 1
            else:
                score.missed.append((note["id"], span["kind"], span["text"], note["text"]))
    return score
