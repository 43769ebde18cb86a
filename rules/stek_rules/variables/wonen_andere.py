"""Vlaamse huursubsidie and the Brussels huurtoelage. Both depend on facts the check cannot
ask (the dwelling one leaves, priority titles): the rules give the conditions they can check;
the check shows the result as "maybe" with the missing condition named.

Neither is for someone who owns (fully or partly, or in usufruct) a dwelling; the Brussels
huurtoelage is not for a dwelling rented through a social rental agency (AIS/SVK)."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, eq
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
        huurt = (eq(housing, Housing.private_rent)) + (eq(housing, Housing.homeless))
        return huurt * (eq(household("region", period), Region.vlaanderen))


class huursubsidie_voorwaarde_geen_eigendom(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huursubsidie: niemand in het gezin is (deels) eigenaar van een woning of bouwgrond"

    def formula(household, period):
        return np.logical_not(household("owns_property", period))


class vlaamse_huursubsidie(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Vlaamse huursubsidie: situatie, eigendom en inkomen kunnen kloppen"

    def formula(household, period):
        return (
            household("huursubsidie_voorwaarde_situatie", period)
            * household("huursubsidie_voorwaarde_geen_eigendom", period)
            * household("huurpremie_voorwaarde_inkomen", period)
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
            (eq(household("region", period), Region.brussel))
            * (eq(household("housing", period), Housing.private_rent))
            * (household("social_housing_waiting_years", period) > 0)
            * np.logical_not(household("rents_from_relative", period))
        )


class huurtoelage_voorwaarde_geen_eigendom(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: niemand in het gezin is eigenaar van onroerend goed"

    def formula(household, period):
        return np.logical_not(household("owns_property", period))


class huurtoelage_voorwaarde_geen_ais(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: de woning wordt niet verhuurd via een sociaal verhuurkantoor (AIS/SVK)"

    def formula(household, period):
        return np.logical_not(household("dwelling_ais", period))


class huurtoelage_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).brusselse_huurtoelage
        size = household("household_size", period)
        return np.select(
            [household("huurtoelage_eenoudergezin", period), size > 1],
            [p.inkomensgrens_eenoudergezin, p.inkomensgrens_meerdere],
            default=p.inkomensgrens_alleenstaande,
        )


class huurtoelage_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurtoelage: inkomen niet hoger dan de grens (leefloonniveau)"

    def formula(household, period):
        grens = household("huurtoelage_inkomensgrens", period)
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class brusselse_huurtoelage(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Brusselse huurtoelage: bedrag per maand als de voorrangstitels volstaan"

    def formula(household, period, parameters):
        p = parameters(period).brusselse_huurtoelage
        kinderen = household("children_count", period)
        eenouder = household("huurtoelage_eenoudergezin", period)
        hoger = household("yearly_taxable_income", period) > p.inkomensgrens_meerdere + TOLERANCE
        basis = np.where(
            eenouder * hoger, p.bedrag.basis_eenoudergezin_hoger_inkomen, p.bedrag.basis
        )
        per_kind = np.where(eenouder, p.bedrag.per_kind_eenoudergezin, p.bedrag.per_kind)
        voorwaarden = (
            household("huurtoelage_voorwaarde_brussel", period)
            * household("huurtoelage_voorwaarde_geen_eigendom", period)
            * household("huurtoelage_voorwaarde_geen_ais", period)
            * household("huurtoelage_voorwaarde_inkomen", period)
        )
        return voorwaarden * (basis + per_kind * kinderen)
