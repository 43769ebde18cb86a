import csv
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from stek.rights import population
from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import RIGHTS
from stek.rights.check import evaluate
from tests.factories.rights import example

COLUMNS = [
    "household_id", "area", "role", "age", "income_work", "income_benefits", "income_pension",
    "income_other", "statuses", "started_work_recently", "region", "housing", "monthly_rent",
    "social_housing_waiting_years", "owns_property", "rents_from_relative",
    "yearly_taxable_income", "budget_meter", "heating",
]  # fmt: skip

HOUSEHOLDS = [
    example(),
    example(region="brussel", yearly_taxable_income=12000),
    example(
        persons=[
            {"role": "adult", "age": 70, "monthly_income": {"pension": 1100}, "statuses": ["igo"]},
            {"role": "child", "age": 9},
        ],
        housing="owner",
        heating="oil",
        budget_meter="gas",
        yearly_taxable_income=13200,
    ),
]


def rows(answers, key, area):
    household = answers["household"]
    for person in answers["persons"]:
        income = {"work": 0, "benefits": 0, "pension": 0, "other": 0}
        income.update(person.get("monthly_income", {}))
        yield {
            "household_id": key,
            "area": area,
            "role": person["role"],
            "age": person["age"],
            **{f"income_{k}": v for k, v in income.items()},
            "statuses": ";".join(person.get("statuses", [])),
            "started_work_recently": 0,
            "region": answers["region"],
            **{k: int(v) if isinstance(v, bool) else v for k, v in household.items()},
        }


def write(path, households, areas):
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for key, (answers, area) in enumerate(zip(households, areas, strict=True)):
            writer.writerows(rows(answers, f"h{key}", area))


def test_the_estimate_runs_the_same_rules_as_the_check(tmp_path):
    path = tmp_path / "households.csv"
    write(path, HOUSEHOLDS * 4, ["A"] * 12)
    counts = population.estimate(population.read_csv(path), date(2025, 3, 15), chunk=5)
    for right in RIGHTS:
        single = sum(
            4
            for answers in HOUSEHOLDS
            if next(r for r in evaluate(CheckAnswers(**answers)).rights if r.id == right.id).status
            != "unlikely"
        )
        assert counts[("A", right.id)] == single, right.id


@pytest.mark.django_db
def test_counts_per_area_are_written_with_small_cells_suppressed(tmp_path, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 5
    source, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write(source, HOUSEHOLDS * 10, ["11001A00"] * 20 + ["11001B07"] * 7 + ["11002B11"] * 3)
    when = date(2025, 3, 15)
    call_command("estimate_rights", csv=str(source), out=str(out), when=when, no_progress=True)
    lines = out.read_text().splitlines()
    written = {(r["area"], r["right"]): r for r in csv.DictReader(lines)}
    assert written[("11001A00", "maximumfactuur")]["entitled"] == "20"
    assert written[("11001A00", "maximumfactuur")]["households"] == "20"
    assert written[("11002B11", "maximumfactuur")]["entitled"] == ""  # 3 < 5: suppressed
    # and one more, so that the others do not give it away
    assert written[("11001B07", "maximumfactuur")]["entitled"] == ""


def test_a_bad_row_names_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    write(path, HOUSEHOLDS, ["", "", ""])
    text = path.read_text().splitlines()
    text[1] = text[1].replace("vlaanderen", "vlaandren")
    path.write_text("\n".join(text))
    with pytest.raises(CommandError, match="line 2: region must be one of"):
        call_command("estimate_rights", csv=str(path), no_progress=True)


def test_synthetic_population_has_the_size_asked_and_a_progress_bar(capsys):
    households = population.synthetic(10_000, seed=1)
    assert 10_000 <= households.population.size < 10_005
    call_command("estimate_rights", synthetic=5000, when=date(2025, 3, 15))
    captured = capsys.readouterr()
    assert "persons/s" in captured.err or "100%" in captured.err
    assert "vlaamse_huurpremie" in captured.out


def test_a_date_outside_the_rules_is_refused():
    with pytest.raises(CommandError, match="2024-05-01"):
        call_command("estimate_rights", synthetic=10, when=date(2020, 1, 1))
