"""Demo agenda: a realistic week for each demo STEK and a year of attendance counts."""

import random
from datetime import date, time, timedelta

from stek.core.models import Organisation

from .enums import ActivityAccess, ChangeKind, Pictogram, Recurrence
from .models import Activity, Pause, Session, SessionChange, TallyCategory, TallyCount
from .occurrences import occurrences
from .services import tally_changed

# (title, weekday 0=Mon, start, end, recurrence, month_week, pictogram, functions, organisations,
#  price, price note)
WEEKS = {
    "de-wissel": [
        ("Koffie en hulp bij papieren", 1, "09:30", "12:00", "weekly", None, "papers",
         "meet refer", ["Buurtopbouw Vlaanderen (demo)", "OCMW Gent (demo)"], None, ""),
        ("Permanentie OCMW-groepswerker", 1, "14:00", "16:00", "weekly", None, "info",
         "refer", ["OCMW Gent (demo)"], None, ""),
        ("Speelnamiddag voor ouders en peuters", 2, "14:00", "16:00", "weekly", None, "children",
         "meet learn", ["Speelpunt jeugdwerk (demo)"], None, ""),
        ("Permanentie CAW", 3, "10:00", "12:00", "weekly", None, "info",
         "refer", ["CAW Oost (demo)"], None, ""),
        ("Computerles", 0, "13:30", "15:30", "weekly", None, "computer",
         "learn", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
        ("Kookatelier", 4, "10:00", "13:00", "biweekly", None, "cooking",
         "meet learn", ["Buurtopbouw Vlaanderen (demo)"], "2.00",
         "Met UiTPAS-kansentarief: 0,50 euro."),
        ("Buurtraad", 3, "19:00", "21:00", "monthly", -1, "meeting",
         "advocate meet", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
    ],
    "t-anker": [
        *[
            ("Middagmaal in het sociaal restaurant", day, "11:45", "13:30", "weekly", None,
             "meal", "meet", ["De Keukenploeg vzw (demo)"], "5.00",
             "Met UiTPAS-kansentarief: 1 euro.")
            for day in (0, 1, 3, 4)
        ],
        ("Koffie en kranten", 2, "09:00", "11:00", "weekly", None, "coffee",
         "meet", ["De Keukenploeg vzw (demo)"], None, ""),
        ("Permanentie OCMW", 2, "10:00", "12:00", "weekly", None, "info",
         "refer", ["OCMW Mechelen (demo)"], None, ""),
        ("Gespreksgroep: hoe gaat het met jouw rechten?", 1, "14:00", "16:00", "monthly", 2,
         "meeting", "advocate learn", ["Stem van de Straat (demo)"], None, ""),
    ],
    "passerelle": [
        ("Ontmoetingscafé / Café-rencontre", 1, "10:00", "12:00", "weekly", None, "coffee",
         "meet", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
        ("Nederlandse les / Cours de néerlandais", 0, "13:30", "15:30", "weekly", None,
         "papers", "learn", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
        ("Nederlandse les / Cours de néerlandais", 2, "13:30", "15:30", "weekly", None,
         "papers", "learn", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
        ("Juridische permanentie / Permanence juridique", 3, "14:00", "16:00", "weekly", None,
         "info", "refer", ["CAW Oost (demo)"], None, ""),
        ("Permanentie OCMW / Permanence CPAS", 4, "10:00", "12:00", "weekly", None, "info",
         "refer", ["OCMW Anderlecht (demo)"], None, ""),
        ("Buurtvergadering / Assemblée de quartier", 0, "18:00", "20:00", "monthly", 1,
         "meeting", "advocate meet", ["Buurtopbouw Vlaanderen (demo)"], None, ""),
    ],
}  # fmt: skip

CATEGORIES = ("Volwassene", "Kind")


def _time(value):
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def seed_agenda(steks, today=None):
    today = today or date.today()
    year_ago = today - timedelta(days=365)
    for slug, items in WEEKS.items():
        stek = steks[slug]
        for order, label in enumerate(CATEGORIES):
            TallyCategory.objects.update_or_create(
                stek=stek, label=label, defaults={"order": order, "is_active": True}
            )
        activities = []
        for (
            title,
            weekday,
            start,
            end,
            rec,
            month_week,
            picto,
            functions,
            orgs,
            price,
            note,
        ) in items:
            first = year_ago + timedelta(days=(weekday - year_ago.weekday()) % 7)
            activity, _ = Activity.objects.update_or_create(
                stek=stek, title=title, start_date=first,
                defaults={
                    "start_time": _time(start), "end_time": _time(end),
                    "recurrence": Recurrence(rec), "month_week": month_week,
                    "pictogram": Pictogram(picto),
                    "is_meet": "meet" in functions, "is_learn": "learn" in functions,
                    "is_refer": "refer" in functions, "is_advocate": "advocate" in functions,
                    "is_free": price is None, "price": price, "price_note": note,
                    "access": ActivityAccess.WALK_IN, "place": stek.street, "is_active": True,
                },
            )  # fmt: skip
            activity.organisations.set(
                Organisation.objects.filter(network=stek.network, name__in=orgs)
            )
            activities.append(activity)
        _seed_changes(stek, activities, today)
        _seed_history(stek, activities, year_ago, today)


def _seed_changes(stek, activities, today):
    """A Christmas pause for the play afternoon and one cancelled session next week."""
    christmas = date(today.year if today.month >= 6 else today.year - 1, 12, 21)
    play = next((a for a in activities if a.pictogram == Pictogram.CHILDREN), None)
    if play:
        Pause.objects.update_or_create(
            stek=stek, activity=play, start=christmas,
            defaults={"end": christmas + timedelta(days=13), "label": "Kerstvakantie"},
        )  # fmt: skip
    upcoming = occurrences(stek, today + timedelta(days=7), today + timedelta(days=13))
    if upcoming:
        first = upcoming[0]
        SessionChange.objects.update_or_create(
            activity=first.activity, date=first.date,
            defaults={"kind": ChangeKind.CANCELLED,
                      "notice": "Wegens ziekte. Volgende week gewoon weer."},
        )  # fmt: skip


def _seed_history(stek, activities, start, today):
    """Counts for every past session of the last year (once: a rerun keeps them)."""
    if Session.objects.filter(stek=stek, date__lt=today).exists():
        return
    rng = random.Random(stek.slug)
    categories = list(TallyCategory.objects.filter(stek=stek).order_by("order"))
    sessions, planned = [], []
    for occ in occurrences(stek, start, today - timedelta(days=1), activities=activities):
        if occ.takes_place:
            sessions.append(Session(stek=stek, activity=occ.activity, date=occ.date))
            planned.append(occ.activity.pictogram)
    day = start
    while day < today:
        if day.weekday() < 5:
            sessions.append(Session(stek=stek, activity=None, date=day))
            planned.append("open")
        day += timedelta(days=1)
    Session.objects.bulk_create(sessions)
    saved = Session.objects.filter(stek=stek, date__lt=today).select_related("activity")
    by_key = {(s.activity_id, s.date): s for s in saved}
    counts = []
    for session, picto in zip(sessions, planned, strict=True):
        saved_session = by_key[(session.activity_id, session.date)]
        winter = session.date.month in (11, 12, 1, 2)
        adults = (
            rng.randint(4, 22) + (3 if winter else 0) if picto != "children" else rng.randint(3, 10)
        )
        children = rng.randint(4, 14) if picto == "children" else rng.choice([0, 0, 0, 1, 2])
        for category, value in zip(categories, (adults, children), strict=False):
            counts.append(TallyCount(session=saved_session, category=category, count=value))
    TallyCount.objects.bulk_create(counts)
    tally_changed(stek.pk)  # a bulk_create sends no signal
