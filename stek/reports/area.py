"""The area analysis (issue 18, ADR 0017): reading open statistics keyed by NIS code or
statistical sector (Statbel's files and any CSV of the same shape, docs/area-data.md), and
joining them with the STEK's service area.

The traps of these files, handled here:

- pipe-delimited UTF-8 with a byte order mark: the BOM is stripped, the delimiter sniffed from
  the header among ``|``, ``;``, ``,`` and tab; a decimal comma is accepted;
- suppressed cells marked ``*`` are kept as suppressed (``None``), never read as 0; an empty
  cell is no figure at all;
- the mergers of 1 January 2025: a pre-2025 code is translated through the crosswalk
  (``data/refnis_mergers_2025.csv``) on import;
- medians (and averages, shares) cannot be added up: they are kept per unit; merging two old
  municipalities makes such a figure "niet op te tellen"; an area shows totals only of counts;
- the municipality is the file's CD_REFNIS (translated), never the first five characters of the
  sector code (a sector keeps its old code after a merger).

Nothing here writes to the database: ``services.py`` does, with what ``parse`` returns.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DATA = Path(__file__).parent / "data"
MAX_BYTES = 25 * 1024 * 1024  # Statbel's sector file of all years is about 15 MB
MAX_MAP_BYTES = 10 * 1024 * 1024
MAX_ERRORS = 20  # bad lines listed; the rest counted
DELIMITERS = ("|", ";", "\t", ",")

REFNIS_COLUMNS = ("cd_refnis", "cd_munty_refnis", "refnis", "nis", "nis_code", "niscode", "nis5")
SECTOR_COLUMNS = ("cd_sector", "sector", "sector_code", "cd_stat_sector", "nis9")
YEAR_COLUMNS = ("cd_year", "year", "jaar")
LABEL_COLUMNS = (
    "tx_sector_descr_nl", "tx_descr_sector_nl", "tx_munty_descr_nl", "tx_descr_nl", "naam",
    "name", "label",
)  # fmt: skip
# dimension columns kept apart (a column per value); every other CD_* column is added up over
KEEP_DIMENSIONS = ("cd_sex", "sex", "geslacht", "cd_age_class", "age_class", "leeftijdsklasse")
AGE_COLUMNS = ("cd_age", "age", "leeftijd")  # one year of age per row: folded into bands
AGE_BANDS = ((0, 17), (18, 24), (25, 64), (65, 79), (80, None))
NOT_ADDITIVE = re.compile(
    r"median|mediaan|avg|average|gemiddel|mean|pct|percent|procent|ratio|index|quart|_q[13]\b|"
    r"gini|rate|%|per_|dichtheid|density",
    re.IGNORECASE,
)
REFNIS = re.compile(r"^\d{5}$")
THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
SECTOR = re.compile(r"^\d{5}[A-Z][A-Z0-9]{2}[A-Z0-9-]$")
YEAR = re.compile(r"^\d{4}$")
FIRST_YEAR, LAST_YEAR = 1990, 2100  # the years a file of figures can be about (the form's too)

LABELS = {
    "ms_population": gettext_lazy("Inwoners"),
    "total": gettext_lazy("Inwoners"),
    "ms_nbr_non_zero_inc": gettext_lazy("Aangiften met een inkomen"),
    "ms_nbr_zero_inc": gettext_lazy("Aangiften zonder inkomen"),
    "ms_tot_net_taxable_inc": gettext_lazy("Netto belastbaar inkomen, totaal (euro)"),
    "ms_avg_tot_net_taxable_inc": gettext_lazy("Netto belastbaar inkomen, gemiddeld (euro)"),
    "ms_median_net_taxable_inc": gettext_lazy(
        "Netto belastbaar inkomen, mediaan per aangifte (euro)"
    ),
}


class AreaFileError(ValueError):
    """The file cannot be read at all (with a sentence saying why)."""


@dataclass
class Unit:
    label: str = ""
    values: dict = field(default_factory=dict)
    suppressed: set = field(default_factory=set)
    merged: set = field(default_factory=set)
    origins: set = field(default_factory=set)  # the codes as the file wrote them


@dataclass
class Parsed:
    level: str  # "sector" or "municipality"
    year: int | None
    columns: list  # [{"name": ..., "additive": bool}]
    units: dict  # (refnis, sector) -> Unit
    translated: int
    lines: int
    errors: list  # [(line, reason)]
    more_errors: int = 0


@cache
def mergers():
    """Old REFNIS code -> (new code, new name), from the shipped crosswalk."""
    rows = {}
    with open(DATA / "refnis_mergers_2025.csv", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            rows[row["old_refnis"]] = (row["new_refnis"], row["new_name"])
    return rows


def column_label(name):
    """How a value column reads: a known Statbel column's Dutch name, else the file's."""
    base, *dims = name.split("|")
    text = str(LABELS.get(base.lower(), base))
    return " · ".join([text, *dims])


def is_additive(name):
    return not NOT_ADDITIVE.search(name.split("|")[0])


def _number(text, delimiter):
    """A figure as the files write it: ``1234``, ``1 234``, ``1234.5``, ``1234,5``,
    ``1.234,5``. Raises ValueError."""
    text = text.replace("\u00a0", "").replace(" ", "")
    if delimiter == ";" and THOUSANDS.match(text):  # 12.345 in a Belgian spreadsheet's CSV
        text = text.replace(".", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".") if "." in text else text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    # no figure of these files has more than 15 digits before the point: "1e999999" would
    # become an integer of a million digits (and no JSON could hold it)
    if not value.is_finite() or value.adjusted() > 15:
        raise ValueError(text)
    return int(value) if value == value.to_integral_value() else float(value)


def _age_band(text):
    age = int(text)
    for low, high in AGE_BANDS:
        if high is None or age <= high:
            return f"{low}+" if high is None else f"{low}-{high}"
    return ""  # pragma: no cover


def _sniff(header):
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    if counts[best] == 0:
        raise AreaFileError(
            _(
                "De eerste regel moet de namen van de kolommen geven, gescheiden door | ; , "
                "of een tab."
            )
        )
    return best


def _lines(binary):
    """The file's lines as text (UTF-8, the BOM stripped), one at a time."""
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    number = 0
    try:
        for number, line in enumerate(text, start=1):  # noqa: B007
            yield number, line
    except UnicodeDecodeError:
        text.detach()  # the caller's file stays open; the wrapper goes
        text = None
        raise AreaFileError(
            _(
                "Rond regel %(line)s is het bestand geen UTF-8. Bewaar het bestand als UTF-8 "
                "(CSV UTF-8) en probeer opnieuw."
            )
            % {"line": number + 1}
        ) from None
    finally:
        if text is not None and not binary.closed:
            text.detach()


