"""Vlaamse huurpremie (BVR 4 May 2012): a private tenant in Flanders, long on the social-housing
waiting list, owning no dwelling, not renting from a relative, under the income ceiling and the
maximum rent. Semi-automatic: Wonen in Vlaanderen sends a form after 4 years on the list."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE
from stek_rules.entities import Household
from stek_rules.inputs import Housing, Region

MONTH = DateUnit.MONTH


class huurpremie_voorwaarde_vlaanderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: woont in het Vlaamse Gewest"

    def formula(household, period):
        return household("region", period) == Region.vlaanderen


class huurpremie_voorwaarde_private_huur(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: huurt op de private markt, geen woning in eigendom, niet van familie"

    def formula(household, period):
        private = household("housing", period) == Housing.private_rent
        return (
            private
            * np.logical_not(household("owns_property", period))
            * np.logical_not(household("rents_from_relative", period))
        )


class huurpremie_voorwaarde_wachtlijst(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: lang genoeg op de wachtlijst voor een sociale woning"

    def formula(household, period, parameters):
        minimum = parameters(period).vlaamse_huurpremie.wachtjaren
        return household("social_housing_waiting_years", period) >= minimum


class huurpremie_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        ten_laste = household("children_count", period)
        alleen = (household("adults_count", period) <= 1) * (ten_laste == 0)
        basis = np.where(alleen, p.inkomensgrens_alleenstaande, p.inkomensgrens_anderen)
        return basis + p.verhoging_per_persoon_ten_laste * ten_laste


class huurpremie_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: het inkomen is niet hoger dan de grens"

    def formula(household, period):
        inkomen = household("yearly_taxable_income", period)
        return inkomen <= household("huurpremie_inkomensgrens", period) + TOLERANCE


class huurpremie_voorwaarde_huurprijs(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: de huur is niet hoger dan de maximale huurprijs"

    def formula(household, period, parameters):
        maximum = parameters(period).vlaamse_huurpremie.maximale_huur
        verhoging = np.minimum(0.5, 0.2 * household("children_count", period))
        return household("monthly_rent", period) <= maximum * (1 + verhoging) + TOLERANCE


class vlaamse_huurpremie(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Vlaamse huurpremie: geschat maximumbedrag per maand"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        voorwaarden = (
            household("huurpremie_voorwaarde_vlaanderen", period)
            * household("huurpremie_voorwaarde_private_huur", period)
            * household("huurpremie_voorwaarde_wachtlijst", period)
            * household("huurpremie_voorwaarde_inkomen", period)
            * household("huurpremie_voorwaarde_huurprijs", period)
        )
        ten_laste = np.minimum(household("children_count", period), 4)
        return voorwaarden * (p.bedrag_basis + p.bedrag_per_persoon_ten_laste * ten_laste)
