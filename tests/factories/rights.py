"""Rights-check factories: answers as a visitor gives them (the check stores no model).

``example()`` is the example household of issue 5; ``example(monthly_rent=1500)`` changes one
answer (a household answer or a top-level one). ``households()`` is a fixed, varied sample.
"""

import copy
import itertools
import random
import re

from django.core import signing

from stek.rights.views import COOKIE, SALT

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


# The answers of issue 5's example, step by step, as a visitor types them.
EXAMPLE_STEPS = [
    ("gewest", {"region": "vlaanderen"}),
    ("wonen", {"housing": "private_rent"}),
    ("gezin", {"adults": "1", "children": "0"}),
    ("leeftijd", {"age_0": "30"}),
    ("inkomen", {}),
    ("situatie", {}),
    ("jaarinkomen", {"yearly_taxable_income": "18000"}),
    ("huur", {"monthly_rent": "600"}),
    ("wachtlijst", {"social_housing_waiting_years": "5"}),
    ("eigendom", {"owns_property": "0"}),
    ("budgetmeter", {"budget_meter": "none"}),
    ("verwarming", {"heating": "gas"}),
]


class Visitor:
    """Uses the check as a browser does: every POST is answered by a redirect to a GET page
    (followed here), and the answers travel in the check's cookie."""

    def __init__(self, client, url):
        self.client, self.url = client, url
        self.page = client.get(url)
        assert self.page.status_code == 200
        self.redirects = []

    @property
    def html(self):
        return self.page.content.decode()

    @property
    def state(self):
        cookie = self.client.cookies.get(COOKIE)
        if cookie is None or not cookie.value:
            return {}
        return signing.loads(cookie.value, salt=SALT)

    @property
    def step(self):
        found = re.search(r'name="step" value="([^"]*)"', self.html)
        return found.group(1) if found else None

    def post(self, action="next", **data):
        payload = {"action": action, **data}
        if self.step and "step" not in data:
            payload["step"] = self.step
        response = self.client.post(self.url, payload)
        assert response.status_code == 303, response.status_code  # post/redirect/get
        self.redirects.append(response["Location"])
        self.page = self.client.get(response["Location"])
        assert self.page.status_code == 200, self.page.status_code
        return self

    def get(self, query):
        self.page = self.client.get(self.url + query, follow=True)
        assert self.page.status_code == 200
        return self

    def answer(self, key, data):
        assert self.step == key, f"expected the question {key}, got {self.step}"
        return self.post("next", **data)

    def walk(self, steps=EXAMPLE_STEPS):
        self.post("start")  # "Begin de check"
        for key, data in steps:
            self.answer(key, data)
        return self
