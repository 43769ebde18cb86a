"""Leefloon (recht op maatschappelijke integratie), law of 26 May 2002. On request at the OCMW,
after a social inquiry; willingness to work, exhausting other rights and residence cannot be
asked here, so the best outcome of the check is "maybe, also needed: …".

Household rules (KB 11 July 2002, art. 34; mi-is.be FAQ; KB 7 January 2026):
- the "first adult" is the applicant; ``is_partner`` marks their partner;
- with at least one unmarried minor child the first adult is category 3 and the partner's
  income counts in full (the partner is not a second beneficiary);
- a couple without minor children are two category-1 beneficiaries, each with their own
  amount; for each, only the partner's income above the category-1 amount counts;
- anyone else living there is category 1; from 1 March 2026 the income above the category-1
  amount of cohabiting parents or children (``owes_maintenance``) counts, that of friends,
  brothers or sisters never does (before, the OCMW *could* count it: the check does not);
- a person living alone is category 2.
Amounts follow the pivot index: ``leefloon.basis`` × ``spilindex_coefficient``, with the
published amount of the same index step kept when it differs by rounding only."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, indexed
from stek_rules.entities import Household, Person

MONTH = DateUnit.MONTH


def _bedrag(household, period, parameters, categorie):
    p = parameters(period).leefloon
    name = f"categorie_{categorie}"
    return indexed(p.bedrag[name], p.basis[name], household("spilindex_coefficient", period))


class leefloon_bedrag_categorie_1(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon categorie 1 (samenwonend) per maand, geïndexeerd"

    def formula(household, period, parameters):
        return _bedrag(household, period, parameters, 1)


class leefloon_bedrag_categorie_2(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon categorie 2 (alleenstaand) per maand, geïndexeerd"

    def formula(household, period, parameters):
        return _bedrag(household, period, parameters, 2)


class leefloon_bedrag_categorie_3(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon categorie 3 (met gezin ten laste) per maand, geïndexeerd"

    def formula(household, period, parameters):
        return _bedrag(household, period, parameters, 3)


class leefloon_vrijstelling_socio_professioneel_maximum(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: socio-professionele vrijstelling per maand, geïndexeerd"

    def formula(household, period, parameters):
        p = parameters(period).leefloon.vrijstelling
        return indexed(
            p.socio_professioneel,
            p.socio_professioneel_basis,
            household("spilindex_coefficient", period),
        )


class minderjarig_kind(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Minderjarig (ongehuwd) kind in het huishouden"

    def formula(person, period):
        return person("is_child", period) * (person("age", period) < 18)


class eerste_volwassene(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "De eerste volwassene van het huishouden (de aanvrager)"

    def formula(person, period):
        volwassen = np.logical_not(person("is_child", period))
        household = person.household
        position = np.where(volwassen, household.members_position, np.iinfo(np.int32).max)
        eerste = household.min(position)  # a projector: back on the persons
        return volwassen * (position == eerste)


class leefloon_partner(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "Partner van de eerste volwassene"

    def formula(person, period):
        volwassen = np.logical_not(person("is_child", period))
        eerste = person("eerste_volwassene", period)
        return person("is_partner", period) * volwassen * np.logical_not(eerste)


class leefloon_kern(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "De eerste volwassene of diens partner"

    def formula(person, period):
        return person("eerste_volwassene", period) + person("leefloon_partner", period)


class leefloon_met_minderjarig_kind(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Leefloon: er is minstens één ongehuwd minderjarig kind"

    def formula(household, period):
        return household.any(household.members("minderjarig_kind", period))


class leefloon_persoon_categorie(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    label = "Leefloon: categorie van deze persoon (0 geen eigen leefloon, 1, 2 of 3)"

    def formula(person, period):
        volwassen = np.logical_not(person("is_child", period))
        eerste = person("eerste_volwassene", period)
        partner = person("leefloon_partner", period)
        kind = person.household("leefloon_met_minderjarig_kind", period)
        alleen = person.household("household_size", period) == 1
        return np.select(
            [np.logical_not(volwassen), eerste * kind, partner * kind, eerste * alleen],
            [0, 3, 0, 2],
            default=1,
        )


class leefloon_persoon_grensbedrag(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Leefloon: bedrag van de categorie van deze persoon, per maand"

    def formula(person, period):
        categorie = person("leefloon_persoon_categorie", period)
        h = person.household
        return np.select(
            [categorie == 3, categorie == 2, categorie == 1],
            [
                h("leefloon_bedrag_categorie_3", period),
                h("leefloon_bedrag_categorie_2", period),
                h("leefloon_bedrag_categorie_1", period),
            ],
            default=0,
        )


class leefloon_eigen_inkomen(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Leefloon: eigen inkomen na de socio-professionele vrijstelling, per maand"

    def formula(person, period):
        maximum = person.household("leefloon_vrijstelling_socio_professioneel_maximum", period)
        vrij = np.minimum(person("income_work", period), maximum) * person(
            "started_work_recently", period
        )
        return person("monthly_income", period) - vrij


class leefloon_onderhoudsplichtige(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    # from 1 March 2026 every adult maintenance debtor who lives in (KB 7 January 2026):
    # ascendants and descendants of any degree and in-laws in the first degree, not siblings
    label = "Meewonende onderhoudsplichtige van de aanvrager (niet de partner)"

    def formula(person, period):
        return person("owes_maintenance", period) * np.logical_not(person("leefloon_kern", period))


class leefloon_aangerekend_inkomen_persoon(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Leefloon: inkomen dat meetelt voor deze persoon, na de vrijstellingen, per maand"

    def formula(person, period, parameters):
        p = parameters(period).leefloon
        h = person.household
        categorie = person("leefloon_persoon_categorie", period)
        eigen = person("leefloon_eigen_inkomen", period)
        cat1 = h("leefloon_bedrag_categorie_1", period)
        kern = person("leefloon_kern", period)
        # the partner's income: in full for category 3, above the cat-1 amount for category 1
        kern_inkomen = h.sum(
            h.members("leefloon_eigen_inkomen", period) * h.members("leefloon_kern", period)
        )
        partner_inkomen = (kern_inkomen - eigen) * kern * h("leefloon_heeft_partner", period)
        partner = np.where(categorie == 3, partner_inkomen, np.maximum(0, partner_inkomen - cat1))
        # cohabiting maintenance debtors (from 1 March 2026): their income above cat 1
        onderhoud = h.members("leefloon_onderhoudsplichtige", period)
        boven = np.maximum(0, h.members("leefloon_eigen_inkomen", period) - cat1)
        voor_kern = h.sum(boven * onderhoud)
        eerste = h.members("eerste_volwassene", period)
        voor_onderhoudsplichtige = h.sum(boven * eerste)
        telt = p.onderhoudsplichtigen_tellen_mee > 0
        familie = telt * np.where(
            kern,
            voor_kern,
            voor_onderhoudsplichtige * person("leefloon_onderhoudsplichtige", period),
        )
        vrijstelling = np.select(
            [categorie == 3, categorie == 2],
            [p.vrijstelling.categorie_3, p.vrijstelling.categorie_2],
            default=p.vrijstelling.categorie_1,
        )
        totaal = eigen + np.where(kern, partner, 0) + familie
        return np.maximum(0, totaal - vrijstelling / 12) * (categorie > 0)


class leefloon_heeft_partner(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "De eerste volwassene heeft een partner in het huishouden"

    def formula(household, period):
        return household.any(household.members("leefloon_partner", period))


class leefloon_bedrag_persoon(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Leefloon: geschat bedrag voor deze persoon, per maand (0: geen eigen leefloon)"

    def formula(person, period):
        grens = person("leefloon_persoon_grensbedrag", period)
        inkomen = person("leefloon_aangerekend_inkomen_persoon", period)
        meerderjarig = (person("age", period) >= 18) + (
            person("leefloon_persoon_categorie", period) == 3
        )
        verschil = grens - inkomen
        return np.where(verschil > TOLERANCE, verschil, 0) * (grens > 0) * meerderjarig


class leefloon_aantal_gerechtigden(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Leefloon: aantal personen met een eigen leefloon"

    def formula(household, period):
        return household.sum(household.members("leefloon_bedrag_persoon", period) > 0)


# The household's view: the first adult's category, limit and income (what "why?" shows),
# and the total for the household.


class leefloon_categorie(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Leefloon: categorie van de aanvrager (1 samenwonend, 2 alleen, 3 met gezin ten laste)"

    def formula(household, period):
        members = household.members
        return household.sum(
            members("leefloon_persoon_categorie", period) * members("eerste_volwassene", period)
        )


class leefloon_voorwaarde_meerderjarig(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Leefloon: er is een meerderjarige in het huishouden"

    def formula(household, period):
        return household.any(household.members("age", period) >= 18)


class leefloon_grensbedrag(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: bedrag van de categorie van de aanvrager, per maand"

    def formula(household, period):
        members = household.members
        return household.sum(
            members("leefloon_persoon_grensbedrag", period) * members("eerste_volwassene", period)
        )


class leefloon_vrijstelling_socio_professioneel(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: socio-professionele vrijstelling op inkomen uit werk, per maand"

    def formula(household, period):
        members = household.members
        return household.sum(
            members("monthly_income", period) - members("leefloon_eigen_inkomen", period)
        )


class leefloon_aangerekend_inkomen(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: inkomen dat meetelt voor de aanvrager, na de vrijstellingen, per maand"

    def formula(household, period):
        members = household.members
        return household.sum(
            members("leefloon_aangerekend_inkomen_persoon", period)
            * members("eerste_volwassene", period)
        )


class leefloon_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Leefloon: voor minstens één persoon is het inkomen lager dan het leefloon"

    def formula(household, period):
        return household.any(household.members("leefloon_bedrag_persoon", period) > 0)


class leefloon_bedrag_aanvrager(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: geschat bedrag voor de aanvrager (de eerste volwassene), per maand"

    def formula(household, period):
        members = household.members
        return household.sum(
            members("leefloon_bedrag_persoon", period) * members("eerste_volwassene", period)
        )


class leefloon_bedrag(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Leefloon: geschat bedrag voor het hele huishouden, per maand (som per persoon)"

    def formula(household, period):
        totaal = household.sum(household.members("leefloon_bedrag_persoon", period))
        return totaal * household("leefloon_voorwaarde_meerderjarig", period)
