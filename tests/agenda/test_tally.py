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
    assert "Koffie" in html
    assert f'class="tally-count" aria-live="polite" data-count="{adult.pk}">1<' in html
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


def test_a_tap_with_javascript_brings_the_undo_button_at_once(world, client_for):
    """Issue 16: the undo button came only after a reload; the tap's answer brings it now."""
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    page = client.get(reverse("agenda:today", kwargs={"slug": "alfa"})).content.decode()
    assert 'id="tally-undo"' in page and "Laatste tik ongedaan maken" not in page
    response = client.post(
        tap_url(world),
        {"session": "open", "category": adult.pk, "delta": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert 'id="tally-undo" class="tally-undo" hx-swap-oob="true">' in html
    assert reverse("agenda:undo", kwargs={"slug": "alfa"}) in html
    assert "Laatste tik ongedaan maken" in html


def test_the_standing_gives_the_days_counts_for_other_tablets(world, client_for):
    """Issue 16: a tablet polls the day's counts, so taps on another tablet show."""
    other_tablet = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    activity = ActivityFactory(stek=world.stek_a)
    url = reverse("agenda:standing", kwargs={"slug": "alfa"})
    assert other_tablet.get(url).json()["cards"] == {}
    for session in ("open", "open", str(activity.pk)):
        other_tablet.post(tap_url(world), {"session": session, "category": adult.pk, "delta": "1"})
    response = client_for("volunteer_a").get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["day"] == timezone.localdate().isoformat() and data["day_total"] == 3
    assert data["cards"]["open"] == {"total": 2, "counts": {str(adult.pk): 2}}
    assert data["cards"][str(activity.pk)] == {"total": 1, "counts": {str(adult.pk): 1}}


def test_the_standing_is_a_read_of_the_own_stek_only(world, client_for):
    client = client_for("volunteer_a")
    sessions = Session.objects.count()
    assert client.get(reverse("agenda:standing", kwargs={"slug": "alfa"})).status_code == 200
    assert Session.objects.count() == sessions  # GET never writes
    assert client.get(reverse("agenda:standing", kwargs={"slug": "beta"})).status_code == 404
    assert client.post(reverse("agenda:standing", kwargs={"slug": "alfa"})).status_code == 405


def test_the_today_page_polls_only_while_visible():
    from pathlib import Path

    js = (Path(__file__).parents[2] / "stek/agenda/static/agenda/tally.js").read_text()
    assert "standingUrl" in js and 'visibilityState !== "visible"' in js


def test_the_tally_card_gives_label_count_and_buttons_their_own_columns():
    """Issue 16: "Volwassene" ran under the count and the count over the −1 button: the count
    had a 3ch column (in the row's font) for a number twice as large, and three cards a row on
    a 1024 px tablet left the label less room than the word."""
    import re
    from pathlib import Path

    css = (Path(__file__).parents[2] / "stek/core/static/core/stek.css").read_text()
    row = re.search(r"\.tally-row \{([^}]*)\}", css).group(1)
    assert "3ch" not in row and "minmax(0, 1fr) auto auto" in row
    assert '"label count buttons"' in row
    assert "overflow-wrap" in re.search(r"\.tally-label \{([^}]*)\}", css).group(1)
    cards = re.search(r"\.tally-cards \{([^}]*)\}", css).group(1)
    assert "minmax(min(100%, 21rem), 1fr)" in cards  # two cards a row at 1024 px, not three
    # a phone's card (360 px: under 20rem inside) puts the label on a line of its own
    assert "@container (max-width: 20rem)" in css


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


def test_superscript_digits_in_a_tap_are_refused_not_a_crash(world, client_for):
    """ "²".isdigit() is true but int("²") fails: once a 500 on a tap with a typed-over form."""
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    for data in (
        {"session": "²", "category": adult.pk, "delta": "1"},
        {"session": "open", "category": "²", "delta": "1"},
    ):
        assert client.post(tap_url(world), data).status_code in (302, 400, 404)
    assert not Session.objects.filter(stek=world.stek_a, counts__count__gt=0).exists()
