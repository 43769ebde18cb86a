"""The one export boundary: every count that leaves a STEK goes through here (ADR 0006).

- ``publish(counts)``: a one- or two-way table, suppressed (``suppress``);
- ``publish_linked(values, relations)``: linked figures suppressed jointly (e.g. a year, its
  quarters and their months, per topic and in total), so that no two published figures differ by
  a hidden one;
- ``year_grid(...)`` / ``GridPeriod``: the fixed grid of periods (month, quarter, year) on which
  aggregates across STEKs are published — never an arbitrary range.

``recording()`` lets tests see every publication (the boundary test proves each view that shows
counts across STEKs goes through it).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from .suppression import default_threshold, protect, suppress

_local = threading.local()


@contextlib.contextmanager
def recording():
    """Collect every publication made inside the block: a list of (kind, published figures)."""
    calls = []
    stack = getattr(_local, "stack", [])
    _local.stack = [*stack, calls]
    try:
        yield calls
    finally:
        _local.stack = stack


def _record(kind, figures):
    for calls in getattr(_local, "stack", []):
        calls.append((kind, figures))


def publish(counts, threshold=None):
    """A one-way (``key -> n``) or two-way (``(row, col) -> n``) table, suppressed."""
    table = suppress(counts, threshold)
    _record("table", table)
    return table


@dataclass
class Linked:
    """Linked figures after joint suppression: ``figures[name]`` is the count or ``None``."""

    figures: dict
    threshold: int

    def get(self, name, default=None):
        return self.figures.get(name, default)

    def __getitem__(self, name):
        return self.figures[name]


_MEMO = OrderedDict()
_MEMO_SIZE = 256
_memo_lock = threading.Lock()


def _protect_cached(values, relations, threshold):
    """``protect()`` is a pure, deterministic function of its inputs (its LP directions come
    from a seeded generator), so the same figures always give the same hidden set. Keep the
    last results in a small per-process memo keyed on a digest of the inputs: a network page
    pays for the LP audit once per change of its data, not once per view. The memo holds only
    which figures to hide, never a count below the boundary."""
    digest = hashlib.sha256(
        repr((sorted(values.items(), key=repr), sorted(map(repr, relations)), threshold)).encode()
    ).digest()
    with _memo_lock:
        if digest in _MEMO:
            _MEMO.move_to_end(digest)
            return set(_MEMO[digest])
    hidden = protect(values, relations, threshold)
    with _memo_lock:
        _MEMO[digest] = frozenset(hidden)
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return hidden


def publish_linked(values, relations, threshold=None):
    """Suppress ``values`` (name -> count) jointly over ``relations`` ((total, [parts]))."""
    threshold = default_threshold(threshold)
    hidden = _protect_cached(values, relations, threshold)
    linked = Linked({n: (None if n in hidden else v) for n, v in values.items()}, threshold)
    _record("linked", linked)
    return linked


# The period grid ----------------------------------------------------------------------------

ALL = "all"  # the whole span of a publication (a dossier's evidence)
_PERIOD = re.compile(r"^(\d{4})(?:-(?:K([1-4])|(0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class GridPeriod:
    """A month (``2026-03``), a quarter (``2026-K1``) or a year (``2026``)."""

    year: int
    quarter: int | None = None
    month: int | None = None

    @classmethod
    def parse(cls, text):
        match = _PERIOD.match(text or "")
        if not match:
            return None
        year, quarter, month = match.groups()
        if not 2000 <= int(year) <= 2100:
            return None
        return cls(int(year), int(quarter) if quarter else None, int(month) if month else None)

    @property
    def level(self):
        return "month" if self.month else "quarter" if self.quarter else "year"

    @property
    def code(self):
        if self.month:
            return f"{self.year}-{self.month:02d}"
        if self.quarter:
            return f"{self.year}-K{self.quarter}"
        return str(self.year)

    def months(self):
        """The first days of the months the period covers."""
        if self.month:
            return [date(self.year, self.month, 1)]
        if self.quarter:
            first = 3 * (self.quarter - 1) + 1
            return [date(self.year, m, 1) for m in range(first, first + 3)]
        return [date(self.year, m, 1) for m in range(1, 13)]

    def __str__(self):
        return self.code


def quarter_of_month(month):
    return GridPeriod(month.year, (month.month - 1) // 3 + 1)


def grid_months(today, first=None):
    """The months from ``first`` (a date; default two years back) up to and including the
    running month of ``today`` (first days, oldest first)."""
    last = date(today.year, today.month, 1)
    month = date(first.year, first.month, 1) if first else date(today.year - 2, 1, 1)
    result = []
    while month <= last:
        result.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return result


def grid_periods(months):
    """The grid over ``months``: each month, each quarter and each year that holds one of them
    (a running quarter or year counts the months so far)."""
    periods = []
    for month in months:
        periods.append(GridPeriod(month.year, month=month.month))
    quarters = list(dict.fromkeys(quarter_of_month(m) for m in months))
    years = list(dict.fromkeys(GridPeriod(m.year) for m in months))
    return periods + quarters + years


def grid_relations(keys, months):
    """Relations of ``key`` figures over the grid of ``months``: every quarter of a key is the
    sum of its months, every year the sum of its quarters. Names are ``(key, period code)``."""
    relations = []
    for key in keys:
        quarters = {}
        for month in months:
            quarter = quarter_of_month(month)
            quarters.setdefault(quarter, []).append(
                (key, GridPeriod(month.year, month=month.month).code)
            )
        years = {}
        for quarter, parts in quarters.items():
            relations.append(((key, quarter.code), parts))
            years.setdefault(quarter.year, []).append((key, quarter.code))
        for year, parts in years.items():
            relations.append(((key, str(year)), parts))
    return relations


def grid_values(counts_by_month, keys, months):
    """``{(key, period code): n}`` over the grid from ``{(key, month): n}`` (months' first days)."""
    values = {}
    for key in keys:
        for month in months:
            n = counts_by_month.get((key, month), 0)
            for period in (
                GridPeriod(month.year, month=month.month),
                quarter_of_month(month),
                GridPeriod(month.year),
            ):
                values[(key, period.code)] = values.get((key, period.code), 0) + n
    return values


def publish_grid(counts_by_month, months, sums=None, overall=False, threshold=None):
    """Figures for every key at every period of the grid over ``months``, suppressed jointly.

    ``counts_by_month`` maps ``(key, month)`` to a count (months are first days; absent is 0);
    ``sums`` maps a sum's key to the keys it adds up (a row total, a total over topics), for
    every period; ``overall`` adds ``(key, "all")``, the sum of the years. Returns ``Linked``
    figures named ``(key, period code)``."""
    sums = sums or {}
    aliases = {key: parts[0] for key, parts in sums.items() if len(parts) == 1}
    sums = {key: parts for key, parts in sums.items() if len(parts) != 1}  # one part: the same
    leaves = {k for k, _m in counts_by_month} | {p for parts in sums.values() for p in parts}
    counts = dict(counts_by_month)
    for key, parts in sums.items():
        for month in months:
            counts[(key, month)] = sum(counts_by_month.get((p, month), 0) for p in parts)
    keys = sorted(leaves | set(sums), key=str)
    values = grid_values(counts, keys, months)
    relations = grid_relations(keys, months)
    for period in grid_periods(months):
        for key, parts in sums.items():
            relations.append(((key, period.code), [(p, period.code) for p in parts]))
    if overall:
        years = sorted({m.year for m in months})
        for key in keys:
            values[(key, ALL)] = sum(values.get((key, str(y)), 0) for y in years)
            relations.append(((key, ALL), [(key, str(y)) for y in years]))
        for key, parts in sums.items():
            relations.append(((key, ALL), [(p, ALL) for p in parts]))
    linked = publish_linked(values, relations, threshold)
    for alias, key in aliases.items():
        for (name, code), value in list(linked.figures.items()):
            if name == key:
                linked.figures[(alias, code)] = value
    return linked
