# ruff: noqa: E501  (demo data: one service per block, long Dutch sentences)
"""Demo social map: about 30 services around the three demo STEKs. Fictional but realistic:
names end in (demo), addresses are made up, phone numbers are in the fictional 0000 range."""

from datetime import timedelta

from django.utils import timezone

from stek.core.enums import OrganisationKind as K
from stek.core.models import Organisation
from stek.core.vocabulary import Topic, ensure_builtin_topics

from .models import Location, Service, ServiceNotice

# New organisations that are not partners of a demo STEK (they are on the social map).
ORGANISATIONS = [
    ("Wonen in Vlaanderen (demo)", K.LOCAL_GOVERNMENT),
    ("Schuldhulp Gent (demo)", K.OTHER),
    ("Huis van het Kind Gent (demo)", K.LOCAL_GOVERNMENT),
    ("VDAB Werkwinkel Gent (demo)", K.OTHER),
    ("Eerstelijnsrechtshulp Gent (demo)", K.OTHER),
    ("Voedselpunt De Schuur (demo)", K.OTHER),
    ("Huurdersbond (demo)", K.OTHER),
    ("CAW Mechelen (demo)", K.CAW),
    ("Huis van het Kind Mechelen (demo)", K.LOCAL_GOVERNMENT),
    ("CPAS Anderlecht – antenne (demo)", K.OCMW),
    ("Bureau d'aide juridique Bruxelles (demo)", K.OTHER),
    ("Digipunt Kuregem (demo)", K.OTHER),
]  # fmt: skip

GENT = ("Gent", "9000")
MECH = ("Mechelen", "2800")
ANDL = ("Anderlecht", "1070")

