"""Issue 14: every parameter says how it is indexed and every value when it was last
confirmed; ``engine.parameter_info`` computes indexed amounts and tells when a value is stale."""

from datetime import date

import pytest

from stek.rights import engine
from stek.rights.catalogue import RIGHTS


def _leaves():
    yield from engine._walk(engine.system().parameters)


def test_every_parameter_has_an_indexation_cycle_and_every_value_a_confirmation_date():
    missing_cycle, missing_date = [], []
    for path, node in _leaves():
        meta = engine._node(path).metadata or {}  # a scale's brackets: the scale's metadata
        if meta.get("indexation") not in engine.CYCLES:
            missing_cycle.append(path)
        for value in node.values_list:
            confirmed = (value.metadata or {}).get("last_confirmed")
            if not confirmed:
                missing_date.append(f"{path}@{value.instant_str}")
            else:
                date.fromisoformat(str(confirmed))  # a real date
    assert missing_cycle == []
    assert missing_date == []


def test_every_value_has_a_source():
    unsourced = [
        f"{path}@{value.instant_str}"
        for path, node in _leaves()
        for value in node.values_list
        if not (value.metadata or {}).get("reference", "").startswith("http")
    ]
    assert unsourced == []


def test_an_index_step_gives_the_computed_amount_and_keeps_a_published_one():
    # 1288.46 × 1.02 = 1314.23, the published 1314.20 of the same step is kept
    info = engine.parameter_info("leefloon.bedrag.categorie_2", date(2025, 3, 1))
    assert info["value"] == pytest.approx(1314.20)
    assert info["valid_from"] == date(2025, 2, 1)
    assert info["computed"] is False
    # the socio-professional exemption has no published value for March 2026: it is computed
    info = engine.parameter_info("leefloon.vrijstelling.socio_professioneel", date(2026, 4, 1))
    assert info["value"] == pytest.approx(315.67)  # 303.41 × 1.0404
    assert info["computed"] is True
    assert info["unconfirmed"] is True
    assert info["valid_from"] == date(2026, 3, 1)


def test_stale_follows_the_cycle():
    # a January-indexed value of 2024 is stale in 2026
    info = engine.parameter_info("vlaamse_huurpremie.bedrag_basis", date(2026, 12, 1))
    assert info["indexation"] == "january"
    assert info["stale"] is True
    assert "January" in info["stale_reason"]
    # the same value was current in 2024 (and it is confirmed)
    assert (
        engine.parameter_info("vlaamse_huurpremie.bedrag_basis", date(2024, 6, 1))["stale"] is False
    )
    # the Groeipakket (September) is stale after a September without a new value
    kleuter = engine.parameter_info("groeipakket.kleutertoeslag", date(2026, 12, 1))
    assert kleuter["value"] == pytest.approx(143.53)
    assert kleuter["stale"] is True
    assert engine.parameter_info("groeipakket.kleutertoeslag", date(2026, 3, 1))["stale"] is False
    # a pivot-indexed value older than an index step is stale
    vt = engine.parameter_info("verhoogde_tegemoetkoming.grens_basis", date(2025, 3, 1))
    assert vt["stale"] is True and "2025-02-01" in vt["stale_reason"]
    # a value without a cycle is stale only when unconfirmed
    assert (
        engine.parameter_info("groeipakket.kinderopvangtoeslag", date(2026, 12, 1))["stale"]
        is False
    )


def test_the_expected_index_step_of_october_2026_makes_pivot_amounts_stale():
    before = engine.parameter_info("igo.bedrag_alleenstaand", date(2026, 9, 1))
    after = engine.parameter_info("igo.bedrag_alleenstaand", date(2026, 12, 1))
    assert before["value"] == after["value"]  # the forecast step is not applied
    assert "forecast" in after["stale_reason"]
    assert "forecast" not in before["stale_reason"]


def test_every_parameter_the_catalogue_shows_answers_today():
    today = date(2026, 12, 1)
    for right in RIGHTS:
        for condition in right.conditions:
            for path, _label in condition.parameters:
                for category in (1, 2, 3):
                    info = engine.parameter_info(path.format(leefloon_categorie=category), today)
                    assert set(info) >= {
                        "value", "valid_from", "reference", "last_confirmed", "unconfirmed",
                        "indexation", "stale",
                    }  # fmt: skip


def test_unknown_paths_and_early_dates_are_errors():
    with pytest.raises(KeyError):
        engine.parameter_info("leefloon.bestaat_niet", date(2026, 1, 1))
    with pytest.raises(engine.DateOutOfRange):
        engine.parameter_info("leefloon.bedrag.categorie_1", date(2020, 1, 1))


def test_a_missing_or_empty_input_column_keeps_the_default():
    import numpy as np

    population = engine.Population(
        persons={"age": np.array([30]), "is_partner": np.array([])},
        households={"region": np.array(["vlaanderen"]), "dwelling_ais": np.array([])},
        household_of=np.array([0]),
        roles=np.array(["adult"]),
    )
    simulation = engine.simulate(population, date(2026, 4, 1))
    assert simulation.calculate("leefloon_bedrag", "2026-04")[0] == pytest.approx(1340.48)
    assert set(engine.INPUT_DEFAULTS) >= set(engine.PERSON_INPUTS) | set(engine.HOUSEHOLD_INPUTS)


def test_the_parameters_table_in_docs_is_up_to_date():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("table", root / "rules/parameters_table.py")
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    lines = []
    table.main(out=lines.append)
    expected = "\n".join(lines) + "\n"
    written = (root / "docs/rights-parameters.md").read_text()
    assert written == expected, (
        "run: .venv/bin/python rules/parameters_table.py > docs/rights-parameters.md"
    )
