"""Maximumfactuur: a yearly ceiling on co-payments by household income; the social MAF for
households with the verhoogde tegemoetkoming. Automatic."""

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.entities import Household


class maximumfactuur(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Maximumfactuur: plafond op de remgelden per jaar dat voor dit huishouden geldt"

    def formula(household, period, parameters):
        p = parameters(period).maximumfactuur
        inkomen = household("yearly_taxable_income", period)
        plafond = p.plafond.calc(inkomen)
        sociaal = np.where(household("verhoogde_tegemoetkoming", period), p.sociaal, np.inf)
        return np.minimum(plafond, sociaal)
