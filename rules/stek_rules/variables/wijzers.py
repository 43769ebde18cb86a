""" "Worth asking" pointers: services and rights the check does not simulate, shown when the
profile fits. They are signposts, not verdicts: the conditions below are the profile that makes
asking worthwhile, not the legal conditions (which the check cannot assess)."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import any_member_has, eq
from stek_rules.entities import Household
from stek_rules.inputs import BudgetMeter, Region

MONTH = DateUnit.MONTH


class wijzer_uitpas(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag het UiTPAS-kansentarief: VT of leefloon, in Vlaanderen of Brussel"

    def formula(household, period):
        region = household("region", period)
        gebied = (eq(region, Region.vlaanderen)) + (eq(region, Region.brussel))
        laag = household("verhoogde_tegemoetkoming", period) + any_member_has(
            household, period, "status_leefloon"
        )
        return gebied * laag


class wijzer_studietoelage(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag een studietoelage: er is een student en het gezin woont in Vlaanderen"

    def formula(household, period):
        student = any_member_has(household, period, "status_student")
        return student * (eq(household("region", period), Region.vlaanderen))


class wijzer_juridisch_advies(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag gratis juridische hulp: leefloon, IGO, een tegemoetkoming of een laag inkomen"

    def formula(household, period):
        status = any_member_has(household, period, "status_leefloon", "status_igo", "status_ivt_it")
        return status + household("vt_voorwaarde_inkomen", period)


class wijzer_schuldhulp(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag schuldhulp: een budgetmeter, of de huur is meer dan de helft van het inkomen"

    def formula(household, period):
        meter = ~eq(household("budget_meter", period), BudgetMeter.none)
        huur = household("monthly_rent", period)
        inkomen = household("household_monthly_income", period)
        zware_huur = (huur > 0) * (huur * 2 > inkomen)
        return meter + zware_huur


class wijzer_zorgbudget_ouderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag het zorgbudget voor ouderen (Vlaanderen): 65 of ouder, laag inkomen"

    def formula(household, period):
        members = household.members
        oud = household.any(
            (members("age", period) >= 65)
            * np.logical_not(members("status_zorgbudget_ouderen", period))
        )
        laag = household("verhoogde_tegemoetkoming", period)
        return oud * laag * (eq(household("region", period), Region.vlaanderen))


class wijzer_apa(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag de hulp aan bejaarden (APA, Brussel): 65 of ouder, laag inkomen"

    def formula(household, period):
        members = household.members
        oud = household.any(
            (members("age", period) >= 65)
            * np.logical_not(members("status_zorgbudget_ouderen", period))
        )
        laag = household("verhoogde_tegemoetkoming", period)
        return oud * laag * (eq(household("region", period), Region.brussel))


class wijzer_sociaal_tarief_water(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag het sociaal tarief voor water: leefloon, IGO, handicap of VT"

    def formula(household, period):
        region = household("region", period)
        gebied = (eq(region, Region.vlaanderen)) + (eq(region, Region.brussel))
        status = household("sociaal_tarief_voorwaarde_status", period)
        return gebied * (status + household("verhoogde_tegemoetkoming", period))


class wijzer_sociaal_tarief_telecom(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vraag het sociaal tarief telecom: 65+, handicap of leefloon, laag inkomen"

    def formula(household, period):
        members = household.members
        doel = household.any(
            (members("age", period) >= 65)
            + members("status_ivt_it", period)
            + members("disability_person", period)
        ) + any_member_has(household, period, "status_leefloon")
        return doel * household("verhoogde_tegemoetkoming", period)
