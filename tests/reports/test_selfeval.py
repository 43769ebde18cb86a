"""The yearly self-evaluation against the STEK model (issue 18, ADR 0016): the statements,
the team's scores, the anonymous raters, the threshold on their results, the links, closing,
and the pages."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stek.core.services import ServiceError
from stek.reports import selfeval, services
from stek.reports.indicators import BY_KEY
from stek.reports.models import RaterScore, RaterSubmission, SelfEvaluation, TeamScore
from stek.reports.radar import radar_chart
from stek.reports.selfeval_views import device_key

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def start(world, year=YEAR, stek=None):
    return services.start_self_evaluation(actor=None, stek=stek or world.stek_a, year=year)


def given(evaluation):
    """The raters' tally: {(statement, score): count} of the counts above 0."""
    return {
        (statement, score): count
        for statement, score, count in RaterScore.objects.filter(
            evaluation=evaluation, count__gt=0
        ).values_list("statement", "score", "count")
    }


def rate(link, n, score=3, statement="ontmoeten.kost", first=0):
    for i in range(first, first + n):
        services.submit_rater_scores(
            link=link,
            device=device_key(link, f"device-token-{i:04d}xxxxxxxx"),
            scores={statement: score},
        )


# --- the catalogue ----------------------------------------------------------------------------
def test_every_function_has_five_statements_and_every_precondition_has_some():
    functions = [a for a in selfeval.AXES if a.kind == "function"]
    preconditions = [a for a in selfeval.AXES if a.kind == "precondition"]
    assert [a.key for a in functions] == ["ontmoeten", "leren", "politiseren", "verwijzen"]
    assert all(len(a.statements) == 5 for a in functions)
    assert len(preconditions) == 4 and all(len(a.statements) >= 2 for a in preconditions)


def test_statement_keys_are_unique_and_name_real_indicator_families():
    keys = [s.key for a in selfeval.AXES for s in a.statements]
    assert len(keys) == len(set(keys))
    for statement in selfeval.STATEMENTS.values():
        assert len(statement.key) <= 40
        for family in statement.families:
            assert family in BY_KEY, (statement.key, family)


def test_the_mean_leaves_weet_niet_out():
    assert selfeval.mean([4, 2, 0]) == 3.0
    assert selfeval.mean([0, 0]) is None
    assert selfeval.mean([1, 2, 2]) == 1.7


# --- the team's scores ------------------------------------------------------------------------
def test_a_stek_has_one_self_evaluation_a_year(world):
    start(world)
    with pytest.raises(ServiceError):
        start(world)
    with pytest.raises(ServiceError):
        start(world, year=YEAR + 1)  # not a year ahead
    start(world, stek=world.stek_b)  # another STEK has its own


def test_team_scores_are_saved_once_per_statement_and_make_the_axis_mean(world):
    evaluation = start(world)
    services.save_team_score(
        actor=None,
        evaluation=evaluation,
        statement="ontmoeten.kost",
        score=2,
        note="Alles is gratis, behalve de uitstap.",
    )
    services.save_team_score(actor=None, evaluation=evaluation, statement="ontmoeten.kost", score=4)
    services.save_team_score(
        actor=None, evaluation=evaluation, statement="ontmoeten.plaats", score=3
    )
    services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=0)
    assert TeamScore.objects.filter(evaluation=evaluation).count() == 3
    means = selfeval.axis_means(evaluation)
    assert means["ontmoeten"] == 3.5
    assert means["leren"] is None  # only "weet niet"
    assert means["autonomie"] is None


def test_the_evidence_note_is_scanned_and_bounded(world):
    evaluation = start(world)
    with pytest.raises(ServiceError) as refused:
        services.save_team_score(
            actor=None,
            evaluation=evaluation,
            statement="ontmoeten.kost",
            score=3,
            note="Vraag het aan Jan Peeters, 0470 12 34 56",
        )
    assert "persoonsgegevens" in refused.value.message
    with pytest.raises(ServiceError):
        services.save_team_score(
            actor=None, evaluation=evaluation, statement="ontmoeten.kost", score=3, note="x " * 600
        )
    assert not TeamScore.objects.exists()


