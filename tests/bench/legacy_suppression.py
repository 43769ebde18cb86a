"""The exact-linear suppression of ADR 0001, kept only so bench_privacy.py can print it beside
the LP-audited algorithm of ADR 0006. Not used by the application.

Small-cell suppression for one- and two-way count tables.

Primary suppression hides every count with ``0 < count < threshold`` (cells and totals).
Secondary (complementary) suppression then hides more values until no hidden value can be
recomputed exactly from the published ones through the table's additive relations (row sums,
column sums, grand total). Zeros are published: a zero says nothing about a person.

Recomputability is decided exactly: the relations form a linear system over the hidden values;
a hidden value is disclosed when every solution of that system gives it the same value, i.e.
when its coordinate is zero in every vector of the system's null space. The relation matrices of
count tables with margins are totally unimodular, so Gaussian elimination modulo a large prime
gives the same ranks as over the rationals, with small integers throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_THRESHOLD = 3
_PRIME = 2_147_483_647


@dataclass
class SuppressedTable:
    """The published table: ``None`` stands for a suppressed value."""

    cells: dict
    total: int | None
    row_totals: dict = field(default_factory=dict)
    col_totals: dict = field(default_factory=dict)
    threshold: int = 5

    @property
    def suppressed_cells(self):
        return {k for k, v in self.cells.items() if v is None}


def _is_two_way(counts):
    return bool(counts) and all(isinstance(k, tuple) and len(k) == 2 for k in counts)


def suppress(counts, threshold=5):
    """Suppress small cells in ``counts``.

    ``counts`` is a mapping ``key -> int`` (one-way table) or ``(row, col) -> int`` (two-way
    table; absent combinations count as 0). Returns a ``SuppressedTable`` whose cells, totals
    and (for two-way tables) row and column totals hold the count or ``None`` when suppressed.
    """
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold is never below {MIN_THRESHOLD}")
    if any(not isinstance(v, int) or v < 0 for v in counts.values()):
        raise ValueError("counts must be non-negative integers")

    values = {}
    relations = []  # each: (total name, [part names])
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

    hidden = {name for name, v in values.items() if 0 < v < threshold}
    while True:
        disclosed = disclosed_values(values, relations, hidden)
        if not disclosed:
            break
        hidden.add(_complement(sorted(disclosed, key=str)[0], values, relations, hidden))

    def shown(name):
        return None if name in hidden else values[name]

    cells = {name[1]: shown(name) for name in values if name[0] == "cell"}
    return SuppressedTable(
        cells=cells,
        total=shown(("total",)),
        row_totals={name[1]: shown(name) for name in values if name[0] == "row"},
        col_totals={name[1]: shown(name) for name in values if name[0] == "col"},
        threshold=threshold,
    )


def _complement(target, values, relations, hidden):
    """Pick one more value to hide next to ``target`` (a value sharing a relation with it).

    Preference: cells before totals; values that also sit in a relation with another hidden
    value (hiding them closes a cycle of hidden cells, the cheapest way to stop recomputation);
    non-zero before zero; the smallest count. The caller re-checks disclosure after each pick.
    """
    relations_of = {}
    for relation in relations:
        for member in _members(relation):
            relations_of.setdefault(member, []).append(_members(relation))

    def links(name):
        return sum(
            1 for rel in relations_of.get(name, []) if any(m in hidden for m in rel if m != name)
        )

    near = {m for rel in relations_of[target] for m in rel if m not in hidden}
    if not near:  # disclosed through a longer chain: widen to every value next to a hidden one
        near = {m for rel in relations if _touches(rel, hidden) for m in _members(rel)}
        near -= hidden
    if not near:  # cannot happen while ``target`` is disclosed
        raise RuntimeError("no complementary value available")
    return min(
        near,
        key=lambda n: (n[0] != "cell", -links(n), values[n] == 0, values[n], str(n)),
    )


def _members(relation):
    total, parts = relation
    return (total, *parts)


def _touches(relation, hidden):
    return any(m in hidden for m in _members(relation))


def disclosed_values(values, relations, hidden):
    """Return the hidden names whose value the published values determine exactly."""
    unknowns = sorted(hidden, key=str)
    if not unknowns:
        return set()
    index = {name: i for i, name in enumerate(unknowns)}
    rows = []
    for total, parts in relations:
        coeffs = {}
        for name, sign in [(total, -1), *((p, 1) for p in parts)]:
            if name in index:
                coeffs[index[name]] = (coeffs.get(index[name], 0) + sign) % _PRIME
        coeffs = {k: v for k, v in coeffs.items() if v}
        if coeffs:
            rows.append(coeffs)
    pivots = _rref(rows)
    pivot_cols = {col for col, _ in pivots}
    disclosed = set()
    for col, row in pivots:
        # a pivot variable is fixed when its reduced row has no free variable in it
        if all(c == col or c in pivot_cols for c in row):
            disclosed.add(unknowns[col])
    return disclosed


def _rref(rows):
    """Reduced row echelon form modulo a prime over sparse rows; returns [(pivot col, row)]."""
    pivots = []
    for row in rows:
        row = dict(row)
        for col, prow in pivots:
            factor = row.get(col)
            if factor:
                for c, v in prow.items():
                    row[c] = (row.get(c, 0) - factor * v) % _PRIME
                row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        col = min(row)
        inv = pow(row[col], _PRIME - 2, _PRIME)
        row = {c: (v * inv) % _PRIME for c, v in row.items()}
        for i, (pcol, prow) in enumerate(pivots):
            factor = prow.get(col)
            if factor:
                new = dict(prow)
                for c, v in row.items():
                    new[c] = (new.get(c, 0) - factor * v) % _PRIME
                pivots[i] = (pcol, {c: v for c, v in new.items() if v})
        pivots.append((col, row))
    return pivots
