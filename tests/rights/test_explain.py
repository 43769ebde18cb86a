"""The results say what is true: a condition that fails is named as failed, in the visitor's
words with the values, never with the sentence that says it holds (issue 14)."""

from datetime import date
from html import unescape

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from stek.rights import engine, explain
from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import RIGHTS
from stek.rights.check import evaluate
from tests.factories.rights import example, households

# Conditions that cannot fail for any household the check can describe.
NEVER_FAIL = {("maximumfactuur", "plafond")}


@pytest.fixture(scope="module")
def results():
    found = []
    for answers in households():
        try:
            checked = CheckAnswers(**answers)
        except ValueError:
            continue
        found.append(evaluate(checked))
    return found


def test_every_condition_has_its_own_sentences():
    missing = [
        (right.id, condition.id)
        for right in RIGHTS
        for condition in right.conditions
        if explain.text_for(right, condition) is None
    ]
    assert missing == []
    known = engine.system().variables
    for right in RIGHTS:
        for condition in right.conditions:
            text = explain.text_for(right, condition)
            assert not text.value or text.value in known, (right.id, condition.id, text.value)


def test_a_failed_condition_is_never_shown_as_met(results):
    failed_seen = set()
    with translation.override("nl"):
        for result in results:
            for r in result.rights:
                html = unescape(
                    render_to_string(
                        "rights/partials/right.html",
                        {"r": r, "result": result, "services": {}, "worker": False},
                    )
                )
                others = {c.explanation for c in r.conditions if c.met}
                for c in r.conditions:
                    if c.met is not False:
                        continue
                    failed_seen.add((r.id, c.condition.id))
                    said = c.explanation
                    would_say = explain.sentence(
                        r.right, c.condition, True, c.data, c.answers, result.date
                    )
                    assert said != would_say, (r.id, c.condition.id)
                    assert said in html, (r.id, c.condition.id)
                    assert would_say not in html, (r.id, c.condition.id, would_say)
                    if str(c.condition.text) not in others | {said}:
                        assert str(c.condition.text) not in html, (r.id, c.condition.id)
    every = {(right.id, c.id) for right in RIGHTS for c in right.conditions}
    assert every - failed_seen - NEVER_FAIL == set()  # each condition was seen failing


def test_why_not_names_the_failed_condition_with_the_values():
    answers = CheckAnswers(**example(monthly_rent=1500))
    premie = next(r for r in evaluate(answers).rights if r.id == "vlaamse_huurpremie")
    assert premie.status == "unlikely"
    (deciding,) = premie.deciding
    with translation.override("nl"):
        assert deciding.explanation.startswith("Je huur (€\xa01.500) is hoger dan de maximale huur")
        html = render_to_string(
            "rights/partials/right.html",
            {"r": premie, "result": None, "services": {}, "worker": False},
        )
    why_not = html[html.index("Waarom niet?") : html.index("<details")]
    assert "is hoger dan de maximale huur" in why_not
    assert "niet hoger" not in why_not


def test_met_conditions_read_as_met_and_unknown_as_not_asked():
    result = evaluate(CheckAnswers(**example()))
    leefloon = next(r for r in result.rights if r.id == "leefloon")
    with translation.override("nl"):
        html = render_to_string(
            "rights/partials/right.html",
            {"r": leefloon, "result": result, "services": {}, "worker": False},
        )
    assert "Niet gevraagd" in html
    income = next(c for c in leefloon.conditions if c.condition.id == "inkomen")
    assert income.met and "is lager dan het leefloon" in income.explanation


def test_a_no_that_one_step_can_turn_says_what_to_do_and_where():
    never_listed = CheckAnswers(**example(social_housing_waiting_years=0))
    premie = next(r for r in evaluate(never_listed).rights if r.id == "vlaamse_huurpremie")
    assert premie.status == "unlikely"
    (step,) = premie.next_steps
    assert step.topic == "sociale_huurwoning" and "wachtlijst" in str(step.text)
    too_high = CheckAnswers(**example(social_housing_waiting_years=0, monthly_rent=1500))
    premie = next(r for r in evaluate(too_high).rights if r.id == "vlaamse_huurpremie")
    assert premie.next_steps == []  # the list alone would not be enough


def test_rights_of_another_region_are_not_assessed():
    result = evaluate(CheckAnswers(**example(region="brussel")))
    other = {r.id for r in result.other_region}
    assert "vlaamse_huurpremie" in other and "brusselse_huurtoelage" not in other
    assert not {r.id for r in result.by_status("unlikely")} & other
    flemish = evaluate(CheckAnswers(**example()))
    assert "brusselse_huurtoelage" in {r.id for r in flemish.other_region}


def test_the_maximumfactuur_is_for_everyone_with_the_households_own_ceiling():
    result = evaluate(CheckAnswers(**example(yearly_taxable_income=45000)))
    (maf,) = result.for_everyone
    assert maf.id == "maximumfactuur" and maf.yearly_ceiling > 0
    assert maf not in result.by_status("likely")
    with translation.override("nl"):
        html = render_to_string(
            "rights/partials/right.html",
            {"r": maf, "result": result, "services": {}, "worker": False},
        )
    assert "Jouw plafond" in html and "waarschijnlijk" not in html.lower()


def test_a_doubtful_value_says_so_in_plain_words(monkeypatch):
    real = explain.parameter_info

    def old(path, when):
        info = real(path, when)
        if path == "vlaamse_huurpremie.maximale_huur":
            info |= {"stale": True, "last_confirmed": date(2022, 1, 1)}
        return info

    monkeypatch.setattr(explain, "parameter_info", old)
    premie = next(
        r for r in evaluate(CheckAnswers(**example())).rights if r.id == "vlaamse_huurpremie"
    )
    assert premie.stale and premie.last_checked <= date(2022, 1, 1)
    with translation.override("nl"):
        html = render_to_string(
            "rights/partials/right.html",
            {"r": premie, "result": None, "services": {}, "worker": False},
        )
    assert "misschien niet meer juist" in html and "nagekeken op 1 januari 2022" in html
    assert "Bedrag of grens nog niet bevestigd" not in html


def test_staleness_follows_the_indexation_cycle():
    day = date(2026, 12, 1)
    assert explain._last_cycle_start("january", day) == date(2026, 1, 1)
    assert explain._last_cycle_start("september", day) == date(2026, 9, 1)
    assert explain._last_cycle_start("september", date(2026, 3, 1)) == date(2025, 9, 1)
    info = explain.parameter_info("vlaamse_huurpremie.maximale_huur", day)
    assert {"value", "valid_from", "reference", "last_confirmed", "stale", "unconfirmed"} <= set(
        info
    )
