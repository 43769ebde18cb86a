"""Counts of signals: inside a STEK as they are; whatever leaves the STEK (the network view, a
dossier's shared evidence, the note and its exports) with small cells suppressed."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from stek.core.dates import Period, monday_of, month_span
from stek.core.memo import Lru
from stek.core.models import Stek
from stek.core.privacy import boundary
from stek.core.privacy.suppression import default_threshold
from stek.core.vocabulary import Barrier, LifeDomain, Topic
from stek.rights.catalogue import BY_ID
from stek.rights.check import LIKELY, MAYBE
from stek.rights.services import shown_counts
from stek.socialmap.search import version as socialmap_version

from . import detection, publication
from .models import Signal

MAX_QUOTES = 8


def threshold():
    """The suppression threshold the figures that leave a STEK are published with."""
    return default_threshold()


def topic_label(topic_id, domain, topics):
    if topic_id:
        return str(topics[topic_id]) if topic_id in topics else "?"
    return f"{LifeDomain(domain).label} ({_('zonder onderwerp')})" if domain else "?"


# Topics by id, per process, under the social map's version (a topic saved or deleted renews
# it, socialmap.apps): the pages of signals read the same few topics on every request.
_TOPICS = Lru(256)


def _topics(ids):
    wanted = frozenset(i for i in ids if i)
    if not wanted:
        return {}
    found = _TOPICS.get_or_compute(
        (wanted, socialmap_version()),
        lambda: {t.pk: t for t in Topic.objects.filter(pk__in=wanted)},
    )
    return dict(found)


@dataclass
class SignalOverview:
    """One STEK's signals in a period, unsuppressed (they do not leave the STEK)."""

    period: Period
    total: int
    by_kind: dict
    by_domain: list  # (domain label, count, [(topic label, count)])
    by_barrier: list  # (barrier label, count)
    months: list  # (first day of month, count)
    rising: list  # (label, recent, expected, topic code)


