"""The network publication is frozen month by month (ADR 0006): once the daily job has frozen a
completed month, a STEK that joins the network, leaves it or is switched off changes none of
that month's published figures, so two readings of the network page taken before and after
cannot be subtracted to learn one STEK's counts."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from stek.advocacy import publication, services
from stek.advocacy.models import FrozenMonth
from stek.core import periodic
from stek.core.models import Stek
from tests.factories import StekFactory
from tests.factories.advocacy import SignalFactory

TODAY = date(2026, 6, 17)  # January to May 2026 are completed months
MONTHS = [date(2026, m, 1) for m in range(1, 6)]


def _signals(stek, counts, code="vlaamse_huurpremie"):
    for month, n in zip(MONTHS, counts, strict=False):
        if n:
            SignalFactory.create_batch(
                n, stek=stek, topic__code=code, weeks_ago=0, today=month.replace(day=12)
            )


def _figures(network):
    """Every figure of the network's 2026 publication, read as a page reads it."""
    steks = list(Stek.objects.filter(network=network, is_active=True))
    pub = publication.year_publication(steks, 2026, TODAY)
    codes = [p.code for p in publication.boundary.grid_periods(pub.months)]
    keys = sorted(pub.leaves, key=str)
    return {(k, c): pub.value("topics", k, c) for k in keys for c in codes}, keys


@pytest.fixture
def network(world):
    _signals(world.stek_a, [6, 7, 9, 8, 12])
    _signals(world.stek_b, [5, 6, 6, 11, 7])
    return world.network


@pytest.mark.django_db
def test_a_stek_that_joins_changes_no_frozen_figure(network):
    before, keys = _figures(network)
    assert services.freeze_network_months(network=network, today=TODAY) == 5
    newcomer = StekFactory(network=network, name="STEK Nieuw", slug="nieuw")
    _signals(newcomer, [1, 0, 2, 1, 1])
    after, _keys = _figures(network)
    assert after == before
    # Without the frozen months the newcomer's counts show up: the difference of the two
    # readings would be one STEK's small counts.
    FrozenMonth.objects.all().delete()
    live, _keys = _figures(network)
    assert live != before


@pytest.mark.django_db
def test_a_stek_switched_off_or_moved_out_changes_no_frozen_figure(network, world):
    before, _keys = _figures(network)
    services.freeze_network_months(network=network, today=TODAY)
    Stek.objects.filter(pk=world.stek_b.pk).update(is_active=False)
    assert _figures(network)[0] == before
    FrozenMonth.objects.all().delete()
    assert _figures(network)[0] != before


@pytest.mark.django_db
def test_freezing_twice_changes_nothing_and_leaves_the_running_month_alone(network, world):
    assert services.freeze_network_months(network=network, today=TODAY) == 5
    stored = {f.month: f.counts for f in FrozenMonth.objects.all()}
    assert sorted(stored) == MONTHS  # June is running: not frozen
    _signals(StekFactory(network=network, name="STEK Laat", slug="laat"), [3, 3, 3, 3, 3])
    assert services.freeze_network_months(network=network, today=TODAY) == 0
    assert {f.month: f.counts for f in FrozenMonth.objects.all()} == stored
    # A month later June is complete and is frozen, over the STEKs active then.
    assert services.freeze_network_months(network=network, today=date(2026, 7, 20)) == 1


@pytest.mark.django_db
def test_frozen_counts_are_the_true_counts_per_key_and_month(network, world):
    services.freeze_network_months(network=network, today=TODAY)
    march = FrozenMonth.objects.get(network=network, month=date(2026, 3, 1))
    topics = publication.thaw(march.counts, "topics")
    assert sum(topics.values()) == 9 + 6
    assert all(key[0] == "leaf" for key in topics)
    assert publication.thaw(march.counts, "barriers") == {}  # no signal named a barrier


@pytest.mark.django_db
def test_the_daily_run_freezes_and_the_command_reports_it(network):
    run = periodic.run_jobs(only=["freeze_network_figures"])
    assert run["ok"], run
    assert FrozenMonth.objects.filter(network=network).exists()
    out = io.StringIO()
    call_command("freeze_network_figures", stdout=out)
    assert "Froze 0 months" in out.getvalue()
