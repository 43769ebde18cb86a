"""Which problems are rising in a STEK, and which recur in several STEKs of a network.

The rules (also in docs/adr/0005-signals-and-dossiers.md):

**Rising.** For each STEK and topic (or life domain, for signals without a topic) compare the
last ``RECENT_WEEKS`` weeks (8) with the STEK's own baseline: the ``BASELINE_WEEKS`` weeks (52)
before them. The expected count for the recent window is the baseline's weekly rate times 8,
but at least ``FLOOR`` (0.5), so that a topic that is new to the STEK needs a few signals before
it counts as rising. A topic is rising when it has at least ``MIN_RECENT`` signals (4) in the
recent window, at least twice the expected count, and a Poisson tail probability
P(X >= recent | expected) below ``ALPHA`` (0.01): unlikely to be chance at the STEK's usual rate.

**Recurring.** A topic recurs in the network when, in the period looked at, signals about it
were registered in at least ``MIN_STEKS`` (3) of the network's STEKs. Counts shown outside the
STEK are suppressed with the privacy core.

Everything is computed from grouped counts (a few queries), not from rows, so a network of 50
STEKs with five years of signals answers within a second (``make bench``).
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count

from stek.core.dates import monday_of

from . import publication
from .models import Signal

RECENT_WEEKS = 8
BASELINE_WEEKS = 52
FLOOR = 0.5
MIN_RECENT = 4
RATIO = 2.0
ALPHA = 0.01
MIN_STEKS = 3


def poisson_tail(k, mean):
    """P(X >= k) for X ~ Poisson(mean)."""
    if k <= 0:
        return 1.0
    # 1 - P(X <= k-1), summed in log space for stability
    log_terms = [i * math.log(mean) - mean - math.lgamma(i + 1) for i in range(k)]
    top = max(log_terms)
    below = math.exp(top) * sum(math.exp(t - top) for t in log_terms)
    return max(0.0, 1.0 - below)


@dataclass
class Rising:
    stek_id: int
    topic_id: int | None
    life_domain: str
    recent: int
    baseline: int
    expected: float
    p_value: float

    @property
    def ratio(self):
        return self.recent / self.expected if self.expected else math.inf


def windows(today):
    """(recent start, recent end, baseline start) as Mondays; the current week is included."""
    end = monday_of(today)
    recent_start = end - timedelta(weeks=RECENT_WEEKS - 1)
    baseline_start = recent_start - timedelta(weeks=BASELINE_WEEKS)
    return recent_start, end, baseline_start


def _grouped(signals, start=None, end=None):
    """{(STEK, topic, domain without topic): count} of ``signals`` (of the weeks from ``start``
    to ``end``, Mondays, when given)."""
    if start is not None:
        signals = signals.between(start, end)
    rows = signals.values("stek_id", "topic_id", "life_domain").annotate(n=Count("id")).order_by()
    counts = {}
    for row in rows:
        key = (row["stek_id"], row["topic_id"], "" if row["topic_id"] else row["life_domain"])
        counts[key] = counts.get(key, 0) + row["n"]
    return counts


def rising(steks, today):
    """What is rising in each of ``steks`` (ids or a queryset), most surprising first; kept
    per process while the signals do not change (``publication.remembered``)."""
    ids = publication.stek_ids(steks)
    version = publication.signals_version(ids)
    return list(publication.remembered("rising", version, today, lambda: _rising(ids, today)))


def _rising(steks, today):
    recent_start, end, baseline_start = windows(today)
    signals = Signal.objects.filter(stek__in=steks)
    recent = _grouped(signals, recent_start, end)
    baseline = _grouped(signals, baseline_start, recent_start - timedelta(weeks=1))
    found = []
    for key, count in recent.items():
        if count < MIN_RECENT:
            continue
        before = baseline.get(key, 0)
        expected = max(FLOOR, before * RECENT_WEEKS / BASELINE_WEEKS)
        if count < RATIO * expected:
            continue
        p_value = poisson_tail(count, expected)
        if p_value < ALPHA:
            stek_id, topic_id, domain = key
            found.append(Rising(stek_id, topic_id, domain, count, before, expected, p_value))
    found.sort(key=lambda r: (r.p_value, -r.recent))
    return found


@dataclass
class Recurring:
    topic_id: int | None
    life_domain: str
    steks: int
    signals: int


def recurring(steks, start, end, min_steks=MIN_STEKS):
    """Topics (or domains without a topic) with signals in at least ``min_steks`` STEKs; kept
    per process while the signals do not change (``publication.remembered``)."""
    ids = publication.stek_ids(steks)
    version = publication.signals_version(ids)
    found = publication.remembered(
        "recurring",
        version,
        (start, end, min_steks),
        lambda: _recurring(ids, start, end, min_steks),
    )
    return list(found)


def _recurring(steks, start, end, min_steks):
    # the months from ``start`` to ``end`` (first and last day), as the network publication
    # counts them: by the month a signal was noted in (issue 16), not by its week
    per_stek = _grouped(Signal.objects.filter(stek__in=steks, month__gte=start, month__lte=end))
    found = {}
    for (stek_id, topic_id, domain), count in per_stek.items():
        entry = found.setdefault((topic_id, domain), [set(), 0])
        entry[0].add(stek_id)
        entry[1] += count
    result = [
        Recurring(topic_id, domain, len(ids), total)
        for (topic_id, domain), (ids, total) in found.items()
        if len(ids) >= min_steks
    ]
    result.sort(key=lambda r: (-r.steks, -r.signals))
    return result
