"""The proof for the dashboard's one table of its own (issue 18, ADR 0018): the dossiers per
step and outcome. An attacker who knows every shown cell, the row and column margins and the
total, that every hidden cell is >= 0 and which hidden ones are small, cannot pin a hidden
cell nor prove it small. The attacker's relations and the truth are written here from the
counts (not read from the code under test); the LP is ``tests/core/privacy/lp_attack.py``.

The side-by-side and reciprocity parts publish nothing new (the frozen reports' figures and
sums of shown ones): ``test_dashboard.py`` shows that every number there is a published one."""

import random

import pytest

from stek.advocacy.enums import DossierOutcome, DossierStep
from stek.reports import dashboard
from tests.core.privacy import lp_attack

T = 5
STEPS = list(DossierStep.values)
OUTCOMES = list(DossierOutcome.values)


def attacker_view(counts):
    truth, relations = {}, []
    for r in STEPS:
        for c in OUTCOMES:
            truth[("cell", (r, c))] = counts.get((r, c), 0)
    for r in STEPS:
        truth[("row", r)] = sum(truth[("cell", (r, c))] for c in OUTCOMES)
        relations.append((("row", r), [("cell", (r, c)) for c in OUTCOMES]))
    for c in OUTCOMES:
        truth[("col", c)] = sum(truth[("cell", (r, c))] for r in STEPS)
        relations.append((("col", c), [("cell", (r, c)) for r in STEPS]))
    truth[("total",)] = sum(counts.values())
    relations.append((("total",), [("row", r) for r in STEPS]))
    relations.append((("total",), [("col", c) for c in OUTCOMES]))
    return truth, relations


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_dossier_cell_can_be_pinned_below_the_threshold(seed):
    rng = random.Random(seed)
    counts = {}
    for r in STEPS:
        for c in OUTCOMES:
            n = rng.choice([0, 0, 1, 2, 3, 6, 8, 11])
            if n:
                counts[(r, c)] = n
    linked = dashboard.dossier_table(counts, T)
    truth, relations = attacker_view(counts)
    # a step or outcome without any dossier has no figure: the page shows its 0s
    published = {name: linked.figures.get(name, truth[name]) for name in truth}
    for name, n in published.items():
        assert n is None or n == truth[name]  # a shown figure is the truth
    hidden = [n for n, v in published.items() if v is None]
    small = {n for n in truth if n[0] == "cell" and 0 < truth[n] < T}
    assert small and hidden
    assert all(published[n] is None for n in small)  # every small cell is hidden
    assert lp_attack.pinned(truth, published, relations, small, T) == {}
    assert lp_attack.provably_small(truth, published, relations, T) == {}
