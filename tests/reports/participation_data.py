"""STEK A's visitors' say in 2025, made with the participation app's services (issue 18):

- ideas: 6 by tablet in March (3 accepted and 1 declined on 10 April, 1 merged, 1 still in
  the council), 2 on paper in April (not answered), 1 in the idea box in May (declined on
  1 June); 1 idea of December 2024 accepted on 5 January 2025 (a decision, not an idea of 2025);
- the council: one meeting closed on 5 April 2025 with 7 tablet, 2 phone and 4 paper votes;
  one closed in 2024 and one still open (neither counted).
"""

from datetime import date, datetime, time

from stek.participation import services
from stek.participation.enums import IdeaSource, VoteSource
from stek.participation.models import Idea
from tests.reports.data import BRUSSELS, YEAR


def idea(stek, day, source, text="Meer koffie in de namiddag"):
    made = services.submit_idea(stek=stek, text=text, source=source)
    Idea.objects.filter(pk=made.pk).update(
        created_at=datetime.combine(day, time(11), tzinfo=BRUSSELS)
    )
    made.refresh_from_db()
    return made


def decided(made, day):
    Idea.objects.filter(pk=made.pk).update(decided_on=day)


def meeting(stek, actor, closed, tablet=0, phone=0, paper=0, close=True):
    held = services.create_meeting(actor=actor, stek=stek, title="Bezoekersraad", held_on=closed)
    one = services.add_option(actor=actor, meeting=held, label="Soep")
    two = services.add_option(actor=actor, meeting=held, label="Film")
    services.open_meeting(actor=actor, meeting=held)
    for _n in range(tablet):
        services.cast_vote(meeting=held, option=one, source=VoteSource.TABLET)
    for n in range(phone):
        services.cast_vote(meeting=held, option=two, source=VoteSource.PHONE, device=f"d{n}")
    if paper:
        services.add_paper_ballots(actor=actor, meeting=held, counts={one: paper})
    if close:
        services.close_meeting(
            actor=actor, meeting=held, now=datetime.combine(closed, time(20), tzinfo=BRUSSELS)
        )
    return held


def build_participation(world):
    stek, actor = world.stek_a, world.user("coordinator_a")
    march = [idea(stek, date(YEAR, 3, 3 + d), IdeaSource.TABLET) for d in range(6)]
    for made in march[:5]:
        services.publish_idea(actor=actor, idea=made)
    for made in march[:3]:
        decided(
            services.accept_idea(actor=actor, idea=made, what_was_done="Gedaan."), date(YEAR, 4, 10)
        )
    decided(services.decline_idea(actor=actor, idea=march[3], reason="Te duur."), date(YEAR, 4, 10))
    services.merge_idea(actor=actor, idea=march[4], into=march[0])
    services.publish_idea(actor=actor, idea=march[5])
    council = services.create_meeting(
        actor=actor, stek=stek, title="Later", held_on=date(YEAR + 1, 1, 1)
    )
    services.add_option(actor=actor, meeting=council, idea=march[5])  # in the council, a draft
    for d in range(2):
        idea(stek, date(YEAR, 4, 20 + d), IdeaSource.PAPER)
    late = idea(stek, date(YEAR, 5, 2), IdeaSource.BOX)
    decided(services.decline_idea(actor=actor, idea=late, reason="Kan niet."), date(YEAR, 6, 1))
    old = idea(stek, date(YEAR - 1, 12, 20), IdeaSource.TABLET)
    services.publish_idea(actor=actor, idea=old)
    decided(services.accept_idea(actor=actor, idea=old, what_was_done="Ja."), date(YEAR, 1, 5))
    meeting(stek, actor, date(YEAR, 4, 5), tablet=7, phone=2, paper=4)
    meeting(stek, actor, date(YEAR - 1, 11, 5), tablet=9)
    meeting(stek, actor, date(YEAR, 6, 5), tablet=3, close=False)
