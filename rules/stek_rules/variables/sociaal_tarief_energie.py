"""Sociaal tarief voor energie (beschermde afnemer): federal and automatic, by status on the
date asked. VT holders were included only from 2021-02-01 to 2023-06-30."""

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import any_member_has
from stek_rules.entities import Household


class sociaal_tarief_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief: leefloon, IGO of een tegemoetkoming voor personen met een handicap"

    def formula(household, period):
        return any_member_has(
            household, period,
            "status_leefloon", "status_igo", "status_ivt_it", "status_disability_66",
        )  # fmt: skip


class sociaal_tarief_voorwaarde_vt(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief: verhoogde tegemoetkoming (telde tijdelijk mee, tot 30 juni 2023)"

    def formula(household, period, parameters):
        telt_mee = parameters(period).sociaal_tarief_energie.verhoogde_tegemoetkoming_telt_mee
        return household("verhoogde_tegemoetkoming", period) * (telt_mee > 0)


class sociaal_tarief_energie(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief voor energie: waarschijnlijk recht (automatisch)"

    def formula(household, period):
        return household("sociaal_tarief_voorwaarde_status", period) + household(
            "sociaal_tarief_voorwaarde_vt", period
        )
