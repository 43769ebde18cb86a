"""Minimale levering (Flemish budget meter), Groeipakket sociale toeslag and schooltoeslag, and
the Sociaal Verwarmingsfonds."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, any_member_has
from stek_rules.entities import Household
from stek_rules.inputs import BudgetMeter, Heating, Region

MONTH = DateUnit.MONTH


class minimale_levering_voorwaarde_budgetmeter(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Minimale levering: een budgetmeter in Vlaanderen"

    def formula(household, period):
        meter = household("budget_meter", period)
        return (meter != BudgetMeter.none) * (household("region", period) == Region.vlaanderen)


class minimale_levering_voorwaarde_winter_gas(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Minimale levering gas: budgetmeter voor gas en het is winter (1 november – 31 maart)"

    def formula(household, period):
        meter = household("budget_meter", period)
        gas = (meter == BudgetMeter.gas) + (meter == BudgetMeter.both)
        winter = period.start.month in (11, 12, 1, 2, 3)
        return gas * winter


class minimale_levering(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Minimale levering: het OCMW kan beslissen (na een sociaal onderzoek)"

    def formula(household, period):
        return household("minimale_levering_voorwaarde_budgetmeter", period)


class groeipakket_voorwaarde_kinderen_vlaanderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket: kinderen, en het gezin woont in Vlaanderen"

    def formula(household, period):
        kinderen = household("children_count", period) > 0
        return kinderen * (household("region", period) == Region.vlaanderen)


class groeipakket_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket: leefloon, IGO of een inkomensvervangende tegemoetkoming"

    def formula(household, period):
        return any_member_has(household, period, "status_leefloon", "status_igo", "status_ivt_it")


class groeipakket_voorwaarde_inkomen_sociale_toeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag: het inkomen is niet hoger dan de laagste grens"

    def formula(household, period, parameters):
        grens = parameters(period).groeipakket.sociale_toeslag_inkomensgrens
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class groeipakket_sociale_toeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket sociale toeslag: waarschijnlijk recht"

    def formula(household, period):
        inkomen = household("groeipakket_voorwaarde_inkomen_sociale_toeslag", period)
        status = household("groeipakket_voorwaarde_status", period)
        return household("groeipakket_voorwaarde_kinderen_vlaanderen", period) * (inkomen + status)


class groeipakket_voorwaarde_schoolgaand(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: een kind van 3 of ouder (kleuter-, lager of secundair onderwijs)"

    def formula(household, period):
        leeftijd = household.members("age", period)
        return household.any(household.members("is_child", period) * (leeftijd >= 3))


class groeipakket_voorwaarde_inkomen_schooltoeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: het inkomen is niet hoger dan de hoogste grens"

    def formula(household, period, parameters):
        grens = parameters(period).groeipakket.schooltoeslag_inkomensgrens
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class groeipakket_schooltoeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket schooltoeslag: inkomen onder de hoogste grens, met schoolgaande kinderen"

    def formula(household, period):
        return (
            household("groeipakket_voorwaarde_schoolgaand", period)
            * household("groeipakket_voorwaarde_inkomen_schooltoeslag", period)
            * (household("region", period) == Region.vlaanderen)
        )


class verwarmingsfonds_voorwaarde_brandstof(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: verwarmt met stookolie, petroleum of propaan in bulk"

    def formula(household, period):
        return household("heating", period) == Heating.oil


class verwarmingsfonds_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: verhoogde tegemoetkoming of een laag inkomen"

    def formula(household, period, parameters):
        p = parameters(period).verwarmingsfonds
        grens = p.inkomensgrens + p.verhoging_per_persoon_ten_laste * household(
            "children_count", period
        )
        laag = household("yearly_taxable_income", period) <= grens + TOLERANCE
        return np.logical_or(laag, household("verhoogde_tegemoetkoming", period))


class verwarmingsfonds(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociaal Verwarmingsfonds: waarschijnlijk recht (aanvragen binnen 60 dagen na levering)"

    def formula(household, period):
        return household("verwarmingsfonds_voorwaarde_brandstof", period) * household(
            "verwarmingsfonds_voorwaarde_inkomen", period
        )
