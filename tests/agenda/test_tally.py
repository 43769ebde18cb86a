import threading

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from stek.agenda import services
from stek.agenda.models import Session, TallyCount
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory


def tap_url(world):
    return reverse("agenda:tap", kwargs={"slug": world.stek_a.slug})


def count_of(session, cat):
    return (
        TallyCount.objects.filter(session=session, category=cat)
        .values_list("count", flat=True)
        .first()
        or 0
    )


def test_one_tap_counts_one_visitor_and_minus_never_goes_below_zero(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    data = {"session": "open", "category": adult.pk, "delta": "1"}
    for _ in range(3):
        response = client.post(tap_url(world), data)
        assert response.status_code == 302
    session = Session.objects.get(stek=world.stek_a, activity=None)
    assert count_of(session, adult) == 3
    for _ in range(5):
        client.post(tap_url(world), {**data, "delta": "-1"})
    assert count_of(session, adult) == 0


def test_htmx_tap_returns_the_card_and_the_day_total(world, client_for):
    client = client_for("volunteer_a")
    adult, child = (
        TallyCategoryFactory(stek=world.stek_a),
        TallyCategoryFactory(stek=world.stek_a, label="Kind"),
    )
    activity = ActivityFactory(stek=world.stek_a)
    client.post(tap_url(world), {"session": "open", "category": child.pk, "delta": "1"})
    response = client.post(
        tap_url(world),
        {"session": str(activity.pk), "category": adult.pk, "delta": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Koffie" in html and 'class="tally-count" aria-live="polite">1<' in html
    assert 'id="day-total" aria-live="polite" hx-swap-oob="true">2<' in html


def test_undo_reverses_the_last_tap_of_this_device(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    client.post(tap_url(world), {"session": "open", "category": adult.pk, "delta": "1"})
    client.post(tap_url(world), {"session": "open", "category": adult.pk, "delta": "1"})
    client.post(reverse("agenda:undo", kwargs={"slug": "alfa"}))
    session = Session.objects.get(stek=world.stek_a, activity=None)
    assert count_of(session, adult) == 1
    client.post(reverse("agenda:undo", kwargs={"slug": "alfa"}))  # nothing left to undo
    assert count_of(session, adult) == 1


def test_the_today_page_works_without_javascript(world, client_for):
    ActivityFactory(stek=world.stek_a)
    html = client_for("volunteer_a").get(reverse("agenda:today", kwargs={"slug": "alfa"}))
    html = html.content.decode()
    assert "STEK open" in html and "Koffie" in html
    assert 'method="post"' in html and 'name="delta" value="1"' in html
    assert "Volwassene" in html and "Kind" in html  # default categories made on first use


def test_cannot_count_another_steks_category_or_a_session_not_today(world, client_for):
    client = client_for("volunteer_a")
    other = TallyCategoryFactory(stek=world.stek_b)
    response = client.post(tap_url(world), {"session": "open", "category": other.pk, "delta": "1"})
    assert response.status_code == 404
    adult = TallyCategoryFactory(stek=world.stek_a)
    tomorrow = ActivityFactory(stek=world.stek_a, title="x")
    tomorrow.start_date = tomorrow.start_date.replace(year=tomorrow.start_date.year + 1)
    tomorrow.save()
    response = client.post(
        tap_url(world), {"session": str(tomorrow.pk), "category": adult.pk, "delta": "1"}
    )
    assert response.status_code == 404
    assert not TallyCount.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency test on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_taps_from_many_threads_lose_nothing():
    from tests.personas import build_world

    world = build_world()
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = services.session_for(world.stek_a, None, timezone.localdate())
    threads, taps_each, start = 12, 25, threading.Barrier(12)
    errors = []

    def worker():
        try:
            start.wait()
            for _ in range(taps_each):
                services.tap(session=session, category=adult, delta=1)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not errors
    assert count_of(session, adult) == threads * taps_each


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency test on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_first_taps_race_to_create_the_counter_and_none_is_lost():
    from tests.personas import build_world

    world = build_world()
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = services.session_for(world.stek_a, None, timezone.localdate())
    start = threading.Barrier(16)
    errors = []

    def worker():
        try:
            start.wait()
            services.tap(session=session, category=adult, delta=1)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker) for _ in range(16)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not errors and count_of(session, adult) == 16
