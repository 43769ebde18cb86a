"""Each indicator against a year of factory data whose counts are known by hand (issue 18)."""

from datetime import date

import pytest

from stek.reports import indicators
from tests.factories.core import StekFactory
from tests.reports.data import TODAY, YEAR, build_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def raw(world):
    build_year(world)
    counts, _end = indicators.raw_counts(world.stek_a, YEAR, TODAY)
    return {key: {code: n for code, (_label, n) in rows.items()} for key, rows in counts.items()}


def month(m):
    return f"{YEAR}-{m:02d}"


def test_sessions_held_per_month_leave_out_a_cancelled_session(raw):
    sessions = raw["sessions_month"]
    assert [sessions[month(m)] for m in (1, 2, 3, 4, 5, 6)] == [4, 3, 5, 0, 1, 0]
    assert sum(sessions.values()) == 13 and len(sessions) == 12


def test_sessions_per_function_and_of_learning_activities(raw):
    assert raw["sessions_function"] == {
        "ontmoeten": 12, "leren": 1, "verwijzen": 0, "politiseren": 0,
    }  # fmt: skip
    assert raw["learn_month"][month(5)] == 1 and sum(raw["learn_month"].values()) == 1


def test_taps_per_month_are_only_per_month(raw):
    taps = raw["taps_month"]
    assert (taps[month(1)], taps[month(2)], taps[month(5)]) == (40, 3, 25)
    assert sum(taps.values()) == 68
    # never split by category or function: the only family of taps is per month
    assert [k for k in indicators.BY_KEY if k.startswith("taps")] == ["taps_month"]


def test_share_of_free_activities_and_the_diversity_of_the_offer(raw):
    assert raw["activities_price"] == {"free": 1, "paid": 1}
    assert raw["activities_pictogram"] == {"coffee": 1, "computer": 1}
    assert raw["activities_function"]["ontmoeten"] == 1
    assert raw["activities_function"]["leren"] == 1


def test_referrals_their_outcomes_and_reciprocity(raw):
    assert raw["referrals_month"][month(3)] == 6 and raw["referrals_month"][month(4)] == 1
    assert raw["referrals_outcome"] == {"got_help": 5, "not_eligible": 2}
    pairs = raw["referrals_pair"]
    assert sorted(pairs.values()) == [1, 6] and len(pairs) == 2  # both ways, side by side


def test_signals_by_domain_and_barrier_and_dossiers_by_step(raw):
    assert raw["signals_domain"] == {"inkomen": 1, "wonen": 7}
    assert raw["signals_barrier"] == {"taal": 2}
    assert raw["dossiers_step"]["opgemerkt"] == 1 and sum(raw["dossiers_step"].values()) == 1
    assert raw["dossiers_outcome"]["pending"] == 1


def test_rights_checks_and_rights_shown(raw):
    assert raw["checks_door"] == {"worker": 9, "public": 0}
    assert raw["rights_shown"] == {"leefloon": 6}


def test_rota_partners_present_volunteer_hours_and_roles_filled(raw, world):
    assert raw["takes_organisation"] == {str(world.partner_a.organisation.pk): 3}
    (role,) = raw["takes_role"]
    assert raw["takes_role"][role] == 3
    assert raw["needed_role"][role] == 12  # one place at each of Koffie's 12 sessions
    assert raw["volunteer_hours"][role] == 4  # the coordinator's two hours are no volunteer's


def test_a_later_year_does_not_count_this_year(world):
    build_year(world)
    counts, _end = indicators.raw_counts(world.stek_a, YEAR + 1, TODAY)
    assert "taps_month" not in counts and "referrals_month" not in counts


def test_a_stek_without_data_has_no_figures_at_all_not_zeros():
    counts, _end = indicators.raw_counts(StekFactory(), YEAR, TODAY)
    assert counts == {}


def test_the_running_year_counts_up_to_today_only(world):
    build_year(world)
    counts, end = indicators.raw_counts(world.stek_a, YEAR, date(YEAR, 2, 15))
    assert end == date(YEAR, 2, 15)
    assert list(counts["sessions_month"]) == [month(1), month(2)]
    assert counts["sessions_month"][month(2)][1] == 1  # 3 February; 10 February was cancelled


def test_an_open_referral_past_its_expiry_counts_as_expired_and_an_arrived_one_in_time_not(world):
    """ "Expired" is the referrals' own ``overdue()``, not a second definition in the report."""
    from datetime import timedelta

    from django.utils import timezone

    from stek.referrals.enums import Status
    from tests.reports.data import refer

    gone = refer(world, date(YEAR, 3, 2))
    gone.expires_at = timezone.now() - timedelta(days=1)
    gone.save()
    in_time = refer(world, date(YEAR, 3, 3))
    in_time.status, in_time.expires_at = Status.ARRIVED, timezone.now() + timedelta(days=1)
    in_time.save()
    counts, _end = indicators.raw_counts(world.stek_a, YEAR, TODAY)
    outcomes = {code: n for code, (_label, n) in counts["referrals_outcome"].items()}
    assert outcomes == {str(Status.ARRIVED): 1, str(Status.EXPIRED): 1}


def test_dossiers_count_once_each_by_step_and_outcome_and_add_up(world):
    """Three dossiers at two steps, one of them co-signed by STEK A: each counts once per
    family and the steps add up to the outcomes (a DISTINCT over the listed steps once counted
    each step once, and the report's joint suppression then failed: "LP infeasible")."""
    from stek.advocacy import services as advocacy_services
    from stek.advocacy.enums import DossierStep
    from tests.factories.advocacy import DossierFactory

    made = [
        DossierFactory(lead_stek=world.stek_a, title="Eén"),
        DossierFactory(lead_stek=world.stek_a, title="Twee"),
        DossierFactory(lead_stek=world.stek_b, title="Drie", co_signers=(world.stek_a,)),
    ]
    advocacy_services.move_to_step(actor=None, dossier=made[1], step=DossierStep.COLLECTED)
    this_year = date.today().year
    counts, _end = indicators.raw_counts(world.stek_a, this_year)
    steps = {code: n for code, (_label, n) in counts["dossiers_step"].items()}
    outcomes = {code: n for code, (_label, n) in counts["dossiers_outcome"].items()}
    assert steps["opgemerkt"] == 2 and steps["verzameld"] == 1
    assert sum(steps.values()) == sum(outcomes.values()) == 3
    figures = indicators.compute(world.stek_a, this_year)  # the joint suppression holds
    assert figures["threshold"] >= 3
