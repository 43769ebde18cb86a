"""Inkomensgarantie voor ouderen (IGO), law of 22 March 2001 (Federale Pensioendienst). For
someone of the legal pension age (65, 66 from 2025) whose resources are below the IGO amount:
the increased amount for a person living alone (or only with their children, parents or other
relatives in the direct line), the basic amount for someone who shares the main residence with
others (a partner, friends). The resources of the applicant and their partner are added and
halved; pensions count for 90 % (``igo.pensioen_aandeel``, unconfirmed). Savings and property
count too: the check cannot ask them, so the result is "maybe". Amounts follow the pivot index.
On request at the municipality or the Pensioendienst; examined automatically with a pension."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, indexed
from stek_rules.entities import Household, Person

MONTH = DateUnit.MONTH


class igo_leeftijd_bereikt(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "IGO: heeft de wettelijke pensioenleeftijd"

    def formula(person, period, parameters):
        volwassen = np.logical_not(person("is_child", period))
        return volwassen * (person("age", period) >= parameters(period).igo.leeftijd)


class igo_alleenstaand(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "IGO: alleenstaand (woont alleen, of enkel met kinderen of familie in rechte lijn)"

    def formula(person, period):
        h = person.household
        members = h.members
        volwassen = np.logical_not(members("is_child", period))
        vreemd = (
            volwassen
            * np.logical_not(members("eerste_volwassene", period))
            * np.logical_not(members("owes_maintenance", period))
            * np.logical_not(members("leefloon_partner", period))
        )
        kern_alleen = np.logical_not(h("leefloon_heeft_partner", period)) * (h.sum(vreemd) == 0)
        return np.where(
            person("leefloon_kern", period), kern_alleen, person("owes_maintenance", period)
        )


class igo_bestaansmiddelen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "IGO: bestaansmiddelen die meetellen, per maand (met de partner samen, gedeeld door 2)"

    def formula(person, period, parameters):
        aandeel = parameters(period).igo.pensioen_aandeel
        eigen = person("monthly_income", period) - person("income_pension", period) * (1 - aandeel)
        h = person.household
        members = h.members
        kern_eigen = members("monthly_income", period) - members("income_pension", period) * (
            1 - aandeel
        )
        kern_totaal = h.sum(kern_eigen * members("leefloon_kern", period))
        met_partner = person("leefloon_kern", period) * h("leefloon_heeft_partner", period)
        return np.where(met_partner, kern_totaal / 2, eigen)


class igo_bedrag_persoon(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "IGO: geschat bedrag voor deze persoon, per maand"

    def formula(person, period, parameters):
        p = parameters(period).igo
        index = person.household("spilindex_coefficient", period)
        alleen = indexed(p.bedrag_alleenstaand, p.basis_alleenstaand, index)
        samen = indexed(p.bedrag_samenwonend, p.basis_samenwonend, index)
        bedrag = np.where(person("igo_alleenstaand", period), alleen, samen)
        verschil = bedrag - person("igo_bestaansmiddelen", period)
        return np.where(verschil > TOLERANCE, verschil, 0) * person("igo_leeftijd_bereikt", period)


class igo_voorwaarde_leeftijd(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "IGO: iemand heeft de wettelijke pensioenleeftijd"

    def formula(household, period):
        return household.any(household.members("igo_leeftijd_bereikt", period))


class igo_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "IGO: de bestaansmiddelen van iemand met de pensioenleeftijd zijn lager dan de IGO"

    def formula(household, period):
        members = household.members
        krijgt = members("status_igo", period) * members("igo_leeftijd_bereikt", period)
        return household.any((members("igo_bedrag_persoon", period) > 0) + krijgt)


class igo(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "IGO: geschat bedrag per maand voor het huishouden"

    def formula(household, period):
        return household.sum(household.members("igo_bedrag_persoon", period))


class igo_recht(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "IGO: waarschijnlijk recht (of men krijgt ze al)"

    def formula(household, period):
        return household("igo_voorwaarde_leeftijd", period) * household(
            "igo_voorwaarde_inkomen", period
        )
