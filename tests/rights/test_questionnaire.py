"""The check as a visitor and a worker use it: one question per page, skip logic, back, a
summary with edit links, results with "why?", a referral from a result, a PDF slip, and
nothing about the household written anywhere."""

import json
import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.rights.answers import CheckAnswers
from stek.rights.check import evaluate
from stek.rights.questions import answers as questions_answers
from stek.rights.views import COOKIE, MAX_AGE, SALT
from tests.factories.rights import EXAMPLE_STEPS, Visitor, example
from tests.factories.socialmap import ServiceFactory


def section(html, status):
    """The HTML of one result group (likely / maybe / unlikely)."""
    start = html.index(f'id="group-{status}"')
    end = html.find("<section", start)
    return html[start : end if end > 0 else len(html)]


@pytest.fixture
def visitor(client, db):
    return Visitor(client, reverse("rights:check"))


def test_a_visitor_answers_one_question_per_page_and_sees_results_like_the_api(visitor, client):
    visitor.post("start")
    assert visitor.step == "gewest"
    assert "Vraag 1" in visitor.html
    for key, data in EXAMPLE_STEPS:
        visitor.answer(key, data)
    assert "Kijk je antwoorden na" in visitor.html  # the summary, with edit buttons
    assert visitor.html.count('value="edit:') == len(EXAMPLE_STEPS)
    assert "€\xa0600" in visitor.html and "€\xa018.000" in visitor.html

    visitor.post("results")
    html = visitor.html
    api = client.post(
        "/api/v1/rights/check",
        json.dumps(example(date=timezone.localdate().isoformat())),
        content_type="application/json",
    ).json()
    titles = {r["id"]: r["title"] for r in api["rights"]}
    for right in api["rights"]:
        if not right["in_region"]:
            assert titles[right["id"]] in html.split("Niet voor jouw gewest:")[1]
        elif right["applies_to_everyone"]:
            assert f'id="right-{right["id"]}"' in section(html, "everyone"), right["id"]
        else:
            assert f'id="right-{right["id"]}"' in section(html, right["status"]), right["id"]
    huurpremie = next(r for r in api["rights"] if r["id"] == "vlaamse_huurpremie")
    assert huurpremie["status"] == "likely"
    assert titles["vlaamse_huurpremie"] in section(html, "likely")
    assert f"Ongeveer €\xa0{round(huurpremie['amount_monthly'])} per maand" in html
    assert "Waarom?" in html and "sinds" in html and 'href="https://' in html


def test_every_answer_is_posted_then_redirected_so_back_never_resubmits(visitor):
    visitor.walk().post("results")
    assert len(visitor.redirects) == len(EXAMPLE_STEPS) + 2
    for location in visitor.redirects:  # each POST answers 303 to a page of the check
        assert location.startswith(visitor.url + "?stap=")
    # Every page of the check is a GET that can be asked again, as the back button does.
    for location in visitor.redirects:
        page = visitor.client.get(location)
        assert page.status_code == 200
        assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    # The answers are never in an address (server logs, Referer): only in the signed cookie.
    assert not any("18000" in loc or "600" in loc for loc in visitor.redirects)
    assert visitor.state["yearly_taxable_income"] == 18000


def test_progress_counts_the_questions_that_will_be_asked(client, db):
    paths = {
        "single private tenant": dict(EXAMPLE_STEPS),
        "owner couple": {
            **dict(EXAMPLE_STEPS),
            "wonen": {"housing": "owner"},
            "gezin": {"adults": "2", "children": "1"},
            "samen": {"relation_1": "partner"},
            "leeftijd": {"age_0": "40", "age_1": "41", "age_2": "9"},
        },
        "homeless in Brussels": {
            **dict(EXAMPLE_STEPS),
            "gewest": {"region": "brussel"},
            "wonen": {"housing": "homeless"},
        },
    }
    for name, answers in paths.items():
        visitor = Visitor(client, reverse("rights:check"))
        visitor.post("start")
        shown, asked = [], []
        while visitor.step:
            asked.append(visitor.step)
            found = re.search(r"Vraag (\d+)(?: van (\d+))?<", visitor.html)
            shown.append((int(found.group(1)), found.group(2) and int(found.group(2))))
            visitor.answer(visitor.step, answers.get(visitor.step, {}))
        assert [n for n, _total in shown] == list(range(1, len(asked) + 1)), name
        totals = {total for _n, total in shown if total}
        assert totals == {len(asked)}, (name, shown)  # once shown, the total never changes
        assert all(total for _n, total in shown[3:]), name  # known from the 4th question


