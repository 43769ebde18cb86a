"""The network dashboard for analysts (issue 18, ADR 0018): aggregates only, computed from the
apps' records and published through the one export boundary (ADR 0006).

One publication per network and year, on the fixed grid of the year's completed months,
quarters and the year, suppressed jointly and replayed month after month
(``boundary.publish_grid``):

- **STEKs side by side**: per STEK and month, one figure per measure (sessions with a count,
  taps, referrals, signals, rights checks), and the network's total of each measure. Taps are
  one figure per STEK per period, never crossed with anything else (a tap is a visit, not a
  person);
- **recurring problems**: per life domain, barrier and topic one cell per STEK (in the problem,
  never shown) and their sum over the STEKs (shown). How many STEKs reported a problem is
  counted from the published cells only (a shown non-zero cell or a hidden one), so it tells
  nothing the publication did not;
- **reciprocity**: referrals per pair of organisations (each direction), and their sum, which
  is the same count as the referrals of all STEKs (``equal``: the attacker knows it).

Signals per STEK and signals per life domain count the same signals: their network totals are
equal in every period (``equal``). Dossiers are not counted per month: the table is the
network's dossiers today per step and outcome (``boundary.publish``, a two-way table).

A page shows one period's figures, but every figure of the year is in one problem, so no
published figure minus another (another period, another table) gives a hidden one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stek.advocacy import publication
from stek.advocacy.enums import DossierOutcome, DossierStep
from stek.advocacy.models import Dossier, Signal, SignalBarrier
from stek.advocacy.stats import network_periods, topic_label
from stek.agenda.models import TallyCount
from stek.core.models import Organisation
from stek.core.privacy import boundary
from stek.core.privacy.suppression import default_threshold
from stek.core.vocabulary import Barrier, LifeDomain
from stek.referrals.models import Referral, ReferralTally
from stek.rights.models import RightShown, ShownStatus
from stek.socialmap.models import Topic

MEASURES = [
    ("sessions", gettext_lazy("Sessies met een telling")),
    ("taps", gettext_lazy("Tikken/bezoeken")),
    ("referrals", gettext_lazy("Doorverwijzingen")),
    ("signals", gettext_lazy("Signalen")),
    ("checks", gettext_lazy("Rechtenchecks")),
]
PROBLEMS = [
    ("domain", gettext_lazy("Per levensdomein")),
    ("barrier", gettext_lazy("Per drempel")),
    ("topic", gettext_lazy("Per onderwerp")),
]


def _first(day):
    return date(day.year, day.month, 1)


def _add(counts, key, day, n):
    if n:
        month = _first(day)
        counts[(key, month)] = counts.get((key, month), 0) + n


# --- the raw counts (never shown as they are) --------------------------------------------------


def raw_counts(steks, year, months):
    """``{(key, month): n}`` of the network's STEKs ``steks`` in the completed ``months`` of
    ``year``, and the labels the keys need (organisations, topics)."""
    counts = {}
    if not months:
        return counts, {}, {}
    ids = [s.pk for s in steks]
    start, end = months[0], months[-1]
    last = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    in_year = {"gte": start, "lt": last}

    def span(field_name):
        return {f"{field_name}__gte": in_year["gte"], f"{field_name}__lt": in_year["lt"]}

    sessions = (
        TallyCount.objects.filter(session__stek_id__in=ids, count__gt=0, **span("session__date"))
        .filter(session__activity__isnull=False)
        .annotate(m=TruncMonth("session__date"))
        .values_list("session__stek_id", "m")
        .annotate(n=Count("session_id", distinct=True), taps=Sum("count"))
        .order_by()
    )
    for stek_id, month, n, taps in sessions:
        _add(counts, ("stek", "sessions", stek_id), month, n)
        _add(counts, ("stek", "taps", stek_id), month, taps)
    pairs = Counter()
    live = (
        Referral.objects.filter(stek_id__in=ids, **span("created_on"))
        .annotate(m=TruncMonth("created_on"))
        .values_list("stek_id", "m", "from_organisation_id", "to_organisation_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    kept = (
        ReferralTally.objects.filter(stek_id__in=ids, **span("month"))
        .values_list("stek_id", "month", "from_organisation_id", "to_organisation_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for rows in (live, kept):
        for stek_id, month, from_id, to_id, n in rows:
            _add(counts, ("stek", "referrals", stek_id), month, n)
            _add(counts, ("pair", from_id or 0, to_id or 0), month, n)
            pairs[(from_id or 0, to_id or 0)] += n
    signals = (
        Signal.objects.filter(stek_id__in=ids, **span("month"))
        .values_list("stek_id", "month", "life_domain", "topic_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    topics = set()
    for stek_id, month, domain, topic_id, n in signals:
        _add(counts, ("stek", "signals", stek_id), month, n)
        _add(counts, ("cell", "domain", domain, stek_id), month, n)
        if topic_id:
            topics.add(topic_id)
            _add(counts, ("cell", "topic", topic_id, stek_id), month, n)
    barriers = (
        SignalBarrier.objects.filter(signal__stek_id__in=ids, **span("signal__month"))
        .values_list("signal__stek_id", "signal__month", "barrier")
        .annotate(n=Count("id"))
        .order_by()
    )
    for stek_id, month, barrier, n in barriers:
        _add(counts, ("cell", "barrier", barrier, stek_id), month, n)
    checks = (
        RightShown.objects.filter(stek_id__in=ids, status=ShownStatus.CHECK, **span("week"))
        .values_list("stek_id", "week")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for stek_id, week, n in checks:
        _add(counts, ("stek", "checks", stek_id), week, n)
    org_ids = {i for pair in pairs for i in pair if i}
    names = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "name"))
    topic_rows = {t.pk: t for t in Topic.objects.filter(pk__in=topics)}
    return counts, names, topic_rows


def relations(counts, stek_ids):
    """The sums the dashboard publishes and the pairs of sums that are equal."""
    leaves = {key for key, _month in counts}
    sums = {("net", m): [("stek", m, i) for i in stek_ids] for m, _label in MEASURES}
    problems = {}
    for key in leaves:
        if key[0] == "cell":
            problems.setdefault(("problem", key[1], key[2]), []).append(key)
    for key, parts in problems.items():
        sums[key] = sorted(parts, key=repr)
    domain_cells = sorted((k for k in leaves if k[:2] == ("cell", "domain")), key=repr)
    pair_keys = sorted((k for k in leaves if k[0] == "pair"), key=repr)
    sums[("all", "domains")] = domain_cells
    sums[("all", "pairs")] = pair_keys
    equal = [(("net", "signals"), ("all", "domains")), (("net", "referrals"), ("all", "pairs"))]
    return sums, equal


def publish(counts, months, stek_ids, threshold=None):
    """Every figure of the year, suppressed jointly at the boundary: ``Linked`` figures named
    ``(key, period code)``."""
    sums, equal = relations(counts, stek_ids)
    return boundary.publish_grid(counts, months, sums=sums, equal=equal, threshold=threshold)


# --- what the page shows -----------------------------------------------------------------------


@dataclass
class Problem:
    label: str
    steks: int  # STEKs with a shown non-zero or a hidden figure (from published figures only)
    signals: int | None


@dataclass
class Pair:
    there: str
    n_there: int | None
    back: str
    n_back: int | None


@dataclass
class Dashboard:
    period: boundary.GridPeriod
    threshold: int
    measures: list
    steks: list  # [(stek, [n|None per measure])]
    totals: list  # [n|None per measure]
    problems: list  # [(key, title, [Problem])]
    pairs: list  # [Pair]
    dossiers: object  # SuppressedTable (step x outcome)
    dossier_rows: list = field(default_factory=list)

    @property
    def has_hidden(self):
        return (
            None in self.totals
            or any(None in row for _s, row in self.steks)
            or any(p.signals is None for _k, _t, rows in self.problems for p in rows)
            or any(None in (p.n_there, p.n_back) for p in self.pairs)
            or self.dossiers.has_hidden
        )


def _problem_label(kind, code, topics):
    if kind == "domain":
        return str(LifeDomain(code).label) if code in LifeDomain.values else code
    if kind == "barrier":
        return str(Barrier(code).label) if code in Barrier.values else code
    return topic_label(code, "", topics)


def _problems(linked, counts, code, topics):
    found = {}
    for (name, period), value in linked.figures.items():
        if period != code or name[0] != "cell":
            continue
        kind, problem = name[1], name[2]
        entry = found.setdefault((kind, problem), 0)
        if value is None or value > 0:  # a hidden figure counts: the page cannot tell 0
            found[(kind, problem)] = entry + 1
    result = []
    for kind, title in PROBLEMS:
        rows = [
            Problem(
                _problem_label(kind, problem, topics),
                steks,
                linked.get((("problem", kind, problem), code), 0),
            )
            for (k, problem), steks in found.items()
            if k == kind and steks
        ]
        # ordered by published figures only (never by a hidden count)
        rows.sort(key=lambda p: (-p.steks, p.signals is None, -(p.signals or 0), p.label))
        result.append((kind, str(title), rows))
    return result


def _pairs(linked, code, names):
    unknown = _("onbekende partner")

    def name(pk):
        return names.get(pk, unknown) if pk else unknown

    keys = {name[1:] for name, _c in linked.figures if name[0] == "pair"}
    seen, rows = set(), []
    for a, b in sorted(keys, key=lambda p: (name(p[0]), name(p[1]))):
        if (a, b) in seen:
            continue
        seen.update({(a, b), (b, a)})
        rows.append(
            Pair(
                f"{name(a)} → {name(b)}",
                linked.get((("pair", a, b), code), 0),
                f"{name(b)} → {name(a)}",
                linked.get((("pair", b, a), code), 0),
            )
        )
    return rows


def _dossiers(network, steks, threshold):
    rows = (
        Dossier.objects.filter(network=network, lead_stek__in=steks)
        .values_list("step", "outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {(step, outcome): n for step, outcome, n in rows}
    return boundary.publish(counts, threshold) if counts else boundary.publish({}, threshold)


def periods(today):
    """The grid periods the dashboard offers (those of the network's signals page)."""
    return network_periods(today)


def default_period(today):
    """The last completed year, else the last completed quarter, else month; None if none."""
    offered = periods(today)
    return offered[0] if offered else None


def build(network, steks, period, today, threshold=None):
    """The dashboard of ``network`` (its active STEKs ``steks``) for a grid ``period``."""
    threshold = default_threshold(threshold)
    steks = list(steks)
    months = publication.year_months(period.year, today)
    counts, names, topics = raw_counts(steks, period.year, months)
    stek_ids = [s.pk for s in steks]
    linked = publish(counts, months, stek_ids, threshold)
    code = period.code
    measures = [str(label) for _m, label in MEASURES]
    rows = [
        (stek, [linked.get((("stek", m, stek.pk), code), 0) for m, _l in MEASURES])
        for stek in steks
    ]
    totals = [linked.get((("net", m), code), 0) for m, _l in MEASURES]
    table = _dossiers(network, steks, threshold)
    dossier_rows = [
        (str(label), [table.cells.get((step, o), 0) for o, _ol in DossierOutcome.choices])
        for step, label in DossierStep.choices
    ]
    return Dashboard(
        period=period,
        threshold=threshold,
        measures=measures,
        steks=rows,
        totals=totals,
        problems=_problems(linked, counts, code, topics),
        pairs=_pairs(linked, code, names),
        dossiers=table,
        dossier_rows=dossier_rows,
    )


def spreadsheet(board):
    """The header and rows of the CSV/ODS export: the page's published figures, hidden ones as
    "verborgen", and the footnote once."""
    from .report import hidden_note, shown

    header = [_("Deel"), _("Wat"), _("Kolom"), _("Aantal")]
    rows = []
    part = _("STEKs naast elkaar")
    for stek, values in board.steks:
        for label, n in zip(board.measures, values, strict=True):
            rows.append([part, stek.name, label, shown(n)])
    for label, n in zip(board.measures, board.totals, strict=True):
        rows.append([part, _("Heel het netwerk"), label, shown(n)])
    for _kind, title, problems in board.problems:
        part = _("Problemen die terugkomen") + f" · {title}"
        for p in problems:
            rows.append([part, p.label, _("STEKs"), p.steks])
            rows.append([part, p.label, _("Signalen"), shown(p.signals)])
    part = _("Dossiers per stap en uitkomst")
    outcomes = [str(label) for _o, label in DossierOutcome.choices]
    for label, values in board.dossier_rows:
        for outcome, n in zip(outcomes, values, strict=True):
            rows.append([part, label, outcome, shown(n)])
    part = _("Doorverwijzingen tussen organisaties")
    for p in board.pairs:
        rows.append([part, p.there, "", shown(p.n_there)])
        rows.append([part, p.back, "", shown(p.n_back)])
    if any(row[3] == _("verborgen") for row in rows):
        rows += [["", "", "", ""], [_("verborgen"), hidden_note(board.threshold), "", ""]]
    return header, rows
