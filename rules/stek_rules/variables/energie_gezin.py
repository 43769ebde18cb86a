"""Minimale levering (Flemish budget meter) and the Sociaal Verwarmingsfonds (the Groeipakket
moved to groeipakket.py).

Verwarmingsfonds: a "person ten laste" is any member of the household (not only a child) with
a net yearly income under the limit (3,820 euro from May 2024); the applicant is not one. The
income limit follows the pivot index (``verwarmingsfonds.inkomensgrens_basis`` ×
``spilindex_coefficient``)."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, eq, indexed
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
        return (~eq(meter, BudgetMeter.none)) * (eq(household("region", period), Region.vlaanderen))


class minimale_levering_voorwaarde_winter_gas(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Minimale levering gas: budgetmeter voor gas en het is winter (1 november – 31 maart)"

    def formula(household, period):
        meter = household("budget_meter", period)
        gas = (eq(meter, BudgetMeter.gas)) + (eq(meter, BudgetMeter.both))
        winter = period.start.month in (11, 12, 1, 2, 3)
        return gas * winter


class minimale_levering(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Minimale levering: het OCMW kan beslissen (na een sociaal onderzoek)"

    def formula(household, period):
        return household("minimale_levering_voorwaarde_budgetmeter", period)


class verwarmingsfonds_voorwaarde_brandstof(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: verwarmt met stookolie, petroleum of propaan in bulk"

    def formula(household, period):
        return eq(household("heating", period), Heating.oil)


class verwarmingsfonds_personen_ten_laste(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: gezinsleden met een netto jaarinkomen onder de grens"

    def formula(household, period, parameters):
        grens = parameters(period).verwarmingsfonds.ten_laste_inkomensgrens
        jaar = household.members("monthly_income", period) * 12
        onder = household.sum(jaar < grens)
        iemand_erboven = household.any(jaar >= grens)
        return np.where(iemand_erboven, onder, np.maximum(0, onder - 1))


class verwarmingsfonds_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).verwarmingsfonds
        index = household("spilindex_coefficient", period)
        basis = indexed(p.inkomensgrens, p.inkomensgrens_basis, index)
        per_persoon = indexed(
            p.verhoging_per_persoon_ten_laste, p.verhoging_per_persoon_ten_laste_basis, index
        )
        return basis + per_persoon * household("verwarmingsfonds_personen_ten_laste", period)


class verwarmingsfonds_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Verwarmingsfonds: verhoogde tegemoetkoming of een laag inkomen"

    def formula(household, period):
        grens = household("verwarmingsfonds_inkomensgrens", period)
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