# org, name, name_fr, topics, description, eligibility, cost, docs, access, languages, hours,
# phone, (place, street, (city, pc), lat, lon), visibility, months since verified
SERVICES = [
    ("OCMW Gent (demo)", "Sociale dienst: leefloon en hulp", "Service social : revenu d'intégration",
     ["leefloon", "administratie"],
     "Heb je geen of te weinig inkomen? De sociale dienst bekijkt met jou of je recht hebt op een leefloon of andere hulp.",
     "Voor wie in Gent woont.", "free", "Identiteitskaart\nBewijs van inkomen van de laatste 3 maanden\nHuurcontract",
     ["walk_in", "appointment", "via_worker"], ["nl", "fr", "en"], "Mo-Fr 09:00-12:00; Tu 13:30-16:00; PH off",
     "+32 9 000 10 01", ("Sociaal Huis Centrum", "Onderbergen 86", GENT, 51.0500, 3.7195), "public", 1),
    ("OCMW Gent (demo)", "Energiepunt: hulp bij je energiefactuur", "Point énergie",
     ["energieschulden", "sociaal_tarief_energie", "minimale_levering", "verwarmingsfonds"],
     "Is je energiefactuur te hoog of heb je een budgetmeter? Wij kijken je factuur na en vragen het sociaal tarief of de verwarmingstoelage mee aan.",
     "Voor iedereen in Gent.", "free", "Je laatste energiefactuur\nIdentiteitskaart",
     ["walk_in", "phone"], ["nl", "fr"], "Mo,We 09:00-12:00; Th 13:00-16:00; PH off",
     "+32 9 000 10 02", ("Sociaal Huis Centrum", "Onderbergen 86", GENT, 51.0500, 3.7195), "public", 2),
    ("CAW Oost (demo)", "CAW Onthaal", "CAW Accueil", ["algemeen_onthaal", "huurdersvragen", "geestelijke_gezondheid"],
     "Met elke vraag kun je hier terecht: geld, wonen, relaties, papieren. Gratis en anoniem als je dat wil.",
     "Voor iedereen vanaf 12 jaar.", "free", "", ["walk_in", "phone", "online"], ["nl", "fr", "en", "ar"],
     "Mo-Fr 09:00-12:30; Mo,Th 13:30-17:00; PH off", "+32 9 000 20 01",
     ("CAW Onthaal Gent", "Visserij 153", GENT, 51.0480, 3.7340), "public", 3),
    ("CAW Oost (demo)", "Budgetbegeleiding", "Guidance budgétaire", ["budgetbeheer", "schuldhulp"],
     "Samen met een begeleider maak je een plan om rond te komen en betaal je rekeningen op tijd.",
     "Na een eerste gesprek bij het onthaal.", "free", "Overzicht van je inkomsten en vaste kosten",
     ["appointment", "via_worker"], ["nl"], "Tu,Th 09:00-16:00; PH off", "+32 9 000 20 02",
     ("CAW Onthaal Gent", "Visserij 153", GENT, 51.0480, 3.7340), "professional", 8),
    ("Ziekenfonds Samen (demo)", "Loket Ziekenfonds Samen Gent", "Guichet mutualité", ["verhoogde_tegemoetkoming", "maximumfactuur", "ziekteverzekering"],
     "Vragen over terugbetaling, verhoogde tegemoetkoming of de maximumfactuur? Kom langs aan het loket.",
     "Voor leden; nieuwe leden zijn welkom.", "free", "Identiteitskaart", ["walk_in", "appointment", "phone"],
     ["nl", "fr", "en"], "Mo-Fr 09:00-12:00; We 13:00-17:00; PH off", "+32 9 000 30 01",
     ("Kantoor Sint-Pieters", "Kortrijksesteenweg 12", GENT, 51.0400, 3.7150), "public", 1),
    ("Wonen in Vlaanderen (demo)", "Infopunt huurpremie en huursubsidie", "Point info prime au loyer",
     ["vlaamse_huurpremie", "vlaamse_huursubsidie", "sociale_huurwoning"],
     "Sta je al lang op de wachtlijst voor een sociale woning? Misschien heb je recht op een huurpremie. Wij helpen met het formulier.",
     "Voor huurders op een private markt met een laag inkomen.", "free",
     "Huurcontract\nAanslagbiljet van de belastingen\nIdentiteitskaart", ["appointment", "phone", "online"],
     ["nl"], "Mo,We,Fr 09:00-12:00; PH off", "+32 2 000 40 01",
     ("Vlaams Administratief Centrum", "Koningin Maria Hendrikaplein 70", GENT, 51.0365, 3.7100), "public", 7),
    ("Schuldhulp Gent (demo)", "Schuldbemiddeling", "Médiation de dettes", ["schuldhulp"],
     "Heb je schulden die je niet meer kunt betalen? Een erkende schuldbemiddelaar zoekt met jou een oplossing.",
     "Voor wie in Gent woont.", "free", "Alle brieven over je schulden\nBewijs van inkomen", ["appointment", "via_worker"],
     ["nl", "fr"], "Tu-Th 09:00-12:00; PH off", "+32 9 000 50 01",
     ("Huis van de Schuldhulp", "Sint-Salvatorstraat 18", GENT, 51.0620, 3.7300), "public", 4),
    ("Huis van het Kind Gent (demo)", "Consultatie en opvoedingsvragen", "Consultation et questions d'éducation",
     ["opvoeding", "kinderopvang", "groeipakket_sociale_toeslag"],
     "Voor ouders met een baby of kleine kinderen: wegen en meten, vaccins en vragen over opvoeding en het Groeipakket.",
     "Voor gezinnen met kinderen tot 12 jaar.", "free", "Kindboekje", ["walk_in", "appointment"],
     ["nl", "fr", "en", "tr", "ar"], "Mo-Th 09:00-12:00,13:00-16:00; Fr 09:00-12:00; PH off", "+32 9 000 60 01",
     ("Huis van het Kind Wondelgem", "Botestraat 98", GENT, 51.0870, 3.7140), "public", 2),
    ("VDAB Werkwinkel Gent (demo)", "Werkwinkel: werk zoeken", "Maison de l'emploi", ["werk_zoeken", "nederlands_leren", "werkloosheid"],
     "Hulp bij je cv, vacatures zoeken en een opleiding kiezen. Ook hulp met de computer.",
     "Voor werkzoekenden.", "free", "Identiteitskaart", ["walk_in", "appointment", "online"], ["nl", "en"],
     "Mo-Fr 09:00-12:00; Mo-Th 13:00-16:00; PH off", "+32 9 000 70 01",
     ("Werkwinkel Centrum", "Kongostraat 7", GENT, 51.0590, 3.7370), "public", 5),
    ("Eerstelijnsrechtshulp Gent (demo)", "Gratis juridisch advies", "Avis juridique gratuit", ["juridisch_advies", "huurdersvragen", "verblijf"],
     "Een advocaat geeft gratis een eerste advies over je rechten. Kom op het spreekuur.",
     "Voor iedereen.", "free", "Alle brieven en papieren over je vraag", ["walk_in"], ["nl", "fr", "en"],
     "Tu 17:00-19:00; Sa 10:00-12:00; PH off", "+32 9 000 80 01",
     ("Justitiehuis", "Cataloniëstraat 4", GENT, 51.0540, 3.7210), "public", 12),
    ("Voedselpunt De Schuur (demo)", "Voedselpakket en sociale kruidenier", "Colis alimentaire et épicerie sociale",
     ["voedselhulp"], "Voedsel aan lage prijs, of een gratis pakket na een gesprek met de sociale dienst.",
     "Met een doorverwijzing van het OCMW of CAW.", "reduced", "Doorverwijsbriefje", ["via_worker", "walk_in"],
     ["nl", "fr", "ar"], "We 14:00-17:00; Sa 09:30-12:00", "+32 9 000 90 01",
     ("De Schuur", "Meulestedekaai 41", GENT, 51.0720, 3.7230), "public", 3),
    ("Huurdersbond (demo)", "Huurdersbond: advies voor huurders", "Syndicat des locataires", ["huurdersvragen", "vlaamse_huurpremie"],
     "Problemen met je verhuurder, je huurwaarborg of vocht in huis? De huurdersbond geeft advies.",
     "Voor huurders; lidgeld 15 euro per jaar, gratis met een laag inkomen.", "reduced", "Je huurcontract",
     ["phone", "appointment"], ["nl", "fr"], "Mo,Th 13:30-16:30; PH off", "+32 9 000 91 01",
     ("Huurdersbond Gent", "Kortrijksepoortstraat 42", GENT, 51.0470, 3.7180), "public", 9),
    ("Buurtopbouw Vlaanderen (demo)", "Digitaal spreekuur in De Wissel", "Permanence numérique",
     ["digitale_hulp", "administratie"], "Hulp met itsme, je e-mail, mijn burgerprofiel en online formulieren.",
     "Voor iedereen.", "free", "Je smartphone en wachtwoorden", ["walk_in"], ["nl", "en"], "Th 13:30-16:00; PH off",
     "+32 9 210 10 10", ("STEK De Wissel", "Wisselstraat 21", GENT, 51.0560, 3.7300), "public", 1),
    ("Stem van de Straat (demo)", "Praatgroep en samen sterker", "Groupe de parole", ["ontmoeting"],
     "Elke maand praten we samen over wat moeilijk is en wat we kunnen veranderen.",
     "Voor iedereen die armoede kent.", "free", "", ["walk_in"], ["nl"], "Mo 19:00-21:00", "",
     ("STEK De Wissel", "Wisselstraat 21", GENT, 51.0560, 3.7300), "public", 2),
    # Mechelen
    ("OCMW Mechelen (demo)", "Sociale dienst Mechelen", "Service social Malines", ["leefloon", "administratie", "igo"],
     "Voor een leefloon, hulp met rekeningen of andere financiële hulp.",
     "Voor wie in Mechelen woont.", "free", "Identiteitskaart\nBankuittreksels van de laatste 3 maanden",
     ["appointment", "phone", "via_worker"], ["nl", "fr"], "Mo-Fr 08:30-12:00; PH off", "+32 15 000 10 01",
     ("Sociaal Huis Mechelen", "Lange Schipstraat 27", MECH, 51.0310, 4.4830), "public", 1),
    ("OCMW Mechelen (demo)", "Energiecel Mechelen", "Cellule énergie Malines", ["energieschulden", "minimale_levering", "verwarmingsfonds"],
     "Je hebt een budgetmeter of je kunt je energie niet betalen? Wij zoeken met jou een oplossing.",
     "", "free", "Je laatste energiefactuur", ["phone", "appointment"], ["nl"], "Tu,Th 09:00-12:00; PH off",
     "+32 15 000 10 02", ("Sociaal Huis Mechelen", "Lange Schipstraat 27", MECH, 51.0310, 4.4830), "public", 6),
    ("CAW Mechelen (demo)", "CAW Onthaal Mechelen", "CAW Accueil Malines", ["algemeen_onthaal", "huurdersvragen", "schuldhulp"],
     "Met elke vraag kun je hier terecht. Zonder afspraak, gratis.", "Voor iedereen.", "free", "",
     ["walk_in", "phone", "online"], ["nl", "fr", "en"], "Mo-Fr 09:00-12:00; Tu,Th 13:30-16:00; PH off",
     "+32 15 000 20 01", ("CAW Mechelen", "Schoutetstraat 6", MECH, 51.0280, 4.4790), "public", 2),
    ("Ziekenfonds Samen (demo)", "Loket Ziekenfonds Samen Mechelen", "Guichet mutualité Malines",
     ["verhoogde_tegemoetkoming", "maximumfactuur", "ziekteverzekering"],
     "Vragen over terugbetaling en de verhoogde tegemoetkoming.", "", "free", "Identiteitskaart",
     ["walk_in", "appointment"], ["nl", "fr"], "Mo-Fr 09:00-12:00; PH off", "+32 15 000 30 01",
     ("Kantoor Mechelen", "Bruul 40", MECH, 51.0250, 4.4760), "public", 3),
    ("Huis van het Kind Mechelen (demo)", "Huis van het Kind Mechelen", "Maison de l'Enfant Malines",
     ["opvoeding", "kinderopvang", "groeipakket_schooltoeslag"],
     "Voor ouders met kinderen: consultatie, opvoedingsvragen en hulp bij de schooltoeslag.",
     "Voor gezinnen.", "free", "", ["walk_in", "appointment"], ["nl", "fr", "en", "ar"],
     "Mo-Fr 09:00-12:00; We 13:00-16:00; PH off", "+32 15 000 60 01",
     ("Huis van het Kind", "Mechelsesteenweg 3", MECH, 51.0220, 4.4700), "public", 4),
    ("De Keukenploeg vzw (demo)", "Sociaal restaurant 't Anker", "Restaurant social", ["voedselhulp", "ontmoeting"],
     "Een warme maaltijd aan 4 euro, of 2 euro met een UiTPAS met kansentarief.",
     "Voor iedereen.", "reduced", "", ["walk_in"], ["nl", "fr", "en"], "Mo-Fr 11:30-13:30; PH off", "+32 15 20 30 40",
     ("Inloophuis 't Anker", "Kaaiplein 3", MECH, 51.0259, 4.4776), "public", 1),
    ("Stem van de Straat (demo)", "UiTPAS-punt", "Point UiTPAS", ["uitpas", "vervoer"],
     "Vraag hier je UiTPAS met kansentarief aan: goedkoper naar de sport, cultuur en de bus.",
     "Met verhoogde tegemoetkoming, leefloon of schuldbemiddeling.", "free", "Identiteitskaart\nKlevertje van het ziekenfonds",
     ["walk_in"], ["nl"], "We 14:00-16:00", "", ("Inloophuis 't Anker", "Kaaiplein 3", MECH, 51.0259, 4.4776), "public", 7),
    # Anderlecht / Brussel
    ("OCMW Anderlecht (demo)", "Sociale dienst Anderlecht", "Service social d'Anderlecht", ["leefloon", "brusselse_huurtoelage", "administratie"],
     "Voor een leefloon of een andere financiële hulp. Tweetalige dienst.",
     "Voor wie in Anderlecht woont.", "free", "Identiteitskaart\nBewijs van inkomen\nHuurcontract",
     ["appointment", "walk_in"], ["nl", "fr", "ar"], "Mo-Fr 08:30-11:30; PH off", "+32 2 000 10 01",
     ("Maison sociale", "Rue Émile Carpentier 25", ANDL, 50.8350, 4.3100), "public", 2),
    ("CPAS Anderlecht – antenne (demo)", "Cellule énergie / Energiecel", "Cellule énergie", ["energieschulden", "sociaal_tarief_energie", "verwarmingsfonds"],
     "Hulp bij een hoge energiefactuur en bij het sociaal tarief.", "", "free", "Je energiefactuur",
     ["walk_in", "phone"], ["fr", "nl"], "Tu,Th 09:00-12:00; PH off", "+32 2 000 11 01",
     ("Antenne Kuregem", "Rue Clémenceau 72", ANDL, 50.8380, 4.3190), "public", 10),
    ("Bureau d'aide juridique Bruxelles (demo)", "Eerstelijns juridisch advies Brussel", "Aide juridique de première ligne",
     ["juridisch_advies", "verblijf"], "Gratis eerste juridisch advies, in het Nederlands of Frans.",
     "Pour tout le monde / voor iedereen.", "free", "Tous les documents / alle papieren", ["walk_in"],
     ["fr", "nl", "en"], "Mo-Fr 09:00-11:00; PH off", "+32 2 000 12 01",
     ("Palais de Justice", "Place Poelaert 1", ("Brussel", "1000"), 50.8370, 4.3520), "public", 3),
    ("Digipunt Kuregem (demo)", "Digipunt: hulp met de computer", "Point numérique", ["digitale_hulp", "administratie"],
     "Hulp met itsme, e-mail, online afspraken en formulieren.", "", "free", "Je smartphone",
     ["walk_in"], ["fr", "nl", "ar"], "Mo,We,Fr 13:00-16:00; PH off", "+32 2 000 13 01",
     ("Digipunt", "Rue de la Passerelle 4", ANDL, 50.8368, 4.3142), "public", 1),
    ("Ziekenfonds Samen (demo)", "Loket Ziekenfonds Samen Brussel", "Guichet mutualité Bruxelles",
     ["verhoogde_tegemoetkoming", "maximumfactuur", "ziekteverzekering"],
     "Vragen over terugbetaling en de verhoogde tegemoetkoming.", "", "free", "Identiteitskaart",
     ["walk_in"], ["fr", "nl"], "Mo-Fr 09:00-12:00; PH off", "+32 2 000 30 01",
     ("Kantoor Zuid", "Avenue de Stalingrad 20", ("Brussel", "1000"), 50.8400, 4.3400), "public", 2),
    ("Speelpunt jeugdwerk (demo)", "Huiswerkklas", "École des devoirs", ["groeipakket_schooltoeslag", "studietoelage"],
     "Kinderen maken hier samen hun huiswerk, met hulp. Ouders krijgen uitleg over de schooltoeslag.",
     "Voor kinderen van 6 tot 12 jaar.", "free", "", ["walk_in"], ["nl", "fr"], "Mo,Tu,Th 15:30-17:30; PH off",
     "", ("Speelpunt", "Wisselstraat 25", GENT, 51.0565, 3.7305), "public", 2),
    ("Wonen in Vlaanderen (demo)", "Inschrijving sociale huurwoning", "Inscription logement social",
     ["sociale_huurwoning"], "Inschrijven voor een sociale woning, of je inschrijving verlengen.",
     "Met een laag inkomen en geen eigen woning.", "free", "Identiteitskaart\nAanslagbiljet", ["appointment", "online"],
     ["nl"], "Tu,Th 09:00-12:00; PH off", "+32 9 000 40 02",
     ("Woonwinkel", "Woodrow Wilsonplein 1", GENT, 51.0490, 3.7290), "public", 14),
    ("CAW Oost (demo)", "Vluchthuis en crisisopvang (via de hulpverlener)", "Accueil de crise", ["algemeen_onthaal"],
     "Crisisopvang bij geweld thuis. Alleen via een hulpverlener of het CAW-onthaal; het adres is geheim.",
     "", "free", "", ["phone", "via_worker"], ["nl", "fr", "en"], "24/7", "+32 9 000 20 99",
     None, "professional", 3),
]  # fmt: skip


