"""Run the rules (the ``stek_rules`` OpenFisca package) on one household or on millions.

Both the check and the population estimate go through ``simulate``: persons and households
are given as columns (NumPy arrays), so one household is simply a population of one."""

import logging
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.indexed_enums.config import ENUM_ARRAY_DTYPE
from openfisca_core.periods import Period
from openfisca_core.simulations import Simulation, SimulationBuilder

PERSON_INPUTS = (
    "age", "is_child", "income_work", "income_benefits", "income_pension", "income_other",
    "started_work_recently", "status_leefloon", "status_igo", "status_ivt_it",
    "status_disability_66", "status_unemployed_3_months", "status_sick_3_months",
    "status_student", "status_mena",
    # issue 14
    "status_zorgbudget_ouderen", "is_partner", "owes_maintenance", "disability_person",
)  # fmt: skip
HOUSEHOLD_INPUTS = (
    "region", "housing", "monthly_rent", "social_housing_waiting_years", "owns_property",
    "rents_from_relative", "yearly_taxable_income", "budget_meter", "heating",
    # issue 14
    "dwelling_ais", "designated_municipality", "dutch_language_school", "childcare_fixed_price",
    "collective_heating", "net_taxable_income_3_years_ago",
)  # fmt: skip
STATUSES = (
    "leefloon", "igo", "ivt_it", "disability_66", "unemployed_3_months", "sick_3_months",
    "student", "mena", "zorgbudget_ouderen",
)  # fmt: skip
# The default of every input: what the rules assume when a question is not asked. A column
# that is missing or empty is left out of the simulation, so this default applies.
INPUT_DEFAULTS = {
    "age": 0, "is_child": False, "income_work": 0.0, "income_benefits": 0.0,
    "income_pension": 0.0, "income_other": 0.0, "started_work_recently": False,
    **{f"status_{status}": False for status in STATUSES},
    "is_partner": False, "owes_maintenance": False, "disability_person": False,
    "region": "vlaanderen", "housing": "other", "monthly_rent": 0.0,
    "social_housing_waiting_years": 0.0, "owns_property": False, "rents_from_relative": False,
    "yearly_taxable_income": 0.0, "budget_meter": "none", "heating": "other",
    "dwelling_ais": False, "designated_municipality": False, "dutch_language_school": False,
    "childcare_fixed_price": False, "collective_heating": False,
    "net_taxable_income_3_years_ago": -1.0,
}  # fmt: skip


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
    simulation.__class__ = _Simulation
    simulation._stek_memo = {}
    period = period_of(when)
    variables = system().variables
    for columns, size in ((population.persons, population.size), (population.households, count)):
        for name, values in columns.items():
            if len(values) == size:  # an empty column (a question not asked) keeps the default
                simulation.set_input(name, period, _encoded(variables.get(name), values))
    return simulation


class _Simulation(Simulation):
    """A simulation that answers a variable it already calculated from a dict: the rules
    read the same variables many times (``person("age", period)`` in several formulas), and
    OpenFisca's own cache costs about ten checks and lookups per read, which is most of the
    time of a check for one household. The values are the same arrays OpenFisca caches.

    After a circular definition (OpenFisca invalidates values it computed meanwhile) the memo
    is dropped and no longer used for this simulation."""

    def calculate(self, variable_name, period):
        memo = self._stek_memo
        if memo is None or type(period) is not Period:
            return super().calculate(variable_name, period)
        key = (variable_name, period)
        found = memo.get(key)
        if found is None:
            found = super().calculate(variable_name, period)
            if self._stek_memo is not None:
                memo[key] = found
        return found

    def purge_cache_of_invalid_values(self):
        if self.invalidated_caches:
            self._stek_memo = None
        super().purge_cache_of_invalid_values()


def _encoded(variable, values):
    """A column of enum names as an ``EnumArray``, one comparison per member: OpenFisca's own
    encoding sorts the whole column (``numpy.isin``). Anything else, or a name that is not a
    member, goes to OpenFisca unchanged (it raises the same error as before)."""
    if variable is None or variable.value_type is not Enum:
        return values
    values = np.asarray(values)
    if values.dtype.kind != "U" or values.ndim != 1:
        return values
    indices = np.zeros(len(values), dtype=ENUM_ARRAY_DTYPE)
    matched = np.zeros(len(values), dtype=bool)
    for index, name in enumerate(variable.possible_values.names):
        hit = values == name
        indices[hit] = index
        matched |= hit
    if not matched.all():
        return values
    return EnumArray(indices, variable.possible_values)


def period_of(when):
    return f"{when.year:04d}-{when.month:02d}"


CYCLES = ("pivot", "january", "september", "yearly", "none")


def _node(path):
    node = system().parameters
    for part in path.split("."):
        node = node.children[part]
    return node


def _value_at(node, instant):
    for value in node.values_list:  # newest first
        if value.instant_str <= instant:
            return value
    return None


def _meta(node):
    return dict(getattr(node, "metadata", None) or {})


def _last(day, month, when):
    """The last ``month``/``day`` on or before ``when``."""
    candidate = date(when.year, month, day)
    return candidate if candidate <= when else date(when.year - 1, month, day)


