"""Verhoogde tegemoetkoming (VT/BIM): automatic for some statuses, else an income test on the
household's gross taxable income of the previous year. The ceilings for 2025/2026 are not
confirmed (rights-facts.md): the latest dated value applies until a newer one is added."""

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import TOLERANCE, any_member_has
from stek_rules.entities import Household


class vt_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "VT: iemand heeft een status die de VT automatisch geeft"

    def formula(household, period):
        return any_member_has(
            household, period,
            "status_leefloon", "status_igo", "status_ivt_it", "status_disability_66", "status_mena",
        )  # fmt: skip


class vt_inkomensgrens(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.MONTH
    label = "VT: inkomensgrens voor dit huishouden, per jaar"

    def formula(household, period, parameters):
        p = parameters(period).verhoogde_tegemoetkoming
        extra = household("household_size", period) - 1
        return p.grens_basis + p.grens_per_persoon * extra


class vt_voorwaarde_inkomen(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "VT: het inkomen van vorig jaar is niet hoger dan de grens"

    def formula(household, period):
        inkomen = household("yearly_taxable_income", period)
        return inkomen <= household("vt_inkomensgrens", period) + TOLERANCE


class verhoogde_tegemoetkoming(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Verhoogde tegemoetkoming: waarschijnlijk recht"

    def formula(household, period):
        return household("vt_voorwaarde_status", period) + household(
            "vt_voorwaarde_inkomen", period
        )
