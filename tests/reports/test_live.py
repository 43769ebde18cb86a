"""The yearly report's live figures, remembered per process (``stek.reports.live``, issue 18):
never stale, and made in a constant number of queries whatever the rows."""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.advocacy.enums import DossierStep
from stek.advocacy.models import Dossier
from stek.agenda import services as agenda_services
from stek.agenda.models import Session, TallyCount
from stek.core import memo
from stek.participation import services as participation_services
from stek.participation.enums import IdeaSource
from stek.referrals.models import Referral
from stek.reports import indicators, live
from stek.rights import services as rights_services
from stek.rota.models import ShiftTake
from tests.factories.advocacy import SignalFactory
from tests.reports.data import BRUSSELS, TODAY, YEAR, build_year, refer, tap
from tests.reports.participation_data import build_participation

pytestmark = pytest.mark.django_db


def test_a_second_read_comes_from_the_memo(world, monkeypatch):
    build_year(world)
    calls = []
    compute = indicators.compute
    monkeypatch.setattr(indicators, "compute", lambda *a, **k: calls.append(a) or compute(*a, **k))
    first = live.figures(world.stek_a, YEAR, TODAY)
    assert live.figures(world.stek_a, YEAR, TODAY) == first
    assert len(calls) == 1
    live.figures(world.stek_a, YEAR, TODAY + timedelta(days=1))  # another day: made again
    live.figures(world.stek_b, YEAR, TODAY)  # another STEK
    assert len(calls) == 3


def _tap_through_the_service(world, koffie):
    session = Session.objects.get(activity=koffie, date=date(YEAR, 1, 6))
    category = TallyCount.objects.filter(session=session).first().category
    agenda_services.tap(session=session, category=category, delta=1)  # an update()


def _count_a_right_shown(world, koffie):
    rights_services.count_shown(
        stek=world.stek_a, door="worker", result=SimpleNamespace(rights=[]), day=date(YEAR, 3, 4)
    )  # an update() on an existing weekly row


def _rename_a_partner(world, koffie):
    organisation = world.partner_a2.organisation
    organisation.name = "OCMW Nieuwe Naam"
    organisation.save()


def _move_the_dossier(world, koffie):
    dossier = Dossier.objects.get(lead_stek=world.stek_a)
    dossier.step = DossierStep.BUNDLED  # it was "opgemerkt"
    dossier.save()


def _take_a_shift(world, koffie):
    ShiftTake.objects.create(
        stek=world.stek_a, membership=world.memberships["volunteer_a"], activity=koffie,
        date=date(YEAR, 1, 20), role=ShiftTake.objects.first().role,
    )  # fmt: skip


WRITES = {
    "a tap (an update)": _tap_through_the_service,
    "a late tally": lambda world, koffie: tap(world.stek_a, koffie, date(YEAR, 3, 3), 4, "Laat"),
    "a referral": lambda world, koffie: refer(world, date(YEAR, 9, 1)),
    "a signal": lambda world, koffie: SignalFactory(
        stek=world.stek_a, week=date(YEAR, 10, 6), life_domain="wonen", barriers=["taal"]
    ),
    "a right shown (an update)": _count_a_right_shown,
    "a partner's new name": _rename_a_partner,
    "a dossier's step": _move_the_dossier,
    "a shift taken": _take_a_shift,
    "an idea": lambda world, koffie: participation_services.submit_idea(
        stek=world.stek_a, text="Een fietsenstalling", source=IdeaSource.BOX
    ),
    "a session cancelled": lambda world, koffie: agenda_services.change_session(
        actor=world.user("coordinator_a"),
        activity=koffie,
        day=date(YEAR, 3, 24),
        kind="cancelled",
    ),  # fmt: skip
}


@pytest.mark.parametrize("write", WRITES, ids=list(WRITES))
def test_a_change_in_the_data_shows_in_the_next_read(world, write, monkeypatch):
    koffie, _les = build_year(world)
    stek = world.stek_a
    stek.count_rights_shown = True  # the rights check counts (before the first read)
    stek.save()
    if write == "an idea":  # an idea comes in today: the running year
        year, today = timezone.localdate().year, timezone.localdate()
    else:
        year, today = YEAR, TODAY
    before = live.figures(stek, year, today)
    WRITES[write](world, koffie)
    stek.refresh_from_db()
    after = live.figures(stek, year, today)
    assert after == indicators.compute(stek, year, today)
    assert after != before  # the write changed a figure, and the memo did not hide it


def test_the_page_shows_a_tap_at_the_next_get(world, client_for):
    koffie, _les = build_year(world)
    client = client_for("coordinator_a")
    page = reverse("reports:year", args=["alfa", YEAR])
    assert ">68<" in client.get(page).content.decode()
    _tap_through_the_service(world, koffie)
    assert ">69<" in client.get(page).content.decode()


def test_an_open_referral_reads_as_expired_once_its_time_has_come(world, monkeypatch):
    build_year(world)
    referral = refer(world, date(YEAR, 12, 30))
    expiry = datetime.combine(date(YEAR + 1, 1, 20), time(12), tzinfo=BRUSSELS)
    Referral.objects.filter(pk=referral.pk).update(expires_at=expiry)
    stek, today = world.stek_a, date(YEAR + 1, 1, 20)
    monkeypatch.setattr(timezone, "now", lambda: expiry - timedelta(hours=1))
    before = live.figures(stek, YEAR, today)
    monkeypatch.setattr(timezone, "now", lambda: expiry + timedelta(hours=1))
    after = live.figures(stek, YEAR, today)
    assert after == indicators.compute(stek, YEAR, today)
    assert after["families"]["referrals_outcome"] != before["families"]["referrals_outcome"]


def _queries(stek):
    """The queries of the figures made cold: nothing the agenda remembered (its occurrences)."""
    memo.forget_all()
    caches["local"].clear()
    with CaptureQueriesContext(connection) as captured:
        indicators.compute(stek, YEAR, TODAY)
    return len(captured)


def test_the_figures_take_as_many_queries_whatever_the_rows(world):
    koffie, les = build_year(world)
    build_participation(world)
    few = _queries(world.stek_a)
    for month in range(6, 13):  # more of everything, over more months
        day = date(YEAR, month, 2)
        refer(world, day)
        SignalFactory(stek=world.stek_a, week=day, life_domain="inkomen", barriers=["taal"])
        participation_services.submit_idea(
            stek=world.stek_a, text=f"Idee {month}", source=IdeaSource.BOX
        )
        tap(world.stek_a, les, day, 3, label=f"Groep {month}")
    _take_a_shift(world, koffie)
    many = _queries(world.stek_a)
    assert many == few
    assert few < 40