def test_the_questions_speak_to_one_person_or_to_a_household(visitor):
    visitor.walk(EXAMPLE_STEPS[:3])
    assert "Hoe oud ben je?" in visitor.html and "jullie" not in visitor.html
    visitor.post("start")
    visitor.answer("gewest", {"region": "vlaanderen"})
    visitor.answer("wonen", {"housing": "private_rent"})
    visitor.answer("gezin", {"adults": "1", "children": "1"})
    assert "Hoe oud zijn jullie?" in visitor.html


def test_skip_logic_asks_only_what_applies(visitor):
    owner = dict(EXAMPLE_STEPS)
    owner["wonen"] = {"housing": "owner"}
    visitor.post("start")
    asked = []
    while visitor.step:
        asked.append(visitor.step)
        visitor.answer(visitor.step, owner.get(visitor.step, {}))
    assert "huur" not in asked and "wachtlijst" not in asked and "eigendom" not in asked
    assert "samen" not in asked  # one adult: nobody to ask about
    couple = Visitor(visitor.client, visitor.url).walk(EXAMPLE_STEPS[:2])
    couple.answer("gezin", {"adults": "2", "children": "0"})
    assert couple.step == "samen"
    couple.answer("samen", {"relation_1": "family"})
    couple.answer("leeftijd", {"age_0": "30", "age_1": "60"})
    couple.answer("inkomen", {"work_0": "900", "started_0": "on"})
    state = couple.state
    assert state["relations"] == ["family"] and state["started"] == [True, False]
    answers = questions_answers(state | {"_done": []})
    assert [p.owes_maintenance for p in answers.persons] == [False, True]


def test_questions_for_brussels_tenants_and_social_tenants(visitor):
    brussels = dict(EXAMPLE_STEPS) | {
        "gewest": {"region": "brussel"}, "huur": {"monthly_rent": "700", "dwelling_ais": "on"}
    }  # fmt: skip
    visitor.post("start")
    while visitor.step:
        visitor.answer(visitor.step, brussels.get(visitor.step, {}))
    assert questions_answers(visitor.state).household.dwelling_ais is True
    flemish = Visitor(visitor.client, visitor.url).walk(EXAMPLE_STEPS[:7])
    assert "dwelling_ais" not in flemish.html  # only for Brussels private tenants
    social = dict(EXAMPLE_STEPS) | {"wonen": {"housing": "social_rent"}}
    social["verwarming"] = {"heating": "gas_shared"}
    tenant = Visitor(visitor.client, visitor.url)
    tenant.post("start")
    while tenant.step:
        tenant.answer(tenant.step, social.get(tenant.step, {}))
    household = questions_answers(tenant.state).household
    assert household.collective_heating is True and household.heating == "gas"


def test_back_keeps_the_answers_and_changing_the_household_asks_again(visitor):
    visitor.walk(EXAMPLE_STEPS[:4])
    assert visitor.step == "inkomen"
    back = re.search(r'<a class="button" href="([^"]*)">Terug', visitor.html).group(1)
    visitor.get(back)
    assert visitor.step == "leeftijd" and 'value="30"' in visitor.html
    visitor.get("?stap=gezin")
    assert visitor.step == "gezin"
    visitor.answer("gezin", {"adults": "2", "children": "1"})
    assert visitor.step == "samen"
    visitor.answer("samen", {"relation_1": "partner"})
    assert visitor.step == "leeftijd"
    assert "Volwassene 2" in visitor.html and "Kind 1" in visitor.html
    assert 'value="30"' not in visitor.html  # other people: ages are asked again


def test_after_back_the_next_question_follows_with_its_answer(visitor):
    visitor.walk(EXAMPLE_STEPS[:6])
    visitor.get("?stap=wonen")
    visitor.answer("wonen", {"housing": "private_rent"})
    assert visitor.step == "gezin" and 'value="1"' in visitor.html  # not a jump ahead


