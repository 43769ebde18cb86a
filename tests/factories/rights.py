"""Rights-check factories: answers as a visitor gives them (the check stores no model).

``example()`` is the example household of issue 5; ``example(monthly_rent=1500)`` changes one
answer (a household answer or a top-level one). ``households()`` is a fixed, varied sample.
"""

import copy
import itertools
import random

EXAMPLE = {
    "date": "2025-03-15",
    "region": "vlaanderen",
    "household": {
        "housing": "private_rent",
        "monthly_rent": 600,
        "social_housing_waiting_years": 5,
        "owns_property": False,
        "rents_from_relative": False,
        "yearly_taxable_income": 18000,
        "budget_meter": "none",
        "heating": "gas",
    },
    "persons": [
        {
            "role": "adult",
            "age": 30,
            "monthly_income": {"work": 0, "benefits": 0, "pension": 0, "other": 0},
            "statuses": [],
        }
    ],
}


def example(**changes):
    answers = copy.deepcopy(EXAMPLE)
    for key, value in changes.items():
        if key in answers["household"]:
            answers["household"][key] = value
        else:
            answers[key] = value
    return answers


PEOPLE = {
    "single": [{"role": "adult", "age": 30}],
    "minor alone": [{"role": "adult", "age": 17}],
    "couple with child": [
        {"role": "adult", "age": 35},
        {"role": "adult", "age": 36, "is_partner": True},
        {"role": "child", "age": 8},
    ],
    "parent with baby": [{"role": "adult", "age": 28}, {"role": "child", "age": 1}],
    "pensioner": [{"role": "adult", "age": 70, "monthly_income": {"pension": 1100}}],
    "on leefloon": [{"role": "adult", "age": 40, "statuses": ["leefloon"]}],
    "earner": [{"role": "adult", "age": 45, "monthly_income": {"work": 4200}}],
}


def households():
    """A fixed sample of varied households, and a few chosen to make rare conditions fail."""
    grid = list(
        itertools.product(
            ("vlaanderen", "brussel", "wallonie"),
            ("private_rent", "social_rent", "owner", "homeless", "other"),
            tuple(PEOPLE),
            (0, 5),  # years on the waiting list
            (600, 1600),  # rent
            (9000, 65000),  # income last year
            ("none", "gas", "electricity"),
            ("gas", "oil"),
        )
    )
    for region, housing, people, years, rent, income, meter, heating in random.Random(14).sample(
        grid, 120
    ):
        yield example(
            region=region, housing=housing, persons=PEOPLE[people],
            social_housing_waiting_years=years, monthly_rent=rent,
            yearly_taxable_income=income, budget_meter=meter, heating=heating,
        )  # fmt: skip
    yield example(rents_from_relative=True)
    yield example(owns_property=True)
    yield example(region="brussel", rents_from_relative=True)
    ais = example(region="brussel")
    ais["household"]["dwelling_ais"] = True
    yield ais
    yield example(date="2025-01-15", budget_meter="gas")  # winter
    yield example(date="2025-07-15", budget_meter="gas")  # summer
