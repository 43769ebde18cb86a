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

A completed month's counts are frozen by the daily job (``services.freeze_network_months``,
run by ``manage.py run_periodic``): from then on the publication reads that month from its
``FrozenMonth``, so a STEK that joins or leaves the network, or is switched off, changes no
figure that was published before. A month not frozen yet (before the job's first run, or in
tests) is read from the signals.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from django.db.models import Count, QuerySet

from stek.core import versions
from stek.core.memo import Lru
from stek.core.privacy import boundary

from .models import FrozenMonth, Signal

HIDDEN = None

# Counts of signals per process, keyed by the STEKs and their signals' version
# (``signals_version``): a page read again with the same signals skips the counting queries.
_MEMO = Lru(512)


def stek_ids(steks):
    """The ids of ``steks`` (STEKs, ids or a queryset), sorted: a key of the memo."""
    if isinstance(steks, QuerySet):
        return tuple(sorted(steks.values_list("pk", flat=True)))
    return tuple(sorted({getattr(s, "pk", s) for s in steks}))


VERSION_KEY = "advocacy:signals:version"


def signals_version(ids):
    """The key of what the signals of the STEKs ``ids`` look like: their ids and the signals'
    version (``core.versions``), a value in the shared cache that changes with every signal
    (or barrier) saved or deleted (``signals_changed``), so that every process sees a change
    at once. Read once per request."""
    return (ids, versions.current(VERSION_KEY))


def signals_changed():
    """A new signals version: what was counted before is not read any more. Called when a
    signal or barrier is saved or deleted (``apps.py``), at once and again after the commit
    (a process that counted in between keeps nothing under the new version)."""
    versions.bump(VERSION_KEY)


DOSSIERS_VERSION = "advocacy:dossiers:version"


def dossiers_version():
    """The version of everything a dossier page shows of the dossiers (a dossier, its steps,
    signings, testimonies, addressees, actions and topics, and the names of the STEKs and
    users on it): renewed by ``dossiers_changed``. Read once per request."""
    return versions.current(DOSSIERS_VERSION)


def dossiers_changed():
    """A new dossiers version, at once and again after the commit (``apps.py``)."""
    versions.bump(DOSSIERS_VERSION)


def remembered(name, version, args, compute):
    """``compute()``, kept per process under (``name``, the signals' ``version``, ``args``)."""
    return _MEMO.get_or_compute((name, version, args), compute)


def forget():
    """Empty the memo (tests: a rolled-back test leaves the version as it was)."""
    _MEMO.clear()


def leaf(topic_id, domain):
    return ("leaf", topic_id or 0, domain)


def cell(domain, barrier):
    return ("cell", domain, barrier)


def year_months(year, today):
    """The completed months of ``year`` (first days): those whose figures no longer change."""
    return [m for m in boundary.grid_months(today, date(year, 1, 1)) if m.year == year]


class YearPublication:
    """One year's published figures of one network. Each family is counted and suppressed on
    first use, in one query over the years asked together (``publications``)."""

    def __init__(self, year, months, network):
        self.year, self.months, self._network = year, months, network

    def _family(self, family):
        """(published figures or None, (key, month) with signals, keys with signals)."""
        return self._network.family(family).get(self.year, (None, frozenset(), frozenset()))

    @cached_property
    def _codes(self):
        return {p.code for p in boundary.grid_periods(self.months)}

    @property
    def leaves(self):
        """The topic leaves with signals in the year."""
        return self._family("topics")[2]

    def present(self, family):
        """(key, month) with signals: which rows a page lists."""
        return self._family(family)[1]

    def value(self, family, key, code):
        """A published figure: its count, 0 when the key has no signals, None when hidden."""
        linked, _present, keys = self._family(family)
        if linked is not None and (key, code) in linked.figures:
            return linked.figures[(key, code)]
        if key in keys:
            raise KeyError(f"{key} has signals but no published figure for {code}")
        return 0

    def over(self, family, keys, period):
        """The sum of ``keys``' figures in a grid ``period`` of this year: the period's own
        figures when it is complete, else those of its completed quarters and months so far;
        None when one of them is hidden."""
        if period.code in self._codes:
            found = [period.code]
        else:
            found = [c for _y, c in cover([m for m in period.months() if m in self.months])]
        return derived(self.value(family, key, code) for key in keys for code in found)


