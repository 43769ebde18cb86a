"""Vlaamse huurpremie (BVR 4 May 2012): a private tenant in Flanders, long on the social-housing
waiting list, owning no dwelling, not renting from a relative, under the income ceiling and the
maximum rent. Semi-automatic: Wonen in Vlaanderen sends a form after 4 years on the list.

Premium = 75 % of the household's maximum rent − yearly income / 55, capped (177.76 + 29.63
per dependant up to the 4th in 2024); + 10 % on the maximum rent and the cap in a designated
municipality. A recognised disability makes a person a dependant (the applicant too) and gives
a single person a higher income limit."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, eq
from stek_rules.entities import Household
from stek_rules.inputs import Housing, Region

MONTH = DateUnit.MONTH


class huurpremie_voorwaarde_vlaanderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: woont in het Vlaamse Gewest"

    def formula(household, period):
        return eq(household("region", period), Region.vlaanderen)


class huurpremie_voorwaarde_private_huur(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: huurt op de private markt, geen woning in eigendom, niet van familie"

    def formula(household, period):
        private = eq(household("housing", period), Housing.private_rent)
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


class huurpremie_personen_ten_laste(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: personen ten laste (kinderen, en volwassenen met een erkende handicap)"

    def formula(household, period):
        members = household.members
        volwassen_handicap = members("disability_person", period) * np.logical_not(
            members("is_child", period)
        )
        return household("children_count", period) + household.sum(volwassen_handicap)


class huurpremie_alleenstaande(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: een alleenstaande (één volwassene zonder kinderen)"

    def formula(household, period):
        return (household("adults_count", period) <= 1) * (household("children_count", period) == 0)


class huurpremie_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        alleen = household("huurpremie_alleenstaande", period)
        handicap = household.any(household.members("disability_person", period))
        ten_laste = household("huurpremie_personen_ten_laste", period)
        anderen = p.inkomensgrens_anderen + p.verhoging_per_persoon_ten_laste * ten_laste
        return np.select(
            [alleen * handicap, alleen],
            [p.inkomensgrens_alleenstaande_handicap, p.inkomensgrens_alleenstaande],
            default=anderen,
        )


class huurpremie_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: het inkomen is niet hoger dan de grens"

    def formula(household, period):
        inkomen = household("yearly_taxable_income", period)
        return inkomen <= household("huurpremie_inkomensgrens", period) + TOLERANCE


class huurpremie_verhoging_gemeente(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: factor voor een aangeduide gemeente (1,10) of niet (1)"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        return 1 + p.verhoging_aangeduide_gemeente * household("designated_municipality", period)


class huurpremie_maximale_huur(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: maximale huurprijs voor dit huishouden, per maand"

    def formula(household, period, parameters):
        maximum = parameters(period).vlaamse_huurpremie.maximale_huur
        verhoging = np.minimum(0.5, 0.2 * household("huurpremie_personen_ten_laste", period))
        return maximum * (1 + verhoging) * household("huurpremie_verhoging_gemeente", period)


class huurpremie_voorwaarde_huurprijs(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: de huur is niet hoger dan de maximale huurprijs"

    def formula(household, period):
        maximum = household("huurpremie_maximale_huur", period)
        return household("monthly_rent", period) <= maximum + TOLERANCE


class huurpremie_plafond(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: maximumbedrag voor dit huishouden, per maand"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        ten_laste = np.minimum(household("huurpremie_personen_ten_laste", period), 4)
        basis = p.bedrag_basis + p.bedrag_per_persoon_ten_laste * ten_laste
        return basis * household("huurpremie_verhoging_gemeente", period)


class huurpremie_berekend(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Huurpremie: 75 % van de maximale huur min het jaarinkomen / 55, hoogstens het maximum"

    def formula(household, period, parameters):
        p = parameters(period).vlaamse_huurpremie
        referentie = p.referentie_aandeel * household("huurpremie_maximale_huur", period)
        bijdrage = household("yearly_taxable_income", period) / p.eigen_bijdrage_deler
        premie = np.maximum(0, referentie - bijdrage)
        return np.minimum(premie, household("huurpremie_plafond", period))


class vlaamse_huurpremie(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Vlaamse huurpremie: geschat bedrag per maand"

    def formula(household, period):
        voorwaarden = (
            household("huurpremie_voorwaarde_vlaanderen", period)
            * household("huurpremie_voorwaarde_private_huur", period)
            * household("huurpremie_voorwaarde_wachtlijst", period)
            * household("huurpremie_voorwaarde_inkomen", period)
            * household("huurpremie_voorwaarde_huurprijs", period)
        )
        return voorwaarden * np.round(household("huurpremie_berekend", period), 2)
