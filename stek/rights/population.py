"""The population estimate: the same rules, vectorised over many households.

A population is a synthetic one (``synthetic``) or read from a CSV file (``read_csv``), one
row per person. The estimate counts per right (and per area) the households for which the
rules say "yes" — likely or maybe: conditions the rules cannot check are not checked here
either, so "maybe" rights are upper bounds.

Synthetic distributions (documented assumptions, not statistics of Belgium):
- households: 1 adult (45 %) or 2 (55 %); 0 children (60 %), 1 (15 %), 2 (15 %), 3 (10 %);
  adults 18–90 and children 0–17 years, uniform;
- region: Vlaanderen 58 %, Wallonië 31 %, Brussel 11 % (roughly the population shares);
- income per adult per month: lognormal with median 1,480 euro (sigma 0.6); 10 % no income;
  from work under 65, from a pension at 65 or over; 10 % of working-age incomes are benefits;
- last year's gross taxable household income: 12 × the monthly income × 1.3;
- housing: owner 65 %, private rent 20 %, social rent 6 %, homeless 0.5 %, other 8.5 %; private
  rent uniform 450–1,100 euro; 30 % of private tenants on the waiting list for 0–8 years;
- in Flanders 3 % have an electricity budget meter, 1 % gas, 1 % both;
- heating: gas 55 %, oil 25 %, electric 10 %, other 10 %;
- statuses: 40 % of adults without income get a leefloon; 30 % of adults of 65 or over with
  under 1,300 euro get the IGO; 3 % of adults an IVT/IT; 20 % of adults of 18–24 study;
  4 % of adults of 65 or over get the zorgbudget voor ouderen;
- relations (issue 14): in a household of two adults the second is the first's partner in
  80 % of cases, else a parent or adult child in half of the rest (``owes_maintenance``) and a
  friend or sibling otherwise; 6 % of adults have a recognised disability;
- dwellings: 10 % of private tenants rent through a social rental agency (AIS/SVK); 35 % of
  Flemish households live in a designated municipality; 40 % of Brussels families with a
  child of 3+ use a Dutch-language school; 30 % of families with a child under 3 use fixed-price
  Dutch-language childcare in Flanders or Brussels; 40 % of social tenants have a collective
  gas boiler; the net taxable income of three years before is not asked (-1).

CSV columns (one row per person; household columns are read from a household's first row):
``household_id, area, role (adult|child), age, income_work, income_benefits, income_pension,
income_other, statuses ("leefloon;igo", empty for none), started_work_recently (0|1), region,
housing, monthly_rent, social_housing_waiting_years, owns_property (0|1),
rents_from_relative (0|1), yearly_taxable_income, budget_meter, heating``, and optionally
(issue 14) ``is_partner, owes_maintenance, disability_person`` (0|1, per person) and
``dwelling_ais, designated_municipality, dutch_language_school, childcare_fixed_price,
collective_heating`` (0|1) and ``net_taxable_income_3_years_ago`` (empty: not known), per
household. ``area`` may be empty (for example a NIS statistical sector code)."""

import csv
from dataclasses import dataclass

import numpy as np

from . import engine
from .catalogue import RIGHTS

CHUNK_HOUSEHOLDS = 100_000  # about 235,000 persons: progress shows, memory stays low


@dataclass
class Households:
    """A whole population: persons ordered by household, households numbered 0 … n-1."""

    population: engine.Population
    areas: np.ndarray  # one per household ("" when none)

    @property
    def count(self):
        return len(self.areas)


