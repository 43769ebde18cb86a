"""Verhoogde tegemoetkoming (VT/BIM): automatic for some statuses, else an income test on the
household's gross taxable income of the previous year, or — for pensioners, invalids, single
parents and people sick or unemployed for three months — on the current month's income × 12
(a higher ceiling). Since 1 October 2024 the ziekenfonds grants it proactively to a person
living alone who is unemployed or unfit for work for three months. The ceilings for
2025/2026 are not confirmed (rights-facts.md): the latest dated value applies until a newer one
is added, and parameter_info marks it stale.

The check asks net monthly incomes; the current-month test uses them × 12 (the real test is on
gross taxable income, so the check leans to "ask")."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, any_member_has
from stek_rules.entities import Household

MONTH = DateUnit.MONTH


class vt_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "VT: iemand heeft een status die de VT automatisch geeft"

    def formula(household, period):
        return any_member_has(
            household, period,
            "status_leefloon", "status_igo", "status_ivt_it", "status_disability_66", "status_mena",
            "status_zorgbudget_ouderen",
        )  # fmt: skip


class vt_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "VT: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).verhoogde_tegemoetkoming
        extra = household("household_size", period) - 1
        return p.grens_basis + p.grens_per_persoon * extra


class vt_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "VT: het inkomen van vorig jaar is niet hoger dan de grens"

    def formula(household, period):
        inkomen = household("yearly_taxable_income", period)
        return inkomen <= household("vt_inkomensgrens", period) + TOLERANCE


class vt_doelgroep_huidige_maand(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "VT: gepensioneerd, invalide, eenoudergezin, of 3 maanden ziek of werkloos"

    def formula(household, period, parameters):
        members = household.members
        leeftijd = parameters(period).igo.leeftijd
        gepensioneerd = household.any(
            (members("income_pension", period) > 0) + (members("age", period) >= leeftijd)
        )
        status = any_member_has(
            household, period, "status_unemployed_3_months", "status_sick_3_months", "status_ivt_it"
        )
        eenouder = (household("adults_count", period) == 1) * (
            household("children_count", period) > 0
        )
        return gepensioneerd + status + eenouder


class vt_inkomensgrens_huidige_maand(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "VT: inkomensgrens op het inkomen van nu (× 12) voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).verhoogde_tegemoetkoming
        extra = household("household_size", period) - 1
        return p.grens_huidige_maand_basis + p.grens_huidige_maand_per_persoon * extra


class vt_inkomen_huidige_maand_jaar(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "VT: inkomen van deze maand × 12"

    def formula(household, period):
        return household("household_monthly_income", period) * 12


class vt_voorwaarde_inkomen_huidige_maand(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "VT: in de doelgroep, en het inkomen van nu × 12 is niet hoger dan de grens"

    def formula(household, period):
        inkomen = household("vt_inkomen_huidige_maand_jaar", period)
        onder = inkomen <= household("vt_inkomensgrens_huidige_maand", period) + TOLERANCE
        return household("vt_doelgroep_huidige_maand", period) * onder


class vt_proactief(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "VT: het ziekenfonds kent ze zelf toe (alleenstaand, 3 maanden werkloos of ziek)"

    def formula(household, period, parameters):
        aan = parameters(period).verhoogde_tegemoetkoming.proactief > 0
        alleen = household("adults_count", period) == 1
        status = any_member_has(
            household, period, "status_unemployed_3_months", "status_sick_3_months"
        )
        return aan * alleen * status * household("vt_voorwaarde_inkomen_huidige_maand", period)


class verhoogde_tegemoetkoming(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Verhoogde tegemoetkoming: waarschijnlijk recht"

    def formula(household, period):
        return np.logical_or.reduce([
            household("vt_voorwaarde_status", period),
            household("vt_voorwaarde_inkomen", period),
            household("vt_voorwaarde_inkomen_huidige_maand", period),
        ])  # fmt: skip
