"""Groeipakket (Flanders): sociale toeslag, schooltoeslag, kleutertoeslag and
kinderopvangtoeslag; and the Brussels child-benefit social supplement (Famiris).

- Sociale toeslag: income not above the lowest limit, or — for families with three or more
  children — not above the second limit; or a status (leefloon, IGO, IVT). Limits indexed
  every September (``index.groeipakket``).
- Schooltoeslag: points = 1 start point + 1 per dependant (+1 per child with a 66 %
  disability); the highest income limit depends on the points (fons.be table). Flemish
  families, and Brussels families whose child goes to a Dutch-language school.
- Kleutertoeslag: once a year for a child of 3 and of 4 in Dutch-language pre-school
  (Flanders, or Brussels in a Dutch-language school).
- Kinderopvangtoeslag: 3.50 euro a day for a child under 3 in Dutch-language childcare whose
  price does not depend on income (Flanders or Brussels).
- Brussels social supplement (Famiris): children in Brussels, income under 38,625.31 or
  56,068.99 euro (May 2024, × ``spilindex_coefficient``); the amount per child depends on the
  number of children, their age and whether it is a single-parent family."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, any_member_has, eq, indexed
from stek_rules.entities import Household
from stek_rules.inputs import Region

MONTH = DateUnit.MONTH


def _vlaanderen_of_nederlandstalig(household, period):
    region = household("region", period)
    return (eq(region, Region.vlaanderen)) + (eq(region, Region.brussel)) * household(
        "dutch_language_school", period
    )


class groeipakket_voorwaarde_kinderen_vlaanderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket: kinderen, en het gezin woont in Vlaanderen"

    def formula(household, period):
        kinderen = household("children_count", period) > 0
        return kinderen * (eq(household("region", period), Region.vlaanderen))


class groeipakket_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket: leefloon, IGO of een inkomensvervangende tegemoetkoming"

    def formula(household, period):
        return any_member_has(household, period, "status_leefloon", "status_igo", "status_ivt_it")


class groeipakket_sociale_toeslag_grens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag: inkomensgrens voor dit gezin (tweede grens vanaf 3 kinderen)"

    def formula(household, period, parameters):
        p = parameters(period).groeipakket
        index = household("groeipakket_coefficient", period)
        laagste = indexed(
            p.sociale_toeslag_inkomensgrens, p.sociale_toeslag_inkomensgrens_basis, index
        )
        tweede = indexed(
            p.sociale_toeslag_tweede_grens, p.sociale_toeslag_tweede_grens_basis, index
        )
        return np.where(household("children_count", period) >= 3, tweede, laagste)


class groeipakket_voorwaarde_inkomen_sociale_toeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag: het inkomen is niet hoger dan de grens"

    def formula(household, period):
        grens = household("groeipakket_sociale_toeslag_grens", period)
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class groeipakket_sociale_toeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket sociale toeslag: waarschijnlijk recht"

    def formula(household, period):
        inkomen = household("groeipakket_voorwaarde_inkomen_sociale_toeslag", period)
        status = household("groeipakket_voorwaarde_status", period)
        return household("groeipakket_voorwaarde_kinderen_vlaanderen", period) * (inkomen + status)


class groeipakket_voorwaarde_schoolgaand(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: een kind van 3 of ouder (kleuter-, lager of secundair onderwijs)"

    def formula(household, period):
        leeftijd = household.members("age", period)
        return household.any(household.members("is_child", period) * (leeftijd >= 3))


class groeipakket_voorwaarde_onderwijs(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: Vlaanderen, of Brussel met een Nederlandstalige school"

    def formula(household, period):
        return _vlaanderen_of_nederlandstalig(household, period)


class groeipakket_schooltoeslag_punten(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: punten (1 startpunt, 1 per persoon ten laste, 1 per kind met handicap)"

    def formula(household, period):
        members = household.members
        handicap = household.sum(
            members("status_disability_66", period) * members("is_child", period)
        )
        return 1 + household("children_count", period) + handicap


class groeipakket_schooltoeslag_grens(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: hoogste inkomensgrens voor de punten van dit gezin, per jaar"

    def formula(household, period, parameters):
        schaal = parameters(period).groeipakket.schooltoeslag_maximumgrens
        return schaal.calc(household("groeipakket_schooltoeslag_punten", period))


class groeipakket_voorwaarde_inkomen_schooltoeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Schooltoeslag: het inkomen is niet hoger dan de grens voor de punten van het gezin"

    def formula(household, period):
        grens = household("groeipakket_schooltoeslag_grens", period)
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class groeipakket_schooltoeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Groeipakket schooltoeslag: inkomen onder de grens, met schoolgaande kinderen"

    def formula(household, period):
        return (
            household("groeipakket_voorwaarde_schoolgaand", period)
            * household("groeipakket_voorwaarde_inkomen_schooltoeslag", period)
            * household("groeipakket_voorwaarde_onderwijs", period)
        )


class groeipakket_voorwaarde_kleuter(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kleutertoeslag: een kind van 3 of 4 jaar"

    def formula(household, period):
        return household("groeipakket_aantal_kleuters", period) > 0


class groeipakket_aantal_kleuters(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Kleutertoeslag: aantal kinderen van 3 of 4 jaar"

    def formula(household, period):
        members = household.members
        leeftijd = members("age", period)
        return household.sum(members("is_child", period) * (leeftijd >= 3) * (leeftijd <= 4))


class groeipakket_kleutertoeslag(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Kleutertoeslag: bedrag per jaar voor de kleuters van 3 en 4 (eenmalig per leeftijd)"

    def formula(household, period, parameters):
        p = parameters(period).groeipakket
        bedrag = indexed(
            p.kleutertoeslag, p.kleutertoeslag_basis, household("groeipakket_coefficient", period)
        )
        regio = _vlaanderen_of_nederlandstalig(household, period)
        return np.round(bedrag, 2) * household("groeipakket_aantal_kleuters", period) * regio


class groeipakket_voorwaarde_kinderopvang(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kinderopvangtoeslag: een kind onder 3 in Nederlandstalige opvang met een vaste prijs"

    def formula(household, period):
        members = household.members
        jong = household.any(members("is_child", period) * (members("age", period) < 3))
        return jong * household("childcare_fixed_price", period)


class groeipakket_voorwaarde_vlaanderen_brussel(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Het gezin woont in Vlaanderen of Brussel"

    def formula(household, period):
        region = household("region", period)
        return (eq(region, Region.vlaanderen)) + (eq(region, Region.brussel))


class groeipakket_kinderopvangtoeslag(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Kinderopvangtoeslag: 3,50 euro per opvangdag"

    def formula(household, period):
        return household("groeipakket_voorwaarde_kinderopvang", period) * household(
            "groeipakket_voorwaarde_vlaanderen_brussel", period
        )


# Brussels (Famiris)


class brussel_kinderen_bijslag(Variable):
    value_type = int
    entity = Household
    definition_period = MONTH
    label = "Brusselse kinderbijslag: aantal kinderen tot 24 jaar"

    def formula(household, period):
        members = household.members
        return household.sum(members("is_child", period) * (members("age", period) <= 24))


class brussel_sociale_toeslag_voorwaarde_kinderen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag Famiris: kinderen, en het gezin woont in Brussel"

    def formula(household, period):
        kinderen = household("brussel_kinderen_bijslag", period) > 0
        return kinderen * (eq(household("region", period), Region.brussel))


class brussel_sociale_toeslag_grens_laag(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag Famiris: laagste inkomensgrens, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).brussel_gezinsbijslag.sociale_toeslag
        return np.round(p.grens_laag * household("spilindex_coefficient", period), 2)


class brussel_sociale_toeslag_grens_hoog(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag Famiris: hoogste inkomensgrens, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).brussel_gezinsbijslag.sociale_toeslag
        return np.round(p.grens_hoog * household("spilindex_coefficient", period), 2)


class brussel_sociale_toeslag_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag Famiris: het inkomen is niet hoger dan de hoogste grens"

    def formula(household, period):
        grens = household("brussel_sociale_toeslag_grens_hoog", period)
        return household("yearly_taxable_income", period) <= grens + TOLERANCE


class brussel_sociale_toeslag(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Sociale toeslag Famiris: geschat bedrag per maand voor alle kinderen"

    def formula(household, period, parameters):
        p = parameters(period).brussel_gezinsbijslag.sociale_toeslag
        index = household("spilindex_coefficient", period)
        members = household.members
        kind = members("is_child", period) * (members("age", period) <= 24)
        oud = members("age", period) >= 12
        n = household("brussel_kinderen_bijslag", period)
        n_p = members.household("brussel_kinderen_bijslag", period)
        een_p = members.household("huurtoelage_eenoudergezin", period)
        laag_p = np.select(
            [n_p == 1, (n_p == 2) * een_p, n_p == 2, een_p],
            [
                np.where(oud, p.laag_1_kind_12_24, p.laag_1_kind_0_11),
                np.where(oud, p.laag_2_kinderen_12_24_eenouder, p.laag_2_kinderen_0_11_eenouder),
                np.where(oud, p.laag_2_kinderen_12_24, p.laag_2_kinderen_0_11),
                np.where(oud, p.laag_3_kinderen_12_24_eenouder, p.laag_3_kinderen_0_11_eenouder),
            ],
            default=np.where(oud, p.laag_3_kinderen_12_24, p.laag_3_kinderen_0_11),
        )
        laag = household.sum(laag_p * kind)
        hoog_per_kind = np.select(
            [n == 1, n == 2], [0, p.hoog_2_kinderen], default=p.hoog_3_kinderen
        )
        inkomen = household("yearly_taxable_income", period)
        onder_laag = inkomen <= household("brussel_sociale_toeslag_grens_laag", period) + TOLERANCE
        bedrag = np.where(onder_laag, laag, hoog_per_kind * n) * index
        voorwaarden = household("brussel_sociale_toeslag_voorwaarde_kinderen", period) * household(
            "brussel_sociale_toeslag_voorwaarde_inkomen", period
        )
        return np.round(bedrag, 2) * voorwaarden
