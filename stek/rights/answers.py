"""The answers of a check, validated in one place for the questionnaire and the JSON API.

Field names and meanings are fixed by the API contract (issue 5): add fields, never rename."""

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field, field_validator, model_validator

from . import engine

Region = Literal["vlaanderen", "brussel", "wallonie"]
Housing = Literal["private_rent", "social_rent", "owner", "homeless", "other"]
BudgetMeter = Literal["none", "gas", "electricity", "both"]
Heating = Literal["gas", "oil", "electric", "other"]
Status = Literal[
    "leefloon", "igo", "ivt_it", "disability_66", "unemployed_3_months", "sick_3_months",
    "student", "mena",
]  # fmt: skip

MAX_MONEY = 1_000_000


class MonthlyIncome(Schema):
    work: float = Field(0, ge=0, le=MAX_MONEY, description="Net income from work, per month")
    benefits: float = Field(0, ge=0, le=MAX_MONEY, description="Benefits (not leefloon)")
    pension: float = Field(0, ge=0, le=MAX_MONEY)
    other: float = Field(0, ge=0, le=MAX_MONEY)

    def total(self):
        return self.work + self.benefits + self.pension + self.other


class PersonAnswers(Schema):
    role: Literal["adult", "child"]
    age: int = Field(ge=0, le=120)
    monthly_income: MonthlyIncome = Field(default_factory=MonthlyIncome)
    statuses: list[Status] = Field(default_factory=list)
    started_work_recently: bool = Field(
        False,
        description="Started work or training in the last 3 years (socio-professional "
        "exemption for the leefloon)",
    )


class HouseholdAnswers(Schema):
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


class CheckAnswers(Schema):
    date: date
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