def _overview_counts(stek_id, start, end):
    """(counts per kind, domain and topic; per barrier, most first; per week) of a STEK."""
    signals = Signal.objects.filter(stek=stek_id).between(start, end)
    rows = list(
        signals.values("kind", "life_domain", "topic_id").annotate(n=Count("id")).order_by()
    )
    barrier_rows = list(
        signals.filter(barriers__isnull=False)
        .values("barriers__barrier")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    # per month: the month the signal was noted in (issue 16), not its week's Monday
    per_month = dict(signals.values_list("month").annotate(n=Count("id")).order_by())
    return rows, barrier_rows, per_month


def stek_overview(stek, period, today):
    ids = publication.stek_ids([stek])
    rows, barrier_rows, per_month = publication.remembered(
        "overview",
        publication.signals_version(ids),
        (period.start, period.end),
        lambda: _overview_counts(stek.pk, period.start, period.end),
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
    by_barrier = [(Barrier(r["barriers__barrier"]).label, r["n"]) for r in barrier_rows]
    months_list = _every_month(period, per_month)
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
    return SignalOverview(
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
    return [(month, counts.get(month, 0)) for month in period.months()]


@dataclass
class NetworkView:
    period: boundary.GridPeriod
    steks: int
    recurring: list  # (label, steks, signals or None)
    rising: list  # (label, number of STEKs where it rises)
    matrix: list  # (domain label, [count or None per barrier])
    barriers: list
    months: list  # the completed months the period's figures count


def network_periods(today, years=3):
    """The grid periods the network view offers: the completed years, quarters and months of
    the last ``years`` years, newest first within each level (a running month, quarter or
    year is never offered: its figures would still change)."""
    months = boundary.grid_months(today, date(today.year - years + 1, 1, 1))
    order = {"year": 0, "quarter": 1, "month": 2}
    return sorted(
        boundary.grid_periods(months),
        key=lambda p: (order[p.level], -p.year, -(p.quarter or 0), -(p.month or 0)),
    )


def default_period(today):
    """The last completed month (the newest figures there are); None before the first."""
    months = [p for p in network_periods(today) if p.level == "month"]
    return months[0] if months else None


def _topic_leaves(pub, topic_id, domain):
    """The publication's leaves a recurring topic (or a domain without topic) adds up."""
    if topic_id:
        return [k for k in pub.leaves if k[1] == topic_id]
    return [publication.leaf(0, domain)]


def recurring_topics(steks, period, today, min_steks=detection.MIN_STEKS, pub=None):
    """Topics that come back in several STEKs in a grid period: (label, STEKs, signals or None
    when hidden). The signal counts are the network publication's figures of the period."""
    months = publication.year_months(period.year, today)
    in_period = [m for m in months if m in set(period.months())]
    if not in_period:
        return []
    start, end = month_span(in_period)
    found = detection.recurring(steks, start, end, min_steks=min_steks)
    pub = pub or publication.year_publication(steks, period.year, today)
    topics = _topics({r.topic_id for r in found})
    return [
        (
            topic_label(r.topic_id, r.life_domain, topics),
            r.steks,
            pub.over("topics", _topic_leaves(pub, r.topic_id, r.life_domain), period),
        )
        for r in found
    ]


def network_view(network, steks, period, today, min_steks=detection.MIN_STEKS):
    """Aggregates over the network's STEKs in a grid period: the network publication's
    figures (``publication.year_publication``), never counted apart."""
    rising_found = detection.rising(steks, today)
    rising_topics = _topics({r.topic_id for r in rising_found})
    per_topic = {}
    for r in rising_found:
        label = topic_label(r.topic_id, r.life_domain, rising_topics)
        per_topic.setdefault(label, set()).add(r.stek_id)
    rising = sorted(((label, len(ids)) for label, ids in per_topic.items()), key=lambda x: -x[1])
    pub = publication.year_publication(steks, period.year, today)
    wanted = set(period.months()) & set(pub.months)
    in_period = {key for key, month in pub.present("barriers") if month in wanted}
    domains = sorted({key[1] for key in in_period}, key=lambda d: str(LifeDomain(d).label))
    barriers = sorted({key[2] for key in in_period}, key=_barrier_header)
    matrix = [
        (
            str(LifeDomain(d).label),
            [pub.over("barriers", [publication.cell(d, b)], period) for b in barriers],
        )
        for d in domains
    ]
    return NetworkView(
        period=period,
        steks=len(list(steks)),
        recurring=recurring_topics(steks, period, today, min_steks, pub=pub),
        rising=rising,
        matrix=matrix,
        barriers=[_barrier_header(b) for b in barriers],
        months=sorted(wanted),
    )


def _barrier_header(code):
    return str(Barrier(code).label).split(":")[0]  # short header


# Dossier evidence ----------------------------------------------------------------------------


def evidence_signals(dossier, topic_ids=None):
    """The signals of the signing STEKs that match the dossier's criteria."""
    if topic_ids is None:
        topic_ids = list(dossier.topics.values_list("pk", flat=True))
    topic_ids = list(topic_ids)
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


@dataclass
class Evidence:
    """A dossier's evidence, shared with co-signing STEKs and policymakers: figures of the
    network publication for the dossier's topics and domains (``publication``), each a sum of
    published figures shown only when all its parts are."""

    total: int | None
    steks: int  # the network's active STEKs whose signals the figures count
    signing: int  # the STEKs that bring the dossier (the lead and the co-signers)
    by_topic: list  # (label, count or None)
    by_quarter: list  # (GridPeriod of a quarter, count or None); show its ``label``
    by_barrier: list  # (label, count or None)
    quotes: list  # consented quotes of the signing STEKs' matching signals
    threshold: int
    # a hidden sum's shown part ("at least"): the sum of its published parts that are shown
    at_least: dict = field(default_factory=dict)  # "total" or a topic label -> count

    @property
    def topic_rows(self):
        """(label, count or None, the shown part of a hidden count or 0), for the pages."""
        return [(label, n, self.at_least.get(label, 0)) for label, n in self.by_topic]

    def rows(self):
        """The evidence tables as (table, label, count) rows, for CSV and ODS."""
        yield from ((_("Onderwerp"), label, n) for label, n in self.by_topic)
        yield from ((_("Kwartaal"), q.label, n) for q, n in self.by_quarter)
        yield from ((_("Drempel"), label, n) for label, n in self.by_barrier)


def evidence_months(dossier, today=None):
    """The completed grid months a dossier's evidence counts: from the quarter of
    ``evidence_from`` on (a start date never slices a quarter); the running month is left out
    until its figures no longer change (``boundary.published_from``)."""
    today = today or timezone.localdate()
    first = boundary.quarter_of_month(dossier.evidence_from).months()[0]
    return boundary.grid_months(today, first)


def _matches(dossier, key, topic_ids):
    return key[1] in topic_ids or key[2] in (dossier.life_domains or [])


def _cover(pub, dossier, topic_ids):
    """The published figures that add up to the dossier's signals in one year: the leaves of
    its topics and domains."""
    return sorted((k for k in pub.leaves if _matches(dossier, k, topic_ids)), key=str)


def _parts(pubs, months, family, keys_of_year):
    values = []
    for year, code in publication.cover(months):
        pub = pubs[year]
        values.extend(pub.value(family, key, code) for key in keys_of_year(pub))
    return values


def _over(pubs, months, family, keys_of_year):
    """A derived figure over the fewest published periods that cover ``months``."""
    return publication.derived(_parts(pubs, months, family, keys_of_year))


def _over_or_at_least(pubs, months, family, keys_of_year):
    """The derived figure, and when it is hidden the shown part of its sum (else 0)."""
    parts = _parts(pubs, months, family, keys_of_year)
    value = publication.derived(parts)
    return value, publication.shown_part(parts) if value is None else 0


def evidence(dossier, today=None):
    """The dossier's evidence, read from the network publication: per topic over the whole
    span, per quarter and per barrier, each figure a sum of published figures (hidden when one
    of them is). Every STEK of the network counts, co-signer or not: a figure over the signing
    STEKs alone would be a new slice, and two dossiers with other co-signers would differ by
    one STEK's counts (ADR 0006)."""
    today = today or timezone.localdate()
    signing_ids = tuple(sorted(dossier.signing_steks().values_list("pk", flat=True)))
    steks = list(Stek.objects.filter(network=dossier.network_id, is_active=True))
    topic_ids = frozenset(t.pk for t in dossier.topics.all())  # prefetched by the page
    key = (
        (dossier.pk, dossier.network_id, dossier.lead_stek_id, dossier.evidence_from),
        (tuple(dossier.life_domains or ()), tuple(dossier.barriers or ()), topic_ids),
        signing_ids,
        today,
        threshold(),
        get_language(),
        publication.signals_version(publication.stek_ids(steks)),
        socialmap_version(),
    )
    return _EVIDENCE.get_or_compute(
        key, lambda: _evidence(dossier, today, steks, topic_ids, len(signing_ids))
    )


# A dossier's evidence per process, keyed by everything it is read from: the dossier's
# criteria and signing STEKs, the day, the language, the network's active STEKs and the
# versions of the signals and topics (a read, never changed by its pages).
_EVIDENCE = Lru(128)


def _evidence(dossier, today, steks, topic_ids, signing):
    months = evidence_months(dossier, today)
    if not months:
        return Evidence(0, 0, signing, [], [], [], [], threshold())
    pubs = publication.publications(steks, sorted({m.year for m in months}), today)
    topic_ids = set(topic_ids)
    if not topic_ids and not dossier.life_domains:
        return Evidence(0, len(steks), signing, [], [], [], [], threshold())
    in_span = set(months)
    matched = sorted(
        {
            key
            for pub in pubs.values()
            for key in pub.leaves
            if _matches(dossier, key, topic_ids)
            and any((key, m) in pub.present("topics") for m in in_span if m.year == pub.year)
        },
        key=str,
    )
    rows = {}  # a topic (or a domain without topic) may have leaves in several domains
    for key in matched:
        rows.setdefault((key[1], "" if key[1] else key[2]), []).append(key)
    topics = _topics({tid for tid, _d in rows})
    by_topic, at_least = [], {}
    for (tid, domain), keys in rows.items():
        label = topic_label(tid, domain, topics)

        def of_row(pub, keys=keys):
            return [k for k in keys if k in pub.leaves]

        n, at_least[label] = _over_or_at_least(pubs, months, "topics", of_row)
        by_topic.append((label, n))

    def cover(pub):
        return _cover(pub, dossier, topic_ids)

    total, at_least["total"] = (
        _over_or_at_least(pubs, months, "topics", cover) if matched else (0, 0)
    )
    quarters = [p for p in boundary.grid_periods(months) if p.level == "quarter"]
    by_quarter = [(q, _over(pubs, q.months(), "topics", cover)) for q in quarters if matched]
    by_quarter = [(q, n) for q, n in by_quarter if n != 0]  # quarters without signals
    domains = set(dossier.life_domains or []) | {key[2] for key in matched}
    wanted = set(dossier.barriers or [])
    barriers = {
        key[2]
        for pub in pubs.values()
        for key, m in pub.present("barriers")
        if key[1] in domains and m in in_span and (not wanted or key[2] in wanted)
    }
    by_barrier = [
        (
            str(Barrier(barrier).label),
            _over(
                pubs,
                months,
                "barriers",
                lambda pub, b=barrier: [publication.cell(d, b) for d in sorted(domains)],
            ),
        )
        for barrier in sorted(barriers)
    ]
    quotes = list(
        dict.fromkeys(  # each quote once, newest first
            evidence_signals(dossier, topic_ids)
            .exclude(quote="")
            .filter(quote_consent=True)
            .order_by("-week")
            .values_list("quote", flat=True)[:200]
        )
    )[:MAX_QUOTES]
    return Evidence(
        total=total,
        steks=len(steks),
        signing=signing,
        by_topic=sorted(by_topic, key=lambda i: (-(i[1] or 0), str(i[0]))),
        by_quarter=by_quarter,
        by_barrier=sorted(by_barrier, key=lambda i: (-(i[1] or 0), str(i[0]))),
        quotes=quotes,
        threshold=threshold(),
        at_least={k: n for k, n in at_least.items() if n},
    )
