"""The demo (issue 17): ideas at every stage and one decided council vote, seeded twice."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from stek.core.models import Stek, User
from stek.participation import services
from stek.participation.enums import IdeaState, MeetingState
from stek.participation.models import Idea, Meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_has_ideas_at_every_stage_and_a_decided_vote():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    wissel = Stek.objects.get(slug="de-wissel")
    states = set(Idea.objects.filter(stek=wissel).values_list("state", flat=True))
    assert states == set(IdeaState.values)
    meeting = Meeting.objects.get(stek=wissel)
    assert meeting.state == MeetingState.CLOSED
    results = services.results(meeting)
    assert results.quorum_met and results.total >= 10
    sources = set(meeting.votes.values_list("source", flat=True))
    assert sources == {"tablet", "phone", "paper"}
    public = Client()
    board = public.get("/de-wissel/wij-deden/").content.decode()
    assert "Elke eerste donderdag koken we samen." in board
    assert public.get(f"/de-wissel/stemmen/{meeting.code}/").status_code == 200
    staff = Client()
    staff.force_login(User.objects.get(email="coordinator@stek.example"))
    for url in ["/s/de-wissel/inspraak/", "/s/de-wissel/inspraak/raad/", "/s/de-wissel/"]:
        assert staff.get(url).status_code == 200