class _Plan:
    """What each column of the header is."""

    def __init__(self, header):
        names = [h.strip() for h in header]
        lower = [h.lower() for h in names]
        if len(set(lower)) != len(lower):
            raise AreaFileError(_("Twee kolommen hebben dezelfde naam."))

        def find(options):
            return next((lower.index(o) for o in options if o in lower), None)

        self.refnis = find(REFNIS_COLUMNS)
        self.sector = find(SECTOR_COLUMNS)
        self.year = find(YEAR_COLUMNS)
        self.label = find(LABEL_COLUMNS)
        if self.refnis is None:
            if self.sector is not None:
                raise AreaFileError(
                    _(
                        "Naast de sectorcode is er een kolom CD_REFNIS nodig: de gemeente "
                        "halen we niet uit de sectorcode (een sector houdt na een fusie zijn "
                        "oude code)."
                    )
                )
            raise AreaFileError(
                _(
                    "Er is geen kolom met de code: noem ze CD_REFNIS (of nis) voor een "
                    "gemeente, en CD_SECTOR (of sector) voor een statistische sector."
                )
            )
        special = {self.refnis, self.sector, self.year, self.label}
        self.keep = [i for i, n in enumerate(lower) if n in KEEP_DIMENSIONS]
        self.age = next((i for i, n in enumerate(lower) if n in AGE_COLUMNS), None)
        self.summed = []  # dimension columns added up over
        self.values = []
        for i, name in enumerate(lower):
            if i in special or i in self.keep or i == self.age:
                continue
            if name.startswith(("tx_", "dt_")) or name in LABEL_COLUMNS:
                continue  # a text or a date about the unit
            if name.startswith("cd_"):
                self.summed.append(i)
                continue
            self.values.append(i)
        if not self.values:
            raise AreaFileError(_("Er is geen kolom met cijfers naast de code."))
        self.names = names
        self.width = len(names)

    def columns_of(self, row):
        dims = [row[i].strip() for i in self.keep]
        if self.age is not None:
            dims.append(_age_band(row[self.age].strip()))
        return ["|".join([self.names[i], *dims]) if dims else self.names[i] for i in self.values]


