"""The network dashboard for analysts (issue 18, ADR 0018): aggregates only, and no second
publication of a STEK's figures.

- **STEKs side by side** (a year): per active STEK the year totals its *frozen* yearly report
  published (``YearReport.figures``, ADR 0015), read as they are: a hidden one stays
  "verborgen", a STEK without a report that year reads "nog geen jaarverslag", a report frozen
  before a section existed "niet in dit verslag". Nothing is counted again: the row "samen"
  is the sum of the *shown* figures only, labelled so ("ten minste" when a part is hidden).
- **Reciprocity** (a year): from the same reports' table "van partner naar partner", per
  ordered pair of organisations the sum of the shown per-STEK figures over the STEKs, "ten
  minste" when a STEK's figure for the pair is hidden, and in how many STEKs the pair appears.
- **Recurring problems** (a grid period): the network's one publication of signals
  (``stek.advocacy.publication``, ADR 0006), never counted apart: a topic's, a life domain's or
  a barrier's signals are derived figures (sums of published figures, shown only when every
  part is shown). A problem is listed with its number of STEKs only when at least
  ``MIN_STEKS`` STEKs reported it, as on the network's signals page. No signals per STEK.
- **Dossiers** per step and outcome: the network's dossiers today, a two-way table
  (``boundary.publish_linked``).

The first two parts are sums of figures already published, so they add no information to what
the network's analysts can read in the reports themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from stek.advocacy import publication
from stek.advocacy.detection import MIN_STEKS
from stek.advocacy.enums import DossierOutcome, DossierStep
from stek.advocacy.models import Dossier, Signal, SignalBarrier
from stek.advocacy.stats import network_periods, recurring_topics
from stek.core.models import Organisation
from stek.core.privacy import boundary
from stek.core.privacy.suppression import default_threshold, table_relations
from stek.core.vocabulary import Barrier, LifeDomain

from .indicators import BY_KEY, HEADLINES, SINCE
from .models import YearReport

# The year totals of a report, side by side: its headline groups but the signals (the network
# publishes signals across STEKs itself, ADR 0006; a STEK's count beside it would be a second
# slicing of the same signals).
SIGNAL_GROUPS = ("signals",)
MEASURES = [(group, label) for group, label in HEADLINES if group not in SIGNAL_GROUPS]
PAIRS_FAMILY = "referrals_pair"
PROBLEMS = [
    ("topic", gettext_lazy("Per onderwerp")),
    ("domain", gettext_lazy("Per levensdomein")),
    ("barrier", gettext_lazy("Per drempel")),
]

# What a cell of the side-by-side table holds besides a number or None (hidden)
NO_DATA = ""  # the report has no figures of it (e.g. no sessions that year): "–"
NOT_IN_REPORT = "not-in-report"  # a report frozen before the section existed


# --- reading frozen reports (published figures only) ----------------------------------------


def report_years(steks):
    """The years for which at least one of ``steks`` froze a report, latest first."""
    return list(
        YearReport.objects.filter(stek__in=steks)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def year_figure(figures, group):
    """A group's year total as the snapshot ``figures`` published it: the number, None when
    hidden, ``NO_DATA`` when the report has none, ``NOT_IN_REPORT`` when the report's format
    predates the group's section."""
    families = figures.get("families", {})
    for key, data in families.items():
        family = BY_KEY.get(key)
        if family and family.group == group:
            return data["total"]
    sections = {f.section for f in BY_KEY.values() if f.group == group}
    if any(figures.get("format", 1) < SINCE.get(s, 0) for s in sections):
        return NOT_IN_REPORT
    return NO_DATA


@dataclass
class Together:
    """The sum of the shown figures of a column, and whether a part of it is hidden."""

    n: int = 0
    partial: bool = False  # some STEK's figure is hidden: the true total is at least n
    parts: int = 0  # STEKs whose figure counted


