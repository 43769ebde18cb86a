"""Council votes (issue 17): a meeting code for phones (one vote per device), the shared tablet
in facilitator mode (one unlock, one ballot), paper ballots added by hand, results hidden until
the vote closes (from staff too), an optional quorum."""

from datetime import date

import pytest
from django.urls import reverse

from stek.core.services import ServiceError
from stek.participation import devices, services
from stek.participation.enums import IdeaState, VoteSource
from stek.participation.models import Vote

pytestmark = pytest.mark.django_db


def open_meeting(stek, labels=("Soep", "Film", "Wandeling"), quorum=None):
    meeting = services.create_meeting(
        actor=None, stek=stek, title="Wat doen we eerst?", held_on=date(2030, 1, 1), quorum=quorum
    )
    options = [services.add_option(actor=None, meeting=meeting, label=label) for label in labels]
    services.open_meeting(actor=None, meeting=meeting)
    meeting.refresh_from_db()
    return meeting, options


def phone_url(meeting):
    return reverse("participation:vote_phone", args=[meeting.stek.slug, meeting.code])


def test_an_idea_goes_to_the_council_as_an_option(world):
    idea = services.submit_idea(stek=world.stek_a, text="Samen koken.", source="box")
    meeting = services.create_meeting(
        actor=None, stek=world.stek_a, title="Wat eerst?", held_on=date(2030, 1, 1)
    )
    with pytest.raises(ServiceError):  # not published yet
        services.add_option(actor=None, meeting=meeting, idea=idea)
    services.publish_idea(actor=None, idea=idea)
    option = services.add_option(actor=None, meeting=meeting, idea=idea)
    idea.refresh_from_db()
    assert option.label == "Samen koken." and idea.state == IdeaState.IN_COUNCIL


