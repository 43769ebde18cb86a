"""Evaluate one household: per right a status, an amount, and the conditions that decided."""

from dataclasses import dataclass, field

import numpy as np
from openfisca_core import periods

from stek.core.memo import Lru

from . import engine, explain
from .catalogue import POINTERS, RIGHTS

LIKELY, MAYBE, UNLIKELY = "likely", "maybe", "unlikely"


def _input(answers, name, defaults):
    value = getattr(answers, name, None)
    if value is None:  # not asked (or an input the answers do not know yet): the default
        return defaults.get(name, -1 if name == "net_taxable_income_3_years_ago" else False)
    return value


def population(households):
    """Columns for a list of ``CheckAnswers`` (usually one)."""
    defaults = getattr(engine, "INPUT_DEFAULTS", {})
    persons = {name: [] for name in engine.PERSON_INPUTS}
    statuses_of = {f"status_{status}": status for status in engine.STATUSES}
    household_of, roles = [], []
    for index, answers in enumerate(households):
        for person in answers.persons:
            statuses = set(person.statuses)
            income = person.monthly_income
            for name in engine.PERSON_INPUTS:
                if name == "is_child":
                    value = person.role == "child"
                elif name.startswith("income_"):
                    value = getattr(income, name[7:])
                elif name in statuses_of:
                    value = statuses_of[name] in statuses
                else:
                    value = _input(person, name, defaults)
                persons[name].append(value)
            household_of.append(index)
            roles.append(person.role)
    columns = {name: [] for name in engine.HOUSEHOLD_INPUTS}
    for answers in households:
        for name in engine.HOUSEHOLD_INPUTS:
            if name == "region":
                columns[name].append(answers.region)
            else:
                columns[name].append(_input(answers.household, name, defaults))
    return engine.Population(
        persons={name: np.array(values) for name, values in persons.items()},
        households={name: np.array(values) for name, values in columns.items()},
        household_of=np.array(household_of),
        roles=np.array(roles),
    )


@dataclass
class ConditionResult:
    condition: object
    met: bool | None
    values: list = field(default_factory=list)  # (label, value, kind)
    parameters: list = field(default_factory=list)  # (label, explain.parameter_info dict)
    right: object = None
    data: dict = field(default_factory=dict)  # variable -> this household's value
    answers: object = None

    @property
    def explanation(self):
        """The sentence for this household: what holds, or what does not (in the active
        language)."""
        return explain.sentence(
            self.right, self.condition, self.met, self.data, self.answers, self.answers.date
        )

    @property
    def measured(self):
        """(the household's value, the threshold, their kind) for the API; None if unknown."""
        text = explain.text_for(self.right, self.condition)
        if text is None:
            return None, None, ""
        value, threshold = explain.measure(text, self.data, self.answers.date)
        return value, threshold, text.kind


@dataclass
class RightResult:
    right: object
    status: str
    amount_monthly: float | None
    yearly_ceiling: float | None
    automatic: bool
    conditions: list
    unknown: list
    in_region: bool = True
    next_steps: list = field(default_factory=list)
    amounts: list = field(default_factory=list)  # (label, value, kind): per person, household
    amount_yearly: float | None = None

    @property
    def id(self):
        return self.right.id

    @property
    def everyone(self):
        """A right everyone has (the maximumfactuur): shown with its value, not "probably"."""
        return self.id in explain.EVERYONE

    @property
    def resting_on(self):
        """The parameters this result rests on: those of the conditions that decided it."""
        conditions = self.deciding if self.status == UNLIKELY else self.conditions
        return [p for c in conditions for _label, p in c.parameters]

    @property
    def doubts(self):
        """The parameters it rests on that may be out of date or are unconfirmed."""
        return [p for p in self.resting_on if p.get("stale") or p.get("unconfirmed")]

    @property
    def stale(self):
        return bool(self.doubts)

    @property
    def last_checked(self):
        """The oldest date a doubtful parameter was last confirmed (None if never)."""
        dates = [p["last_confirmed"] for p in self.doubts if p.get("last_confirmed")]
        return min(dates) if dates else None

    @property
    def references(self):
        seen = []
        for condition in self.conditions:
            for _label, parameter in condition.parameters:
                if parameter["reference"] and parameter["reference"] not in seen:
                    seen.append(parameter["reference"])
        return seen

    @property
    def deciding(self):
        """The conditions that made it unlikely (empty when it is likely or maybe)."""
        if self.status != UNLIKELY:
            return []
        return [c for c in self.conditions if c.met is False and not c.condition.informative]

    @property
    def unconfirmed(self):
        return any(p.get("unconfirmed") for p in self.resting_on)