def _together(values):
    total = Together()
    for value in values:
        if value is None:
            total.partial = True
        elif isinstance(value, int) and not isinstance(value, bool):
            total.n += value
            total.parts += 1
    return total


@dataclass
class StekRow:
    stek: object
    report: YearReport | None  # None: no frozen report that year
    values: list = field(default_factory=list)  # per measure: n, None, NO_DATA, NOT_IN_REPORT


@dataclass
class PairFigure:
    n: int = 0  # the sum of the shown per-STEK figures
    partial: bool = False  # a STEK's figure for this pair is hidden
    steks: int = 0  # the STEKs whose report has the pair

    @property
    def text(self):
        """How the page reads it: "–" when no report has the pair, else the sum ("ten minste"
        when a part is hidden) and in how many STEKs (text made here: the table can be long)."""
        if not self.steks:
            return "–"
        n = together_text(self)
        where = ngettext("%(n)s STEK", "%(n)s STEKs", self.steks) % {"n": self.steks}
        return f"{n} ({where})"


@dataclass
class Pair:
    there: str
    n_there: PairFigure
    back: str
    n_back: PairFigure


def _pair_code(code):
    """``"12>34"`` -> (12, 34); 0 is a referral without a known partner."""
    try:
        a, b = code.split(">")
        return int(a), int(b)
    except (AttributeError, ValueError):
        return None


def pairs_of(reports):
    """Reciprocity from the reports' published per-pair figures: ``[Pair]``, sorted by name."""
    figures, labels = {}, {}
    for snapshot in reports:
        data = snapshot.figures.get("families", {}).get(PAIRS_FAMILY) or {}
        for code, label, n in data.get("rows", []):
            pair = _pair_code(code)
            if pair is None:
                continue
            figure = figures.setdefault(pair, PairFigure())
            figure.steks += 1
            if n is None:
                figure.partial = True
            else:
                figure.n += n
            labels.setdefault(pair, label)
    ids = {i for pair in figures for i in pair if i}
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    unknown = _("onbekende partner")

    def name(pk):
        return names.get(pk, unknown) if pk else unknown

    seen, rows = set(), []
    for a, b in sorted(figures, key=lambda p: (name(p[0]), name(p[1]), p)):
        if (a, b) in seen:
            continue
        seen.update({(a, b), (b, a)})
        rows.append(
            Pair(
                f"{name(a)} → {name(b)}",
                figures.get((a, b), PairFigure()),
                f"{name(b)} → {name(a)}",
                figures.get((b, a), PairFigure()),
            )
        )
    return rows


# --- what the page shows -----------------------------------------------------------------------


@dataclass
class Problem:
    label: str
    steks: int  # STEKs that reported it (listed only from MIN_STEKS on)
    signals: int | None


@dataclass
class Dashboard:
    year: int | None  # the reports' year (None: no STEK froze a report yet)
    period: boundary.GridPeriod | None  # the problems' grid period
    threshold: int
    measures: list
    steks: list  # [StekRow]
    together: list  # [Together per measure], over the shown figures only
    problems: list  # [(key, title, [Problem])]
    pairs: list  # [Pair]
    dossiers_hidden: bool
    dossier_rows: list = field(default_factory=list)
    thresholds: list = field(default_factory=list)  # the reports' thresholds

    @property
    def reports(self):
        return sum(1 for row in self.steks if row.report is not None)

    @property
    def has_hidden(self):
        return (
            any(None in row.values for row in self.steks)
            or any(p.signals is None for _k, _t, rows in self.problems for p in rows)
            or any(p.n_there.partial or p.n_back.partial for p in self.pairs)
            or self.dossiers_hidden
        )


