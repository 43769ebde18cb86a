"""Vlaamse huursubsidie and the Brussels huurtoelage. Both depend on facts the check cannot
ask (the dwelling one leaves, priority titles): the rules give the conditions they can check;
the check shows the result as "maybe" with the missing condition named."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE
from stek_rules.entities import Household
from stek_rules.inputs import Housing, Region

MONTH = DateUnit.MONTH


class huursubsidie_voorwaarde_situatie(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huursubsidie: huurt privé of is dak- of thuisloos in Vlaanderen"

    def formula(household, period):
        housing = household("housing", period)
        huurt = (housing == Housing.private_rent) + (housing == Housing.homeless)
        return huurt * (household("region", period) == Region.vlaanderen)


class vlaamse_huursubsidie(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vlaamse huursubsidie: situatie en inkomen kunnen kloppen"

    def formula(household, period):
        return household("huursubsidie_voorwaarde_situatie", period) * household(
            "huurpremie_voorwaarde_inkomen", period
        )


class huurtoelage_eenoudergezin(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Eén volwassene met kinderen"

    def formula(household, period):
        return (household("adults_count", period) == 1) * (household("children_count", period) > 0)


class huurtoelage_voorwaarde_brussel(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: huurt privé in Brussel, op de wachtlijst, niet van familie"

    def formula(household, period):
        return (
            (household("region", period) == Region.brussel)
            * (household("housing", period) == Housing.private_rent)
            * (household("social_housing_waiting_years", period) > 0)
            * np.logical_not(household("rents_from_relative", period))
        )


class huurtoelage_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: inkomen niet hoger dan de grens (leefloonniveau)"

    def formula(household, period, parameters):
        p = parameters(period).brusselse_huurtoelage
        size = household("household_size", period)
        grens = np.select(
            [household("huurtoelage_eenoudergezin", period), size > 1],
            [p.inkomensgrens_eenoudergezin, p.inkomensgrens_meerdere],
            default=p.inkomensgrens_alleenstaande,
        )
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class brusselse_huurtoelage(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Brusselse huurtoelage: bedrag per maand als de voorrangstitels volstaan"

    def formula(household, period, parameters):
        p = parameters(period).brusselse_huurtoelage.bedrag
        kinderen = household("children_count", period)
        per_kind = np.where(
            household("huurtoelage_eenoudergezin", period), p.per_kind_eenoudergezin, p.per_kind
        )
        voorwaarden = household("huurtoelage_voorwaarde_brussel", period) * household(
            "huurtoelage_voorwaarde_inkomen", period
        )
        return voorwaarden * (p.basis + per_kind * kinderen)
