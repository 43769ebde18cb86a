"""Inschrijving op de wachtlijst voor een sociale woning: the first step to a social dwelling,
and to the Vlaamse huurpremie (after 4 years) and the Brussels huurtoelage. Worth doing for a
tenant in Flanders or Brussels who is not registered, owns no dwelling and is under the income
limit for social housing (Flanders: the same limits as the huurpremie; Brussels: BGHM limits,
only those of 2016 were found — parameter_info marks them stale)."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, eq
from stek_rules.entities import Household
from stek_rules.inputs import Housing, Region

MONTH = DateUnit.MONTH


class sociale_woning_voorwaarde_regio(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale woning: woont in Vlaanderen of Brussel"

    def formula(household, period):
        region = household("region", period)
        return (eq(region, Region.vlaanderen)) + (eq(region, Region.brussel))


class sociale_woning_voorwaarde_niet_ingeschreven(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale woning: nog niet op de wachtlijst, en huurt geen sociale woning"

    def formula(household, period):
        sociaal = eq(household("housing", period), Housing.social_rent)
        wacht = household("social_housing_waiting_years", period) > 0
        return np.logical_not(sociaal) * np.logical_not(wacht)


class sociale_woning_voorwaarde_geen_eigendom(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale woning: niemand in het gezin is eigenaar van een woning"

    def formula(household, period):
        return np.logical_not(household("owns_property", period))


class sociale_woning_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Sociale woning: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        b = parameters(period).sociale_woning.brussel
        members = household.members
        volwassen = np.logical_not(members("is_child", period))
        inkomens = household.sum(volwassen * (members("monthly_income", period) > 0))
        handicap = household.sum(volwassen * members("disability_person", period))
        alleen = household("household_size", period) == 1
        brussel = (
            np.select([alleen, inkomens >= 2], [b.alleenstaande, b.twee_inkomens], b.een_inkomen)
            + b.per_kind * household("children_count", period)
            + b.per_handicap * handicap * np.logical_not(alleen)
        )
        vlaanderen = household("huurpremie_inkomensgrens", period)
        return np.where(eq(household("region", period), Region.brussel), brussel, vlaanderen)


class sociale_woning_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale woning: het inkomen is niet hoger dan de grens"

    def formula(household, period):
        grens = household("sociale_woning_inkomensgrens", period)
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class inschrijving_sociale_woning(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schrijf je in op de wachtlijst voor een sociale woning"

    def formula(household, period):
        return (
            household("sociale_woning_voorwaarde_regio", period)
            * household("sociale_woning_voorwaarde_niet_ingeschreven", period)
            * household("sociale_woning_voorwaarde_geen_eigendom", period)
            * household("sociale_woning_voorwaarde_inkomen", period)
        )