def seed_socialmap(network, steks, orgs, today=None):
    today = today or timezone.localdate()
    for name, kind in ORGANISATIONS:
        orgs[name], _created = Organisation.objects.update_or_create(
            network=network, name=name, defaults={"kind": kind}
        )
    ensure_builtin_topics(Topic)
    topics = {t.code: t for t in Topic.objects.for_network(network.pk)}
    services = []
    for row in SERVICES:
        (
            org,
            name,
            name_fr,
            codes,
            description,
            eligibility,
            cost,
            docs,
            access,
            languages,
            hours,
            phone,
            place,
            visibility,
            months,
        ) = row
        service, _created = Service.objects.update_or_create(
            organisation=orgs[org],
            name=name,
            defaults={
                "name_fr": name_fr,
                "description": description,
                "eligibility": eligibility,
                "cost": cost,
                "required_documents": docs,
                "access": access,
                "languages": languages,
                "opening_hours": hours,
                "phone": phone,
                "visibility": visibility,
                "last_verified": today - timedelta(days=30 * months),
            },
        )
        service.topics.set([topics[c] for c in codes])
        if place:
            label, street, (city, postal_code), lat, lon = place
            location, _created = Location.objects.update_or_create(
                organisation=orgs[org],
                name=label,
                defaults={
                    "street": street,
                    "postal_code": postal_code,
                    "municipality": city,
                    "latitude": lat,
                    "longitude": lon,
                },
            )
            service.locations.set([location])
        services.append(service)
    legal = next(s for s in services if s.name == "Gratis juridisch advies")
    ServiceNotice.objects.get_or_create(
        service=legal,
        kind="holiday",
        starts_on=today + timedelta(days=30),
        defaults={"ends_on": today + timedelta(days=44), "message": "Kerstvakantie."},
    )
    return services
