"""The questionnaire on its own, without HTTP: which question may be shown, next, back,
changing one answer from the summary, and what a kept state of an older check still reads."""

import pytest

from stek.rights.questions import (
    BY_KEY,
    AgesStep,
    Damaged,
    HousingStep,
    IncomeStep,
    PeopleStep,
    Questionnaire,
    RegionStep,
    RelationsStep,
    RentStep,
    WaitingListStep,
)
from tests.factories.rights import EXAMPLE_STEPS


def walk(steps=EXAMPLE_STEPS, questionnaire=None):
    """Answer ``steps`` in turn, each the question the questionnaire says comes next."""
    questionnaire = questionnaire or Questionnaire()
    place = questionnaire.current()
    for key, data in steps:
        assert place is BY_KEY[key], f"expected {key}, got {place and place.key}"
        form = questionnaire.answer(place, data)
        assert form.is_valid(), form.errors
        place = questionnaire.next(place)
    return questionnaire, place


def test_a_new_check_starts_with_the_region_and_nothing_can_be_skipped():
    questionnaire = Questionnaire()
    assert questionnaire.current() is RegionStep
    assert not questionnaire.finished
    assert questionnaire.question("gewest") is RegionStep
    assert questionnaire.question("wonen") is None  # not before the region is answered
    assert questionnaire.question("onzin") is None
    assert questionnaire.back(RegionStep) is None
    assert questionnaire.progress(RegionStep) == (1, None)  # the total is not known yet


def test_next_walks_through_the_questions_that_apply_to_the_summary():
    questionnaire, place = walk()
    assert place is None  # the summary
    assert questionnaire.finished
    assert [step.key for step, _question, _rows in questionnaire.summary()] == [
        key for key, _data in EXAMPLE_STEPS
    ]
    assert questionnaire.done == {key for key, _data in EXAMPLE_STEPS}
    assert questionnaire.answers().household.monthly_rent == 600
    assert not questionnaire.income_estimated


def test_a_wrong_answer_changes_nothing():
    questionnaire, place = walk(EXAMPLE_STEPS[:3])
    assert place is AgesStep
    before = dict(questionnaire.state)
    form = questionnaire.answer(AgesStep, {"age_0": "150"})
    assert "age_0" in form.errors
    assert questionnaire.state == before
    assert questionnaire.current() is AgesStep


def test_progress_and_back_count_the_questions_that_apply():
    questionnaire, place = walk(EXAMPLE_STEPS[:4])
    assert place is IncomeStep
    assert questionnaire.progress(IncomeStep) == (5, len(EXAMPLE_STEPS))
    assert questionnaire.back(IncomeStep) is AgesStep
    assert questionnaire.back(AgesStep) is PeopleStep  # one adult: no question about others


def test_after_back_next_is_the_following_question_not_the_first_open_one():
    questionnaire, _place = walk(EXAMPLE_STEPS[:6])
    assert questionnaire.question("wonen") is HousingStep  # answered: it may be shown again
    questionnaire.answer(HousingStep, {"housing": "private_rent"})
    assert questionnaire.next(HousingStep) is PeopleStep
    assert questionnaire.current() is BY_KEY["jaarinkomen"]


def test_other_people_in_the_household_are_asked_about_again():
    questionnaire, _place = walk(EXAMPLE_STEPS[:6])
    questionnaire.answer(PeopleStep, {"adults": "2", "children": "0"})
    assert questionnaire.next(PeopleStep) is RelationsStep
    assert not questionnaire.done & {"leeftijd", "inkomen", "situatie"}
    assert "ages" not in questionnaire.state
    assert questionnaire.question("leeftijd") is None  # the relation comes first
    questionnaire.answer(PeopleStep, {"adults": "2", "children": "0"})  # the same again
    assert "gezin" in questionnaire.done and questionnaire.current() is RelationsStep


def test_edit_changes_one_answer_and_returns_to_the_summary():
    questionnaire, _place = walk()
    assert questionnaire.edit("wonen") is HousingStep
    assert questionnaire.reviewing
    assert questionnaire.question("wonen") is HousingStep
    questionnaire.answer(HousingStep, {"housing": "owner"})
    assert questionnaire.next(HousingStep) is None  # straight back to the summary
    shown = [step.key for step, _question, _rows in questionnaire.summary()]
    assert "huur" not in shown and "eigendom" not in shown
    questionnaire.edit("wonen")
    questionnaire.answer(HousingStep, {"housing": "private_rent"})
    assert questionnaire.next(HousingStep) is None  # the rent was answered before: kept
    assert questionnaire.state["monthly_rent"] == 600


def test_an_edit_that_opens_a_question_asks_it_then_the_next_open_one():
    owner = [(k, {"housing": "owner"} if k == "wonen" else d) for k, d in EXAMPLE_STEPS]
    owner = [(k, d) for k, d in owner if k not in ("huur", "wachtlijst", "eigendom")]
    questionnaire, _place = walk(owner)
    questionnaire.edit("wonen")
    questionnaire.answer(HousingStep, {"housing": "private_rent"})
    assert questionnaire.next(HousingStep) is RentStep
    questionnaire.answer(RentStep, {"monthly_rent": "550"})
    assert questionnaire.next(RentStep) is WaitingListStep


def test_edit_waits_for_a_finished_check_and_a_real_question():
    questionnaire, _place = walk(EXAMPLE_STEPS[:3])
    assert questionnaire.edit("wonen") is None
    assert not questionnaire.reviewing
    finished, _place = walk()
    assert finished.edit("onzin") is None
    assert not finished.reviewing


def test_a_check_is_counted_once():
    questionnaire, _place = walk()
    assert not questionnaire.counted
    questionnaire.mark_counted()
    assert Questionnaire.restore(dict(questionnaire.state)).counted


def test_a_kept_state_reads_back_or_is_damaged():
    questionnaire, _place = walk()
    kept = dict(questionnaire.state)
    restored = Questionnaire.restore(kept)
    assert restored.finished and restored.current() is None
    # The state of a check begun before this questionnaire: the same keys, still readable.
    older = {"region": "vlaanderen", "_done": ["gewest"], "_review": False}
    assert Questionnaire.restore(older).current() is HousingStep
    with pytest.raises(Damaged):
        Questionnaire.restore({"_done": ["leeftijd"], "adults": 1, "children": 0})
    with pytest.raises(Damaged):
        Questionnaire.restore({"adults": "many"})
