"""Evaluate one household: per right a status, an amount, and the conditions that decided."""

from dataclasses import dataclass, field

import numpy as np

from . import engine
from .catalogue import POINTERS, RIGHTS

LIKELY, MAYBE, UNLIKELY = "likely", "maybe", "unlikely"


def population(households):
    """Columns for a list of ``CheckAnswers`` (usually one)."""
    persons = {name: [] for name in engine.PERSON_INPUTS}
    household_of, roles = [], []
    for index, answers in enumerate(households):
        for person in answers.persons:
            statuses = set(person.statuses)
            persons["age"].append(person.age)
            persons["is_child"].append(person.role == "child")
            persons["income_work"].append(person.monthly_income.work)
            persons["income_benefits"].append(person.monthly_income.benefits)
            persons["income_pension"].append(person.monthly_income.pension)
            persons["income_other"].append(person.monthly_income.other)
            persons["started_work_recently"].append(person.started_work_recently)
            for status in engine.STATUSES:
                persons[f"status_{status}"].append(status in statuses)
            household_of.append(index)
            roles.append(person.role)
    columns = {name: [] for name in engine.HOUSEHOLD_INPUTS}
    for answers in households:
        columns["region"].append(answers.region)
        for name in engine.HOUSEHOLD_INPUTS[1:]:
            columns[name].append(getattr(answers.household, name))
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
    parameters: list = field(default_factory=list)  # (label, parameter_at(...) dict)


@dataclass
class RightResult:
    right: object
    status: str
    amount_monthly: float | None
    yearly_ceiling: float | None
    automatic: bool
    conditions: list
    unknown: list

    @property
    def id(self):
        return self.right.id

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
        return any(p["unconfirmed"] for c in self.conditions for _label, p in c.parameters)


@dataclass
class CheckResult:
    date: object
    rights: list
    pointers: list

    def by_status(self, status):
        return [result for result in self.rights if result.status == status]


def _value(simulation, variable, period):
    value = simulation.calculate(variable, period)[0]
    return value.item() if hasattr(value, "item") else value


def evaluate(answers):
    """The result of the check for one ``CheckAnswers``. Stores nothing."""
    when = answers.date
    period = engine.period_of(when)
    simulation = engine.simulate(population([answers]), when)
    results = []
    for right in RIGHTS:
        conditions = []
        for condition in right.conditions:
            met = bool(_value(simulation, condition.variable, period))
            values = [
                (label, _value(simulation, variable, period), kind)
                for variable, label, kind in condition.values
            ]
            fill = {"leefloon_categorie": _value(simulation, "leefloon_categorie", period)}
            parameters = [
                (label, engine.parameter_at(path.format(**fill), when))
                for path, label in condition.parameters
            ]
            conditions.append(ConditionResult(condition, met, values, parameters))
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
        results.append(
            RightResult(right, status, amount, ceiling, automatic, conditions, list(right.unknown))
        )
    pointers = [p for p in POINTERS if _value(simulation, p.variable, period)]
    return CheckResult(when, results, pointers)