def parse(binary, year=None):
    """Read a file (a binary file object) line by line. Returns ``Parsed`` with every bad line
    in ``errors``; raises ``AreaFileError`` when the file cannot be read at all. ``year``: the
    year to keep from a file with a CD_YEAR column (else its latest)."""
    lines = _lines(binary)
    first = next(lines, None)
    if first is None or not first[1].strip():
        raise AreaFileError(_("Het bestand is leeg."))
    delimiter = _sniff(first[1])
    plan = _Plan(next(csv.reader([first[1]], delimiter=delimiter)))
    level = "sector" if plan.sector is not None else "municipality"
    by_year, errors, more, translated, count = {}, [], 0, 0, 0
    crosswalk = mergers()
    order = []  # the value columns in the order first met

    def bad(line, reason):
        nonlocal more
        if len(errors) < MAX_ERRORS:
            errors.append((line, reason))
        else:
            more += 1

    rows = _rows(csv.reader((text for _n, text in lines), delimiter=delimiter))
    line = 1
    for row in rows:
        line += 1
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        if len(row) != plan.width:
            bad(line, _("%(n)s kolommen in plaats van %(m)s") % {"n": len(row), "m": plan.width})
            continue
        written = row[plan.refnis].strip()
        if not REFNIS.match(written):
            bad(line, _("de NIS-code %(code)r is geen code van 5 cijfers") % {"code": written})
            continue
        refnis = written
        if written in crosswalk:
            refnis = crosswalk[written][0]
            translated += 1
        sector = ""
        if plan.sector is not None:
            sector = row[plan.sector].strip().upper()
            if not SECTOR.match(sector):
                bad(line, _("de sectorcode %(code)r is geen sectorcode") % {"code": sector})
                continue
        row_year = None
        if plan.year is not None:
            written_year = row[plan.year].strip()
            row_year = int(written_year) if YEAR.match(written_year) else None
            if row_year is None or not FIRST_YEAR <= row_year <= LAST_YEAR:
                bad(line, _("het jaar %(y)r is geen jaar") % {"y": written_year[:20]})
                continue
        try:
            columns = plan.columns_of(row)
        except ValueError:
            bad(line, _("de leeftijd %(a)r is geen getal") % {"a": row[plan.age].strip()})
            continue
        units = by_year.setdefault(row_year, {})
        unit = units.get((refnis, sector))
        new = unit is None
        if new:
            unit = units[(refnis, sector)] = Unit()
        if written in crosswalk and plan.sector is None:
            unit.label = crosswalk[written][1]  # the municipality it is part of now
        elif plan.label is not None and not unit.label:
            unit.label = row[plan.label].strip()[:200]
        repeated = not new and written in unit.origins
        unit.origins.add(written)
        problem = None
        cells = []
        for index, column in zip(plan.values, columns, strict=True):
            text = row[index].strip()
            if text == "":
                continue
            if text == "*":
                cells.append((column, None))
                continue
            try:
                cells.append((column, _number(text, delimiter)))
            except ValueError:
                problem = _("%(col)s: %(text)r is geen getal") % {
                    "col": plan.names[index],
                    "text": text,
                }
                break
        if problem:
            bad(line, problem)
            continue
        for column, value in cells:
            if column not in order:
                order.append(column)
            if column not in unit.values and column not in unit.suppressed:
                if value is None:
                    unit.suppressed.add(column)
                    unit.values[column] = None
                else:
                    unit.values[column] = value
                continue
            # a second figure for the same unit and column
            if repeated and not plan.summed and plan.age is None:
                problem = _("de code %(code)s staat er twee keer") % {"code": sector or written}
                break
            if not is_additive(column):
                unit.merged.add(column)
                unit.values[column] = None
            elif value is None or column in unit.suppressed:
                unit.suppressed.add(column)
                unit.values[column] = None
            elif column not in unit.merged:
                unit.values[column] += value
        if problem:
            bad(line, problem)
    if count == 0:
        raise AreaFileError(_("Het bestand heeft geen regels met cijfers onder de kolomnamen."))
    chosen = year
    if plan.year is not None and chosen is None and by_year:
        chosen = max(y for y in by_year if y is not None)
    if plan.year is not None and not errors and chosen not in by_year:
        raise AreaFileError(_("Het bestand heeft geen cijfers van %(year)s.") % {"year": chosen})
    units = by_year.get(chosen if plan.year is not None else None, {})
    return Parsed(
        level=level,
        year=chosen,
        columns=[{"name": c, "additive": is_additive(c)} for c in order],
        units=units,
        translated=translated,
        lines=count,
        errors=errors,
        more_errors=more,
    )


