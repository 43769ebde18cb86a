"""What is rising in a STEK, what recurs across STEKs, and that nothing counted leaves a STEK
with a cell under the suppression threshold."""

import math
from datetime import date

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from stek.advocacy import detection, stats
from stek.core.models import Stek
from tests.factories import StekFactory
from tests.factories.advocacy import SignalFactory

TODAY = date(2026, 11, 24)


def test_poisson_tail_matches_the_closed_form():
    assert detection.poisson_tail(1, 1.0) == pytest.approx(1 - math.exp(-1))
    assert detection.poisson_tail(0, 3.0) == 1.0
    two_or_more = 1 - math.exp(-2) * (1 + 2)
    assert detection.poisson_tail(2, 2.0) == pytest.approx(two_or_more)


def codes(found):
    from stek.core.vocabulary import Topic

    return {Topic.objects.get(pk=r.topic_id).code for r in found if r.topic_id}


def test_a_topic_that_doubles_against_the_stek_baseline_is_rising(world):
    stek = world.stek_a
    for weeks_ago in range(8, 60, 4):  # baseline: one every four weeks
        SignalFactory(stek=stek, topic__code="minimale_levering", weeks_ago=weeks_ago, today=TODAY)
        SignalFactory.create_batch(
            2, stek=stek, topic__code="leefloon", weeks_ago=weeks_ago, today=TODAY
        )
    for weeks_ago in range(8):  # recent: two a week
        SignalFactory.create_batch(
            2, stek=stek, topic__code="minimale_levering", weeks_ago=weeks_ago, today=TODAY
        )
    for weeks_ago in range(0, 8, 4):  # the leefloon stays as it was
        SignalFactory.create_batch(
            2, stek=stek, topic__code="leefloon", weeks_ago=weeks_ago, today=TODAY
        )
    found = detection.rising([stek.pk], TODAY)
    assert codes(found) == {"minimale_levering"}
    (energy,) = found
    assert energy.recent == 16 and energy.expected == pytest.approx(13 * 8 / 52)


def test_a_few_new_signals_are_not_yet_a_rise(world):
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code="digitale_hulp", today=TODAY)
    assert detection.rising([world.stek_a.pk], TODAY) == []
    SignalFactory.create_batch(
        3, stek=world.stek_a, topic__code="digitale_hulp", weeks_ago=2, today=TODAY
    )
    assert codes(detection.rising([world.stek_a.pk], TODAY)) == {"digitale_hulp"}


def test_a_topic_recurs_when_three_steks_register_it(world):
    third = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    for stek in (world.stek_a, world.stek_b):
        SignalFactory.create_batch(2, stek=stek, topic__code="vlaamse_huurpremie", today=TODAY)
    period = stats.Period.last_weeks(TODAY)
    steks = Stek.objects.filter(network=world.network)
    assert detection.recurring(steks, period.start, period.end) == []
    SignalFactory(stek=third, topic__code="vlaamse_huurpremie", today=TODAY)
    (found,) = detection.recurring(steks, period.start, period.end)
    assert (found.steks, found.signals) == (3, 5)


def published_counts(view):
    for _label, _steks, n in view.recurring:
        yield n
    for _domain, cells in view.matrix:
        yield from cells


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from(["vlaamse_huurpremie", "leefloon", "digitale_hulp"]),
            st.sampled_from(["begrijpbaarheid", "taal", "bekendheid"]),
            st.integers(1, 9),
        ),
        min_size=1,
        max_size=8,
    )
)
@pytest.mark.django_db
def test_the_network_view_never_shows_a_count_under_the_threshold(batches):
    from stek.advocacy.models import Signal
    from tests.personas import build_world

    Signal.objects.all().delete()
    world = build_world() if not Stek.objects.filter(slug="alfa").exists() else None
    network = world.network if world else Stek.objects.get(slug="alfa").network
    steks = {
        "a": Stek.objects.get(slug="alfa"),
        "b": Stek.objects.get(slug="beta"),
        "c": Stek.objects.filter(slug="gamma").first()
        or StekFactory(network=network, name="STEK Gamma", slug="gamma"),
    }
    for stek, code, barrier, n in batches:
        SignalFactory.create_batch(
            n, stek=steks[stek], topic__code=code, today=TODAY, barriers=[barrier]
        )
    view = stats.network_view(network, list(steks.values()), stats.default_period(TODAY), TODAY)
    threshold = stats.threshold()
    shown = [n for n in published_counts(view) if n is not None]
    assert all(n == 0 or n >= threshold for n in shown), shown


def test_the_network_page_shows_aggregates_to_the_analyst(client_for, world):
    third = StekFactory(network=world.network, name="STEK Gamma", slug="gamma")
    for stek, n in ((world.stek_a, 6), (world.stek_b, 2), (third, 1)):
        SignalFactory.create_batch(
            n, stek=stek, topic__code="vlaamse_huurpremie", barriers=["begrijpbaarheid"]
        )
    html = (
        client_for("analyst")
        .get(reverse("advocacy:network", args=[world.network.slug]))
        .content.decode()
    )
    assert "Vlaamse huurpremie" in html and "<td>9</td>" in html
    assert "<td>2</td>" not in html and "<td>1</td>" not in html  # per STEK: never shown