FAMILIES = {
    "topics": (("topic_id", "life_domain", "month"), False),
    "barriers": (("life_domain", "barriers__barrier", "month"), True),
}


def _key(family, row):
    if family == "topics":
        return leaf(row["topic_id"], row["life_domain"])
    return cell(row["life_domain"], row["barriers__barrier"])


def live_counts(steks, family, months):
    """{(key, month): count} of the signals of ``steks`` in ``months`` (first days), read from
    the signals as they are now."""
    if not months:
        return {}
    wanted = set(months)
    fields, with_barriers = FAMILIES[family]
    # a signal counts in the month it was noted in (its ``month``, issue 16)
    signals = Signal.objects.filter(stek__in=steks, month__in=sorted(wanted))
    if with_barriers:
        signals = signals.filter(barriers__isnull=False)
    counts = {}
    for row in signals.values(*fields).annotate(n=Count("id")).order_by():
        month = row["month"]
        if month in wanted:
            key = (_key(family, row), month)
            counts[key] = counts.get(key, 0) + row["n"]
    return counts


def freeze(counts_of_family):
    """A frozen month's ``counts`` field: {family: [[key..., count], ...]} (JSON)."""
    return {
        family: sorted([*key, n] for key, n in counts.items())
        for family, counts in counts_of_family.items()
    }


def thaw(frozen, family):
    """{key: count} of one family of a frozen month's ``counts``."""
    return {tuple(row[:-1]): row[-1] for row in frozen.get(family, [])}


class _Network:
    """The counts of a network's STEKs over some years, one query per family: a month the
    daily job froze is read from its ``FrozenMonth``, the others from the signals."""

    def __init__(self, steks, months_by_year):
        self.steks, self.months_by_year, self._families = steks, months_by_year, {}

    def family(self, family):
        if family not in self._families:
            ids = stek_ids(self.steks)
            months = tuple((y, tuple(m)) for y, m in sorted(self.months_by_year.items()))
            fresh = []

            def count():
                fresh.append(True)
                return self._count(family)

            found = remembered("family", signals_version(ids), (family, months), count)
            if not fresh:  # read from the memo: published all the same
                for linked, _present, _keys in found.values():
                    boundary.published_again(linked)
            self._families[family] = found
        return self._families[family]

    @cached_property
    def _every(self):
        return sorted(m for months in self.months_by_year.values() for m in months)

    @cached_property
    def _frozen(self):
        networks = {stek.network_id for stek in self.steks}
        if len(networks) != 1 or not self._every:
            return {}
        rows = FrozenMonth.objects.filter(network_id=networks.pop(), month__in=self._every)
        return {row.month: row.counts for row in rows}

    def _count(self, family):
        every = self._every
        if not every:
            return {}
        frozen = self._frozen
        counts = live_counts(self.steks, family, [m for m in every if m not in frozen])
        for month, stored in frozen.items():
            counts.update(((key, month), n) for key, n in thaw(stored, family).items())
        result = {}
        for year, months in self.months_by_year.items():
            if not months:
                continue
            in_year = {k: n for k, n in counts.items() if k[1].year == year and n}
            keys = frozenset(key for key, _m in in_year)
            result[year] = (boundary.publish_grid(in_year, months), frozenset(in_year), keys)
        return result


def publications(steks, years, today):
    """{year: YearPublication} of the network's active STEKs ``steks``."""
    months = {year: year_months(year, today) for year in years}
    network = _Network(steks, months)
    return {year: YearPublication(year, months[year], network) for year in years}


def year_publication(steks, year, today):
    """The network's figures for ``year`` (only its completed months count)."""
    return publications(steks, [year], today)[year]


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


def shown_part(parts):
    """The sum of the shown figures among ``parts``: what anyone can add up from published
    figures, so a true lower bound of a hidden sum that tells nothing new."""
    return sum(value for value in parts if value is not HIDDEN)


def derived(parts):
    """The sum of published figures, or None (hidden) when any of them is hidden."""
    total = 0
    for value in parts:
        if value is HIDDEN:
            return HIDDEN
        total += value
    return total
