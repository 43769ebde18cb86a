"""Counts of signals: inside a STEK as they are; whatever leaves the STEK (the network view, a
dossier's shared evidence, the note and its exports) with small cells suppressed."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from stek.core.dates import monday_of
from stek.core.enums import Barrier, LifeDomain
from stek.core.privacy import suppress
from stek.rights.catalogue import BY_ID
from stek.rights.check import LIKELY, MAYBE
from stek.rights.services import shown_counts
from stek.socialmap.models import Topic

from . import detection
from .models import Signal

MAX_QUOTES = 8


def threshold():
    return settings.STEK_SUPPRESSION_THRESHOLD


@dataclass
class Period:
    start: date  # a Monday
    end: date  # a Monday, included

    @classmethod
    def last_weeks(cls, today, weeks=52):
        end = monday_of(today)
        return cls(end - timedelta(weeks=weeks - 1), end)

    @classmethod
    def parse(cls, start, end, today):
        """From two ISO dates (any day of the week); falls back to the last 52 weeks."""
        try:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
        except (TypeError, ValueError):
            return cls.last_weeks(today)
        if last < first or (last - first).days > 366 * 10:
            return cls.last_weeks(today)
        return cls(monday_of(first), monday_of(last))

    @property
    def last_day(self):
        return self.end + timedelta(days=6)


def month_of(week):
    return week.replace(day=1)


def topic_label(topic_id, domain, topics):
    if topic_id:
        return str(topics[topic_id]) if topic_id in topics else "?"
    return f"{LifeDomain(domain).label} ({_('zonder onderwerp')})" if domain else "?"


def _topics(ids):
    return {t.pk: t for t in Topic.objects.filter(pk__in=[i for i in ids if i])}


@dataclass
class Overview:
    """One STEK's signals in a period, unsuppressed (they do not leave the STEK)."""

    period: Period
    total: int
    by_kind: dict
    by_domain: list  # (domain label, count, [(topic label, count)])
    by_barrier: list  # (barrier label, count)
    months: list  # (first day of month, count)
    rising: list  # (label, recent, expected, topic code)


