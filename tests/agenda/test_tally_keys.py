"""Nothing lost, nothing counted twice (issue 12): a key per tap, and a tap from a tablet whose
session expired is kept and counted once after signing in."""

import re
import threading
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from stek.agenda import services
from stek.agenda.models import Session, TallyCount, TapKey
from tests.factories.agenda import TallyCategoryFactory
from tests.personas import PASSWORD

HX = {"HX-Request": "true"}


def tap_url():
    return reverse("agenda:tap", kwargs={"slug": "alfa"})


def today_url():
    return reverse("agenda:today", kwargs={"slug": "alfa"})


def open_count(world, cat):
    session = Session.objects.filter(stek=world.stek_a, activity=None).first()
    if session is None:
        return 0
    row = TallyCount.objects.filter(session=session, category=cat).first()
    return row.count if row else 0


def a_tap(cat, **extra):
    return {"session": "open", "category": cat.pk, "delta": "1", "key": str(uuid.uuid4()), **extra}


def test_a_retried_tap_with_the_same_key_counts_once(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    data = a_tap(adult)
    first = client.post(tap_url(), data, headers=HX)
    again = client.post(tap_url(), data, headers=HX)
    assert (first["X-Stek-Tap"], again["X-Stek-Tap"]) == ("counted", "repeat")
    assert "Geteld: +1 Volwassene" in first.content.decode()
    assert "al aangekomen" in again.content.decode()
    client.post(tap_url(), a_tap(adult), headers=HX)  # another key: another visitor
    assert open_count(world, adult) == 2
    assert TapKey.objects.count() == 2


def test_a_form_posted_twice_without_javascript_counts_once(world, client_for):
    client = client_for("volunteer_a")
    TallyCategoryFactory(stek=world.stek_a), TallyCategoryFactory(stek=world.stek_a, label="Kind")
    page = client.get(today_url()).content.decode()
    keys = re.findall(r'name="key" value="([0-9a-f-]{36})"', page)
    assert len(keys) >= 2 and len(set(keys)) == len(keys)  # a fresh key per rendered form
    form = re.search(
        r'<form method="post" action="[^"]+" class="tally-form">(.*?)</form>', page, re.S
    )
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1)))
    fields["delta"] = "1"
    for _ in range(2):  # the back button and "resend"
        response = client.post(tap_url(), fields, follow=True)
    assert "Geteld" in response.content.decode()
    cat = world.stek_a.tally_categories.get(pk=fields["category"])
    assert open_count(world, cat) == 1


