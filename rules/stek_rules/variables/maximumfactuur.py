"""Maximumfactuur: a yearly ceiling on co-payments by household income; the social MAF for
households with the verhoogde tegemoetkoming. Automatic, for every household: it is a ceiling,
not a right one "probably" has. The income is the household's net taxable income of three
years before (riziv.fgov.be); when the check did not ask it, last year's income stands in."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.entities import Household


class maximumfactuur_inkomen(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Maximumfactuur: netto belastbaar inkomen van drie jaar eerder (of van vorig jaar)"

    def formula(household, period):
        drie_jaar = household("net_taxable_income_3_years_ago", period)
        return np.where(drie_jaar >= 0, drie_jaar, household("yearly_taxable_income", period))


class maximumfactuur(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Maximumfactuur: plafond op de remgelden per jaar dat voor dit huishouden geldt"

    def formula(household, period, parameters):
        p = parameters(period).maximumfactuur
        inkomen = household("maximumfactuur_inkomen", period)
        plafond = p.plafond.calc(inkomen)
        sociaal = np.where(household("verhoogde_tegemoetkoming", period), p.sociaal, np.inf)
        return np.minimum(plafond, sociaal)