def test_the_meeting_code_is_short_random_and_unambiguous(world):
    codes = {
        services.create_meeting(
            actor=None, stek=world.stek_a, title="Vraag", held_on=date(2030, 1, 1)
        ).code
        for _i in range(20)
    }
    assert len(codes) == 20
    assert all(len(c) == 6 and set(c) <= set(services.CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set("".join(codes))


def test_a_phone_votes_once_with_the_meeting_code(world, client):
    meeting, options = open_meeting(world.stek_a)
    response = client.post("/alfa/stemmen/", {"code": meeting.code.lower()})
    assert response.status_code == 302 and response["Location"] == phone_url(meeting)
    assert client.post(phone_url(meeting), {"option": options[0].pk}).status_code == 302
    assert devices.COOKIE in client.cookies
    again = client.post(phone_url(meeting), {"option": options[1].pk})
    assert again.status_code == 400 and "al gestemd" in again.content.decode()
    assert "Je hebt gestemd" in client.get(phone_url(meeting)).content.decode()
    assert services.votes_cast(meeting) == 1
    vote = Vote.objects.get()
    assert vote.source == VoteSource.PHONE and vote.option == options[0]
    assert client.cookies[devices.COOKIE].value not in vote.device  # a keyed hash only
    client.cookies.clear()  # another phone
    assert client.post(phone_url(meeting), {"option": options[1].pk}).status_code == 302
    assert services.votes_cast(meeting) == 2


def test_one_vote_per_device_holds_in_the_database(world):
    meeting, options = open_meeting(world.stek_a)
    key = devices.vote_key(meeting, "a-random-token-of-one-phone")
    services.cast_vote(meeting=meeting, option=options[0], source="phone", device=key)
    with pytest.raises(ServiceError):
        services.cast_vote(meeting=meeting, option=options[1], source="phone", device=key)
    other, other_options = open_meeting(world.stek_a)
    # the same phone in another meeting: another key, so meetings cannot be linked
    assert devices.vote_key(other, "a-random-token-of-one-phone") != key


def test_wrong_codes_are_rate_limited(world, client, monkeypatch):
    monkeypatch.setattr(devices, "CODE_FAILURES_PER_ADDRESS", (3, 900))
    meeting, _options = open_meeting(world.stek_a)
    for _i in range(3):
        assert client.post("/alfa/stemmen/", {"code": "ZZZZZZ"}).status_code == 400
    blocked = client.post("/alfa/stemmen/", {"code": meeting.code})
    assert blocked.status_code == 429  # even the right code, for a while
    assert client.get("/alfa/stemmen/").status_code == 200  # looking is never limited


def test_phone_votes_are_rate_limited_per_address(world, client, monkeypatch):
    monkeypatch.setattr(devices, "VOTES_PER_ADDRESS", (2, 3600))
    meeting, options = open_meeting(world.stek_a)
    for _i in range(2):
        client.cookies.clear()
        assert client.post(phone_url(meeting), {"option": options[0].pk}).status_code == 302
    client.cookies.clear()
    assert client.post(phone_url(meeting), {"option": options[0].pk}).status_code == 429
    assert services.votes_cast(meeting) == 2


def test_a_draft_meeting_cannot_be_found_by_code(world, client):
    meeting = services.create_meeting(
        actor=None, stek=world.stek_a, title="Nog niet", held_on=date(2030, 1, 1)
    )
    assert client.get(phone_url(meeting)).status_code == 404
    assert client.post("/alfa/stemmen/", {"code": meeting.code}).status_code == 400
    assert client.get(f"/beta/stemmen/{meeting.code}/").status_code == 404  # another STEK


def test_the_results_are_hidden_until_the_vote_closes_also_from_staff(world, client_for):
    meeting, options = open_meeting(world.stek_a, labels=("Soep", "Film"))
    for _i in range(3):
        services.cast_vote(meeting=meeting, option=options[0], source="tablet")
    services.cast_vote(meeting=meeting, option=options[1], source="tablet")
    assert services.results(meeting) is None
    staff = client_for("worker_a").get(reverse("participation:meeting", args=["alfa", meeting.pk]))
    html = staff.content.decode()
    assert "4 stemmen uitgebracht" in html  # only the number cast
    assert "data-votes" not in html and "3 stemmen" not in html
    public = client_for("anonymous").get(phone_url(meeting)).content.decode()
    assert "data-votes" not in public
    services.close_meeting(actor=None, meeting=meeting)
    meeting.refresh_from_db()
    results = services.results(meeting)
    assert [(r.option.label, r.votes, r.top) for r in results.rows] == [
        ("Soep", 3, True),
        ("Film", 1, False),
    ]
    public = client_for("anonymous").get(phone_url(meeting)).content.decode()
    assert 'data-votes="3"' in public and 'data-votes="1"' in public
    with pytest.raises(ServiceError):  # closed: no more votes
        services.cast_vote(meeting=meeting, option=options[1], source="tablet")


def test_the_quorum_says_whether_the_result_counts(world):
    meeting, options = open_meeting(world.stek_a, labels=("Soep", "Film"), quorum=3)
    services.cast_vote(meeting=meeting, option=options[0], source="tablet")
    services.cast_vote(meeting=meeting, option=options[1], source="tablet")
    services.close_meeting(actor=None, meeting=meeting)
    meeting.refresh_from_db()
    assert services.results(meeting).quorum_met is False
    reached, reached_options = open_meeting(world.stek_a, labels=("Soep", "Film"), quorum=3)
    services.add_paper_ballots(actor=None, meeting=reached, counts={reached_options[0]: 3})
    services.close_meeting(actor=None, meeting=reached)
    reached.refresh_from_db()
    assert services.results(reached).quorum_met is True
    free, _o = open_meeting(world.stek_a, labels=("Soep", "Film"))
    services.close_meeting(actor=None, meeting=free)
    free.refresh_from_db()
    assert services.results(free).quorum_met is True  # no quorum set


def test_paper_ballots_add_up_with_the_other_votes(world, client_for):
    meeting, options = open_meeting(world.stek_a, labels=("Soep", "Film"))
    services.cast_vote(meeting=meeting, option=options[0], source="tablet")
    key = devices.vote_key(meeting, "phone-token-abcdefghijklmnop")
    services.cast_vote(meeting=meeting, option=options[1], source="phone", device=key)
    url = reverse("participation:meeting", args=["alfa", meeting.pk])
    worker = client_for("worker_a")
    data = {"action": "paper", f"option_{options[0].pk}": "7", f"option_{options[1].pk}": "4"}
    assert worker.post(url, data).status_code == 302
    bad = {"action": "paper", f"option_{options[0].pk}": "-2"}
    assert worker.post(url, bad).status_code == 400
    assert services.votes_cast(meeting) == 13
    assert worker.post(url, {"action": "close"}).status_code == 302
    meeting.refresh_from_db()
    results = services.results(meeting)
    assert [r.votes for r in results.rows] == [8, 5] and results.total == 13
    html = worker.get(url).content.decode()
    assert 'data-votes="8"' in html and 'data-votes="5"' in html
    with pytest.raises(ServiceError):  # closed: no more paper either
        services.add_paper_ballots(actor=None, meeting=meeting, counts={options[0]: 1})


def test_the_tablet_needs_the_facilitator_to_unlock_each_ballot(world, client_for):
    meeting, options = open_meeting(world.stek_a)
    url = reverse("participation:ballot", args=["alfa", meeting.pk])
    tablet = client_for("volunteer_a")  # the facilitator's session on the shared tablet
    locked = tablet.get(url).content.decode()
    assert 'value="unlock"' in locked and f'value="{options[0].pk}"' not in locked
    # a vote without unlock is not counted
    tablet.post(url, {"action": "vote", "option": options[0].pk})
    assert services.votes_cast(meeting) == 0
    tablet.post(url, {"action": "unlock"})
    unlocked = tablet.get(url).content.decode()
    assert f'value="{options[0].pk}"' in unlocked and "ballot-button" in unlocked
    assert "main-menu" not in unlocked and "afmelden" not in unlocked  # no way out for a visitor
    tablet.post(url, {"action": "vote", "option": options[1].pk})
    assert services.votes_cast(meeting) == 1
    # the tablet reset: locked again, nothing of the vote before
    after = tablet.get(url).content.decode()
    assert 'value="unlock"' in after and f'value="{options[1].pk}"' not in after
    tablet.post(url, {"action": "vote", "option": options[1].pk})  # a second tap: refused
    assert services.votes_cast(meeting) == 1
    assert Vote.objects.get().source == VoteSource.TABLET


def test_options_are_fixed_once_the_vote_is_open(world):
    meeting, _options = open_meeting(world.stek_a)
    with pytest.raises(ServiceError):
        services.add_option(actor=None, meeting=meeting, label="Nog iets")
    lonely = services.create_meeting(
        actor=None, stek=world.stek_a, title="Eén keuze", held_on=date(2030, 1, 1)
    )
    services.add_option(actor=None, meeting=lonely, label="Alleen dit")
    with pytest.raises(ServiceError):
        services.open_meeting(actor=None, meeting=lonely)
