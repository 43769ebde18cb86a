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
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from ..dates import monday_of, month_end, next_month, quarter_months, quarter_of
from ..memo import Lru
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


def published_again(linked):
    """A publication read again from a memo: recorded as published, like the first time."""
    _record("linked", linked)
    return linked


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


_MEMO = Lru(256)


def _digest(inputs):
    """A digest of a publication's inputs (dicts and sets in a stable order)."""

    def stable(value):
        if isinstance(value, dict):
            return sorted(((repr(k), stable(v)) for k, v in value.items()))
        if isinstance(value, (set, frozenset)):
            return sorted(map(repr, value))
        if isinstance(value, (list, tuple)):
            return [stable(v) for v in value]
        return repr(value)

    return hashlib.sha256(repr(stable(inputs)).encode()).digest()


def _protect_cached(values, relations, threshold, hidden=frozenset(), shown=frozenset()):
    """``protect()`` is a pure, deterministic function of its inputs (its LP directions come
    from a seeded generator), so the same figures always give the same hidden set. Keep the
    last results in a small per-process memo keyed on a digest of the inputs: a network page
    pays for the LP audit once per change of its data, not once per view. The memo holds only
    which figures to hide, never a count below the boundary (``publish_grid`` keeps its
    published figures, hidden ones as None, the same way: a page read again with the same data
    skips the replay)."""
    digest = hashlib.sha256(
        repr(
            (
                sorted(values.items(), key=repr),
                sorted(map(repr, relations)),
                threshold,
                sorted(map(repr, hidden)),
                sorted(map(repr, shown)),
            )
        ).encode()
    ).digest()
    known = _MEMO.get(digest)
    if known is not None:
        return set(known)
    hidden = protect(values, relations, threshold, hidden=hidden, shown=shown)
    _MEMO.put(digest, frozenset(hidden))
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

    @property
    def label(self):
        """How the period reads for people: the code is the URL's and the data's (and stays
        Dutch, ``2026-K4``); the label is in the reader's language (en ``2026-Q4``, fr
        ``2026-T4``)."""
        if self.quarter and not self.month:
            # Translators: a quarter of a year, short: nl 2026-K4, en 2026-Q4, fr 2026-T4
            return _("%(year)s-K%(quarter)s") % {"year": self.year, "quarter": self.quarter}
        return self.code

    def months(self):
        """The first days of the months the period covers."""
        if self.month:
            return [date(self.year, self.month, 1)]
        if self.quarter:
            return quarter_months(self.year, self.quarter)
        return [date(self.year, m, 1) for m in range(1, 13)]

    def __str__(self):
        return self.code


def quarter_of_month(month):
    return GridPeriod(month.year, quarter_of(month))


def published_from(month):
    """The first day a month's figures may leave the STEKs: the Tuesday after the last week
    that starts in the month. A signal counts in the month it is noted in (before issue 16: the
    month of its week's Monday) and is always registered in the running week and month (an
    undo is possible for 15 minutes), so from that day on
    the month's figures no longer change: a figure published on one day is the same the next
    day, and nobody can subtract two versions of it."""
    return monday_of(month_end(month)) + timedelta(days=8)


def grid_months(today, first=None):
    """The completed months (first days, oldest first) from ``first`` (a date; default two
    years back) on: only months whose figures no longer change (``published_from``)."""
    month = date(first.year, first.month, 1) if first else date(today.year - 2, 1, 1)
    result = []
    while published_from(month) <= today:
        result.append(month)
        month = next_month(month)
    return result


def _quarter_done(quarter, months):
    return date(quarter.year, 3 * quarter.quarter, 1) in months


def _year_done(year, months):
    return date(year, 12, 1) in months


def grid_periods(months):
    """The grid over the completed ``months``: each month, each quarter whose last month is
    complete and each year whose December is (a period at the start of a span counts its
    months in the span). A running quarter or year is never published: its figure would change
    with every month and two of its versions would differ by a month's figures."""
    done = set(months)
    periods = [GridPeriod(m.year, month=m.month) for m in months]
    quarters = [
        q for q in dict.fromkeys(quarter_of_month(m) for m in months) if _quarter_done(q, done)
    ]
    years = [
        y for y in dict.fromkeys(GridPeriod(m.year) for m in months) if _year_done(y.year, done)
    ]
    return periods + quarters + years