def synthetic(persons, seed=2026):
    """About ``persons`` persons in households drawn from the distributions above."""
    rng = np.random.default_rng(seed)
    n = max(1, int(persons / 2.0) + 1)  # enough: 2.35 persons per household on average
    adults = rng.choice([1, 2], n, p=[0.45, 0.55])
    children = rng.choice([0, 1, 2, 3], n, p=[0.60, 0.15, 0.15, 0.10])
    size = adults + children
    cumulative = np.cumsum(size)
    n = min(n, int(np.searchsorted(cumulative, persons) + 1))  # stop at the person asked for
    adults, children, size = adults[:n], children[:n], size[:n]
    household_of = np.repeat(np.arange(n), size)
    first = np.concatenate(([0], np.cumsum(size)[:-1]))
    rank = np.arange(len(household_of)) - np.repeat(first, size)
    is_child = rank >= np.repeat(adults, size)
    total = len(household_of)

    age = np.where(is_child, rng.integers(0, 18, total), rng.integers(18, 91, total))
    income = rng.lognormal(np.log(1480), 0.6, total) * (rng.random(total) > 0.10) * ~is_child
    old = age >= 65
    benefits_share = (rng.random(total) < 0.10) & ~old
    no_income = (income == 0) & ~is_child
    persons_columns = {
        "age": age,
        "is_child": is_child,
        "income_work": np.where(~old & ~benefits_share, income, 0.0),
        "income_benefits": np.where(benefits_share, income, 0.0),
        "income_pension": np.where(old, income, 0.0),
        "income_other": np.zeros(total),
        "started_work_recently": np.zeros(total, dtype=bool),
        "status_leefloon": no_income & (rng.random(total) < 0.40),
        "status_igo": old & (income < 1300) & ~is_child & (rng.random(total) < 0.30),
        "status_ivt_it": ~is_child & (rng.random(total) < 0.03),
        "status_disability_66": is_child & (rng.random(total) < 0.01),
        "status_unemployed_3_months": ~is_child & ~old & (rng.random(total) < 0.05),
        "status_sick_3_months": ~is_child & ~old & (rng.random(total) < 0.04),
        "status_student": ~is_child & (age <= 24) & (rng.random(total) < 0.20),
        "status_mena": np.zeros(total, dtype=bool),
        "status_zorgbudget_ouderen": old & ~is_child & (rng.random(total) < 0.04),
        "disability_person": ~is_child & (rng.random(total) < 0.06),
    }
    # the second adult of a two-adult household: partner, parent/adult child, or other
    second = (rank == 1) & ~is_child
    relation = rng.random(total)
    persons_columns["is_partner"] = second & (relation < 0.80)
    persons_columns["owes_maintenance"] = second & (relation >= 0.80) & (relation < 0.90)
    monthly = np.bincount(household_of, weights=income, minlength=n)
    region = rng.choice(["vlaanderen", "wallonie", "brussel"], n, p=[0.58, 0.31, 0.11])
    housing = rng.choice(
        ["owner", "private_rent", "social_rent", "homeless", "other"],
        n,
        p=[0.65, 0.20, 0.06, 0.005, 0.085],
    )
    private = housing == "private_rent"
    meter = np.where(
        region == "vlaanderen",
        rng.choice(["none", "electricity", "gas", "both"], n, p=[0.95, 0.03, 0.01, 0.01]),
        "none",
    )
    households = {
        "region": region,
        "housing": housing,
        "monthly_rent": np.where(private, rng.uniform(450, 1100, n), 0.0),
        "social_housing_waiting_years": np.where(
            private & (rng.random(n) < 0.30), rng.uniform(0, 8, n), 0.0
        ),
        "owns_property": housing == "owner",
        "rents_from_relative": private & (rng.random(n) < 0.02),
        "yearly_taxable_income": monthly * 12 * 1.3,
        "budget_meter": meter,
        "heating": rng.choice(["gas", "oil", "electric", "other"], n, p=[0.55, 0.25, 0.1, 0.1]),
    }
    young = np.bincount(household_of, weights=is_child & (age < 3), minlength=n) > 0
    school = np.bincount(household_of, weights=is_child & (age >= 3), minlength=n) > 0
    households["dwelling_ais"] = private & (rng.random(n) < 0.10)
    households["designated_municipality"] = (region == "vlaanderen") & (rng.random(n) < 0.35)
    households["dutch_language_school"] = school & (region == "brussel") & (rng.random(n) < 0.4)
    households["childcare_fixed_price"] = young & (region != "wallonie") & (rng.random(n) < 0.3)
    social = housing == "social_rent"
    households["collective_heating"] = social & (rng.random(n) < 0.40)
    households["heating"] = np.where(households["collective_heating"], "gas", households["heating"])
    households["net_taxable_income_3_years_ago"] = np.full(n, -1.0)
    population = engine.Population(
        persons_columns, households, household_of, np.where(is_child, "child", "adult")
    )
    return Households(population, np.full(n, "", dtype=object))


class CsvError(ValueError):
    pass


BOOL = {"": False, "0": False, "1": True, "false": False, "true": True, "nee": False, "ja": True}
CHOICES = {
    "role": {"adult", "child"},
    "region": {"vlaanderen", "brussel", "wallonie"},
    "housing": {"private_rent", "social_rent", "owner", "homeless", "other"},
    "budget_meter": {"none", "gas", "electricity", "both"},
    "heating": {"gas", "oil", "electric", "other"},
}


PERSON_FLAGS = ("is_partner", "owes_maintenance", "disability_person")
HOUSEHOLD_FLAGS = (
    "dwelling_ais", "designated_municipality", "dutch_language_school", "childcare_fixed_price",
    "collective_heating",
)  # fmt: skip


def _number(row, name, line):
    text = (row.get(name) or "0").strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise CsvError(f"line {line}: {name} must be a number, not {text!r}") from None
    if value < 0:
        raise CsvError(f"line {line}: {name} cannot be negative")
    return value


