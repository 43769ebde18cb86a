"""How published figures read: sections of tables with their charts, the two years side by
side, and the rows of the spreadsheet. Built from the figures' JSON only (a snapshot's, or
figures just published), so a frozen report reads the same as the day it was made; only the
labels of the codes follow the reader's language."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from stek.advocacy.enums import DossierOutcome, DossierStep
from stek.agenda.enums import Function, Pictogram
from stek.core.vocabulary import Barrier, LifeDomain
from stek.participation.enums import IdeaSource, IdeaState, VoteSource
from stek.referrals.stats import LABELS as REFERRAL_LABELS
from stek.rights.models import Door

from .charts import bar_chart
from .indicators import FAMILIES, HEADLINES, PENDING, SECTIONS, SINCE, headline

_ENUMS = {
    "function": dict(Function.choices),
    "pictogram": dict(Pictogram.choices),
    "domain": dict(LifeDomain.choices),
    "barrier": dict(Barrier.choices),
    "step": dict(DossierStep.choices),
    "dossier_outcome": dict(DossierOutcome.choices),
    "referral_outcome": REFERRAL_LABELS,
    "door": dict(Door.choices),
    "idea_source": dict(IdeaSource.choices),
    "idea_outcome": dict(IdeaState.choices),
    "vote_source": dict(VoteSource.choices),
}


def _label(kind, code, stored):
    if kind == "month":
        year, month = code.split("-")
        return date_format(date(int(year), int(month), 1), "F")
    if kind == "idea_outcome" and code == PENDING:
        return _("Nog niet beslist")
    if kind == "price":
        return _("Gratis") if code == "free" else _("Betalend")
    labels = _ENUMS.get(kind)
    if labels and code in labels:
        return str(labels[code])
    return stored


def shown(n):
    """A published figure as it reads: the number, or "verborgen" (never 0, never "< 5")."""
    return _("verborgen") if n is None else n


@dataclass
class Table:
    key: str
    title: str
    unit: str
    note: str
    empty: str
    rows: list = field(default_factory=list)  # [(label, n or None)]
    total: object = ""  # n, None (hidden) or "" (no total)
    chart: str = ""
    share: object = None  # the share of free activities, "verborgen" or None

    @property
    def has_total(self):
        return self.total != ""

    @property
    def has_hidden(self):
        return self.total is None or any(n is None for _label, n in self.rows)


@dataclass
class Section:
    key: str
    title: str
    tables: list


def _free_share(rows):
    values = dict(rows)
    free, paid = values.get(_("Gratis")), values.get(_("Betalend"))
    if free is None or paid is None:
        return _("verborgen")
    return f"{round(100 * free / (free + paid))} %" if free + paid else None


def sections(figures, prefix="chart"):
    """The report's sections with a table per family (empty ones with their message)."""
    families = figures.get("families", {})
    by_section = {}
    for family in FAMILIES:
        data = families.get(family.key)
        table = Table(family.key, str(family.title), str(family.unit), str(family.note), "")
        if family.key in ("checks_door", "rights_shown") and not data:
            table.empty = (
                str(family.empty)
                if figures.get("count_rights_shown")
                else _("De STEK telt niet welke rechten de rechtencheck toont.")
            )
        elif not data and figures.get("format", 1) < SINCE.get(family.section, 0):
            # a report frozen before the section existed: it never counted these
            table.empty = _("niet in dit verslag")
        elif not data:
            table.empty = str(family.empty)
        else:
            table.rows = [(_label(family.labels, c, lab), n) for c, lab, n in data["rows"]]
            table.total = data["total"] if family.group else ""
            table.chart = bar_chart(f"{prefix}-{family.key}", table.title, table.rows, table.unit)
            if family.key == "activities_price":
                table.share = _free_share(table.rows)
        by_section.setdefault(family.section, []).append(table)
    return [Section(key, str(SECTIONS[key]), tables) for key, tables in by_section.items()]


SIGNAL_FAMILIES = ("signals_domain", "signals_barrier")


def without_signals(sections):
    """The sections without the report's signal families, for the network's reading: the
    network publishes signals across STEKs itself (ADR 0006), and its total minus the other
    STEKs' report figures would give a STEK's hidden one (ADR 0018)."""
    for section in sections:
        section.tables = [t for t in section.tables if t.key not in SIGNAL_FAMILIES]
    return [section for section in sections if section.tables]


def side_by_side(figures, before, skip=()):
    """The headline figures of a year and the year before: [(label, before, this year)],
    without the groups in ``skip``."""
    rows = []
    for group, label in HEADLINES:
        if group in skip:
            continue
        rows.append(
            (str(label), headline(before, group) if before else "", headline(figures, group))
        )
    return rows


def spreadsheet(figures, report=None):
    """The header and rows of the ODS and CSV export: one row per figure, hidden ones as
    "verborgen", and the footnote once."""
    header = [_("Deel"), _("Tabel"), _("Wat"), _("Aantal")]
    rows = []
    for section in sections(figures):
        for table in section.tables:
            if table.empty:
                rows.append([section.title, table.title, table.empty, ""])
                continue
            for label, n in table.rows:
                rows.append([section.title, table.title, label, shown(n)])
            if table.has_total:
                rows.append([section.title, table.title, _("Totaal"), shown(table.total)])
    if any(row[3] == _("verborgen") for row in rows):
        rows += [["", "", "", ""], [_("verborgen"), hidden_note(figures["threshold"]), "", ""]]
    if report is not None and report.bbc_code:
        rows.append([_("Actiecode in de BBC"), report.bbc_code, "", ""])
    return header, rows


def hidden_note(threshold):
    return _(
        "een aantal kleiner dan %(n)s, of een aantal dat we mee verbergen zodat niemand een "
        "klein aantal kan terugrekenen"
    ) % {"n": threshold}