def grid_relations(keys, months):
    """Relations of ``key`` figures over the grid of ``months``: every completed quarter of a
    key is the sum of its months, every completed year the sum of its quarters. Names are
    ``(key, period code)``."""
    done = set(months)
    relations = []
    for key in keys:
        quarters = {}
        for month in months:
            quarters.setdefault(quarter_of_month(month), []).append(
                (key, GridPeriod(month.year, month=month.month).code)
            )
        years = {}
        for quarter, parts in quarters.items():
            years.setdefault(quarter.year, []).append(quarter)
            if _quarter_done(quarter, done):
                relations.append(((key, quarter.code), parts))
        for year, in_year in years.items():
            if _year_done(year, done):
                relations.append(((key, str(year)), [(key, q.code) for q in in_year]))
    return relations


def grid_values(counts_by_month, keys, months):
    """``{(key, period code): n}`` over the grid from ``{(key, month): n}`` (months' first days)."""
    periods, done = grid_periods(months), set(months)
    values = {}
    for key in keys:
        for period in periods:
            values[(key, period.code)] = sum(
                counts_by_month.get((key, m), 0) for m in period.months() if m in done
            )
    return values


def _version(month):
    return f"{ALL}@{month.year}-{month.month:02d}"


def _step(counts, leaves, sums, months, overall):
    """The figures and relations published once ``months`` are complete. A figure over the
    whole span so far (``overall``) is a new figure after each month: ``(key, "all@<month>")``,
    and every earlier version stays in the relations (the attacker kept it)."""
    keys = sorted(leaves | set(sums), key=str)
    values = grid_values(counts, keys, months)
    relations = grid_relations(keys, months)
    for period in grid_periods(months):
        for key, parts in sums.items():
            relations.append(((key, period.code), [(p, period.code) for p in parts]))
    if overall:
        running = dict.fromkeys(keys, 0)
        for i, month in enumerate(months):
            version, span = _version(month), months[: i + 1]
            for key in keys:
                running[key] += counts.get((key, month), 0)
                values[(key, version)] = running[key]
                relations.append(
                    ((key, version), [(key, GridPeriod(m.year, month=m.month).code) for m in span])
                )
            for key, parts in sums.items():
                relations.append(((key, version), [(p, version) for p in parts]))
    return values, relations


def publish_grid(counts_by_month, months, sums=None, overall=False, threshold=None):
    """Figures for every key at every period of the grid over the completed ``months``,
    suppressed jointly, as they are published month after month.

    ``counts_by_month`` maps ``(key, month)`` to a count (months are first days; absent is 0;
    months not in ``months`` are left out); ``sums`` maps a sum's key to the keys it adds up (a
    total over topics), for every period; ``overall`` adds ``(key, "all")``, the sum over the
    whole span. Returns ``Linked`` figures named ``(key, period code)``.

    The figures of a completed month never change, but each month adds figures (the month, a
    quarter or year it completes, a new span total). The publication is replayed month after
    month: what was published stays published, what was hidden stays hidden, and the new
    figures are suppressed given every figure published before, so that the union of every
    publication ever made pins nothing down (ADR 0006). The replay is deterministic: the same
    data gives the same history, whoever asks and whenever."""
    threshold = default_threshold(threshold)
    sums = sums or {}
    digest = _digest(("grid", counts_by_month, sorted(set(months)), sums, overall, threshold))
    known = _MEMO.get(digest)
    if known is not None:  # the same data published before: the same figures, no replay
        linked = Linked(dict(known), threshold)
        _record("linked", linked)
        return linked
    aliases = {key: parts[0] for key, parts in sums.items() if len(parts) == 1}
    sums = {key: parts for key, parts in sums.items() if len(parts) != 1}  # one part: the same
    months = sorted(set(months))
    done = set(months)
    counts = {(k, m): n for (k, m), n in counts_by_month.items() if m in done and n}
    for key, parts in sums.items():
        for month in months:
            total = sum(counts.get((p, month), 0) for p in parts)
            if total:
                counts[(key, month)] = total
    leaves = {k for k, _m in counts_by_month} | {p for parts in sums.values() for p in parts}
    leaves -= set(sums)
    values, hidden, shown = {}, set(), set()
    for i in range(len(months)):  # each step's figures hold every earlier step's
        values, relations = _step(counts, leaves, sums, months[: i + 1], overall)
        hidden = _protect_cached(values, relations, threshold, hidden, shown)
        shown = set(values) - hidden
    figures = {n: (None if n in hidden else v) for n, v in values.items()}
    if overall and months:
        last = _version(months[-1])
        for (key, code), value in list(figures.items()):
            if code == last:
                figures[(key, ALL)] = value
    for alias, key in aliases.items():
        for (name, code), value in list(figures.items()):
            if name == key:
                figures[(alias, code)] = value
    _MEMO.put(digest, dict(figures))
    linked = Linked(figures, threshold)
    _record("linked", linked)
    return linked
