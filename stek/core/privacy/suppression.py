"""Small-cell suppression that holds against bounds (ADR 0006).

Primary suppression hides every count with ``0 < count < threshold`` (cells and totals).
Complementary suppression then hides more values until an attacker who solves linear programs
over what is published cannot pin any hidden value down. The attacker (the audit's model) knows:

- every published value and every additive relation (row, column and grand totals, and for
  linked tables any "this figure is the sum of those" relation, e.g. a year and its quarters);
- every hidden value is ≥ 0, and — granted to the attacker although the page shows every hidden
  value the same way — a hidden small *cell* (a value that is no sum of others) lies in
  1 … threshold − 1.

The guarantee, checked by an LP audit (HiGHS through scipy) after every complement:

- G1: every hidden value's feasible interval (its minimum and maximum over the LP) holds at
  least two whole numbers: no hidden value is ever pinned down;
- G2: every hidden small value can, as far as the published figures go (every hidden value only
  known to be ≥ 0), reach the threshold: nobody can prove from the figures that it is small.

Adding a hidden value only widens every other hidden value's interval, so a value that passed
the audit stays passed; only the values that failed are audited again. Zeros are published: a
zero says nothing about a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

MIN_THRESHOLD = 3
SMALL_GROUP = 60  # hidden groups up to this size get one complement per audit round
_EPS = 1e-6


@dataclass
class SuppressedTable:
    """The published table: ``None`` stands for a hidden value (shown as "verborgen")."""

    cells: dict
    total: int | None
    row_totals: dict = field(default_factory=dict)
    col_totals: dict = field(default_factory=dict)
    threshold: int = 5

    @property
    def suppressed_cells(self):
        return {k for k, v in self.cells.items() if v is None}

    @property
    def has_hidden(self):
        return (
            self.total is None
            or None in self.cells.values()
            or None in self.row_totals.values()
            or None in self.col_totals.values()
        )


def default_threshold(threshold=None):
    threshold = settings.STEK_SUPPRESSION_THRESHOLD if threshold is None else threshold
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold is never below {MIN_THRESHOLD}")
    return threshold


def _is_two_way(counts):
    return bool(counts) and all(isinstance(k, tuple) and len(k) == 2 for k in counts)


def table_relations(counts):
    """The values (``("cell", key)``, ``("row", r)``, ``("col", c)``, ``("total",)``) and the
    additive relations of a one-way (``key -> n``) or two-way (``(row, col) -> n``) table."""
    values, relations = {}, []
    if _is_two_way(counts):
        rows = sorted({r for r, _ in counts}, key=str)
        cols = sorted({c for _, c in counts}, key=str)
        for r in rows:
            for c in cols:
                values[("cell", (r, c))] = counts.get((r, c), 0)
        for r in rows:
            values[("row", r)] = sum(values[("cell", (r, c))] for c in cols)
            relations.append((("row", r), [("cell", (r, c)) for c in cols]))
        for c in cols:
            values[("col", c)] = sum(values[("cell", (r, c))] for r in rows)
            relations.append((("col", c), [("cell", (r, c)) for r in rows]))
        values[("total",)] = sum(counts.values())
        relations.append((("total",), [("row", r) for r in rows]))
        relations.append((("total",), [("col", c) for c in cols]))
    else:
        for k, v in counts.items():
            values[("cell", k)] = v
        values[("total",)] = sum(counts.values())
        relations.append((("total",), [("cell", k) for k in counts]))
    return values, relations


def suppress(counts=None, threshold=None):
    """Suppress small cells in ``counts`` (an empty or missing table gives an empty table).

    ``counts`` is a mapping ``key -> int`` (one-way table) or ``(row, col) -> int`` (two-way
    table; absent combinations count as 0). Returns a ``SuppressedTable`` whose cells, totals
    and (for two-way tables) row and column totals hold the count or ``None`` when hidden.
    The threshold defaults to ``settings.STEK_SUPPRESSION_THRESHOLD``.
    """
    threshold = default_threshold(threshold)
    counts = dict(counts or {})
    _check_counts(counts)
    values, relations = table_relations(counts)
    hidden = protect(values, relations, threshold)

    def shown(name):
        return None if name in hidden else values[name]

    return SuppressedTable(
        cells={name[1]: shown(name) for name in values if name[0] == "cell"},
        total=shown(("total",)),
        row_totals={name[1]: shown(name) for name in values if name[0] == "row"},
        col_totals={name[1]: shown(name) for name in values if name[0] == "col"},
        threshold=threshold,
    )


def _check_counts(values):
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in values.values()):
        raise ValueError("counts must be non-negative integers")


def protect(values, relations, threshold=None, hidden=(), shown=()):
    """The names to hide in linked figures: ``values`` maps a name to its count, ``relations``
    lists ``(total name, [part names])`` (the total is the sum of the parts). Every value with
    ``0 < v < threshold`` is hidden, then complements until the audit (G1, G2) passes.

    For a publication that grows (``boundary.publish_grid``): ``hidden`` names were hidden
    before and stay hidden, ``shown`` names were published before and stay published (they
    are never picked as complements, and a small one is not hidden again: it is out). Only
    the hidden values the new figures touch are audited again."""
    threshold = default_threshold(threshold)
    _check_counts(values)
    relations = [(t, list(p)) for t, p in relations if p]
    kept, fixed = set(hidden), set(shown)
    hidden = kept | {n for n, v in values.items() if 0 < v < threshold and n not in fixed}
    if not hidden:
        return hidden
    audit = Audit(values, relations, threshold)
    if kept or fixed:
        new = set(values) - kept - fixed
        touched = {m for t, p in relations if {t, *p} & new for m in (t, *p) if m in hidden}
        check = set()
        for name in sorted(touched | (hidden & new), key=str):
            if name not in check:
                check |= audit.component(name, hidden)
    else:
        check = hidden
    failing = audit.failing(hidden, check) if check else set()
    while failing:
        added, served = set(), set()
        for name in sorted(failing, key=str):
            if name in added or name in served:
                continue
            touched = {m for rel in audit.relations_of.get(name, []) for m in rel}
            if touched & added:
                continue  # a complement next to it came this round: audit again first
            group = audit.component(name, hidden)
            if len(group) <= SMALL_GROUP:
                served |= group  # a small group gets one complement a round: no stale picks
            pick = _complement(name, values, audit, hidden, fixed)
            if pick is None:
                continue  # everything next to it is hidden now: audit again
            hidden.add(pick)
            added.add(pick)
        if not added:  # cannot happen: with everything new hidden the audit passes
            raise RuntimeError("no complementary value available")
        # earlier passes stay passed (hiding more only widens intervals); the new ones and the
        # failed ones are audited again
        failing = audit.failing(hidden, failing | added)
    return hidden


def _complement(target, values, audit, hidden, fixed=frozenset()):
    """Pick one more value to hide for ``target``, searching outward through the relations.

    Preference: non-zero before zero (a zero gives no room); cells (values that are no sum)
    before sums; nearer (fewer relations away) first; values that also sit in a relation with
    another hidden value (closing a cycle, the cheapest protection); values of at least the
    threshold; the smallest. ``None`` when nothing is left to hide.
    """

    def links(name):
        return sum(
            1
            for rel in audit.relations_of.get(name, [])
            if any(m in hidden for m in rel if m != name)
        )

    distance, frontier = {target: 0}, [target]
    while frontier:
        step = []
        for name in frontier:
            for rel in audit.relations_of.get(name, []):
                for m in rel:
                    if m not in distance:
                        distance[m] = distance[name] + 1
                        step.append(m)
        frontier = step
    near = [n for n in distance if n not in hidden and n not in fixed]
    if not near:
        return None
    t = audit.threshold
    return min(
        near,
        key=lambda n: (
            values[n] == 0,
            n in audit.sums,
            distance[n],
            -links(n),
            values[n] < t,
            values[n],
            str(n),
        ),
    )


class Audit:
    """The LP audit of a set of hidden values (see the module's docstring)."""

    def __init__(self, values, relations, threshold):
        self.values = values
        self.relations = [(t, p) for t, p in relations]
        self.threshold = threshold
        self.sums = {t for t, _p in relations}
        self.relations_of = {}
        for total, parts in self.relations:
            members = (total, *parts)
            for m in set(members):
                self.relations_of.setdefault(m, []).append(members)
        self.cap = 2 * sum(values.values()) + 2 * threshold  # room; keeps every LP bounded

    def component(self, start, hidden):
        """The hidden values linked to ``start`` through relations with several unknowns."""
        seen, todo = {start}, [start]
        while todo:
            name = todo.pop()
            for rel in self.relations_of.get(name, []):
                for m in rel:
                    if m in hidden and m not in seen:
                        seen.add(m)
                        todo.append(m)
        return seen

    def is_small(self, name):
        return 0 < self.values[name] < self.threshold

    def failing(self, hidden, check):
        """The names in ``check`` (all hidden) for which G1 or G2 does not hold. The groups of
        linked hidden values are independent: one LP over all of them at once, where each
        programme moves one value of every group (its optimum is that value's own)."""
        names, group_of, done = [], {}, set()
        for name in sorted(check, key=str):
            if name in done:
                continue
            group = sorted(self.component(name, hidden), key=str)
            done |= set(group)
            for member in group:
                group_of[member] = len(names)  # the group's first index names the group
            names += group
        lp = _Lp(self, names, hidden)
        lp.groups = [group_of[n] for n in names]
        return lp.failing(set(check))

    def intervals(self, hidden, bounded=True):
        """{name: (min, max)} for every hidden value (the attacker's view); for tests."""
        result = {}
        for name in sorted(hidden, key=str):
            if name not in result:
                group = sorted(self.component(name, hidden), key=str)
                result.update(_Lp(self, group, hidden).intervals(bounded))
        return result


class _Lp:
    """The linear program over one group of hidden values."""

    def __init__(self, audit, names, hidden):
        self.audit, self.names = audit, names
        index = {n: i for i, n in enumerate(names)}
        self.index = index
        rows, cols, data, rhs, seen = [], [], [], [], set()
        for name in names:
            for rel in audit.relations_of.get(name, []):
                if rel in seen:
                    continue
                seen.add(rel)
                total, *parts = rel
                coeffs, constant = {}, 0
                for member, sign in [(total, -1), *((p, 1) for p in parts)]:
                    if member in hidden:
                        coeffs[index[member]] = coeffs.get(index[member], 0) + sign
                    else:
                        constant += sign * audit.values[member]
                coeffs = {k: v for k, v in coeffs.items() if v}
                if not coeffs:
                    continue
                row = len(rhs)
                for k, v in coeffs.items():
                    rows.append(row)
                    cols.append(k)
                    data.append(v)
                rhs.append(-constant)
        self.eq = (rows, cols, data, np.array(rhs, dtype=float))
        self.truth = np.array([audit.values[n] for n in names], dtype=float)
        t, cap = audit.threshold, audit.cap
        self.bounds_m = [
            (1, t - 1) if (audit.is_small(n) and n not in audit.sums) else (0, cap) for n in names
        ]
        self.bounds_b = [(0, cap)] * len(names)
        self.groups = [0] * len(names)  # one group unless the audit says otherwise

    def _joint(self, weights):
        """Maximise the weighted sum of the y (``weights`` are negative)."""
        return np.concatenate([np.zeros(len(self.names)), weights])

    def _solve(self, objective, bounds, extra=None):
        """Minimise ``objective`` over x; with ``extra`` = [(x index, sign, cap)] also over one
        y per entry with y ≤ sign·x and y ≤ cap (maximising Σy moves many x at once)."""
        n = len(self.names)
        rows, cols, data, rhs = self.eq
        k = len(extra or [])
        a_eq = coo_matrix((data, (rows, cols)), shape=(len(rhs), n + k)) if len(rhs) else None
        a_ub = b_ub = None
        all_bounds = list(bounds)
        if extra:
            ub_rows, ub_cols, ub_data = [], [], []
            for j, (i, sign, cap) in enumerate(extra):
                ub_rows += [j, j]
                ub_cols += [n + j, i]
                ub_data += [1.0, -float(sign)]
                all_bounds.append((None, cap))
            a_ub = coo_matrix((ub_data, (ub_rows, ub_cols)), shape=(k, n + k))
            b_ub = np.zeros(k)
        result = linprog(
            objective,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=rhs if len(rhs) else None,
            bounds=all_bounds,
            method="highs",
        )
        if result.status != 0:  # cannot happen: the true values are feasible and all bounded
            raise RuntimeError(f"suppression audit LP failed: {result.message}")
        return result.x[:n]

    def _extreme(self, i, bounds, sign):
        objective = np.zeros(len(self.names))
        objective[i] = -sign
        return self._solve(objective, bounds)

    def failing(self, check):
        t = self.audit.threshold
        lo, hi = self.truth.copy(), self.truth.copy()  # values seen in model M
        high_b = self.truth.copy()  # highest value seen in model B

        def seen(x, model_b=False):
            if model_b:
                np.maximum(high_b, x, out=high_b)
            else:
                np.minimum(lo, x, out=lo)
                np.maximum(hi, x, out=hi)

        todo_g1 = [self.index[c] for c in check]
        todo_g2 = [self.index[c] for c in check if self.audit.is_small(c)]

        def need_g1():
            return [i for i in todo_g1 if hi[i] - lo[i] < 1 - _EPS]

        def need_g2():
            return [i for i in todo_g2 if high_b[i] < t - _EPS]

        # a few programmes with random directions move many values at once (each solution is
        # a witness for every value in it); then one programme per value left
        rng = np.random.default_rng(len(self.names))
        for _round in range(8):
            need = need_g1()
            if len(need) < 4:
                break
            objective = np.zeros(len(self.names))
            objective[need] = rng.choice([-1.0, 1.0], len(need)) * rng.uniform(0.5, 1.5, len(need))
            seen(self._solve(objective, self.bounds_m))
            if len(need_g1()) > 0.8 * len(need):
                break
        for _round in range(40):  # each round: as many of those left as possible up to t
            need = need_g2()
            if len(need) < 2:
                break
            caps = [(i, 1, float(t)) for i in need]
            weights = -rng.uniform(0.5, 1.5, len(caps))
            seen(self._solve(self._joint(weights), self.bounds_b, caps), True)
            if len(need_g2()) == len(need):
                break
        failing = set()
        for sign in (1, -1):  # G1: min and max of the values left, one per group per programme
            todo = need_g1()
            while todo:
                batch, taken = [], set()
                for i in todo:
                    if self.groups[i] not in taken:
                        taken.add(self.groups[i])
                        batch.append(i)
                objective = np.zeros(len(self.names))
                objective[batch] = -sign
                seen(self._solve(objective, self.bounds_m))
                todo = [i for i in todo if i not in set(batch) and hi[i] - lo[i] < 1 - _EPS]
        failing |= {self.names[i] for i in need_g1()}
        todo = need_g2()
        while todo:  # G2: the max of each small value left, one per group per programme
            batch, taken = [], set()
            for i in todo:
                if self.groups[i] not in taken:
                    taken.add(self.groups[i])
                    batch.append(i)
            objective = np.zeros(len(self.names))
            objective[batch] = -1.0
            seen(self._solve(objective, self.bounds_b), True)
            todo = [i for i in todo if i not in set(batch) and high_b[i] < t - _EPS]
        failing |= {self.names[i] for i in need_g2()}
        return failing

    def intervals(self, bounded):
        bounds = self.bounds_m if bounded else self.bounds_b
        result = {}
        for i, name in enumerate(self.names):
            low = self._extreme(i, bounds, -1)[i]
            high = self._extreme(i, bounds, 1)[i]
            result[name] = (round(low, 6), round(high, 6))
        return result
