"""The index coefficients as variables: a formula reads the dated parameter, so a YAML test
can set the coefficient as an input and show that one index step moves every amount tied
to it."""

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.entities import Household


class spilindex_coefficient(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Spilindexcoëfficiënt van de sociale bijstand (1 op 1 mei 2024, × 1,02 per stap)"

    def formula(household, period, parameters):
        return household.filled_array(parameters(period).index.spilindex)


class groeipakket_coefficient(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Indexcoëfficiënt van het Groeipakket (1 in september 2023, × 1,02 elke september)"

    def formula(household, period, parameters):
        return household.filled_array(parameters(period).index.groeipakket)
