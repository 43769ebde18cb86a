"""The answers of a check, validated in one place for the questionnaire and the JSON API.

Field names and meanings are fixed by the API contract (issue 5): add fields, never rename."""

import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field, field_validator, model_validator

from . import engine

Region = Literal["vlaanderen", "brussel", "wallonie"]
Housing = Literal["private_rent", "social_rent", "owner", "homeless", "other"]
BudgetMeter = Literal["none", "gas", "electricity", "both"]
Heating = Literal["gas", "oil", "electric", "other"]
Status = Literal[
    "leefloon", "igo", "ivt_it", "disability_66", "unemployed_3_months", "sick_3_months",
    "student", "mena", "zorgbudget_ouderen",
]  # fmt: skip

MAX_MONEY = 1_000_000
# Strict types for the API: ``age: true``, ``"1500"`` for an amount or ``1`` for a yes/no
# are refused (422), not read as 1, 1500 or true. The date alone is read from its ISO text.
STRICT = ConfigDict(strict=True)


class MonthlyIncome(Schema):
    model_config = STRICT
    work: float = Field(0, ge=0, le=MAX_MONEY, description="Net income from work, per month")
    benefits: float = Field(0, ge=0, le=MAX_MONEY, description="Benefits (not leefloon)")
    pension: float = Field(0, ge=0, le=MAX_MONEY)
    other: float = Field(0, ge=0, le=MAX_MONEY)

    def total(self):
        return self.work + self.benefits + self.pension + self.other


class PersonAnswers(Schema):
    model_config = STRICT
    role: Literal["adult", "child"]
    age: int = Field(ge=0, le=120)
    monthly_income: MonthlyIncome = Field(default_factory=MonthlyIncome)
    statuses: list[Status] = Field(default_factory=list)
    started_work_recently: bool = Field(
        False,
        description="Started work or training in the last 3 years (socio-professional "
        "exemption for the leefloon)",
    )
    is_partner: bool = Field(
        False, description="The partner (spouse, legal or de facto) of the first adult"
    )
    owes_maintenance: bool = Field(
        False,
        description="A parent or child of the first adult living in the household (owes "
        "maintenance; not a brother, sister or friend)",
    )
    disability_person: bool = Field(False, description="Has a recognised disability")


class HouseholdAnswers(Schema):
    model_config = STRICT
    housing: Housing = "other"
    monthly_rent: float = Field(0, ge=0, le=100_000)
    social_housing_waiting_years: float = Field(0, ge=0, le=100)
    owns_property: bool = False
    rents_from_relative: bool = False
    yearly_taxable_income: float = Field(
        0, ge=0, le=100 * MAX_MONEY, description="Gross taxable income of the previous year"
    )
    budget_meter: BudgetMeter = "none"
    heating: Heating = "other"
    dwelling_ais: bool = Field(
        False, description="Rented through a social rental agency (SVK in Flanders, AIS)"
    )
    designated_municipality: bool = Field(
        False, description="Lives in a municipality with the higher huurpremie"
    )
    dutch_language_school: bool = Field(
        False, description="A child goes to a Dutch-language school (for Brussels families)"
    )
    childcare_fixed_price: bool = Field(
        False, description="A child under 3 goes to childcare whose price does not follow income"
    )
    collective_heating: bool = Field(
        False, description="Heated by natural gas from a shared boiler of the building"
    )
    net_taxable_income_3_years_ago: float | None = Field(
        None,
        ge=0,
        le=100 * MAX_MONEY,
        description="Net taxable income of the tax year three years ago (maximumfactuur); "
        "empty: the yearly taxable income is used",
    )


def _date_range():
    first, last = engine.valid_dates()
    return {"x-minimum": first.isoformat(), "x-maximum": last.isoformat()}


class CheckAnswers(Schema):
    model_config = STRICT
    date: datetime.date = Field(
        strict=False,
        description="The day to check for (YYYY-MM-DD), within the dates the rules know: "
        "x-minimum and x-maximum; another date is refused with 422",
        json_schema_extra=lambda schema: schema.update(_date_range()),
    )
    region: Region
    household: HouseholdAnswers = Field(default_factory=HouseholdAnswers)
    persons: list[PersonAnswers] = Field(min_length=1, max_length=20)

    @field_validator("date")
    @classmethod
    def _in_range(cls, value):
        engine.check_date(value)  # DateOutOfRange is a ValueError: a 422 on "date"
        return value

    @model_validator(mode="after")
    def _an_adult(self):
        if not any(person.role == "adult" for person in self.persons):
            raise ValueError("persons: at least one person must have the role 'adult'.")
        return self