# --- Codes of a service area ----------------------------------------------------------------


def split_codes(text):
    return [c.strip().upper() for c in re.split(r"[\s,;|]+", text or "") if c.strip()]


def check_codes(codes, known=None):
    """Sort codes into municipalities and sectors. Returns (municipalities, sectors, errors);
    ``known``: the codes of the STEK's imported files (a code in none of them is unknown)."""
    municipalities, sectors, errors = [], [], []
    crosswalk = mergers()
    for code in codes:
        if REFNIS.match(code):
            if code in crosswalk:
                new, name = crosswalk[code]
                errors.append(
                    _("%(code)s is sinds 2025 een deel van %(name)s: gebruik %(new)s.")
                    % {"code": code, "name": name, "new": new}
                )
                continue
            target = municipalities
        elif SECTOR.match(code):
            target = sectors
        else:
            errors.append(
                _(
                    "%(code)s is geen NIS-code (5 cijfers, bijvoorbeeld 44021) en geen "
                    "sectorcode (9 tekens, bijvoorbeeld 44021A00-)."
                )
                % {"code": code}
            )
            continue
        if known is not None and code not in known:
            errors.append(
                _("%(code)s staat in geen enkel ingelezen bestand. Lees eerst een bestand in.")
                % {"code": code}
            )
            continue
        if code not in target:
            target.append(code)
    return municipalities, sectors, errors


# --- The area's figures ---------------------------------------------------------------------


@dataclass
class Cell:
    value: float | int | None = None
    state: str = ""  # "", "hidden" (suppressed by the source), "merged", "missing"


@dataclass
class AreaTable:
    dataset: object
    columns: list  # [{"name", "label", "additive"}]
    rows: list  # [(label, code, [Cell])]
    totals: list  # [(Cell, hidden count)] or None per column (not additive)
    note: str = ""


def in_area(units, area):
    """The units of a dataset in the service area: sectors by sector code (or their
    municipality by CD_REFNIS), municipalities by their code."""
    municipalities = set(area.municipalities) if area else set()
    sectors = set(area.sectors) if area else set()
    return [u for u in units if (u.sector and u.sector in sectors) or u.refnis in municipalities]


def table_of(dataset, units):
    columns = [
        {"name": c["name"], "label": column_label(c["name"]), "additive": c["additive"]}
        for c in dataset.columns
    ]
    rows = []
    for unit in sorted(units, key=lambda u: (u.refnis, u.sector)):
        cells = []
        for column in columns:
            name = column["name"]
            if name in unit.merged:
                cells.append(Cell(state="merged"))
            elif name in unit.suppressed:
                cells.append(Cell(state="hidden"))
            elif name in unit.values:
                cells.append(Cell(unit.values[name]))
            else:
                cells.append(Cell(state="missing"))
        rows.append((unit.label, unit.sector or unit.refnis, cells))
    totals = []
    for index, column in enumerate(columns):
        if not column["additive"]:
            totals.append(None)
            continue
        known = [r[2][index] for r in rows]
        hidden = sum(1 for c in known if c.state in ("hidden", "merged"))
        total = sum(c.value for c in known if c.value is not None)
        totals.append((Cell(total), hidden))
    return AreaTable(dataset, columns, rows, totals)


def known_codes(datasets):
    """Every code in the STEK's files: sector codes and municipality codes (CD_REFNIS)."""
    from .models import AreaUnit

    codes = set()
    for refnis, sector in AreaUnit.objects.filter(dataset__in=datasets).values_list(
        "refnis", "sector"
    ):
        codes.add(refnis)
        if sector:
            codes.add(sector)
    return codes


# --- GeoJSON ----------------------------------------------------------------------------------

