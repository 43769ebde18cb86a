"""Signal counts are kept per process under the signals' version: read again with the same
signals they skip the counting queries; a signal registered or undone gives a new version, so
no page ever shows counts that are out of date."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stek.advocacy import detection, publication, services, stats
from stek.core.dates import Period
from stek.core.models import Stek
from tests.factories.advocacy import SignalFactory

pytestmark = pytest.mark.django_db


def _overview(stek):
    today = timezone.localdate()
    return stats.stek_overview(stek, Period.parse(None, None, today), today)


def test_counts_are_read_again_without_counting_until_a_signal_changes(world):
    stek = world.stek_a
    SignalFactory.create_batch(3, stek=stek, weeks_ago=1, barriers=["taal"])
    first = _overview(stek)
    with CaptureQueriesContext(connection) as again:
        second = _overview(stek)
    assert (second.total, second.by_barrier) == (first.total, first.by_barrier) == (
        3, [(second.by_barrier[0][0], 3)]
    )  # fmt: skip
    assert not any("GROUP BY" in q["sql"] for q in again.captured_queries)
    signal = services.register_signal(
        stek=stek, kind="need", life_domain="wonen", barriers=["taal"]
    )
    after = _overview(stek)
    assert after.total == 4 and after.by_kind["need"] == 1 and after.by_barrier[0][1] == 4
    signal.delete()
    assert _overview(stek).total == 3


def test_a_new_version_is_seen_by_every_process(world):
    """The version lives in the shared cache: another process (here: a memo emptied, the
    version kept) counts afresh only when the signals change, and never reads older counts."""
    import gc

    gc.collect()  # a receiver held only by the signal's weak reference would be gone now
    steks = Stek.objects.filter(network=world.stek_a.network_id)
    ids = publication.stek_ids(steks)
    before = publication.signals_version(ids)
    SignalFactory(stek=world.stek_b, weeks_ago=1)
    assert publication.signals_version(ids) != before
    today = timezone.localdate()
    start, end, _baseline = detection.windows(today)
    counted = detection.recurring(steks, start, end, min_steks=1)
    publication.forget()
    assert detection.recurring(steks, start, end, min_steks=1) == counted
    assert [(r.steks, r.signals) for r in counted] == [(1, 1)]
