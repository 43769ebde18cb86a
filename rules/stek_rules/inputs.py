"""What the check asks. Everything is monthly: a check is about one month (the date asked)."""

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from stek_rules.entities import Household, Person

MONTH = DateUnit.MONTH


class Region(Enum):
    vlaanderen = "Vlaanderen"
    brussel = "Brussel"
    wallonie = "Wallonië"


class Housing(Enum):
    private_rent = "Huurt op de private markt"
    social_rent = "Huurt een sociale woning"
    owner = "Eigenaar"
    homeless = "Dak- of thuisloos"
    other = "Andere"


class BudgetMeter(Enum):
    none = "Geen budgetmeter"
    gas = "Budgetmeter gas"
    electricity = "Budgetmeter elektriciteit"
    both = "Budgetmeter gas en elektriciteit"


class Heating(Enum):
    gas = "Aardgas"
    oil = "Stookolie, petroleum of propaan in bulk"
    electric = "Elektrisch"
    other = "Andere"


def _person(name, value_type, label, default=0):
    return type(
        name,
        (Variable,),
        {
            "value_type": value_type,
            "entity": Person,
            "definition_period": MONTH,
            "label": label,
            "default_value": default,
        },
    )


age = _person("age", int, "Leeftijd")
income_work = _person("income_work", float, "Inkomen uit werk, netto per maand")
income_benefits = _person("income_benefits", float, "Uitkeringen per maand (geen leefloon)")
income_pension = _person("income_pension", float, "Pensioen per maand")
income_other = _person("income_other", float, "Ander inkomen per maand")
is_child = _person("is_child", bool, "Kind in het huishouden", False)
status_leefloon = _person(
    "status_leefloon", bool, "Krijgt een leefloon (of equivalente hulp)", False
)
status_igo = _person("status_igo", bool, "Krijgt de inkomensgarantie voor ouderen (IGO)", False)
status_ivt_it = _person(
    "status_ivt_it", bool, "Krijgt een inkomensvervangende of integratietegemoetkoming", False
)
status_disability_66 = _person(
    "status_disability_66", bool, "Kind met minstens 66 % handicap", False
)
status_unemployed_3_months = _person(
    "status_unemployed_3_months", bool, "Minstens 3 maanden werkloos", False
)
status_sick_3_months = _person(
    "status_sick_3_months", bool, "Minstens 3 maanden arbeidsongeschikt", False
)
status_student = _person("status_student", bool, "Student", False)
started_work_recently = _person(
    "started_work_recently",
    bool,
    "Begon de voorbije 3 jaar te werken of een opleiding (socio-professionele vrijstelling)",
    False,
)
status_mena = _person(
    "status_mena", bool, "Niet-begeleide minderjarige vreemdeling (NBMV/MENA)", False
)


class region(Variable):
    value_type = Enum
    possible_values = Region
    default_value = Region.vlaanderen
    entity = Household
    definition_period = MONTH
    label = "Gewest van de hoofdverblijfplaats"


class housing(Variable):
    value_type = Enum
    possible_values = Housing
    default_value = Housing.other
    entity = Household
    definition_period = MONTH
    label = "Woonsituatie"


class budget_meter(Variable):
    value_type = Enum
    possible_values = BudgetMeter
    default_value = BudgetMeter.none
    entity = Household
    definition_period = MONTH
    label = "Budgetmeter"


class heating(Variable):
    value_type = Enum
    possible_values = Heating
    default_value = Heating.other
    entity = Household
    definition_period = MONTH
    label = "Verwarming"


def _household(name, value_type, label, default=0):
    return type(
        name,
        (Variable,),
        {
            "value_type": value_type,
            "entity": Household,
            "definition_period": MONTH,
            "label": label,
            "default_value": default,
        },
    )


monthly_rent = _household("monthly_rent", float, "Huur per maand")
social_housing_waiting_years = _household(
    "social_housing_waiting_years", float, "Jaren op de wachtlijst voor een sociale woning"
)
owns_property = _household("owns_property", bool, "Eigenaar van een woning", False)
rents_from_relative = _household(
    "rents_from_relative", bool, "Huurt van een familielid (tot 2de graad)", False
)
yearly_taxable_income = _household(
    "yearly_taxable_income", float, "Bruto belastbaar gezinsinkomen van het vorige jaar"
)


INPUTS = [
    age, income_work, income_benefits, income_pension, income_other, is_child,
    status_leefloon, status_igo, status_ivt_it, status_disability_66,
    status_unemployed_3_months, status_sick_3_months, status_student, status_mena,
    started_work_recently,
    region, housing, budget_meter, heating, monthly_rent, social_housing_waiting_years,
    owns_property, rents_from_relative, yearly_taxable_income,
]  # fmt: skip
