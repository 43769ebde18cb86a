"""Demo signals and dossiers: a year of signals in each demo STEK, with a few real-looking
collective problems (energy bills and budget meters rising this autumn, huurpremie forms
nobody understands, counters that only work online), and two dossiers at different steps.

Idempotent: the demo STEKs' signals and dossiers are replaced each run."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from stek.core.dates import monday_of
from stek.core.vocabulary import Topic

from . import services
from .enums import ActionKind, DossierStep, Level
from .models import Dossier, Signal

# (topic code, kind, weight, barriers to draw from)
EVERYDAY = [
    ("leefloon", "question", 5, ["bekendheid", "schaamte_angst"]),
    ("administratie", "need", 8, ["begrijpbaarheid", "taal"]),
    ("voedselhulp", "need", 6, ["schaamte_angst", "beschikbaarheid"]),
    ("sociale_huurwoning", "problem", 5, ["beschikbaarheid"]),
    ("huurdersvragen", "question", 4, ["bekendheid"]),
    ("ziekteverzekering", "question", 3, ["begrijpbaarheid"]),
    ("kinderopvang", "problem", 2, ["beschikbaarheid", "betaalbaarheid"]),
    ("nederlands_leren", "need", 3, ["beschikbaarheid", "bereikbaarheid"]),
    ("schuldhulp", "need", 3, ["schaamte_angst", "beschikbaarheid"]),
    ("verhoogde_tegemoetkoming", "question", 2, ["bekendheid"]),
    ("vervoer", "problem", 2, ["betaalbaarheid"]),
    ("geestelijke_gezondheid", "need", 2, ["beschikbaarheid", "schaamte_angst"]),
]
QUOTES = {
    "minimale_levering": [
        "Mijn budgetmeter was leeg op vrijdagavond en het OCMW was pas maandag open.",
        "We zitten met de kinderen in de kou omdat de kaart niet meer opgeladen is.",
    ],
    "energieschulden": ["De voorschotfactuur is verdubbeld en ik weet niet waarom."],
    "vlaamse_huurpremie": [
        "Ik heb het formulier drie keer ingevuld en het is nog altijd niet goed.",
        "Niemand kon me uitleggen welk inkomen ik moest invullen.",
    ],
    "digitale_hulp": ["Aan het loket zeggen ze dat alles nu via de app moet. Ik heb geen app."],
}


def _week(today, weeks_ago):
    return monday_of(today) - timedelta(weeks=weeks_ago)


def _add(rng, stek, today, weeks_ago, code, kind, barriers, topics, quote_chance=0.0):
    quote = ""
    if QUOTES.get(code) and rng.random() < quote_chance:
        quote = rng.choice(QUOTES[code])
    services.register_signal(
        stek=stek,
        kind=kind,
        topic=topics[code],
        barriers=rng.sample(barriers, k=min(len(barriers), rng.choice([0, 1, 1, 2]))),
        quote=quote,
        quote_consent=bool(quote),
        today=_week(today, weeks_ago),
    )


def _signals(rng, stek, today, topics, weekly, flemish):
    for weeks_ago in range(52):
        season = 1.0 + (0.4 if _week(today, weeks_ago).month in (12, 1, 2) else 0.0)
        for _ in range(rng.randint(int(weekly * 0.6 * season), int(weekly * 1.2 * season))):
            code, kind, _w, barriers = rng.choices(EVERYDAY, [e[2] for e in EVERYDAY])[0]
            _add(rng, stek, today, weeks_ago, code, kind, barriers, topics)
        recent = weeks_ago < 8
        # Energy: quiet most of the year, rising steeply this autumn in every STEK.
        for code in ("minimale_levering", "energieschulden"):
            rate = 1.6 if recent else 0.12
            for _ in range(_poisson(rng, rate)):
                _add(rng, stek, today, weeks_ago, code, "problem", ["betaalbaarheid"], topics, 0.3)
        # Huurpremie: steady, the form is the barrier (Flemish STEKs; a few in Brussels).
        rate = 0.9 if flemish else 0.08
        for _ in range(_poisson(rng, rate)):
            _add(rng, stek, today, weeks_ago, "vlaamse_huurpremie", "problem",
                 ["begrijpbaarheid"], topics, 0.15)  # fmt: skip
        # Counters that only work online: growing through the year.
        rate = 0.2 + 0.8 * (52 - weeks_ago) / 52
        for _ in range(_poisson(rng, rate)):
            _add(rng, stek, today, weeks_ago, "digitale_hulp", "problem",
                 ["bereikbaarheid", "bruikbaarheid"], topics, 0.1)  # fmt: skip


def _poisson(rng, mean):
    """A Poisson draw (Knuth), enough for small means."""
    limit, k, p = 2.718281828459045 ** (-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


@transaction.atomic
def seed_advocacy(steks, users, today=None):
    """``steks`` by slug; ``users`` by e-mail (the dossiers' step owners)."""
    rng = random.Random(2027)
    today = today or timezone.localdate()
    Dossier.objects.filter(lead_stek__in=steks.values()).delete()
    Signal.objects.filter(stek__in=steks.values()).delete()
    network = next(iter(steks.values())).network
    topics = {t.code: t for t in Topic.objects.for_network(network.pk)}
    for slug, weekly in (("de-wissel", 6), ("t-anker", 4), ("passerelle", 5)):
        _signals(rng, steks[slug], today, topics, weekly, flemish=slug != "passerelle")

    wissel, anker, passerelle = steks["de-wissel"], steks["t-anker"], steks["passerelle"]
    coordinator = users.get("coordinator@stek.example")
    worker = users.get("worker@stek.example")
    energy = services.create_dossier(
        actor=coordinator,
        stek=wissel,
        title="Budgetmeters en energieschulden in de winter",
        problem=(
            "Steeds meer bezoekers zitten zonder gas of elektriciteit omdat hun budgetmeter "
            "leeg is. Opladen kan alleen op weekdagen, en de minimale levering is niet bekend."
        ),
        situation=(
            "De voorschotfacturen stegen dit najaar. Wie een budgetmeter heeft, betaalt vooraf "
            "en valt zonder energie zodra het geld op is. De minimale levering via het OCMW "
            "vraagt een aanvraag die mensen niet kennen."
        ),
        positions=(
            "OCMW: wil de minimale levering sneller toekennen, mist personeel. Netbeheerder: "
            "volgt de regels. Bezoekers: schamen zich en vragen pas hulp als het te laat is."
        ),
        ask=(
            "Opladen ook in het weekend, de minimale levering automatisch in de winter, en "
            "een duidelijke brief bij elke budgetmeter."
        ),
        topics=[topics["minimale_levering"], topics["energieschulden"]],
        evidence_from=today.replace(month=1, day=1) - timedelta(days=365),
    )
    services.invite_steks(actor=coordinator, dossier=energy, steks=[anker, passerelle])
    for stek in (anker, passerelle):
        services.answer_invitation(actor=coordinator, dossier=energy, stek=stek, sign=True)
    path = [(DossierStep.NOTICED, 90), (DossierStep.COLLECTED, 70), (DossierStep.BUNDLED, 50),
            (DossierStep.ANALYSED, 40), (DossierStep.REPORTED, 20)]  # fmt: skip
    for step, days_ago in path:
        services.move_to_step(
            actor=coordinator, dossier=energy, step=step,
            reached_on=today - timedelta(days=days_ago), owner=worker or coordinator,
        )  # fmt: skip
    services.add_testimony(
        actor=coordinator,
        dossier=energy,
        stek=wissel,
        text=(
            "In januari zaten we vier dagen zonder verwarming. Ik wist niet dat ik hulp kon vragen."
        ),
        consent=True,
    )
    services.add_action(
        actor=coordinator, dossier=energy, kind=ActionKind.GROUP_MEETING,
        date=today - timedelta(days=45), visitors=14,
        description="Groepsgesprek over de budgetmeter: wat loopt er mis, wat moet anders?",
    )  # fmt: skip
    services.add_action(
        actor=coordinator, dossier=energy, kind=ActionKind.COUNCIL_TESTIMONY,
        date=today - timedelta(days=20), visitors=3,
        description="Drie bezoekers getuigden op de commissie Welzijn van de gemeenteraad.",
    )  # fmt: skip
    services.save_addressee(
        actor=coordinator, dossier=energy, level=Level.LOCAL,
        body="Gemeenteraad Gent, commissie Welzijn", presented_on=today - timedelta(days=20),
        response="De schepen laat onderzoeken of opladen in het weekend kan.",
        responded_on=today - timedelta(days=12), follow_up_on=today - timedelta(days=2),
    )  # fmt: skip
    services.save_addressee(
        actor=coordinator, dossier=energy, level=Level.FLEMISH,
        body="Vlaams minister van Energie", presented_on=today - timedelta(days=10),
        follow_up_on=today + timedelta(days=30),
    )  # fmt: skip

    kok = users.get("anker@stek.example")
    premie = services.create_dossier(
        actor=kok,
        stek=anker,
        title="Huurpremie: het aanvraagformulier is onbegrijpelijk",
        problem=(
            "Huurders die recht hebben op de Vlaamse huurpremie vragen ze niet aan: het "
            "formulier is te moeilijk en niemand legt uit welk inkomen telt."
        ),
        ask="Een formulier in duidelijke taal en hulp bij de aanvraag in het sociaal huis.",
        topics=[topics["vlaamse_huurpremie"]],
        barriers=["begrijpbaarheid"],
        evidence_from=today - timedelta(days=365),
    )
    services.move_to_step(
        actor=kok, dossier=premie, step=DossierStep.NOTICED, reached_on=today - timedelta(days=60)
    )
    services.move_to_step(
        actor=kok, dossier=premie, step=DossierStep.COLLECTED, reached_on=today - timedelta(days=30)
    )
    services.move_to_step(
        actor=kok, dossier=premie, step=DossierStep.BUNDLED, reached_on=today - timedelta(days=7)
    )
    services.invite_steks(actor=kok, dossier=premie, steks=[wissel])
    return energy, premie
