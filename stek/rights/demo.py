"""Demo: De Wissel counts what its rights check finds. Half a year of checks of made-up
households, run through the real rules, so the counts are what the check would have shown."""

import random
from datetime import timedelta

from django.utils import timezone

from .answers import CheckAnswers
from .check import evaluate
from .models import Door, RightShown
from .services import count_shown

WEEKS = 26


def _household(rng, day):
    adults, children = rng.choice([(1, 0), (1, 0), (1, 1), (1, 2), (2, 2), (2, 0), (1, 3)])
    housing = rng.choice(["private_rent"] * 5 + ["social_rent"] * 2 + ["owner", "homeless"])
    benefits = rng.choice([0, 0, 900, 1250, 1400])
    work = 0 if benefits else rng.choice([0, 800, 1500, 1900])
    persons = [
        {
            "role": "adult",
            "age": rng.randint(19, 80) if n == 0 else rng.randint(19, 60),
            "monthly_income": {"work": work if n == 0 else 0, "benefits": benefits if n == 0 else 0,
                               "pension": 0, "other": 0},
            "statuses": rng.choice([[], [], ["unemployed_3_months"], ["sick_3_months"]]),
        }  # fmt: skip
        for n in range(adults)
    ] + [
        {"role": "child", "age": rng.randint(1, 17),
         "monthly_income": {"work": 0, "benefits": 0, "pension": 0, "other": 0}, "statuses": []}
        for _ in range(children)
    ]  # fmt: skip
    return CheckAnswers(
        date=day.isoformat(),
        region="vlaanderen",
        household={
            "housing": housing,
            "monthly_rent": rng.choice([450, 600, 750, 850]) if "rent" in housing else 0,
            "social_housing_waiting_years": rng.choice([0, 2, 5]),
            "owns_property": housing == "owner",
            "yearly_taxable_income": 12 * (work + benefits),
            "budget_meter": rng.choice(["none"] * 6 + ["electricity", "both"]),
            "heating": rng.choice(["gas", "gas", "electric", "oil"]),
        },
        persons=persons,
    )


def seed_rights_shown(stek, today=None):
    rng = random.Random(2028)
    today = today or timezone.localdate()
    RightShown.objects.filter(stek=stek).delete()
    stek.count_rights_shown = True
    stek.save(update_fields=["count_rights_shown"])
    for week in range(WEEKS):
        for _ in range(rng.randint(1, 5)):
            day = today - timedelta(weeks=week, days=rng.randint(0, 4))
            door = Door.WORKER if rng.random() < 0.7 else Door.PUBLIC
            count_shown(stek=stek, door=door, result=evaluate(_household(rng, day)), day=day)