def test_a_question_cannot_be_skipped_by_its_address(visitor):
    visitor.walk(EXAMPLE_STEPS[:2])
    visitor.get("?stap=verwarming")
    assert visitor.step == "gezin"
    visitor.get("?stap=resultaat")
    assert visitor.step == "gezin"
    visitor.get("?stap=onzin")
    assert visitor.step == "gezin"


def test_a_wrong_answer_is_explained_and_nothing_is_lost(visitor):
    visitor.walk(EXAMPLE_STEPS[:3])
    visitor.post("next", age_0="150")
    assert visitor.step == "leeftijd"
    assert "error-summary" in visitor.html and 'value="150"' in visitor.html
    assert visitor.state["adults"] == 1  # earlier answers kept
    visitor.get("?stap=leeftijd")  # shown once: asked again, the error is gone
    assert "error-summary" not in visitor.html
    visitor.answer("leeftijd", {"age_0": "31"})
    assert visitor.step == "inkomen"


def test_the_summary_edits_one_answer_and_returns(visitor):
    visitor.walk()
    visitor.post("edit:wonen")
    assert visitor.step == "wonen" and "Bewaar" in visitor.html
    visitor.answer("wonen", {"housing": "owner"})
    assert "Kijk je antwoorden na" in visitor.html  # straight back to the summary
    assert 'value="edit:huur"' not in visitor.html  # the rent question no longer applies
    visitor.post("edit:wonen")
    visitor.answer("wonen", {"housing": "private_rent"})
    assert "Kijk je antwoorden na" in visitor.html  # the rent was answered before: kept
    assert "€\xa0600" in visitor.html


def test_an_edit_that_opens_a_new_question_asks_it(visitor):
    owner = [(k, {"housing": "owner"} if k == "wonen" else d) for k, d in EXAMPLE_STEPS]
    visitor.walk([(k, d) for k, d in owner if k not in ("huur", "wachtlijst", "eigendom")])
    visitor.post("edit:wonen")
    visitor.answer("wonen", {"housing": "private_rent"})
    assert visitor.step == "huur"  # a new question applies: it is asked
    visitor.answer("huur", {"monthly_rent": "550"})
    assert visitor.step == "wachtlijst"


@pytest.mark.parametrize(
    "cookie",
    [
        "not signed",
        signing.dumps({"adults": "many", "_done": ["gezin"]}, salt=SALT),
        signing.dumps({"_done": ["leeftijd"], "adults": 1, "children": 0}, salt=SALT),
        signing.dumps({"adults": 1}, salt="another salt"),
        "x" * 5000,
        signing.dumps([[[[[[[[[[]]]]]]]]]], salt=SALT),
    ],
)
def test_damaged_answers_start_again_instead_of_failing(visitor, cookie):
    for ask in (
        lambda: visitor.client.get(visitor.url + "?stap=resultaat"),
        lambda: visitor.client.post(visitor.url, {"action": "results"}),
    ):
        visitor.client.cookies[COOKIE] = cookie
        page = ask()
        assert page.status_code == 200
        assert "Begin opnieuw" in page.content.decode()
        assert not visitor.client.cookies[COOKIE].value  # the damaged cookie is removed


def test_an_old_check_is_not_readable_any_more(visitor, settings):
    visitor.walk(EXAMPLE_STEPS[:3])
    old = visitor.client.cookies[COOKIE].value
    with mock.patch("django.core.signing.time.time", return_value=time.time() + MAX_AGE + 60):
        visitor.client.cookies[COOKIE] = old
        page = visitor.client.get(visitor.url + "?stap=leeftijd")
    assert "Begin opnieuw" in page.content.decode()


def test_results_cannot_be_asked_before_every_question_is_answered(visitor):
    visitor.walk(EXAMPLE_STEPS[:5])
    visitor.post("results")
    assert visitor.step == "situatie"


def test_clearing_forgets_the_answers(visitor):
    visitor.walk().post("results")
    visitor.post("clear")
    assert "Je antwoorden zijn gewist" in visitor.html
    assert visitor.state == {}