def test_an_unknown_statement_or_score_is_refused(world):
    evaluation = start(world)
    with pytest.raises(ServiceError):
        services.save_team_score(actor=None, evaluation=evaluation, statement="nope", score=3)
    with pytest.raises(ServiceError):
        services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=9)


def test_a_closed_self_evaluation_does_not_change(world):
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    services.close_self_evaluation(actor=None, evaluation=evaluation)
    with pytest.raises(ServiceError):
        services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=3)
    with pytest.raises(ServiceError):
        services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    with pytest.raises(ServiceError):
        rate(link, 1)
    with pytest.raises(ServiceError):
        services.close_self_evaluation(actor=None, evaluation=evaluation)


# --- the raters -------------------------------------------------------------------------------
def test_a_rater_scores_once_per_device_and_leaves_no_trace_of_who(world):
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="volunteer")
    device = device_key(link, "a-random-device-token-123")
    services.submit_rater_scores(
        link=link, device=device, scores={"ontmoeten.kost": 4, "leren.zelf": 0, "bogus": 3}
    )
    with pytest.raises(ServiceError):
        services.submit_rater_scores(link=link, device=device, scores={"ontmoeten.kost": 1})
    assert RaterSubmission.objects.count() == 1
    assert given(evaluation) == {("ontmoeten.kost", 4): 1, ("leren.zelf", 0): 1}  # "bogus" dropped
    names = {f.name for f in RaterScore._meta.get_fields()}
    assert names == {"id", "evaluation", "kind", "statement", "score", "count"}
    assert device != "a-random-device-token-123" and len(device) == 64


def test_the_raters_scores_are_a_tally_made_before_anyone_answers(world):
    """A row per rater could be linked to its submission through the rows' ids (one block per
    submission, in the order of the submissions): the scores are a tally, every row made at 0
    when the link opens, and a submission only adds to counts."""
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    before = list(RaterScore.objects.order_by("pk").values_list("pk", "statement", "score"))
    assert len(before) == len(selfeval.STATEMENTS) * 5 and given(evaluation) == {}
    rate(link, 2, score=3)
    rate(link, 1, score=1, statement="leren.zelf", first=2)
    after = list(RaterScore.objects.order_by("pk").values_list("pk", "statement", "score"))
    assert after == before  # no row made, none moved: only counts changed
    assert given(evaluation) == {("ontmoeten.kost", 3): 2, ("leren.zelf", 1): 1}


def test_rater_results_show_only_from_the_threshold_on(world, settings):
    settings.STEK_SUPPRESSION_THRESHOLD = 3
    evaluation = start(world)
    partners = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    volunteers = services.open_rater_link(actor=None, evaluation=evaluation, kind="volunteer")
    rate(partners, 2, score=1)
    rate(volunteers, 3, score=4)
    # while the links take scores nothing shows (before and after one submission would
    # differ by that one rater's answers)
    results, raters, threshold = selfeval.rater_results(evaluation)
    assert all(r.link_open and not r.shown for r in results["ontmoeten.kost"])
    services.revoke_rater_link(actor=None, link=volunteers)
    results, raters, threshold = selfeval.rater_results(evaluation)
    assert raters == {"volunteer": 3, "partner": 2} and threshold == 3
    by_kind = {r.kind: r for r in results["ontmoeten.kost"]}
    assert not by_kind["partner"].shown and by_kind["partner"].mean is None
    assert by_kind["volunteer"].shown and by_kind["volunteer"].mean == 4.0
    assert ("helemaal", 3) in by_kind["volunteer"].counts
    with pytest.raises(ServiceError):  # the first partner's phone again: not a third rater
        rate(partners, 1, score=2)
    assert selfeval.rater_results(evaluation)[1]["partner"] == 2
    services.submit_rater_scores(
        link=partners,
        device=device_key(partners, "third-partner-token"),
        scores={"ontmoeten.kost": 2},
    )
    services.revoke_rater_link(actor=None, link=partners)
    results, raters, _t = selfeval.rater_results(evaluation)
    partner = next(r for r in results["ontmoeten.kost"] if r.kind == "partner")
    assert partner.shown and partner.mean == 1.3


