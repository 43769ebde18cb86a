"""Run the rules (the ``stek_rules`` OpenFisca package) on one household or on millions.

Both the check and the population estimate go through ``simulate``: persons and households
are given as columns (NumPy arrays), so one household is simply a population of one."""

import logging
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
from openfisca_core.simulations import SimulationBuilder

PERSON_INPUTS = (
    "age", "is_child", "income_work", "income_benefits", "income_pension", "income_other",
    "started_work_recently", "status_leefloon", "status_igo", "status_ivt_it",
    "status_disability_66", "status_unemployed_3_months", "status_sick_3_months",
    "status_student", "status_mena",
)  # fmt: skip
HOUSEHOLD_INPUTS = (
    "region", "housing", "monthly_rent", "social_housing_waiting_years", "owns_property",
    "rents_from_relative", "yearly_taxable_income", "budget_meter", "heating",
)  # fmt: skip
STATUSES = (
    "leefloon", "igo", "ivt_it", "disability_66", "unemployed_3_months", "sick_3_months",
    "student", "mena",
)  # fmt: skip


@cache
def system():
    """The tax-benefit system, built once per process (loading it takes about a second)."""
    logging.getLogger("openfisca_core.taxbenefitsystems.tax_benefit_system").setLevel(
        logging.ERROR
    )  # it warns that the package has no metadata, on every load
    from stek_rules import CountryTaxBenefitSystem

    return CountryTaxBenefitSystem()


def _walk(node, prefix=""):
    for name, child in getattr(node, "children", {}).items():
        path = f"{prefix}{name}"
        if hasattr(child, "values_list"):
            yield path, child
        elif hasattr(child, "brackets"):
            for bracket in child.brackets:
                for key in ("threshold", "amount"):
                    if hasattr(bracket, key):
                        yield path, getattr(bracket, key)
        else:
            yield from _walk(child, f"{path}.")


@cache
def valid_dates():
    """(first, last) date the rules can answer for.

    The first is the latest first-date of any parameter: before it, a parameter has no value.
    The last is the end of next year: the rules do not know future indexations, so a check
    further ahead would pretend to know what it cannot."""
    first = max(
        date.fromisoformat(min(v.instant_str for v in p.values_list))
        for _path, p in _walk(system().parameters)
    )
    return first, date(date.today().year + 1, 12, 31)


class DateOutOfRange(ValueError):
    pass


def check_date(when):
    first, last = valid_dates()
    if not first <= when <= last:
        raise DateOutOfRange(
            f"The rules can answer for dates from {first.isoformat()} to {last.isoformat()}."
        )


@dataclass
class Population:
    """Columns of persons and households. ``household_of`` gives each person's household
    index (0 … households-1); roles are "adult" or "child"."""

    persons: dict
    households: dict
    household_of: np.ndarray
    roles: np.ndarray

    @property
    def size(self):
        return len(self.household_of)


def simulate(population, when):
    """A simulation for the month of ``when``; call ``.calculate(variable, period)`` on it."""
    check_date(when)
    builder = SimulationBuilder()
    builder.create_entities(system())
    builder.declare_person_entity("person", np.arange(population.size))
    count = len(next(iter(population.households.values())))
    households = builder.declare_entity("household", np.arange(count))
    # Roles as indices (0 adult, 1 child): OpenFisca maps strings with a slow numpy.select.
    roles = (population.roles == "child").astype(np.int8)
    builder.join_with_persons(households, population.household_of, roles)
    simulation = builder.build(system())
    period = period_of(when)
    for name, values in population.persons.items():
        simulation.set_input(name, period, values)
    for name, values in population.households.items():
        simulation.set_input(name, period, values)
    return simulation


def period_of(when):
    return f"{when.year:04d}-{when.month:02d}"


def parameter_at(path, when):
    """The value of a parameter on a date, with the date it took effect, its reference, its
    unit and whether rights-facts.md marks it as unconfirmed."""
    node = system().parameters
    for part in path.split("."):
        node = node.children[part]
    instant = when.isoformat()
    unit = (getattr(node, "metadata", None) or {}).get("unit", "")
    for value in node.values_list:  # newest first
        if value.instant_str <= instant:
            meta = value.metadata or {}
            return {
                "value": value.value,
                "since": date.fromisoformat(value.instant_str),
                "reference": meta.get("reference", ""),
                "unconfirmed": bool(meta.get("unconfirmed")),
                "note": meta.get("note", ""),
                "unit": unit,
            }
    raise DateOutOfRange(path)
