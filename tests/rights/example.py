"""The example answers of issue 5, as a visitor would give them."""

import copy

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
