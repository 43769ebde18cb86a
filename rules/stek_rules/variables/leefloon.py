"""Leefloon (recht op maatschappelijke integratie), law of 26 May 2002. On request at the OCMW,
after a social inquiry; willingness to work, exhausting other rights and residence cannot be
asked here, so the best outcome of the check is "maybe, also needed: …"."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE
from stek_rules.entities import Household


class leefloon_categorie(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: categorie (1 samenwonend, 2 alleenstaand, 3 met gezin ten laste)"

    def formula(household, period):
        adults = household("adults_count", period)
        children = household("children_count", period)
        return np.select([children > 0, adults <= 1], [3, 2], default=1)


class leefloon_voorwaarde_meerderjarig(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: er is een meerderjarige in het huishouden"

    def formula(household, period):
        return household.any(household.members("age", period) >= 18)


class leefloon_grensbedrag(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: bedrag van de categorie, per maand"

    def formula(household, period, parameters):
        bedrag = parameters(period).leefloon.bedrag
        categorie = household("leefloon_categorie", period)
        return np.select(
            [categorie == 3, categorie == 2],
            [bedrag.categorie_3, bedrag.categorie_2],
            default=bedrag.categorie_1,
        )


class leefloon_vrijstelling_socio_professioneel(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: socio-professionele vrijstelling op inkomen uit werk, per maand"

    def formula(household, period, parameters):
        maximum = parameters(period).leefloon.vrijstelling.socio_professioneel
        members = household.members
        per_persoon = np.minimum(members("income_work", period), maximum) * members(
            "started_work_recently", period
        )
        return household.sum(per_persoon)


class leefloon_aangerekend_inkomen(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: inkomen dat meetelt, na de vrijstellingen, per maand"

    def formula(household, period, parameters):
        vrijstelling = parameters(period).leefloon.vrijstelling
        categorie = household("leefloon_categorie", period)
        per_jaar = np.select(
            [categorie == 3, categorie == 2],
            [vrijstelling.categorie_3, vrijstelling.categorie_2],
            default=vrijstelling.categorie_1,
        )
        inkomen = household("household_monthly_income", period) - household(
            "leefloon_vrijstelling_socio_professioneel", period
        )
        return np.maximum(0, inkomen - per_jaar / 12)


class leefloon_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: het inkomen is lager dan het leefloon van de categorie"

    def formula(household, period):
        inkomen = household("leefloon_aangerekend_inkomen", period)
        return inkomen < household("leefloon_grensbedrag", period) - TOLERANCE


class leefloon_bedrag(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Leefloon: geschat bedrag per maand (bedrag van de categorie min het inkomen)"

    def formula(household, period):
        verschil = household("leefloon_grensbedrag", period) - household(
            "leefloon_aangerekend_inkomen", period
        )
        mogelijk = household("leefloon_voorwaarde_inkomen", period) * household(
            "leefloon_voorwaarde_meerderjarig", period
        )
        return np.maximum(0, verschil) * mogelijk