def test_a_statement_few_raters_answered_stays_hidden(world, settings):
    """Five volunteers submitted, one of them scored "leren.zelf": that one rater's answer
    would show. The threshold counts the raters who answered the statement."""
    settings.STEK_SUPPRESSION_THRESHOLD = 3
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="volunteer")
    rate(link, 5, score=3)
    services.submit_rater_scores(
        link=link, device=device_key(link, "one-more"), scores={"leren.zelf": 2}
    )
    services.revoke_rater_link(actor=None, link=link)
    results, raters, _t = selfeval.rater_results(evaluation)
    assert raters["volunteer"] == 6
    assert next(r for r in results["ontmoeten.kost"] if r.kind == "volunteer").shown
    alone = next(r for r in results["leren.zelf"] if r.kind == "volunteer")
    assert not alone.shown and alone.mean is None and alone.counts is None


def test_a_rater_link_expires_and_can_be_revoked(world):
    evaluation = start(world)
    now = timezone.now()
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner", now=now)
    assert link.is_usable(now + timedelta(days=13))
    assert not link.is_usable(now + timedelta(days=15))
    with pytest.raises(ServiceError):
        services.submit_rater_scores(
            link=link, device="d" * 64, scores={"leren.zelf": 3}, now=now + timedelta(days=15)
        )
    services.revoke_rater_link(actor=None, link=link)
    link.refresh_from_db()
    assert not link.is_usable()
    with pytest.raises(ServiceError):
        services.submit_rater_scores(link=link, device="d" * 64, scores={"leren.zelf": 3})
    assert not RaterSubmission.objects.exists()


def test_rater_codes_are_random_and_unique(world):
    evaluation = start(world)
    codes = {
        services.open_rater_link(actor=None, evaluation=evaluation, kind="partner").code
        for _i in range(5)
    }
    assert len(codes) == 5 and all(len(c) == services.RATER_CODE_LENGTH for c in codes)


# --- the radar --------------------------------------------------------------------------------
def test_the_radar_says_every_value_in_words_and_draws_last_year_dashed():
    axes = [("a", "Ontmoeten"), ("b", "Leren"), ("c", "Autonomie")]
    svg = radar_chart(
        "r",
        "Titel",
        axes,
        [
            ("2026", {"a": 3.5, "b": None, "c": 2.0}, False),
            ("2025", {"a": 2.0, "b": 1.5, "c": 4.0}, True),
        ],
    )
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert "Ontmoeten: 2026 3,5; 2025 2,0" in desc
    assert "Leren: 2026 geen score; 2025 1,5" in desc
    assert "Autonomie: 2026 2,0; 2025 4,0" in desc
    assert 'role="img"' in svg and '<title id="r-t">Titel</title>' in svg
    this = re.search(r'<polygon class="radar-this"[^>]*>', svg).group(0)
    before = re.search(r'<polygon class="radar-before"[^>]*>', svg).group(0)
    assert "stroke-dasharray" in before and "stroke-dasharray" not in this
    assert this.count(",") == 2  # two points: the axis without a score has none
    assert svg.count("<rect") == 3 + 1  # square markers last year (+ its legend)
    assert "stippellijn" in svg and "volle lijn" in svg


def test_the_radar_escapes_its_text():
    svg = radar_chart("r", "<b>", [("a", "<i>")], [("2026", {"a": 1.0}, False)])
    assert "<b>" not in svg and "<i>" not in svg


# --- the pages --------------------------------------------------------------------------------
def url(name, *args, slug="alfa"):
    return reverse(f"reports:{name}", args=[slug, *args])


