"""The network dashboard for analysts (issue 18, ADR 0018): aggregates only, computed from the
apps' records and published through the one export boundary (ADR 0006).

- **STEKs side by side**: per STEK and month, one figure per measure (sessions with a count,
  taps, referrals, rights checks), and the network's total of each measure, with the pairs of
  organisations (**reciprocity**: referrals from one organisation to another across the STEKs,
  each direction) in one publication per network and year, on the fixed grid of the year's
  completed months, quarters and the year, suppressed jointly and replayed month after month
  (``boundary.publish_grid``). The referrals of all STEKs and those of all pairs are the same
  count (``equal``: the attacker knows it, so the suppression does too). Taps are one figure
  per STEK per period, never crossed with anything else (a tap is a visit, not a person).
- **Recurring problems**: the network's one publication of signals
  (``stek.advocacy.publication``, ADR 0006), never counted apart: a topic's, a life domain's or
  a barrier's signals are derived figures (sums of published figures, shown only when every
  part is shown). Signals are not counted per STEK here: that would be a second slicing of the
  same signals beside the network publication (ADR 0018). A problem is listed with its number
  of STEKs only when at least ``MIN_STEKS`` STEKs reported it, as on the network's signals page.
- **Dossiers** per step and outcome: the network's dossiers today, a two-way table
  (``boundary.publish``).

A page shows one period's figures, but every figure of the year is in one problem, so no
published figure minus another (another period, another table) gives a hidden one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from stek.advocacy import publication
from stek.advocacy.detection import MIN_STEKS
from stek.advocacy.enums import DossierOutcome, DossierStep
from stek.advocacy.models import Dossier, Signal, SignalBarrier
from stek.advocacy.stats import network_periods, recurring_topics
from stek.agenda.models import TallyCount
from stek.core.models import Organisation, Partnership
from stek.core.privacy import boundary
from stek.core.privacy.suppression import default_threshold, table_relations
from stek.core.vocabulary import Barrier, LifeDomain
from stek.referrals.models import Referral, ReferralTally
from stek.rights.models import RightShown, ShownStatus

MEASURES = [
    ("sessions", gettext_lazy("Sessies met een telling")),
    ("taps", gettext_lazy("Tikken/bezoeken")),
    ("referrals", gettext_lazy("Doorverwijzingen")),
    ("checks", gettext_lazy("Rechtenchecks")),
]
PROBLEMS = [
    ("topic", gettext_lazy("Per onderwerp")),
    ("domain", gettext_lazy("Per levensdomein")),
    ("barrier", gettext_lazy("Per drempel")),
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
    ``year``, and the names of the organisations of the pairs."""
    counts = {}
    if not months:
        return counts, {}
    ids = [s.pk for s in steks]
    start, end = months[0], months[-1]
    last = date(end.year + end.month // 12, end.month % 12 + 1, 1)

    def span(field_name):
        return {f"{field_name}__gte": start, f"{field_name}__lt": last}

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
    shared = shared_organisations(ids)
    for rows in (live, kept):
        for stek_id, month, from_id, to_id, n in rows:
            _add(counts, ("stek", "referrals", stek_id), month, n)
            if from_id in shared and to_id in shared and from_id != to_id:
                _add(counts, ("pair", from_id, to_id), month, n)
            else:
                _add(counts, ("pair", 0, 0), month, n)
    checks = (
        RightShown.objects.filter(stek_id__in=ids, status=ShownStatus.CHECK, **span("week"))
        .values_list("stek_id", "week")
        .annotate(n=Sum("count"))
        .order_by()
    )
    for stek_id, week, n in checks:
        _add(counts, ("stek", "checks", stek_id), week, n)
    names = dict(Organisation.objects.filter(pk__in=shared).values_list("pk", "name"))
    return counts, names


def shared_organisations(stek_ids):
    """The organisations that work in at least ``MIN_STEKS`` of the STEKs: reciprocity is shown
    between them; every other referral counts in one figure ("other referrals")."""
    rows = (
        Partnership.objects.filter(stek_id__in=stek_ids)
        .values_list("organisation_id")
        .annotate(n=Count("stek_id", distinct=True))
        .order_by()
    )
    return {pk for pk, n in rows if n >= MIN_STEKS}


def relations(counts, stek_ids):
    """The sums the dashboard publishes and the pairs of sums that are equal."""
    sums = {("net", m): [("stek", m, i) for i in stek_ids] for m, _label in MEASURES}
    sums[("all", "pairs")] = sorted({k for k, _m in counts if k[0] == "pair"}, key=repr)
    return sums, [(("net", "referrals"), ("all", "pairs"))]


def publish(counts, months, stek_ids, threshold=None):
    """Every figure of the year, suppressed jointly at the boundary: ``Linked`` figures named
    ``(key, period code)``."""
    sums, equal = relations(counts, stek_ids)
    return boundary.publish_grid(counts, months, sums=sums, equal=equal, threshold=threshold)


# --- what the page shows -----------------------------------------------------------------------


@dataclass
class Problem:
    label: str
    steks: int  # STEKs that reported it (listed only from MIN_STEKS on)
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
    dossiers_hidden: bool
    dossier_rows: list = field(default_factory=list)
    other: int | None = 0  # referrals not between two shared organisations

    @property
    def has_hidden(self):
        return (
            None in self.totals
            or any(None in row for _s, row in self.steks)
            or any(p.signals is None for _k, _t, rows in self.problems for p in rows)
            or any(None in (p.n_there, p.n_back) for p in self.pairs)
            or self.other is None
            or self.dossiers_hidden
        )


def _steks_per(steks, period, today, field_name, signal_field):
    """{code: number of STEKs with a signal about it} in the period's completed months."""
    months = [m for m in publication.year_months(period.year, today) if m in period.months()]
    if not months:
        return {}
    model = Signal if signal_field == "" else SignalBarrier
    prefix = signal_field
    rows = (
        model.objects.filter(**{f"{prefix}stek__in": steks, f"{prefix}month__in": months})
        .values_list(field_name)
        .annotate(n=Count(f"{prefix}stek", distinct=True))
        .order_by()
    )
    return dict(rows)


def _problems(steks, period, today):
    """The problems reported in at least ``MIN_STEKS`` STEKs: (kind, title, [Problem]), with
    the network publication's figures (derived sums, hidden when a part is)."""
    pub = publication.year_publication(steks, period.year, today)
    topics = [
        Problem(label, n, signals)
        for label, n, signals in recurring_topics(steks, period, today, pub=pub)
    ]
    leaves = sorted(pub.leaves, key=repr)
    domains = [
        Problem(
            str(LifeDomain(code).label),
            n,
            pub.over("topics", [k for k in leaves if k[2] == code], period),
        )
        for code, n in _steks_per(steks, period, today, "life_domain", "").items()
        if n >= MIN_STEKS and code in LifeDomain.values
    ]
    barriers = [
        Problem(
            str(Barrier(code).label),
            n,
            pub.over("barriers", [publication.cell(d, code) for d in LifeDomain.values], period),
        )
        for code, n in _steks_per(steks, period, today, "barrier", "signal__").items()
        if n >= MIN_STEKS and code in Barrier.values
    ]
    found = {"topic": topics, "domain": domains, "barrier": barriers}
    result = []
    for kind, title in PROBLEMS:
        rows = found[kind]
        # ordered by STEKs and published figures only (never by a hidden count)
        rows.sort(key=lambda p: (-p.steks, p.signals is None, -(p.signals or 0), p.label))
        result.append((kind, str(title), rows))
    return result


def _remembered_problems(steks, period, today):
    """``_problems``, kept per process under the signals' version (``publication``): exact,
    since every signal saved or deleted renews the version; the figures are published again
    from the memo (``published_again``), as the network's signals page does."""
    ids = publication.stek_ids(steks)
    version = (publication.signals_version(ids), get_language(), default_threshold())
    fresh = []

    def compute():
        fresh.append(True)
        return _problems(steks, period, today)

    found = publication.remembered("dashboard-problems", version, (period.code, today), compute)
    if not fresh:
        publication.year_publication(steks, period.year, today)  # recorded as published again
    return found


def _pairs(linked, code, names):
    unknown = _("onbekende partner")

    def name(pk):
        return names.get(pk, unknown) if pk else unknown

    keys = {name[1:] for name, _c in linked.figures if name[0] == "pair" and name[1]}
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
    """The network's dossiers today per step (row) and outcome (column), a two-way table with
    its margins, through ``publish_linked`` (memoised per its counts)."""
    rows = (
        Dossier.objects.filter(network=network, lead_stek__in=steks)
        .values_list("step", "outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {(step, outcome): n for step, outcome, n in rows}
    if not counts:
        return {}, False
    values, relations = table_relations(counts)
    linked = boundary.publish_linked(values, relations, threshold)
    cells = {name[1]: n for name, n in linked.figures.items() if name[0] == "cell"}
    return cells, None in linked.figures.values()


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
    counts, names = raw_counts(steks, period.year, months)
    stek_ids = [s.pk for s in steks]
    linked = publish(counts, months, stek_ids, threshold)
    code = period.code
    measures = [str(label) for _m, label in MEASURES]
    rows = [
        (stek, [linked.get((("stek", m, stek.pk), code), 0) for m, _l in MEASURES])
        for stek in steks
    ]
    totals = [linked.get((("net", m), code), 0) for m, _l in MEASURES]
    cells, dossiers_hidden = _dossiers(network, steks, threshold)
    dossier_rows = [
        (str(label), [cells.get((step, o), 0) for o, _ol in DossierOutcome.choices])
        for step, label in DossierStep.choices
    ]
    return Dashboard(
        period=period,
        threshold=threshold,
        measures=measures,
        steks=rows,
        totals=totals,
        problems=_remembered_problems(steks, period, today),
        pairs=_pairs(linked, code, names),
        dossiers_hidden=dossiers_hidden,
        dossier_rows=dossier_rows,
        other=linked.get((("pair", 0, 0), code), 0),
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
    rows.append([part, _("Alle andere doorverwijzingen"), "", shown(board.other)])
    if any(row[3] == _("verborgen") for row in rows):
        rows += [["", "", "", ""], [_("verborgen"), hidden_note(board.threshold), "", ""]]
    return header, rows