CODE_PROPERTIES = (
    "CD_SECTOR", "cd_sector", "sector", "CD_REFNIS", "CD_MUNTY_REFNIS", "cd_refnis", "nis",
    "code",
)  # fmt: skip


def _ring_ok(ring):
    return (
        isinstance(ring, list)
        and len(ring) >= 4
        and all(
            isinstance(p, list)
            and len(p) >= 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in p[:2])
            and -180 <= p[0] <= 180
            and -90 <= p[1] <= 90
            for p in ring
        )
    )


def _geometry_ok(geometry):
    if not isinstance(geometry, dict):
        return False
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return isinstance(coords, list) and bool(coords) and all(_ring_ok(r) for r in coords)
    if kind == "MultiPolygon":
        return (
            isinstance(coords, list)
            and bool(coords)
            and all(isinstance(p, list) and p and all(_ring_ok(r) for r in p) for p in coords)
        )
    return False


def _rows(reader):
    """The CSV reader's rows; a line it cannot read (a field over its limit, a NUL byte) is a
    bad file, not a crash."""
    try:
        yield from reader
    except csv.Error as error:
        raise AreaFileError(
            _("Regel %(line)s kan niet gelezen worden: %(why)s")
            % {"line": reader.line_num, "why": error}
        ) from None


def read_geojson(binary, code_property=""):
    """Validate uploaded boundaries. Returns (features as a FeatureCollection, the code
    property); raises AreaFileError. Coordinates in WGS 84 (longitude, latitude)."""
    import json

    text = io.TextIOWrapper(binary, encoding="utf-8-sig")
    try:
        data = json.load(text)
    except UnicodeDecodeError:
        raise AreaFileError(_("Het bestand is geen UTF-8.")) from None
    except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
        raise AreaFileError(_("Het bestand is geen GeoJSON (geen geldige JSON).")) from None
    finally:
        text.detach()
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise AreaFileError(_("Het bestand moet een GeoJSON FeatureCollection zijn."))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise AreaFileError(_("De FeatureCollection heeft geen vlakken."))
    first = features[0].get("properties") if isinstance(features[0], dict) else None
    first = first if isinstance(first, dict) else {}
    prop = code_property or next((p for p in CODE_PROPERTIES if p in first), "")
    if not prop:
        raise AreaFileError(
            _(
                "Geen eigenschap met de code gevonden: geef elk vlak een eigenschap CD_SECTOR "
                "of CD_REFNIS, of zeg hoe ze heet."
            )
        )
    kept = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict) or not _geometry_ok(feature.get("geometry")):
            raise AreaFileError(
                _("Vlak %(n)s is geen Polygon of MultiPolygon met geldige coördinaten.")
                % {"n": number}
            )
        code = str(props.get(prop, "")).strip().upper()
        if not (REFNIS.match(code) or SECTOR.match(code)):
            raise AreaFileError(
                _("Vlak %(n)s heeft geen NIS- of sectorcode in %(prop)s.")
                % {"n": number, "prop": prop}
            )
        kept.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": str(_name_of(props))[:200]},
                "geometry": feature["geometry"],
            }
        )
    return {"type": "FeatureCollection", "features": kept}, prop


def _name_of(props):
    for key in ("TX_SECTOR_DESCR_NL", "T_SEC_NL", "name", "naam", "TX_MUNTY_DESCR_NL"):
        if props.get(key):
            return props[key]
    return ""


def classes(values, count=4):
    """Class limits (quantiles) of a choropleth: [(low, high)] over the known values, at most
    ``count``; as many as there are different values when there are fewer."""
    known = sorted(v for v in values if v is not None)
    distinct = sorted(set(known))
    if len(distinct) <= count:
        return [(v, v) for v in distinct]
    limits, low = [], known[0]
    for i in range(1, count + 1):
        high = known[min(len(known), i * len(known) // count) - 1]
        if limits and high <= limits[-1][1]:
            continue
        limits.append((low, high))
        higher = [v for v in distinct if v > high]
        if not higher:
            break
        low = higher[0]
    if limits[-1][1] < known[-1]:
        limits[-1] = (limits[-1][0], known[-1])
    return limits


def class_of(value, limits):
    if value is None:
        return 0
    for number, (_low, high) in enumerate(limits, start=1):
        if value <= high:
            return number
    return len(limits)