def side_by_side(steks, year):
    """``([StekRow], [Together])`` of the reports ``steks`` froze for ``year``."""
    reports = {r.stek_id: r for r in YearReport.objects.filter(stek__in=steks, year=year)}
    rows = []
    for stek in steks:
        snapshot = reports.get(stek.pk)
        values = [year_figure(snapshot.figures, g) for g, _l in MEASURES] if snapshot else []
        rows.append(StekRow(stek, snapshot, values))
    together = [
        _together(row.values[i] for row in rows if row.report is not None)
        for i in range(len(MEASURES))
    ]
    return rows, together


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
    linked = dossier_table(counts, threshold)
    cells = {name[1]: n for name, n in linked.figures.items() if name[0] == "cell"}
    return cells, None in linked.figures.values()


def dossier_table(counts, threshold):
    """The two-way table of ``counts`` with its margins, through the boundary (``Linked``)."""
    values, relations = table_relations(counts)
    return boundary.publish_linked(values, relations, threshold)


def periods(today):
    """The grid periods the dashboard offers (those of the network's signals page)."""
    return network_periods(today)


def default_period(today):
    """The last completed year, else the last completed quarter, else month; None if none."""
    offered = periods(today)
    return offered[0] if offered else None


def build(network, steks, year, period, today, threshold=None):
    """The dashboard of ``network`` (its active STEKs ``steks``): the reports of ``year``
    side by side and their reciprocity, the problems of the grid ``period``, the dossiers."""
    threshold = default_threshold(threshold)
    steks = list(steks)
    rows, together = side_by_side(steks, year) if year else ([], [])
    reports = [row.report for row in rows if row.report is not None]
    cells, dossiers_hidden = _dossiers(network, steks, threshold)
    dossier_rows = [
        (str(label), [cells.get((step, o), 0) for o, _ol in DossierOutcome.choices])
        for step, label in DossierStep.choices
    ]
    return Dashboard(
        year=year,
        period=period,
        threshold=threshold,
        measures=[str(label) for _g, label in MEASURES],
        steks=rows,
        together=together,
        problems=_remembered_problems(steks, period, today) if period else [],
        pairs=pairs_of(reports),
        dossiers_hidden=dossiers_hidden,
        dossier_rows=dossier_rows,
        thresholds=sorted({r.threshold for r in reports}),
    )


def cell_text(value):
    """A side-by-side cell as the export writes it."""
    if value is None:
        return _("verborgen")
    if value == NOT_IN_REPORT:
        return _("niet in dit verslag")
    if value == NO_DATA:
        return "–"
    return value


def together_text(total):
    if total.partial:
        return _("ten minste %(n)s") % {"n": total.n}
    return total.n


def spreadsheet(board):
    """The header and rows of the CSV/ODS export: the page's figures (the reports' published
    ones, sums of shown ones labelled as such), hidden ones as "verborgen", the footnote once."""
    from .report import hidden_note, shown

    header = [_("Deel"), _("Wat"), _("Kolom"), _("Aantal")]
    rows = []
    if board.year:
        part = _("STEKs naast elkaar: jaarverslagen van %(year)s") % {"year": board.year}
        for row in board.steks:
            if row.report is None:
                rows.append([part, row.stek.name, "", _("nog geen jaarverslag")])
                continue
            for label, value in zip(board.measures, row.values, strict=True):
                rows.append([part, row.stek.name, label, cell_text(value)])
        for label, total in zip(board.measures, board.together, strict=True):
            rows.append([part, _("samen, zonder verborgen cijfers"), label, together_text(total)])
        part = _("Doorverwijzingen tussen organisaties: jaarverslagen van %(year)s") % {
            "year": board.year
        }
        for p in board.pairs:
            for label, figure in ((p.there, p.n_there), (p.back, p.n_back)):
                if figure.steks:
                    rows.append([part, label, _("STEKs"), figure.steks])
                    rows.append([part, label, _("Doorverwijzingen"), together_text(figure)])
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
    hidden = _("verborgen")
    if any(row[3] == hidden for row in rows) or any(
        p.n_there.partial or p.n_back.partial for p in board.pairs
    ):
        rows += [["", "", "", ""], [hidden, hidden_note(board.threshold), "", ""]]
    return header, rows