def _cycle_stale(cycle, since, when, index_steps=(), expected=None):
    """Why a value of ``since`` is older than its cycle allows on ``when`` ("" if it is not)."""
    if cycle == "january" and since < _last(1, 1, when):
        return f"indexed every January; this value dates from {since.isoformat()}"
    if cycle == "september" and since < _last(1, 9, when):
        return f"indexed every September; this value dates from {since.isoformat()}"
    if cycle == "yearly" and (when - since).days > 366:
        return f"updated every year; this value dates from {since.isoformat()}"
    if cycle == "pivot":
        newer = [step for step in index_steps if since < step <= when]
        confirmed = [step for step in newer if step != expected]
        if confirmed:
            return f"an index step on {confirmed[-1].isoformat()} is newer than this value"
        if newer:
            return (
                f"an index step was expected on {expected.isoformat()} (forecast, not confirmed);"
                f" this value dates from {since.isoformat()}"
            )
    return ""


def _index_steps(index_path, when):
    """The index steps (dates) up to ``when`` with the expected (forecast) step if it has
    passed, and that expected step (or None)."""
    node = _node(index_path)
    steps = sorted(date.fromisoformat(v.instant_str) for v in node.values_list)
    expected = _meta(node).get("expected_next_step")
    expected = date.fromisoformat(str(expected)) if expected else None
    if expected and expected <= when and expected > steps[-1]:
        steps.append(expected)
    return [step for step in steps if step <= when], expected


def parameter_info(path, on_date):
    """A copy of ``_parameter_info`` (cached: the parameters do not change in a process)."""
    return dict(_parameter_info(path, on_date))


@cache
def _parameter_info(path, on_date):
    """What a visitor should know about a parameter on a date: the value in force, since when,
    its source, when it was last confirmed, whether it is unconfirmed, its indexation cycle,
    and whether it is ``stale`` (older than its cycle allows, or unconfirmed).

    A parameter tied to an index coefficient (metadata ``indexed_by``) gives the amount in
    force: its base × the coefficient, or the published value of the same index step (the
    rule of ``stek_rules.common.indexed``). Raises ``DateOutOfRange`` before its first value
    and ``KeyError`` for an unknown path."""
    from stek_rules.common import SAME_STEP

    node = _node(path)
    meta = _meta(node)
    instant = on_date.isoformat()
    value = _value_at(node, instant)
    cycle = meta.get("indexation", "none")
    index_path = meta.get("indexed_by")
    base_path = meta.get("base")
    result = None
    if index_path:
        coefficient = _value_at(_node(index_path), instant)
        base = _value_at(_node(base_path), instant) if base_path else value
        if coefficient is None or base is None:
            raise DateOutOfRange(path)
        computed = round(base.value * coefficient.value, 2)
        published_ok = (
            value is not None and base_path and abs(value.value - computed) <= SAME_STEP * computed
        )
        if not published_ok:
            since = max(
                date.fromisoformat(base.instant_str), date.fromisoformat(coefficient.instant_str)
            )
            base_meta, coef_meta = base.metadata or {}, coefficient.metadata or {}
            confirmed = [
                str(m.get("last_confirmed", "")) for m in (base_meta, coef_meta)
                if m.get("last_confirmed")
            ]  # fmt: skip
            result = {
                "value": computed,
                "valid_from": since,
                "reference": base_meta.get("reference", ""),
                "index_reference": coef_meta.get("reference", ""),
                "last_confirmed": date.fromisoformat(min(confirmed)) if confirmed else None,
                # a computed amount was not seen in a source, unless the coefficient is 1
                "unconfirmed": bool(
                    base_meta.get("unconfirmed")
                    or coef_meta.get("unconfirmed")
                    or coefficient.value != 1
                ),
                "computed": True,
                "note": f"{base.value} × {coefficient.value} ({index_path})",
            }
    if result is None:
        if value is None:
            raise DateOutOfRange(path)
        vmeta = value.metadata or {}
        confirmed = vmeta.get("last_confirmed")
        result = {
            "value": value.value,
            "valid_from": date.fromisoformat(value.instant_str),
            "reference": vmeta.get("reference", ""),
            "index_reference": "",
            "last_confirmed": date.fromisoformat(str(confirmed)) if confirmed else None,
            "unconfirmed": bool(vmeta.get("unconfirmed")),
            "computed": False,
            "note": vmeta.get("note", ""),
        }
    steps, expected = (
        _index_steps(index_path or "index.spilindex", on_date) if cycle == "pivot" else ([], None)
    )
    if index_path:
        # amounts computed from the coefficient are as fresh as the coefficient itself
        coef_node = _node(index_path)
        coef = _value_at(coef_node, instant)
        coef_since = date.fromisoformat(coef.instant_str)
        reason = _cycle_stale(
            _meta(coef_node).get("indexation", "none") if cycle != "pivot" else "pivot",
            coef_since if result["computed"] else result["valid_from"],
            on_date,
            steps,
            expected,
        )
    else:
        reason = _cycle_stale(cycle, result["valid_from"], on_date, steps, expected)
    if result["unconfirmed"] and not reason:
        reason = "not confirmed against an official source"
    result.update(
        indexation=cycle,
        stale=bool(reason),
        stale_reason=reason,
        unit=meta.get("unit", ""),
    )
    return result


def parameter_at(path, when):
    """The value of a parameter on a date, with the date it took effect, its reference, its
    unit and whether it is unconfirmed — plus everything ``parameter_info`` gives."""
    info = parameter_info(path, when)
    return {**info, "since": info["valid_from"]}
