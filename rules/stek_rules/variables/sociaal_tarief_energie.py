"""Sociaal tarief voor energie (beschermde afnemer): federal and automatic, by status on the
date asked (leefloon, IGO, disability allowances, the Flemish zorgbudget voor ouderen), and for
social-housing tenants whose dwelling is heated by natural gas from a collective boiler
(category 4). VT holders were included only from 2021-02-01 to 2023-06-30."""

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable
from stek_rules.common import any_member_has, eq
from stek_rules.entities import Household
from stek_rules.inputs import Heating, Housing


class sociaal_tarief_voorwaarde_status(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief: leefloon, IGO of een tegemoetkoming voor personen met een handicap"

    def formula(household, period):
        return any_member_has(
            household, period,
            "status_leefloon", "status_igo", "status_ivt_it", "status_disability_66",
            "status_zorgbudget_ouderen",
        )  # fmt: skip


class sociaal_tarief_voorwaarde_vt(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief: verhoogde tegemoetkoming (telde tijdelijk mee, tot 30 juni 2023)"

    def formula(household, period, parameters):
        telt_mee = parameters(period).sociaal_tarief_energie.verhoogde_tegemoetkoming_telt_mee
        return household("verhoogde_tegemoetkoming", period) * (telt_mee > 0)


class sociaal_tarief_voorwaarde_collectieve_verwarming(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief: sociale huurwoning met aardgas via een gemeenschappelijke ketel"

    def formula(household, period):
        return (
            (eq(household("housing", period), Housing.social_rent))
            * household("collective_heating", period)
            * (eq(household("heating", period), Heating.gas))
        )


class sociaal_tarief_energie(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.MONTH
    label = "Sociaal tarief voor energie: waarschijnlijk recht (automatisch)"

    def formula(household, period):
        return (
            household("sociaal_tarief_voorwaarde_status", period)
            + household("sociaal_tarief_voorwaarde_vt", period)
            + household("sociaal_tarief_voorwaarde_collectieve_verwarming", period)
        )
