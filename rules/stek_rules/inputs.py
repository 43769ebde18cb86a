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
status_zorgbudget_ouderen = _person(
    "status_zorgbudget_ouderen",
    bool,
    "Krijgt het zorgbudget voor ouderen met een zorgnood (Vlaanderen) of de APA/THAB (Brussel)",
    False,
)
is_partner = _person(
    "is_partner",
    bool,
    "Partner (gehuwd, wettelijk of feitelijk) van de eerste volwassene",
    False,
)
owes_maintenance = _person(
    "owes_maintenance",
    bool,
    "Ouder of kind (eerste graad) van de eerste volwassene, woont mee (geen broer, zus of vriend)",
    False,
)
disability_person = _person(
    "disability_person",
    bool,
    "Erkende handicap (FOD Sociale Zekerheid)",
    False,
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
dwelling_ais = _household(
    "dwelling_ais", bool, "Huurt via een sociaal verhuurkantoor (SVK/AIS)", False
)
designated_municipality = _household(
    "designated_municipality",
    bool,
    "Woont in een aangeduide gemeente voor de huurpremie (centrumstad, Antwerpen/Gent, Vlabinvest)",
    False,
)
dutch_language_school = _household(
    "dutch_language_school", bool, "Een kind gaat naar een Nederlandstalige school", False
)
childcare_fixed_price = _household(
    "childcare_fixed_price",
    bool,
    "Een kind onder 3 gaat naar Nederlandstalige kinderopvang met een prijs los van het inkomen",
    False,
)
collective_heating = _household(
    "collective_heating", bool, "Verwarmd met aardgas via een gemeenschappelijke ketel", False
)
net_taxable_income_3_years_ago = _household(
    "net_taxable_income_3_years_ago",
    float,
    "Netto belastbaar gezinsinkomen van drie jaar eerder (-1: niet gevraagd)",
    -1,
)


INPUTS = [
    age, income_work, income_benefits, income_pension, income_other, is_child,
    status_leefloon, status_igo, status_ivt_it, status_disability_66,
    status_unemployed_3_months, status_sick_3_months, status_student, status_mena,
    started_work_recently, status_zorgbudget_ouderen, is_partner, owes_maintenance,
    disability_person,
    region, housing, budget_meter, heating, monthly_rent, social_housing_waiting_years,
    owns_property, rents_from_relative, yearly_taxable_income, dwelling_ais,
    designated_municipality, dutch_language_school, childcare_fixed_price, collective_heating,
    net_taxable_income_3_years_ago,
]  # fmt: skip