def _choice(row, name, line, default):
    value = (row.get(name) or default).strip()
    if value not in CHOICES[name]:
        allowed = ", ".join(sorted(CHOICES[name]))
        raise CsvError(f"line {line}: {name} must be one of {allowed}, not {value!r}")
    return value


def _flag(row, name, line):
    text = (row.get(name) or "").strip().lower()
    if text not in BOOL:
        raise CsvError(f"line {line}: {name} must be 0 or 1, not {text!r}")
    return BOOL[text]


def read_csv(path):
    """Read persons from ``path``; a bad row stops the import with its line number."""
    persons = {name: [] for name in engine.PERSON_INPUTS}
    households = {name: [] for name in engine.HOUSEHOLD_INPUTS}
    household_of, roles, areas, index = [], [], [], {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "household_id" not in reader.fieldnames:
            raise CsvError("the first line must name the columns, with at least household_id")
        for line, row in enumerate(reader, start=2):
            key = (row.get("household_id") or "").strip()
            if not key:
                raise CsvError(f"line {line}: household_id is empty")
            if key not in index:
                index[key] = len(index)
                areas.append((row.get("area") or "").strip())
                households["region"].append(_choice(row, "region", line, "vlaanderen"))
                households["housing"].append(_choice(row, "housing", line, "other"))
                for name in ("monthly_rent", "social_housing_waiting_years"):
                    households[name].append(_number(row, name, line))
                for name in ("owns_property", "rents_from_relative"):
                    households[name].append(_flag(row, name, line))
                households["yearly_taxable_income"].append(
                    _number(row, "yearly_taxable_income", line)
                )
                households["budget_meter"].append(_choice(row, "budget_meter", line, "none"))
                households["heating"].append(_choice(row, "heating", line, "other"))
                for name in HOUSEHOLD_FLAGS:
                    households[name].append(_flag(row, name, line))
                three = (row.get("net_taxable_income_3_years_ago") or "").strip()
                households["net_taxable_income_3_years_ago"].append(
                    _number(row, "net_taxable_income_3_years_ago", line) if three else -1.0
                )
            role = _choice(row, "role", line, "adult")
            age = _number(row, "age", line)
            statuses = {s.strip() for s in (row.get("statuses") or "").split(";") if s.strip()}
            unknown = statuses - set(engine.STATUSES)
            if unknown:
                raise CsvError(f"line {line}: unknown status {sorted(unknown)[0]!r}")
            persons["age"].append(int(age))
            persons["is_child"].append(role == "child")
            for name in ("income_work", "income_benefits", "income_pension", "income_other"):
                persons[name].append(_number(row, name, line))
            persons["started_work_recently"].append(_flag(row, "started_work_recently", line))
            for name in PERSON_FLAGS:
                persons[name].append(_flag(row, name, line))
            for status in engine.STATUSES:
                persons[f"status_{status}"].append(status in statuses)
            household_of.append(index[key])
            roles.append(role)
    if not household_of:
        raise CsvError("the file has no persons")
    order = np.argsort(np.array(household_of), kind="stable")
    population = engine.Population(
        {name: np.array(values)[order] for name, values in persons.items()},
        {name: np.array(values) for name, values in households.items()},
        np.array(household_of)[order],
        np.array(roles)[order],
    )
    return Households(population, np.array(areas, dtype=object))


def _chunks(households, size):
    population = households.population
    starts = np.searchsorted(population.household_of, np.arange(0, households.count, size))
    ends = list(starts[1:]) + [population.size]
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        first = number * size
        last = min(first + size, households.count)
        yield (
            engine.Population(
                {k: v[start:end] for k, v in population.persons.items()},
                {k: v[first:last] for k, v in population.households.items()},
                population.household_of[start:end] - first,
                population.roles[start:end],
            ),
            households.areas[first:last],
        )


def estimate(households, when, progress=None, chunk=CHUNK_HOUSEHOLDS):
    """Per (area, right id): how many households the rules say "yes" for. ``progress`` is
    called with the number of persons done after each chunk."""
    counts = {}
    period = engine.period_of(when)
    for population, areas in _chunks(households, chunk):
        simulation = engine.simulate(population, when)
        # the areas of a chunk, sorted once (sorting strings per right cost most of the time)
        names, area_of = np.unique(areas, return_inverse=True)
        area_of = area_of.ravel()
        for right in RIGHTS:
            yes = simulation.calculate(right.verdict, period) > 0
            if len(names) == 1:
                per_area = [int(np.count_nonzero(yes))]
            else:
                per_area = np.bincount(area_of[yes], minlength=len(names)).tolist()
            for area, count in zip(names, per_area, strict=True):
                key = (area, right.id)
                counts[key] = counts.get(key, 0) + int(count)
        if progress:
            progress(population.size)
    return counts
