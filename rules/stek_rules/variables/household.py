"""Household facts derived from the persons."""

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.entities import Household, Person


class monthly_income(Variable):
    value_type = float
    entity = Person
    definition_period = DateUnit.MONTH
    label = "Inkomen per maand (werk, uitkeringen, pensioen, ander)"

    def formula(person, period):
        return (
            person("income_work", period)
            + person("income_benefits", period)
            + person("income_pension", period)
            + person("income_other", period)
        )


class household_size(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Aantal personen in het huishouden"

    def formula(household, period):
        return household.nb_persons()


class adults_count(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Aantal volwassenen"

    def formula(household, period):
        return household.sum(household.members("is_child", period) == 0)


class children_count(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Aantal kinderen"

    def formula(household, period):
        return household.sum(household.members("is_child", period))


class household_monthly_income(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Inkomen van het huishouden per maand"

    def formula(household, period):
        return household.sum(household.members("monthly_income", period))
