"""The network's one publication of signal counts (ADR 0006, "One publication per network").

Every count of signals that leaves a STEK is a figure of this publication, or the sum of
figures of it that are all shown. It has two families per year of the network's active STEKs,
each on the fixed grid of that year's completed months, quarters and the year, suppressed
jointly and replayed month after month (``boundary.publish_grid``):

- **topics**: one leaf per topic and life domain, ``("leaf", topic id or 0, domain)``;
- **barriers**: one cell per life domain and barrier, ``("cell", domain, barrier)``: signals
  that name the barrier (a signal with two barriers counts in both cells).

Neither family has sums across its series (over a domain's topics, over barriers) or running
totals (the year so far): each series is then its own small joint problem. With them, a year
with many small counts took minutes to suppress (``tests/bench/bench_privacy.py``); a
dossier's figure over several series is a derived sum instead.

The network page, the STEK overview's network figures and every dossier's evidence read these
figures. A dossier chooses its topics, domains, barriers and start: whatever it shows is a
*derived* figure, the sum of published figures over the fewest periods that cover its span,
shown only when every part is shown. A derived figure tells nothing the parts did not, so no
dossier, and no difference of two dossiers (other topics, other co-signers, another start),
pins down a figure the network publication hid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from stek.core.dates import month_of, month_span
from stek.core.privacy import boundary

from .models import Signal

HIDDEN = None


def leaf(topic_id, domain):
    return ("leaf", topic_id or 0, domain)


def cell(domain, barrier):
    return ("cell", domain, barrier)


def year_months(year, today):
    """The completed months of ``year`` (first days): those whose figures no longer change."""
    return [m for m in boundary.grid_months(today, date(year, 1, 1)) if m.year == year]


@dataclass
class YearPublication:
    """One year's published figures of one network: the two families, and their leaves."""

    year: int
    months: list
    topics: boundary.Linked | None
    barriers: boundary.Linked | None
    leaves: frozenset  # the topic leaves with signals in the year
    present: frozenset  # (key, month) with signals: which rows a page lists

    def value(self, family, key, code):
        """A published figure: its count, 0 when the key has no signals, None when hidden."""
        linked = self.topics if family == "topics" else self.barriers
        if linked is not None and (key, code) in linked.figures:
            return linked.figures[(key, code)]
        if any(k == key for k, _m in self.present):
            raise KeyError(f"{key} has signals but no published figure for {code}")
        return 0

    def over(self, family, keys, period):
        """The sum of ``keys``' figures in a grid ``period`` of this year: the period's own
        figures when it is complete, else those of its completed quarters and months so far;
        None when one of them is hidden."""
        codes = {p.code for p in boundary.grid_periods(self.months)}
        if period.code in codes:
            found = [period.code]
        else:
            found = [c for _y, c in cover([m for m in period.months() if m in self.months])]
        return derived(self.value(family, key, code) for key in keys for code in found)


def _signals(steks, months):
    first, last = month_span(months)  # a signal counts in the month of its Monday
    return Signal.objects.filter(stek__in=steks).between(first, last)


def year_publication(steks, year, today):
    """The network's figures for ``year`` (only its completed months count)."""
    months = year_months(year, today)
    if not months:
        return YearPublication(year, [], None, None, frozenset(), frozenset())
    signals = _signals(steks, months)
    counts, leaves = {}, set()
    for row in signals.values("topic_id", "life_domain", "week").annotate(n=Count("id")).order_by():
        key = leaf(row["topic_id"], row["life_domain"])
        leaves.add(key)
        month = month_of(row["week"])
        counts[(key, month)] = counts.get((key, month), 0) + row["n"]
    topics = boundary.publish_grid(counts, months)
    cells = {}
    for row in (
        signals.filter(barriers__isnull=False)
        .values("life_domain", "barriers__barrier", "week")
        .annotate(n=Count("id"))
        .order_by()
    ):
        key = (cell(row["life_domain"], row["barriers__barrier"]), month_of(row["week"]))
        cells[key] = cells.get(key, 0) + row["n"]
    # no totals over barriers: a sum over barriers counts a signal once per barrier (no figure
    # of people), and each (domain, barrier) series alone keeps the joint problem small
    barriers = boundary.publish_grid(cells, months)
    present = frozenset(counts) | frozenset(cells)
    return YearPublication(year, months, topics, barriers, frozenset(leaves), present)


def cover(months):
    """The fewest published periods that add up to ``months`` (completed first days,
    contiguous), as (year, period code): whole years, else whole quarters, then months."""
    done = set(months)
    codes = []
    for year in sorted({m.year for m in months}):
        in_year = sorted(m for m in months if m.year == year)
        if len(in_year) == 12:
            codes.append((year, str(year)))
            continue
        covered = set()
        for quarter in range(1, 5):
            period = boundary.GridPeriod(year, quarter)
            if all(m in done for m in period.months()):
                codes.append((year, period.code))
                covered.update(period.months())
        codes.extend(
            (year, boundary.GridPeriod(year, month=m.month).code)
            for m in in_year
            if m not in covered
        )
    return codes


def derived(parts):
    """The sum of published figures, or None (hidden) when any of them is hidden."""
    total = 0
    for value in parts:
        if value is HIDDEN:
            return HIDDEN
        total += value
    return total
