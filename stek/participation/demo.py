"""Demo participation: ideas at every stage (new, published, in the council, accepted,
declined, a merged duplicate) and one decided vote of the visitors' council, with votes on
the tablet, on phones and on paper. All texts fictional; no person anywhere."""

from datetime import timedelta

from django.utils import timezone

from . import devices, services
from .enums import IdeaCategory, IdeaSource, VoteSource
from .models import Idea

IDEAS = [
    # (text, category, source, what happens)
    ("Kunnen we op vrijdag ook soep maken?", IdeaCategory.FOOD, IdeaSource.BOX, "new"),
    ("Een plek om de gsm op te laden aan het onthaal.", IdeaCategory.PLACE, IdeaSource.PAPER,
     "new"),
    ("Een namiddag met spelletjes voor kinderen in de vakantie.", IdeaCategory.CHILDREN,
     IdeaSource.TABLET, "published"),
    ("Meer uitleg over de energiefactuur.", IdeaCategory.HELP, IdeaSource.BOX, "council"),
    ("Samen koken met groenten uit de buurtmoestuin.", IdeaCategory.FOOD, IdeaSource.PAPER,
     "council"),
    ("Hulp bij formulieren van de huisvesting, elke week.", IdeaCategory.HELP, IdeaSource.TABLET,
     ("accepted", "Sinds november is er elke dinsdag een permanentie voor formulieren.")),
    ("Een wandeling naar het park met de groep.", IdeaCategory.ACTIVITY, IdeaSource.BOX,
     ("accepted", "Op 12 november wandelden we met 14 mensen naar het park. In de lente weer.")),
    ("Gratis busritten voor iedereen van de STEK.", IdeaCategory.OTHER, IdeaSource.PAPER,
     ("declined", "Dat kan de STEK niet betalen. We gaven het wel door aan de gemeente.")),
    ("Mag er soep zijn op vrijdag?", IdeaCategory.FOOD, IdeaSource.PAPER, "merge"),
]  # fmt: skip

MEETING_TITLE = "Wat doen we eerst in de winter?"


def seed_participation(steks, now=None):
    stek = steks["de-wissel"]
    if Idea.objects.filter(stek=stek, text=IDEAS[0][0]).exists():
        return  # seeded before: the demo keeps its ideas and its vote
    today = (now or timezone.now()).date()
    made = {}
    for text, category, source, fate in IDEAS:
        idea = services.submit_idea(stek=stek, text=text, source=source, category=category)
        made[text] = idea
        if fate == "new":
            continue
        if fate == "merge":
            services.merge_idea(actor=None, idea=idea, into=made[IDEAS[0][0]])
            continue
        services.publish_idea(actor=None, idea=idea)
        if isinstance(fate, tuple):
            kind, answer = fate
            if kind == "accepted":
                services.accept_idea(actor=None, idea=idea, what_was_done=answer)
            else:
                services.decline_idea(actor=None, idea=idea, reason=answer)
    council = [i for t, _c, _s, f in IDEAS if f == "council" for i in [made[t]]]
    meeting = services.create_meeting(
        actor=None, stek=stek, title=MEETING_TITLE, held_on=today - timedelta(days=7), quorum=10
    )
    options = [
        services.add_option(actor=None, meeting=meeting, idea=idea, pictogram=pictogram)
        for idea, pictogram in zip(council, ["papers", "meal"], strict=True)
    ]
    options.append(
        services.add_option(
            actor=None, meeting=meeting, label="Een filmavond in de zaal", pictogram="meeting"
        )
    )
    services.open_meeting(actor=None, meeting=meeting)
    for option, tablet, phones in zip(options, (4, 7, 2), (3, 2, 1), strict=True):
        for _i in range(tablet):
            services.cast_vote(meeting=meeting, option=option, source=VoteSource.TABLET)
        for i in range(phones):
            key = devices.vote_key(meeting, f"demo-{option.pk}-{i}")
            services.cast_vote(meeting=meeting, option=option, source=VoteSource.PHONE, device=key)
    services.add_paper_ballots(
        actor=None, meeting=meeting, counts=dict(zip(options, (2, 5, 1), strict=True))
    )
    services.close_meeting(actor=None, meeting=meeting)
    winner = council[1]  # samen koken: the most votes
    services.accept_idea(
        actor=None,
        idea=winner,
        what_was_done="De bezoekersraad koos dit. Elke eerste donderdag koken we samen.",
    )