def test_a_bad_key_or_another_day_is_refused_and_not_counted(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    response = client.post(tap_url(), a_tap(adult, key="abc"), headers=HX)
    assert response.status_code == 400 and response["X-Stek-Tap"] == "refused"
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(tap_url(), a_tap(adult, day=yesterday), headers=HX)
    assert response.status_code == 409
    response = client.post(tap_url(), a_tap(adult, day=yesterday), follow=True)
    assert "andere dag" in response.content.decode()
    response = client.post(tap_url(), a_tap(adult, category="abc"), headers=HX)
    assert response.status_code == 404
    assert open_count(world, adult) == 0 and not TapKey.objects.exists()


def test_an_expired_session_gets_401_not_the_login_page_inside_the_card(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    DjangoSession.objects.all().delete()  # the shared tablet's session expired
    response = client.post(tap_url(), a_tap(adult), headers=HX)
    assert response.status_code == 401
    assert response["HX-Reswap"] == "none" and response["X-Stek-Tap"] == "login"
    body = response.content.decode()
    assert "<form" not in body and "Nog niet geteld" in body
    assert open_count(world, adult) == 0


def test_without_javascript_the_tap_is_kept_and_counted_once_after_signing_in(world, client):
    client.post(reverse("login"), {"username": "volunteer_a@stek.test", "password": PASSWORD})
    adult = TallyCategoryFactory(stek=world.stek_a)
    DjangoSession.objects.all().delete()  # expired
    data = a_tap(adult)
    response = client.post(tap_url(), data, follow=True)
    page = response.content.decode()
    assert response.request["PATH_INFO"] == reverse("login")
    assert "Nog niet geteld" in page  # said plainly on the login page
    assert open_count(world, adult) == 0

    response = client.post(
        reverse("login") + f"?next={today_url()}",
        {"username": "volunteer_a@stek.test", "password": PASSWORD, "next": today_url()},
        follow=True,
    )
    page = response.content.decode()
    assert response.request["PATH_INFO"] == today_url()
    assert "Nog niet geteld" in page and "+1 Volwassene" in page and 'name="replay"' in page
    assert open_count(world, adult) == 0  # GET never writes

    response = client.post(tap_url(), {"replay": "1"}, follow=True)
    assert "Geteld: 1 tik van daarnet is meegeteld." in response.content.decode()
    assert open_count(world, adult) == 1
    client.post(tap_url(), {"replay": "1"})  # pressed twice: nothing left to count
    client.post(tap_url(), data)  # and the original form sent again: the key counted already
    assert open_count(world, adult) == 1
    assert 'name="replay"' not in client.get(today_url()).content.decode()


def test_kept_taps_can_be_dropped(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = client.session
    session["pending_taps"] = [
        {"slug": "alfa", "session": "open", "category": adult.pk, "delta": 1,
         "key": str(uuid.uuid4()), "day": timezone.localdate().isoformat()},
        {"slug": "alfa", "session": "open", "category": adult.pk, "delta": 1,
         "key": str(uuid.uuid4()), "day": "2020-01-01"},
    ]  # fmt: skip
    session.save()
    response = client.post(tap_url(), {"replay": "0"}, follow=True)
    assert "niet meegeteld" in response.content.decode()
    assert open_count(world, adult) == 0


def test_a_kept_tap_of_another_day_is_not_counted_today(world, client_for):
    client = client_for("volunteer_a")
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = client.session
    session["pending_taps"] = [
        {"slug": "alfa", "session": "open", "category": adult.pk, "delta": 1,
         "key": str(uuid.uuid4()), "day": "2020-01-01"},
    ]  # fmt: skip
    session.save()
    response = client.post(tap_url(), {"replay": "1"}, follow=True)
    assert "kon niet meer meetellen" in response.content.decode()
    assert open_count(world, adult) == 0


def test_the_tap_url_opened_after_login_shows_vandaag(world, client_for):
    assert client_for("anonymous").get(tap_url())["Location"].startswith(reverse("login"))
    response = client_for("volunteer_a").get(tap_url())
    assert response.status_code == 302 and response["Location"] == today_url()


def test_the_key_is_written_with_the_count_or_not_at_all(world):
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = services.session_for(world.stek_a, None, timezone.localdate())
    key = uuid.uuid4()
    failing = mock.patch("django.db.models.query.QuerySet.update", side_effect=RuntimeError("x"))
    with failing, pytest.raises(RuntimeError):
        services.tap(session=session, category=adult, delta=1, key=key)
    assert not TapKey.objects.filter(key=key).exists()
    assert services.tap(session=session, category=adult, delta=1, key=key).changed
    assert open_count(world, adult) == 1


def test_old_keys_are_purged(world):
    today = timezone.localdate()
    for days in (0, 1, 2, 30):
        TapKey.objects.create(key=uuid.uuid4(), day=today - timedelta(days=days))
    assert services.purge_tap_keys(today) == 2
    assert sorted((today - k.day).days for k in TapKey.objects.all()) == [0, 1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency test on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_of_the_same_taps_count_each_tap_once():
    from tests.personas import build_world

    world = build_world()
    adult = TallyCategoryFactory(stek=world.stek_a)
    session = services.session_for(world.stek_a, None, timezone.localdate())
    keys = [uuid.uuid4() for _ in range(6)]
    threads = 18  # every key sent by three threads at the same moment
    start, errors, repeats = threading.Barrier(threads), [], []

    def worker(n):
        try:
            start.wait()
            for i in range(len(keys)):
                key = keys[(i + n) % len(keys)]
                result = services.tap(session=session, category=adult, delta=1, key=key)
                repeats.append(result.repeat)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not errors
    assert open_count(world, adult) == len(keys)
    assert repeats.count(False) == len(keys) and len(repeats) == threads * len(keys)


def test_the_periodic_job_purges_old_tap_keys(db):
    from stek.core import periodic

    TapKey.objects.create(key=uuid.uuid4(), day=timezone.localdate() - timedelta(days=3))
    TapKey.objects.create(key=uuid.uuid4(), day=timezone.localdate())
    run = periodic.run_jobs(only=["purge_tap_keys"])
    assert [job["name"] for job in run["jobs"]] == ["purge_tap_keys"] and run["ok"]
    assert TapKey.objects.count() == 1
