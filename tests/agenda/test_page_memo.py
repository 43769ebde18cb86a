"""Vandaag and the agenda week remember what they drew (issue 15): a change shows on the next
GET, and nothing of one user's request (CSRF token, tap keys, planning links) reaches another."""

import re
from datetime import time, timedelta

from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone

from stek.agenda import services
from stek.agenda.enums import ChangeKind
from stek.agenda.models import Pause, Session
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory

TODAY_URL = "/s/alfa/vandaag/"
WEEK_URL = "/s/alfa/agenda/"


def _signed_in(world, persona):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user(persona))
    return client


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _count_of(html, category):
    """The count shown on the STEK-open card for ``category``."""
    found = re.search(rf'id="sessie-open".*?data-count="{category.pk}">(\d+)<', html, re.S)
    return int(found.group(1))


def _csrf_values(html):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))


def _secrets(client, html):
    """The CSRF secrets of the page's tokens, each checked against the client's cookie."""
    secrets = {_unmask_cipher_token(token) for token in _csrf_values(html)}
    assert secrets == {client.cookies[settings.CSRF_COOKIE_NAME].value}
    return secrets


def _tap_keys(html):
    return re.findall(r'name="key" value="([^"]+)"', html)


# --- Vandaag --------------------------------------------------------------------------------


def test_a_tap_shows_on_the_next_get_of_vandaag(world):
    adult = TallyCategoryFactory(stek=world.stek_a)
    client = _signed_in(world, "volunteer_a")
    before = _html(client, TODAY_URL)
    assert _count_of(before, adult) == 0
    assert _count_of(_html(client, TODAY_URL), adult) == 0  # read again: remembered
    session = services.session_for(world.stek_a, None, timezone.localdate())
    services.tap(session=session, category=adult, delta=1)
    services.tap(session=session, category=adult, delta=1)
    after = _html(client, TODAY_URL)
    assert _count_of(after, adult) == 2
    assert 'id="day-total" aria-live="polite">2<' in after


def test_a_new_category_an_activity_and_a_cancellation_show_on_the_next_get(world):
    TallyCategoryFactory(stek=world.stek_a)
    client = _signed_in(world, "volunteer_a")
    assert "Peuter" not in _html(client, TODAY_URL)
    TallyCategoryFactory(stek=world.stek_a, label="Peuter")
    assert "Peuter" in _html(client, TODAY_URL)

    activity = ActivityFactory(stek=world.stek_a, title="Soepnamiddag")
    assert "Soepnamiddag" in _html(client, TODAY_URL)
    services.change_session(
        actor=None, activity=activity, day=timezone.localdate(), kind=ChangeKind.CANCELLED
    )
    assert "Soepnamiddag" not in _html(client, TODAY_URL)


def test_a_tapped_session_deleted_shows_on_the_next_get(world):
    adult = TallyCategoryFactory(stek=world.stek_a)
    client = _signed_in(world, "volunteer_a")
    session = services.session_for(world.stek_a, None, timezone.localdate())
    services.tap(session=session, category=adult, delta=1)
    assert _count_of(_html(client, TODAY_URL), adult) == 1
    Session.objects.filter(pk=session.pk).delete()  # a queryset's delete sends the signals
    assert _count_of(_html(client, TODAY_URL), adult) == 0


def test_each_request_of_vandaag_draws_its_own_token_and_tap_keys(world):
    TallyCategoryFactory(stek=world.stek_a)
    TallyCategoryFactory(stek=world.stek_a, label="Kind")
    ActivityFactory(stek=world.stek_a)
    volunteer, coordinator = (_signed_in(world, p) for p in ("volunteer_a", "coordinator_a"))
    first, again = _html(volunteer, TODAY_URL), _html(volunteer, TODAY_URL)
    other = _html(coordinator, TODAY_URL)
    for html in (first, again, other):
        assert "stekcsrfmark" not in html and "stektapkeymark" not in html
        keys = _tap_keys(html)
        assert len(keys) == 4 and len(set(keys)) == 4  # two cards, two categories each
    # no key is ever given twice, to the same browser or to another
    assert not set(_tap_keys(first)) & set(_tap_keys(again))
    assert not set(_tap_keys(first)) & set(_tap_keys(other))
    # each page carries its own user's CSRF token (masked from the secret its cookie holds),
    # never another's
    mine, theirs = _secrets(volunteer, first), _secrets(coordinator, other)
    assert len(mine) == 1 and len(theirs) == 1 and mine != theirs
    # a token drawn from the page's cookie secret is accepted with the form: tap with it
    key = _tap_keys(first)[0]
    response = volunteer.post(
        "/s/alfa/vandaag/tel/",
        {"session": "open", "category": re.search(r'name="category" value="(\d+)"', first)[1],
         "delta": "1", "key": key, "csrfmiddlewaretoken": sorted(_csrf_values(first))[0]},
    )  # fmt: skip
    assert response.status_code == 302


def test_another_steks_member_never_gets_a_remembered_vandaag(world):
    TallyCategoryFactory(stek=world.stek_a, label="Alleen-in-alfa")
    ActivityFactory(stek=world.stek_a, title="Alfa-koffie")
    assert "Alfa-koffie" in _html(_signed_in(world, "volunteer_a"), TODAY_URL)
    stranger = _signed_in(world, "worker_b")
    assert stranger.get(TODAY_URL).status_code == 404
    beta = _html(stranger, "/s/beta/vandaag/")
    assert "Alfa-koffie" not in beta and "Alleen-in-alfa" not in beta


# --- the week -------------------------------------------------------------------------------


def test_the_week_shows_a_pause_a_new_activity_and_a_stopped_one_on_the_next_get(world):
    client = _signed_in(world, "coordinator_a")
    activity = ActivityFactory(stek=world.stek_a, title="Naaiatelier")
    assert "Naaiatelier" in _html(client, WEEK_URL)
    today = timezone.localdate()
    pause = Pause.objects.create(stek=world.stek_a, start=today, end=today + timedelta(6))
    assert "Naaiatelier" not in _html(client, WEEK_URL)
    pause.delete()
    assert "Naaiatelier" in _html(client, WEEK_URL)
    activity.start_time = time(14)
    activity.save()
    assert "14:00" in _html(client, WEEK_URL)
    services.deactivate_activity(actor=None, activity=activity)  # an update(): no signal
    assert "Naaiatelier" not in _html(client, WEEK_URL)


def test_the_planning_links_of_the_week_go_only_to_who_may_plan(world):
    ActivityFactory(stek=world.stek_a, title="Naaiatelier")
    planner = _html(_signed_in(world, "coordinator_a"), WEEK_URL)
    edit = re.search(r'href="([^"]+)">Activiteit wijzigen', planner)[1]
    volunteer = _html(_signed_in(world, "volunteer_a"), WEEK_URL)
    assert "Naaiatelier" in volunteer and edit not in volunteer
    assert edit in _html(_signed_in(world, "worker_a"), WEEK_URL)