def test_a_coordinator_starts_and_runs_the_meeting(world, client_for):
    client = client_for("coordinator_a")
    assert "Start de zelfevaluatie" in client.get(url("selfeval_list")).content.decode()
    response = client.post(url("selfeval_start"), {"year": YEAR})
    assert response.status_code == 302
    assert response["Location"] == url("selfeval_meeting", YEAR, "ontmoeten")
    page = client.get(response["Location"]).content.decode()
    assert "Geld is geen drempel om te komen." in page
    assert "Gratis en betalende activiteiten" in page  # the indicator that speaks to it
    assert "Nog geen activiteiten met een sessie in dit jaar." in page  # its empty sentence
    assert 'rel="next"' in page and 'rel="prev"' not in page
    response = client.post(
        url("selfeval_meeting", YEAR, "ontmoeten"),
        {"statement": "ontmoeten.kost", "score": "4", "note": "Alles gratis."},
    )
    assert response.status_code == 302 and response["Location"].endswith("#s-ontmoeten.kost")
    assert TeamScore.objects.get(statement="ontmoeten.kost").score == 4
    last = client.get(url("selfeval_meeting", YEAR, "autonomie")).content.decode()
    assert 'rel="prev"' in last and 'rel="next"' not in last and 'role="img"' in last


def test_a_statement_of_another_axis_or_a_bad_score_is_refused_without_a_500(world, client_for):
    start(world)
    client = client_for("coordinator_a")
    response = client.post(
        url("selfeval_meeting", YEAR, "leren"), {"statement": "ontmoeten.kost", "score": "4"}
    )
    assert response.status_code == 400
    response = client.post(
        url("selfeval_meeting", YEAR, "leren"), {"statement": "leren.zelf", "score": "7"}
    )
    assert response.status_code == 400
    response = client.post(
        url("selfeval_meeting", YEAR, "leren"),
        {"statement": "leren.zelf", "score": "2", "note": "Bel 0470 12 34 56"},
    )
    assert response.status_code == 400 and "persoonsgegevens" in response.content.decode()
    assert not TeamScore.objects.exists()
    assert client.get(url("selfeval_meeting", YEAR, "nope")).status_code == 404


def test_a_worker_reads_but_does_not_score(world, client_for):
    start(world)
    client = client_for("worker_a")
    page = client.get(url("selfeval_meeting", YEAR, "leren")).content.decode()
    assert "Bewaar de score" not in page
    response = client.post(
        url("selfeval_meeting", YEAR, "leren"), {"statement": "leren.zelf", "score": "2"}
    )
    assert response.status_code == 403


def test_another_stek_s_self_evaluation_is_not_found(world, client_for):
    start(world, stek=world.stek_b)
    client = client_for("coordinator_a")
    assert client.get(url("selfeval_year", YEAR, slug=world.stek_b.slug)).status_code == 404
    assert client.get(url("selfeval_year", YEAR)).status_code == 404  # A has none yet


def test_the_summary_overlays_last_year_when_it_was_closed(world, client_for):
    last = start(world, year=YEAR - 1)
    services.save_team_score(actor=None, evaluation=last, statement="leren.zelf", score=1)
    evaluation = start(world)
    services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=3)
    client = client_for("coordinator_a")
    page = client.get(url("selfeval_year", YEAR)).content.decode()
    assert "radar-before" not in page  # last year is not closed yet
    services.close_self_evaluation(actor=None, evaluation=last)
    page = client.get(url("selfeval_year", YEAR)).content.decode()
    assert "radar-before" in page and f"Leren: {YEAR} 3,0; {YEAR - 1} 1,0" in page


