from datetime import date

import pytest
from django.utils import translation

from stek.core.vocabulary import BUILTIN_TOPICS
from stek.rights import engine
from stek.rights.answers import CheckAnswers
from stek.rights.catalogue import POINTERS, RIGHTS
from stek.rights.check import evaluate
from tests.factories.rights import example


def result(**changes):
    return {r.id: r for r in evaluate(CheckAnswers(**example(**changes))).rights}


def test_every_right_and_pointer_leads_to_a_social_map_topic():
    codes = {topic[0] for topic in BUILTIN_TOPICS}
    assert {r.id for r in RIGHTS} <= codes
    assert {p.topic for p in POINTERS} <= codes


def test_unlikely_names_the_condition_that_decides():
    rights = result(region="brussel", yearly_taxable_income=12000)
    deciding = [c.condition.id for c in rights["vlaamse_huurpremie"].deciding]
    assert deciding == ["vlaanderen"]
    assert rights["brusselse_huurtoelage"].status == "maybe"  # priority titles unknown


def test_why_shows_the_values_and_dated_sourced_parameters():
    premie = result()["vlaamse_huurpremie"]
    income = next(c for c in premie.conditions if c.condition.id == "inkomen")
    with translation.override("nl"):
        values = {str(label): value for label, value, _kind in income.values}
    assert values["Bruto belastbaar inkomen van vorig jaar"] == 18000
    assert values["Grens voor dit gezin per jaar"] == pytest.approx(29515)
    (single, *_rest) = [p for _label, p in income.parameters]
    assert single["value"] == 29515
    assert single["since"] == date(2024, 1, 1)
    assert single["reference"].startswith("https://")


def test_the_leefloon_parameters_follow_the_category():
    leefloon = result()["leefloon"]
    income = next(c for c in leefloon.conditions if c.condition.id == "inkomen")
    amounts = [p["value"] for _label, p in income.parameters]
    assert amounts[0] == pytest.approx(1314.20)  # category 2, not 1 or 3


def test_unconfirmed_values_are_flagged():
    rights = result(persons=example()["persons"] + [{"role": "child", "age": 8}])
    assert rights["groeipakket_schooltoeslag"].status == "likely"
    assert rights["groeipakket_schooltoeslag"].unconfirmed
    assert not rights["sociaal_tarief_energie"].unconfirmed


def test_worth_asking_pointers_follow_the_profile():
    pensioner = example(
        persons=[{"role": "adult", "age": 70, "monthly_income": {"pension": 1100}}],
        yearly_taxable_income=13200,
    )
    checked = evaluate(CheckAnswers(**pensioner))
    shown = {p.id for p in checked.pointers}
    assert {"zorgbudget_ouderen", "sociaal_tarief_telecom"} <= shown
    assert not {"zorgbudget_ouderen", "apa"} & {
        p.id for p in evaluate(CheckAnswers(**example())).pointers
    }
    # the IGO is a right the check assesses, never a pointer beside it as well
    assert "igo" not in shown
    assert {r.id: r.status for r in checked.rights}["igo"] in {"likely", "maybe"}


def test_the_date_range_comes_from_the_parameters():
    first, last = engine.valid_dates()
    assert first == date(2024, 5, 1)  # the leefloon's oldest value
    assert last.year == date.today().year + 1
    with pytest.raises(engine.DateOutOfRange):
        engine.check_date(date(2024, 4, 30))


def test_the_same_answers_are_simulated_once_and_other_answers_anew(monkeypatch):
    """A results page read again skips the simulation (the rules do not change while the
    process runs); other answers, even one value apart, are simulated afresh."""
    from stek.rights import check

    check._RESULTS.clear()
    runs = []
    simulate = engine.simulate
    monkeypatch.setattr(engine, "simulate", lambda *a: runs.append(1) or simulate(*a))
    first = evaluate(CheckAnswers(**example()))
    again = evaluate(CheckAnswers(**example()))
    assert again is first and len(runs) == 1
    other = evaluate(CheckAnswers(**example(yearly_taxable_income=90000)))
    assert len(runs) == 2
    assert {r.id: r.status for r in other.rights} != {r.id: r.status for r in first.rights}
    fresh = check._evaluate(CheckAnswers(**example()))
    assert [(r.id, r.status, r.amount_monthly) for r in fresh.rights] == [
        (r.id, r.status, r.amount_monthly) for r in first.rights
    ]


# --- The public check's language (issue 16) -------------------------------------------------

FRENCH_PHONE = {"HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9,en;q=0.5"}


def _lang(response):
    import re

    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_a_steks_public_check_follows_its_languages_like_its_programme(world, client):
    from django.conf import settings

    stek = world.stek_a
    assert _lang(client.get("/alfa/rechtencheck/", **FRENCH_PHONE)) == "nl"  # alfa: only nl
    stek.public_languages = "nl,fr"
    stek.save()
    assert _lang(client.get("/alfa/rechtencheck/", **FRENCH_PHONE)) == "fr"
    assert _lang(client.get("/alfa/rechtencheck/", HTTP_ACCEPT_LANGUAGE="en")) == "nl"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the switcher wins
    assert _lang(client.get("/alfa/rechtencheck/", **FRENCH_PHONE)) == "en"


def test_the_open_check_follows_the_browser_among_our_languages(world, client):
    assert _lang(client.get("/rechtencheck/", **FRENCH_PHONE)) == "fr"
    assert _lang(client.get("/rechtencheck/", HTTP_ACCEPT_LANGUAGE="de")) == "nl"


def test_the_check_a_worker_runs_keeps_the_staff_language(world, client_for):
    client = client_for("worker_a")
    world.stek_a.public_languages = "nl,fr"
    world.stek_a.save()
    assert _lang(client.get("/s/alfa/rechtencheck/", **FRENCH_PHONE)) == "nl"
