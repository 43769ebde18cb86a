"""The check as a visitor and a worker use it: one question per page, skip logic, back, a
summary with edit links, results with "why?", a referral from a result, a PDF slip, and
nothing about the household written anywhere."""

import json
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.rights.answers import CheckAnswers
from stek.rights.check import evaluate
from tests.rights.example import example
from tests.socialmap.helpers import make_service

# The answers of issue 5's example, step by step, as a visitor types them.
EXAMPLE_STEPS = [
    ("gewest", {"region": "vlaanderen"}),
    ("gezin", {"adults": "1", "children": "0"}),
    ("leeftijd", {"age_0": "30"}),
    ("inkomen", {}),
    ("situatie", {}),
    ("jaarinkomen", {"yearly_taxable_income": "18000"}),
    ("wonen", {"housing": "private_rent"}),
    ("huur", {"monthly_rent": "600"}),
    ("wachtlijst", {"social_housing_waiting_years": "5"}),
    ("eigendom", {"owns_property": "0"}),
    ("budgetmeter", {"budget_meter": "none"}),
    ("verwarming", {"heating": "gas"}),
]


class Visitor:
    """Posts the pages of the check as a browser would: the state travels in the page."""

    def __init__(self, client, url):
        self.client, self.url = client, url
        self.page = client.get(url)
        assert self.page.status_code == 200

    @property
    def html(self):
        return self.page.content.decode()

    @property
    def state(self):
        found = re.search(r'name="state" value="([^"]*)"', self.html)
        return unescape(found.group(1))

    @property
    def step(self):
        found = re.search(r'name="step" value="([^"]*)"', self.html)
        return found.group(1) if found else None

    def post(self, action="next", **data):
        payload = {"state": self.state, "action": action, **data}
        if self.step and "step" not in data:
            payload["step"] = self.step
        self.page = self.client.post(self.url, payload)
        assert self.page.status_code == 200, self.page.status_code
        return self

    def answer(self, key, data):
        assert self.step == key, f"expected the question {key}, got {self.step}"
        return self.post("next", **data)

    def walk(self, steps=EXAMPLE_STEPS):
        self.post("next")  # "Begin de check"
        for key, data in steps:
            self.answer(key, data)
        return self


def section(html, status):
    """The HTML of one result group (likely / maybe / unlikely)."""
    start = html.index(f'id="group-{status}"')
    end = html.find("<section", start)
    return html[start : end if end > 0 else len(html)]


@pytest.fixture
def visitor(client, db):
    return Visitor(client, reverse("rights:check"))


def test_a_visitor_answers_one_question_per_page_and_sees_results_like_the_api(visitor, client):
    visitor.post("next")
    assert visitor.step == "gewest"
    assert "Vraag 1 van" in visitor.html and "<progress" in visitor.html
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
        assert f'id="right-{right["id"]}"' in section(html, right["status"]), right["id"]
    huurpremie = next(r for r in api["rights"] if r["id"] == "vlaamse_huurpremie")
    assert huurpremie["status"] == "likely"
    assert titles["vlaamse_huurpremie"] in section(html, "likely")
    assert f"Ongeveer €\xa0{round(huurpremie['amount_monthly'])} per maand" in html
    assert "Waarom?" in html and "sinds" in html and 'href="https://' in html


def test_skip_logic_asks_only_what_applies(visitor):
    owner = dict(EXAMPLE_STEPS)
    owner["wonen"] = {"housing": "owner"}
    visitor.post("next")
    asked = []
    while visitor.step:
        asked.append(visitor.step)
        visitor.answer(visitor.step, owner.get(visitor.step, {}))
    assert "huur" not in asked and "wachtlijst" not in asked and "eigendom" not in asked
    assert "werk" not in asked  # no wages: the socio-professional question is skipped

    worker = Visitor(visitor.client, visitor.url).walk(EXAMPLE_STEPS[:3])
    worker.answer("inkomen", {"work_0": "900"})
    worker.answer("situatie", {})
    assert worker.step == "werk"  # wages: did the work start recently?


def test_back_keeps_the_answers_and_changing_the_household_asks_again(visitor):
    visitor.walk(EXAMPLE_STEPS[:3])
    assert visitor.step == "inkomen"
    visitor.post("back")
    assert visitor.step == "leeftijd" and 'value="30"' in visitor.html
    visitor.post("back")
    assert visitor.step == "gezin"
    visitor.answer("gezin", {"adults": "2", "children": "1"})
    assert visitor.step == "leeftijd"
    assert "Volwassene 2" in visitor.html and "Kind 1" in visitor.html
    assert 'value="30"' not in visitor.html  # other people: ages are asked again


def test_a_wrong_answer_is_explained_and_nothing_is_lost(visitor):
    visitor.walk(EXAMPLE_STEPS[:2])
    visitor.post("next", age_0="150")
    assert visitor.step == "leeftijd"
    assert "error-summary" in visitor.html and 'value="150"' in visitor.html
    assert json.loads(visitor.state)["adults"] == 1  # earlier answers kept
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


def test_damaged_answers_start_again_instead_of_failing(visitor):
    visitor.page = visitor.client.post(
        visitor.url, {"state": '{"adults": "many", "_done": ["gezin"]}', "action": "next"}
    )
    assert visitor.page.status_code == 200
    assert "Begin opnieuw" in visitor.html
    visitor.page = visitor.client.post(visitor.url, {"state": "not json", "action": "results"})
    assert visitor.page.status_code == 200 and "Begin opnieuw" in visitor.html
    done_without_answer = '{"_done": ["leeftijd"], "adults": 1, "children": 0}'
    visitor.page = visitor.client.post(
        visitor.url, {"state": done_without_answer, "action": "results"}
    )
    assert visitor.page.status_code == 200 and "Begin opnieuw" in visitor.html


def test_results_cannot_be_asked_before_every_question_is_answered(visitor):
    visitor.walk(EXAMPLE_STEPS[:4])
    visitor.post("results")
    assert visitor.step == "situatie"


def test_nothing_about_the_household_is_written(visitor, client_for, world):
    with CaptureQueriesContext(connection) as public:
        visitor.walk().post("results").post("pdf")
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
    response = visitor.client.post(visitor.url, {"state": visitor.state, "action": "pdf"})
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
    service = make_service(
        world.partner_a2.organisation, name="Woonloket", topics=("vlaamse_huurpremie",)
    )
    worker = Visitor(client_for("worker_a"), reverse("rights:stek_check", args=["alfa"]))
    worker.walk().post("results")
    link = reverse("referrals:create", args=["alfa", service.pk]) + "?onderwerp=vlaamse_huurpremie"
    assert link in worker.html
    form = worker.client.get(link)
    assert form.status_code == 200
    selected = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", form.content.decode())
    assert selected and "huurpremie" in selected.group(1).lower()


def test_a_volunteer_runs_the_check_but_does_not_refer(client_for, world):
    make_service(world.partner_a2.organisation, name="Woonloket", topics=("vlaamse_huurpremie",))
    volunteer = Visitor(client_for("volunteer_a"), reverse("rights:stek_check", args=["alfa"]))
    volunteer.walk().post("results")
    assert "Woonloket" in volunteer.html
    assert "/verwijzingen/nieuw/" not in volunteer.html


def test_a_stek_public_check_shows_only_public_services(client, world):
    make_service(world.partner_a2.organisation, name="Woonloket", topics=("vlaamse_huurpremie",))
    make_service(
        world.partner_a2.organisation,
        name="Interne permanentie",
        topics=("vlaamse_huurpremie",),
        visibility="professional",
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
