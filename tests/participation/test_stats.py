"""The participation counts for the reports: per STEK and period."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from stek.participation import services, stats

pytestmark = pytest.mark.django_db


def test_counts_per_stek_and_period(world):
    today = timezone.localdate()
    a, b = world.stek_a, world.stek_b
    box = services.submit_idea(stek=a, text="Soep op vrijdag.", source="box")
    services.submit_idea(stek=a, text="Een filmavond.", source="paper")
    services.submit_idea(stek=a, text="Een kookles.", source="paper")
    services.submit_idea(stek=b, text="Meer stoelen.", source="box")  # another STEK
    services.publish_idea(actor=None, idea=box)
    services.accept_idea(actor=None, idea=box, what_was_done="Elke vrijdag soep.")
    meeting = services.create_meeting(actor=None, stek=a, title="Wat eerst?", held_on=today)
    options = [services.add_option(actor=None, meeting=meeting, label=x) for x in ("A", "B")]
    services.open_meeting(actor=None, meeting=meeting)
    services.cast_vote(meeting=meeting, option=options[0], source="tablet")
    services.add_paper_ballots(actor=None, meeting=meeting, counts={options[1]: 4})
    services.close_meeting(actor=None, meeting=meeting)

    counts = stats.counts(a, today - timedelta(days=30), today)
    assert counts["ideas"] == 3
    assert counts["ideas_by_source"] == {"box": 1, "tablet": 0, "paper": 2}
    assert counts["ideas_by_state"]["new"] == 2 and counts["ideas_by_state"]["accepted"] == 1
    assert counts["decisions"] == {"accepted": 1, "declined": 0}
    assert counts["meetings"] == 1 and counts["votes"] == 5
    assert counts["votes_by_source"] == {"tablet": 1, "phone": 0, "paper": 4}
    assert stats.counts(b, today - timedelta(days=30), today)["ideas"] == 1
    earlier = stats.counts(a, date(2020, 1, 1), date(2020, 12, 31))
    assert earlier["ideas"] == 0 and earlier["votes"] == 0


def test_volunteers_and_their_shifts_come_from_the_rota(world):
    from stek.rota import services as rota
    from tests.factories.rota import ShiftNeedFactory

    need = ShiftNeedFactory(stek=world.stek_a)
    day = need.activity.start_date + timedelta(days=7)
    rota.take(membership=world.memberships["volunteer_a"], need=need, day=day)
    counts = stats.counts(world.stek_a, day - timedelta(days=1), day)
    assert counts["active_volunteers"] == 1 and counts["shifts"] == 1
    activity = need.activity
    start, end = activity.start_time, activity.end_time
    expected = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) / 60
    assert counts["shift_hours"] == round(expected, 1)