def stek_overview(stek, period, today):
    signals = Signal.objects.filter(stek=stek).between(period.start, period.end)
    rows = list(
        signals.values("kind", "life_domain", "topic_id").annotate(n=Count("id")).order_by()
    )
    topics = _topics({r["topic_id"] for r in rows})
    by_kind = dict.fromkeys(("need", "question", "problem"), 0)
    domains = {}
    for row in rows:
        by_kind[row["kind"]] += row["n"]
        domain = domains.setdefault(row["life_domain"], {})
        key = (
            topic_label(row["topic_id"], row["life_domain"], topics)
            if row["topic_id"]
            else _("zonder onderwerp")
        )
        domain[key] = domain.get(key, 0) + row["n"]
    by_domain = sorted(
        (
            (
                LifeDomain(code).label,
                sum(items.values()),
                sorted(items.items(), key=lambda i: -i[1]),
            )
            for code, items in domains.items()
        ),
        key=lambda d: -d[1],
    )
    barrier_rows = (
        signals.filter(barriers__isnull=False)
        .values("barriers__barrier")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    by_barrier = [(Barrier(r["barriers__barrier"]).label, r["n"]) for r in barrier_rows]
    per_week = dict(signals.values_list("week").annotate(n=Count("id")).order_by())
    months = {}
    for week, count in per_week.items():
        months[month_of(week)] = months.get(month_of(week), 0) + count
    months_list = _every_month(period, months)
    found = detection.rising([stek.pk], today)
    rising_topics = _topics({r.topic_id for r in found})
    rising = [
        (
            topic_label(r.topic_id, r.life_domain, rising_topics),
            r.recent,
            r.expected,
            rising_topics[r.topic_id].code if r.topic_id in rising_topics else "",
        )
        for r in found
    ]
    return Overview(
        period=period,
        total=sum(by_kind.values()),
        by_kind=by_kind,
        by_domain=by_domain,
        by_barrier=by_barrier,
        months=months_list,
        rising=rising,
    )


@dataclass
class RightsFound:
    """What the STEK's rights check showed in a period (only when the STEK counts it)."""

    checks: int
    rows: list  # (title, likely, maybe), most often likely first


def rights_found(stek, period):
    checks, per_right = shown_counts(stek, period.start, period.end)
    rows = [
        (BY_ID[right].title if right in BY_ID else right, n[LIKELY], n[MAYBE])
        for right, n in per_right.items()
    ]
    rows.sort(key=lambda row: (-row[1], -row[2], str(row[0])))
    return RightsFound(checks=checks, rows=rows)


def _every_month(period, counts):
    """(month, count) for every month of the period, zeros included."""
    result, month = [], month_of(period.start)
    while month <= period.last_day:
        result.append((month, counts.get(month, 0)))
        month = (month + timedelta(days=32)).replace(day=1)
    return result


@dataclass
class NetworkView:
    period: Period
    steks: int
    recurring: list  # (label, steks, signals or None)
    rising: list  # (label, number of STEKs where it rises)
    matrix: list  # (domain label, [count or None per barrier], row total or None)
    barriers: list


def recurring_topics(steks, period, min_steks=detection.MIN_STEKS):
    """Topics that come back in several STEKs: (label, STEKs, signals or None when
    suppressed). The signal counts leave the STEKs, so they pass small-cell suppression."""
    found = detection.recurring(steks, period.start, period.end, min_steks=min_steks)
    topics = _topics({r.topic_id for r in found})
    labelled = [(topic_label(r.topic_id, r.life_domain, topics), r) for r in found]
    counts = {label: r.signals for label, r in labelled}
    shown = suppress(counts, threshold()).cells if counts else {}
    return [(label, r.steks, shown[label]) for label, r in labelled]


def network_view(network, steks, period, today, min_steks=detection.MIN_STEKS):
    """Aggregates over the network's STEKs; every count passes small-cell suppression."""
    rising_found = detection.rising(steks, today)
    rising_topics = _topics({r.topic_id for r in rising_found})
    per_topic = {}
    for r in rising_found:
        label = topic_label(r.topic_id, r.life_domain, rising_topics)
        per_topic.setdefault(label, set()).add(r.stek_id)
    rising = sorted(((label, len(ids)) for label, ids in per_topic.items()), key=lambda x: -x[1])
    table_counts = {}
    rows = (
        Signal.objects.filter(stek__in=steks)
        .between(period.start, period.end)
        .filter(barriers__isnull=False)
        .values("life_domain", "barriers__barrier")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        barrier = str(Barrier(row["barriers__barrier"]).label).split(":")[0]  # short header
        key = (str(LifeDomain(row["life_domain"]).label), barrier)
        table_counts[key] = row["n"]
    table = suppress(table_counts, threshold()) if table_counts else None
    domains = sorted({k[0] for k in table_counts})
    barriers = sorted({k[1] for k in table_counts})
    matrix = [(d, [table.cells[(d, b)] for b in barriers], table.row_totals[d]) for d in domains]
    return NetworkView(
        period=period,
        steks=len(list(steks)),
        recurring=recurring_topics(steks, period, min_steks),
        rising=rising,
        matrix=matrix,
        barriers=barriers,
    )


# Dossier evidence ----------------------------------------------------------------------------


def evidence_signals(dossier):
    """The signals of the signing STEKs that match the dossier's criteria."""
    topic_ids = list(dossier.topics.values_list("pk", flat=True))
    match = Q()
    if topic_ids:
        match |= Q(topic__in=topic_ids)
    if dossier.life_domains:
        match |= Q(life_domain__in=dossier.life_domains)
    if not match:
        return Signal.objects.none()
    signals = Signal.objects.filter(
        stek__in=dossier.signing_steks(), week__gte=monday_of(dossier.evidence_from)
    ).filter(match)
    if dossier.barriers:
        signals = signals.filter(
            pk__in=Signal.objects.filter(barriers__barrier__in=dossier.barriers).values("pk")
        )
    return signals


def quarter_of(week):
    return f"{week.year}-K{(week.month - 1) // 3 + 1}"


@dataclass
class Evidence:
    """A dossier's evidence, suppressed: it is shared with co-signing STEKs and policymakers."""

    total: int | None
    steks: int
    by_topic: list  # (label, count or None)
    by_quarter: list  # (quarter, count or None)
    by_barrier: list  # (label, count or None)
    quotes: list  # consented quotes of the matching signals
    threshold: int

    def rows(self):
        """The evidence tables as (table, label, count) rows, for CSV and ODS."""
        yield from ((_("Onderwerp"), label, n) for label, n in self.by_topic)
        yield from ((_("Kwartaal"), label, n) for label, n in self.by_quarter)
        yield from ((_("Drempel"), label, n) for label, n in self.by_barrier)


def evidence(dossier):
    signals = evidence_signals(dossier)
    rows = list(
        signals.values("topic_id", "life_domain", "week", "stek_id").annotate(n=Count("id"))
    )
    topics = _topics({r["topic_id"] for r in rows})
    by_topic, by_quarter = {}, {}
    for row in rows:
        label = topic_label(row["topic_id"], row["life_domain"], topics)
        by_topic[label] = by_topic.get(label, 0) + row["n"]
        quarter = quarter_of(row["week"])
        by_quarter[quarter] = by_quarter.get(quarter, 0) + row["n"]
    barrier_counts = {
        Barrier(r["barriers__barrier"]).label: r["n"]
        for r in Signal.objects.filter(pk__in=signals.values("pk"))
        .filter(barriers__isnull=False)
        .values("barriers__barrier")
        .annotate(n=Count("id"))
        .order_by()
    }
    limit = threshold()
    topic_table = suppress(by_topic, limit) if by_topic else None
    quarter_table = suppress(by_quarter, limit) if by_quarter else None
    barrier_table = suppress(barrier_counts, limit) if barrier_counts else None
    quotes = list(
        dict.fromkeys(  # each quote once, newest first
            signals.exclude(quote="")
            .filter(quote_consent=True)
            .order_by("-week")
            .values_list("quote", flat=True)[:200]
        )
    )[:MAX_QUOTES]
    return Evidence(
        total=topic_table.total if topic_table else 0,
        steks=len({r["stek_id"] for r in rows}),
        by_topic=sorted(
            topic_table.cells.items() if topic_table else [], key=lambda i: -(i[1] or 0)
        ),
        by_quarter=sorted(quarter_table.cells.items()) if quarter_table else [],
        by_barrier=sorted(
            barrier_table.cells.items() if barrier_table else [], key=lambda i: -(i[1] or 0)
        ),
        quotes=quotes,
        threshold=limit,
    )