@dataclass
class CheckResult:
    date: object
    rights: list
    pointers: list

    def by_status(self, status):
        """The rights with this status for the household's region (the rights of another
        region are in ``other_region``; the rights of everyone in ``for_everyone``)."""
        return [r for r in self.rights if r.status == status and r.in_region and not r.everyone]

    @property
    def for_everyone(self):
        return [r for r in self.rights if r.everyone and r.in_region]

    @property
    def other_region(self):
        return [r for r in self.rights if not r.in_region]

    @property
    def next_steps(self):
        return [(r, step) for r in self.rights for step in r.next_steps]


def _value(simulation, variable, period):
    """One household's value of ``variable``, read once per simulation (the check reads the
    same variables for several rights; OpenFisca's own cache still costs a lookup per call)."""
    memo = simulation.__dict__.setdefault("_stek_values", {})
    if variable not in memo:
        value = simulation.calculate(variable, period)[0]
        memo[variable] = value.item() if hasattr(value, "item") else value
    return memo[variable]


_NAMES = {}


def _names(right):
    """The variables the texts of ``right`` read, known to the rules (worked out once per
    right: the catalogue and the texts do not change in a process)."""
    names = _NAMES.get(right.id)
    if names is None:
        known = engine.system().variables
        names = [v for c in right.conditions for v, _label, _kind in c.values]
        names += [c.variable for c in right.conditions]
        names += explain.variables_for(right) + list(explain.NEXT_VARIABLES)
        names = _NAMES[right.id] = tuple(name for name in dict.fromkeys(names) if name in known)
    return names


def _data(simulation, right, period):
    """This household's values of the variables the texts of ``right`` read."""
    return {name: _value(simulation, name, period) for name in _names(right)}


# The last results per process, keyed by the answers themselves (the rules do not change while
# the process runs): the results page read again (printed, another language, the services
# tab) skips the simulation. Kept in memory only, never stored; a result is read, not changed.
_RESULTS = Lru(64)


def evaluate(answers):
    """The result of the check for one ``CheckAnswers``. Stores nothing."""
    return _RESULTS.get_or_compute(answers.model_dump_json(), lambda: _evaluate(answers))


def _evaluate(answers):
    when = answers.date
    period = periods.period(engine.period_of(when))  # parsed once, not on every read
    simulation = engine.simulate(population([answers]), when)
    results = []
    fill = {"leefloon_categorie": _value(simulation, "leefloon_categorie", period)}
    for right in RIGHTS:
        data = _data(simulation, right, period)
        conditions = []
        for condition in right.conditions:
            met = bool(data[condition.variable])
            values = [(label, data[variable], kind) for variable, label, kind in condition.values]
            parameters = [
                (label, explain.parameter_info(path.format(**fill), when))
                for path, label in condition.parameters
            ]
            conditions.append(
                ConditionResult(condition, met, values, parameters, right, data, answers)
            )
        yes = bool(_value(simulation, right.verdict, period) > 0)
        status = (MAYBE if right.unknown else LIKELY) if yes else UNLIKELY
        automatic = right.automatic
        if isinstance(automatic, str):
            automatic = bool(_value(simulation, automatic, period))
        amount = (
            round(_value(simulation, right.amount, period), 2) if right.amount and yes else None
        )
        ceiling = (
            round(_value(simulation, right.yearly_ceiling, period), 2)
            if right.yearly_ceiling
            else None
        )
        amounts = (
            [
                (label, round(_value(simulation, variable, period), 2), kind)
                for variable, label, kind in getattr(right, "amounts", ())
            ]
            if yes
            else []
        )  # only shown for a "yes": not calculated otherwise
        yearly = getattr(right, "yearly_amount", "")
        result = RightResult(
            right,
            status,
            amount,
            ceiling,
            automatic,
            conditions,
            list(right.unknown),
            in_region=answers.region in right.regions,
            amounts=amounts,
            amount_yearly=round(_value(simulation, yearly, period), 2) if yearly and yes else None,
        )
        result.next_steps = explain.next_steps(result, answers, data)
        results.append(result)
    pointers = [p for p in POINTERS if _value(simulation, p.variable, period)]
    return CheckResult(when, results, pointers)