def test_a_link_is_opened_shown_with_a_qr_code_and_revoked(world, client_for):
    evaluation = start(world)
    client = client_for("coordinator_a")
    assert client.post(url("selfeval_link_open", YEAR), {"kind": "partner"}).status_code == 302
    link = evaluation.rater_links.get()
    page = client.get(url("selfeval_year", YEAR)).content.decode()
    assert f"/beoordelen/{link.code}/" in page and "data:image/svg+xml" in page
    assert client.post(url("selfeval_link_open", YEAR), {"kind": "iedereen"}).status_code == 400
    revoke = reverse("reports:selfeval_link_revoke", args=["alfa", YEAR, link.pk])
    assert client.post(revoke).status_code == 302
    assert Client().get(reverse("reports:selfeval_rate", args=[link.code])).status_code == 404


def test_a_partner_rates_on_a_phone_without_an_account_once(world):
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    phone = Client()
    rate_url = reverse("reports:selfeval_rate", args=[link.code])
    page = phone.get(rate_url).content.decode()
    assert "Geld is geen drempel om te komen." in page and "naam" in page
    assert "<textarea" not in page and 'type="text"' not in page  # no free text from raters
    response = phone.post(rate_url, {"ontmoeten.kost": "2", "leren.zelf": "0"})
    assert response.status_code == 302 and "stek_apparaat" in response.cookies
    assert given(evaluation) == {("ontmoeten.kost", 2): 1, ("leren.zelf", 0): 1}
    assert "Je hebt gescoord" in phone.get(rate_url).content.decode()
    phone.post(rate_url, {"ontmoeten.kost": "4"})
    assert RaterSubmission.objects.count() == 1 and sum(given(evaluation).values()) == 2
    assert phone.post(rate_url, {}).status_code in (200, 302)
    # nothing chosen from a new phone: a clear error, nothing stored
    assert Client().post(rate_url, {}).status_code == 400
    assert Client().post(rate_url, {"ontmoeten.kost": "9"}).status_code == 400
    assert RaterSubmission.objects.count() == 1


def test_an_unknown_code_is_not_found_and_wrong_codes_are_rate_limited(world):
    from django.core.cache import cache

    cache.clear()
    phone = Client()
    for _i in range(20):
        assert phone.get(reverse("reports:selfeval_rate", args=["nietbestaand"])).status_code == 404
    assert phone.get(reverse("reports:selfeval_rate", args=["nietbestaand"])).status_code == 429
    cache.clear()


def test_get_never_writes(world, client_for):
    evaluation = start(world)
    link = services.open_rater_link(actor=None, evaluation=evaluation, kind="partner")
    client_for("coordinator_a").get(url("selfeval_meeting", YEAR, "leren"))
    client_for("coordinator_a").get(url("selfeval_year", YEAR))
    Client().get(reverse("reports:selfeval_rate", args=[link.code]))
    assert not TeamScore.objects.exists() and not RaterSubmission.objects.exists()
    assert SelfEvaluation.objects.count() == 1


def test_a_function_has_its_own_radar_over_its_statements(world, client_for):
    last = start(world, year=YEAR - 1)
    services.save_team_score(actor=None, evaluation=last, statement="leren.zelf", score=1)
    services.close_self_evaluation(actor=None, evaluation=last)
    evaluation = start(world)
    services.save_team_score(actor=None, evaluation=evaluation, statement="leren.zelf", score=3)
    services.save_team_score(actor=None, evaluation=evaluation, statement="leren.gratis", score=0)
    client = client_for("worker_a")
    page = client.get(url("selfeval_meeting", YEAR, "leren")).content.decode()
    desc = re.search(r'<desc id="radar-leren-d">(.*?)</desc>', page).group(1)
    assert f"Bezoekers leren ook over zichzelf: {YEAR} 3,0; {YEAR - 1} 1,0" in desc
    assert f"Leren kost bij ons niets: {YEAR} geen score" in desc  # "weet niet" has no point
    assert "3. Bezoekers leren ook over zichzelf." in page  # numbered as on the radar
    # two statements make no radar
    page = client.get(url("selfeval_meeting", YEAR, "autonomie")).content.decode()
    assert "radar-autonomie" not in page