def test_nothing_about_the_household_is_written(visitor, client_for, world):
    with CaptureQueriesContext(connection) as public:
        visitor.walk().post("results")
        visitor.client.get(visitor.url + "?stap=briefje")
    worker = Visitor(client_for("worker_a"), reverse("rights:stek_check", args=["alfa"]))
    with CaptureQueriesContext(connection) as inside:
        worker.walk().post("results")
    for queries in (public, inside):
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)
            and "django_session" not in q["sql"]  # the worker's own login session
        ]
        assert writes == []
    assert "18000" not in str(visitor.client.session.items())


def test_the_pdf_slip_lists_what_to_claim_and_nothing_about_the_household(visitor):
    visitor.walk().post("results")
    response = visitor.client.get(visitor.url + "?stap=briefje")
    assert response.status_code in (200, 503)
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert "no-store" in response["Cache-Control"]


def test_the_slip_shows_rights_and_services_but_no_answers(world, rf):
    from django.template.loader import render_to_string

    from stek.rights import questions
    from stek.rights.check import LIKELY, MAYBE, UNLIKELY

    state = {
        "region": "vlaanderen", "adults": 1, "children": 0, "ages": [30],
        "income": [{"work": 0, "benefits": 0, "pension": 0, "other": 0}],
        "statuses": [[]], "yearly_taxable_income": 18000.0, "housing": "private_rent",
        "monthly_rent": 612.0, "rents_from_relative": False,
        "social_housing_waiting_years": 5.0, "owns_property": False,
        "budget_meter": "none", "heating": "gas",
    }  # fmt: skip
    result = evaluate(questions.answers(state))
    html = render_to_string(
        "rights/slip_pdf.html",
        {
            "result": result,
            "groups": [(s, result.by_status(s)) for s in (LIKELY, MAYBE, UNLIKELY)],
            "stek": world.stek_a,
            "services": {},
            "printed": timezone.localdate(),
        },
    )
    assert "Vlaamse huurpremie" in html
    assert "612" not in html and "18.000" not in html and "18000" not in html


def test_a_worker_goes_from_a_result_to_a_referral(client_for, world):
    service = ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    worker = Visitor(client_for("worker_a"), reverse("rights:stek_check", args=["alfa"]))
    worker.walk().post("results")
    link = reverse("referrals:create", args=["alfa", service.pk]) + "?onderwerp=vlaamse_huurpremie"
    assert link in worker.html
    form = worker.client.get(link)
    assert form.status_code == 200
    selected = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", form.content.decode())
    assert selected and "huurpremie" in selected.group(1).lower()


def test_a_volunteer_runs_the_check_but_does_not_refer(client_for, world):
    ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    volunteer = Visitor(client_for("volunteer_a"), reverse("rights:stek_check", args=["alfa"]))
    volunteer.walk().post("results")
    assert "Woonloket" in volunteer.html
    assert "/verwijzingen/nieuw/" not in volunteer.html


def test_a_stek_public_check_shows_only_public_services(client, world):
    ServiceFactory(organisation=world.partner_a2.organisation, housing=True)
    ServiceFactory(
        organisation=world.partner_a2.organisation,
        name="Interne permanentie",
        topics=("vlaamse_huurpremie",),
        professional=True,
    )
    visitor = Visitor(client, reverse("rights:public_check", args=["alfa"]))
    visitor.walk().post("results")
    assert "Woonloket" in visitor.html
    assert "Interne permanentie" not in visitor.html
    assert "/verwijzingen/" not in visitor.html and "STEK Alfa" in visitor.html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_check_speaks_the_visitors_language(visitor, language):
    visitor.client.cookies["django_language"] = language
    visitor.page = visitor.client.get(visitor.url)
    visitor.walk().post("results")
    expected = {"fr": "Prime de loyer flamande", "en": "Flemish rent premium"}[language]
    assert f'lang="{language}"' in visitor.html
    assert expected in visitor.html
    assert "Waarom?" not in visitor.html and "Heb je waarschijnlijk" not in visitor.html


def test_the_example_household_is_valid_for_the_rules():
    assert evaluate(CheckAnswers(**example())).rights
