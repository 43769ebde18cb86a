"""The proof (issue 18): no figure of the network dashboard can be pinned down below the
threshold by an attacker who knows every published figure of the year (every month, quarter
and the year, of every STEK, every pair and every total), every additive relation between them
(a quarter is its months, a year its quarters, a total its STEKs, and the referrals of all
STEKs are those of all pairs), that every hidden figure is >= 0 and which hidden ones are small.
Subtracting two published figures or two periods is one of the LP's linear combinations.

The attacker's relations and the truth are written here from the raw counts, not read from the
code under test; the LP is ``tests/core/privacy/lp_attack.py``."""

import random
from datetime import date

import pytest

from stek.core.privacy.boundary import GridPeriod
from stek.reports import dashboard
from tests.core.privacy import lp_attack

T = 5
MONTHS = [date(2025, m, 1) for m in range(1, 13)]
QUARTERS = {q: MONTHS[3 * (q - 1) : 3 * q] for q in range(1, 5)}


def world(seed, steks=3, orgs=(11, 12, 13)):
    """Raw monthly counts of a small network: per STEK its measures, and its referrals split
    over pairs of shared organisations and "other"."""
    rng = random.Random(seed)
    counts = {}
    for month in MONTHS:
        for s in range(1, steks + 1):
            for measure, mean in (("sessions", 14), ("taps", 9), ("checks", 3)):
                n = max(0, round(rng.gauss(mean, mean / 1.5)))
                if n:
                    counts[(("stek", measure, s), month)] = n
            referrals = rng.choice([0, 1, 1, 2, 3, 4, 6, 9])
            if referrals:
                counts[(("stek", "referrals", s), month)] = referrals
            for _ in range(referrals):
                a, b = rng.sample(orgs, 2)
                key = ("pair", a, b) if rng.random() < 0.6 else ("pair", 0, 0)
                counts[(key, month)] = counts.get((key, month), 0) + 1
    return counts, list(range(1, steks + 1))


def truth_and_relations(counts, stek_ids):
    leaves = {key for key, _m in counts}
    leaves |= {("stek", m, s) for m, _l in dashboard.MEASURES for s in stek_ids}
    sums = {("net", m): [("stek", m, s) for s in stek_ids] for m, _l in dashboard.MEASURES}
    sums[("all", "pairs")] = sorted((k for k in leaves if k[0] == "pair"), key=repr)
    codes = [GridPeriod(2025, month=m.month).code for m in MONTHS]

    def leaf(key, month):
        return counts.get((key, month), 0)

    truth = {}
    for key in leaves:
        for month, code in zip(MONTHS, codes, strict=True):
            truth[(key, code)] = leaf(key, month)
    for key, parts in sums.items():
        for month, code in zip(MONTHS, codes, strict=True):
            truth[(key, code)] = sum(leaf(p, month) for p in parts)
    relations = []
    for key in list(leaves) + list(sums):
        for q, months in QUARTERS.items():
            truth[(key, f"2025-K{q}")] = sum(truth[(key, f"2025-{m.month:02d}")] for m in months)
            relations.append(((key, f"2025-K{q}"), [(key, f"2025-{m.month:02d}") for m in months]))
        truth[(key, "2025")] = sum(truth[(key, f"2025-K{q}")] for q in QUARTERS)
        relations.append(((key, "2025"), [(key, f"2025-K{q}") for q in QUARTERS]))
    periods = codes + [f"2025-K{q}" for q in QUARTERS] + ["2025"]
    for code in periods:
        for key, parts in sums.items():
            relations.append(((key, code), [(p, code) for p in parts]))
        relations.append(((("net", "referrals"), code), [(("all", "pairs"), code)]))
    cells = {(key, code) for key in leaves for code in codes}
    return truth, relations, cells


@pytest.mark.parametrize("seed", [1, 2])
def test_no_dashboard_figure_can_be_pinned_below_the_threshold(seed):
    counts, stek_ids = world(seed)
    linked = dashboard.publish(counts, MONTHS, stek_ids, threshold=T)
    truth, relations, cells = truth_and_relations(counts, stek_ids)
    published = {name: linked.figures.get(name, "missing") for name in truth}
    assert "missing" not in published.values()
    for name, value in published.items():
        assert value is None or value == truth[name], name  # a shown figure is the truth
    hidden = [n for n, v in published.items() if v is None]
    assert hidden, "the world must have something to hide"
    small = {n for n in hidden if 0 < truth[n] < T and n in cells}  # small cells (ADR 0006)
    assert small  # small cells exist and are hidden
    assert all(published[n] is None for n in truth if 0 < truth[n] < T)
    assert lp_attack.pinned(truth, published, relations, small, T) == {}
    assert lp_attack.provably_small(truth, published, relations, T) == {}


def test_the_attack_would_find_a_pinned_figure_without_the_equal_sums():
    """The test can fail: without the relation "all referrals = all pairs" in the problem, the
    same attacker pins a figure (the relation is real, so leaving it out is a leak)."""
    from stek.core.privacy import boundary

    found = False
    for seed in range(1, 12):
        counts, stek_ids = world(seed)
        sums, _equal = dashboard.relations(counts, stek_ids)
        linked = boundary.publish_grid(counts, MONTHS, sums=sums, threshold=T)
        truth, relations, cells = truth_and_relations(counts, stek_ids)
        published = {name: linked.figures[name] for name in truth}
        small = {n for n, v in published.items() if v is None and 0 < truth[n] < T and n in cells}
        if lp_attack.pinned(truth, published, relations, small, T):
            found = True
            break
    assert found


def test_a_month_published_once_stays_the_same_when_the_year_goes_on():
    counts, stek_ids = world(4)
    early = dashboard.publish(counts, MONTHS[:6], stek_ids, threshold=T).figures
    late = dashboard.publish(counts, MONTHS, stek_ids, threshold=T).figures
    for name, value in early.items():
        assert late[name] == value, name  # what was shown stays shown, hidden stays hidden
