"""Issue 16: a signal counts in the month of the day it was noted, not in the month of its
week's Monday (a signal of Tuesday 1 December 2026 counted in November)."""

from datetime import date

from django.urls import reverse

from stek.advocacy import detection, publication, services, stats
from stek.core.dates import Period
from tests.factories.socialmap import TopicFactory

FIRST_OF_DECEMBER = date(2026, 12, 1)  # a Tuesday: its week starts on Monday 30 November


def note(world, day, stek=None):
    return services.register_signal(
        stek=stek or world.stek_a,
        kind="problem",
        topic=TopicFactory(code="vlaamse_huurpremie"),
        today=day,
    )


def test_a_signal_of_1_december_counts_in_december(world):
    signal = note(world, FIRST_OF_DECEMBER)
    assert signal.week == date(2026, 11, 30)  # the week is kept as it was: its Monday
    assert signal.month == date(2026, 12, 1)
    assert note(world, date(2026, 11, 30)).month == date(2026, 11, 1)  # the Monday: November


def test_the_network_publication_counts_it_in_december(world):
    note(world, FIRST_OF_DECEMBER)
    months = [date(2026, 11, 1), date(2026, 12, 1)]
    counts = publication.live_counts([world.stek_a], "topics", months)
    assert {month: n for (_key, month), n in counts.items()} == {date(2026, 12, 1): 1}


def test_the_stek_overview_counts_it_in_december_and_says_the_rule(world, client_for):
    note(world, FIRST_OF_DECEMBER)
    today = date(2026, 12, 3)
    overview = stats.stek_overview(world.stek_a, Period.last_weeks(today, 8), today)
    months = dict(overview.months)
    assert months[date(2026, 12, 1)] == 1 and months[date(2026, 11, 1)] == 0
    html = client_for("worker_a").get(reverse("advocacy:overview", kwargs={"slug": "alfa"}))
    assert "Een signaal telt mee in de maand waarin het genoteerd is" in html.content.decode()


def test_recurring_topics_count_by_the_same_month(world):
    note(world, FIRST_OF_DECEMBER)
    note(world, FIRST_OF_DECEMBER, stek=world.stek_b)
    steks = [world.stek_a.pk, world.stek_b.pk]
    november = detection.recurring(steks, date(2026, 11, 1), date(2026, 11, 30), min_steks=2)
    december = detection.recurring(steks, date(2026, 12, 1), date(2026, 12, 31), min_steks=2)
    assert november == [] and [r.signals for r in december] == [2]
