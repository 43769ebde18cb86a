"""The shared vocabulary of every app: life domains, barriers, topics and the built-in topics.

Referrals, signals, dossiers, the rights check, the social map and its HSDS export all speak of
a visitor's need in these words, so they live here, in core, below every app (ADR 0010).

``Topic`` is a model of core; its table keeps the name it had when the social map owned it
(``socialmap_topic``). Built-in topic codes are stable (referrals, signals and the HSDS export
use them); names may be improved. A network can add its own topics. The built-in topics are
loaded by migrations (socialmap 0002 and 0004) and by ``ensure_builtin_topics``.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .privacy.validators import no_personal_data


def localized(obj, field, language=None):
    """``obj.<field>_<language>`` when filled in, else the Dutch ``obj.<field>``."""
    language = (language or get_language() or "nl")[:2]
    if language != "nl":
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field)


class LifeDomain(models.TextChoices):
    """Life domains: the Flemish social fundamental rights plus four the STEKs added."""

    PARTICIPATION = "participatie", _("Participatie")
    SOCIAL_SERVICES = "dienstverlening", _("Maatschappelijke dienstverlening")
    INCOME = "inkomen", _("Inkomen")
    FAMILY = "gezin", _("Gezin")
    EDUCATION = "onderwijs", _("Onderwijs")
    LEISURE = "vrije_tijd", _("Vrije tijd")
    WORK = "werk", _("Werk")
    HOUSING = "wonen", _("Wonen")
    HEALTH = "gezondheid", _("Gezondheid")
    ENERGY = "energie", _("Energie")
    RESIDENCE = "verblijf", _("Verblijf")
    DIGITAL = "digitalisering", _("Digitalisering")
    MOBILITY = "mobiliteit", _("Mobiliteit")


class Barrier(models.TextChoices):
    """The 7 B's plus shame or fear and language."""

    USABILITY = "bruikbaarheid", _("Bruikbaarheid: de dienst werkt niet voor deze vraag")
    TRUST = "betrouwbaarheid", _("Betrouwbaarheid: geen vertrouwen in de dienst")
    UNDERSTANDING = "begrijpbaarheid", _("Begrijpbaarheid: uitleg of formulier te moeilijk")
    AWARENESS = "bekendheid", _("Bekendheid: de dienst of het recht is niet bekend")
    REACH = "bereikbaarheid", _("Bereikbaarheid: te ver, slecht bereikbaar, te weinig open")
    AVAILABILITY = "beschikbaarheid", _("Beschikbaarheid: wachtlijst of geen plaats")
    AFFORDABILITY = "betaalbaarheid", _("Betaalbaarheid: te duur")
    SHAME = "schaamte_angst", _("Schaamte of angst")
    LANGUAGE = "taal", _("Taal")


SYNONYMS_MAX = 500  # a topic's own words (``Topic.synonyms``), all together
SYNONYM_MAX = 60  # one of them


def split_synonyms(value):
    """``"a, b\\nc"`` → ``["a", "b", "c"]``: the words, trimmed, empty ones left out."""
    return [w.strip() for line in (value or "").splitlines() for w in line.split(",") if w.strip()]


def validate_synonyms(value):
    """Each word at most ``SYNONYM_MAX`` characters (all together the field's own bound)."""
    too_long = [w for w in split_synonyms(value) if len(w) > SYNONYM_MAX]
    if too_long:
        raise ValidationError(
            _("Een zoekwoord is te lang (hoogstens %(max)s tekens): %(word)s"),
            params={"max": SYNONYM_MAX, "word": too_long[0][:SYNONYM_MAX] + "…"},
            code="synonym_too_long",
        )


class TopicQuerySet(models.QuerySet):
    def for_network(self, network_id):
        """The built-in topics and the network's own."""
        return self.filter(models.Q(network=network_id) | models.Q(network__isnull=True))


class Topic(models.Model):
    """A need or topic people are referred for (a right or a kind of service).

    Built-in topics have no network; a network may add its own."""

    network = models.ForeignKey(
        "core.Network", on_delete=models.CASCADE, null=True, blank=True, related_name="topics"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=60)
    life_domain = models.CharField(_("levensdomein"), max_length=30, choices=LifeDomain.choices)
    name = models.CharField(_("naam"), max_length=120, validators=[no_personal_data])
    name_fr = models.CharField(
        _("naam (Frans)"), max_length=120, blank=True, validators=[no_personal_data]
    )
    name_en = models.CharField(
        _("naam (Engels)"), max_length=120, blank=True, validators=[no_personal_data]
    )
    # The network's own everyday words for its topic (the built-in topics have theirs in
    # BUILTIN_SYNONYMS): the network reads them, so they are scanned like the name.
    synonyms = models.CharField(
        _("zoekwoorden"),
        max_length=SYNONYMS_MAX,
        blank=True,
        help_text=_("Woorden waarmee mensen dit onderwerp zoeken, gescheiden door komma's."),
        validators=[no_personal_data, validate_synonyms],
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        db_table = "socialmap_topic"  # the table the social map created; the model moved to core
        ordering = ["life_domain", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [
            models.UniqueConstraint(fields=["network", "code"], name="topic_unique_code"),
        ]

    def __str__(self):
        return localized(self, "name")


# (code, life domain, nl, fr, en)
BUILTIN_TOPICS = [
    ("leefloon", "inkomen", "Leefloon", "Revenu d'intégration", "Social integration income"),
    ("verhoogde_tegemoetkoming", "gezondheid", "Verhoogde tegemoetkoming",
     "Intervention majorée", "Increased health-care reimbursement"),
    ("vlaamse_huurpremie", "wonen", "Vlaamse huurpremie", "Prime au loyer flamande",
     "Flemish rent premium"),
    ("vlaamse_huursubsidie", "wonen", "Vlaamse huursubsidie", "Allocation-loyer flamande",
     "Flemish rent subsidy"),
    ("brusselse_huurtoelage", "wonen", "Brusselse huurtoelage", "Allocation loyer bruxelloise",
     "Brussels rent allowance"),
    ("sociaal_tarief_energie", "energie", "Sociaal tarief voor energie",
     "Tarif social pour l'énergie", "Social energy tariff"),
    ("minimale_levering", "energie", "Budgetmeter en minimale levering",
     "Compteur à budget et fourniture minimale", "Budget meter and minimum supply"),
    ("verwarmingsfonds", "energie", "Verwarmingstoelage (Sociaal Verwarmingsfonds)",
     "Allocation de chauffage (Fonds social chauffage)", "Heating allowance"),
    ("energieschulden", "energie", "Energiefactuur en energieschulden",
     "Facture et dettes d'énergie", "Energy bills and debts"),
    ("groeipakket_sociale_toeslag", "gezin", "Groeipakket: sociale toeslag",
     "Groeipakket : supplément social", "Child benefit: social supplement"),
    ("groeipakket_schooltoeslag", "onderwijs", "Groeipakket: schooltoeslag",
     "Groeipakket : allocation scolaire", "Child benefit: school allowance"),
    ("groeipakket_kleutertoeslag", "onderwijs", "Groeipakket: kleutertoeslag",
     "Groeipakket : allocation maternelle", "Child benefit: pre-school allowance"),
    ("groeipakket_kinderopvangtoeslag", "gezin", "Groeipakket: kinderopvangtoeslag",
     "Groeipakket : supplément accueil d'enfants", "Child benefit: childcare allowance"),
    ("brussel_sociale_toeslag", "gezin", "Kinderbijslag Brussel: sociale toeslag (Famiris)",
     "Allocations familiales bruxelloises : supplément social",
     "Brussels child benefit: social supplement"),
    ("maximumfactuur", "gezondheid", "Maximumfactuur", "Maximum à facturer",
     "Maximum billing (health costs)"),
    ("igo", "inkomen", "Inkomensgarantie voor ouderen (IGO)",
     "Garantie de revenus aux personnes âgées (GRAPA)", "Income guarantee for older people"),
    ("uitpas", "vrije_tijd", "UiTPAS met kansentarief", "UiTPAS avec tarif réduit",
     "UiTPAS with reduced rate"),
    ("studietoelage", "onderwijs", "Studietoelage", "Allocation d'études", "Study grant"),
    ("juridisch_advies", "dienstverlening", "Eerstelijnsrechtshulp (gratis juridisch advies)",
     "Aide juridique de première ligne", "Free first-line legal advice"),
    ("schuldhulp", "inkomen", "Schuldhulp en schuldbemiddeling", "Médiation de dettes",
     "Debt help and debt mediation"),
    ("budgetbeheer", "inkomen", "Budgetbegeleiding en budgetbeheer", "Guidance budgétaire",
     "Budget guidance"),
    ("voedselhulp", "inkomen", "Voedselhulp en sociale kruidenier",
     "Aide alimentaire et épicerie sociale", "Food aid and social grocery"),
    ("algemeen_onthaal", "dienstverlening", "Onthaal met een vraag over alles",
     "Accueil pour toute question", "Walk-in help with any question"),
    ("administratie", "dienstverlening", "Hulp met brieven en formulieren",
     "Aide pour lettres et formulaires", "Help with letters and forms"),
    ("sociale_huurwoning", "wonen", "Sociale huurwoning en wachtlijst",
     "Logement social et liste d'attente", "Social housing and waiting list"),
    ("huurdersvragen", "wonen", "Vragen van huurders (huurcontract, waarborg, gebreken)",
     "Questions de locataires", "Tenants' questions"),
    ("ziekteverzekering", "gezondheid", "Ziekenfonds en terugbetaling",
     "Mutualité et remboursements", "Health insurance and reimbursement"),
    ("geestelijke_gezondheid", "gezondheid", "Psychische hulp", "Aide psychologique",
     "Mental-health support"),
    ("opvoeding", "gezin", "Opvoeding, baby's en kleine kinderen (Huis van het Kind)",
     "Éducation et petits enfants", "Parenting, babies and young children"),
    ("kinderopvang", "gezin", "Kinderopvang", "Accueil d'enfants", "Childcare"),
    ("nederlands_leren", "onderwijs", "Nederlands leren", "Apprendre le néerlandais",
     "Learning Dutch"),
    ("werk_zoeken", "werk", "Werk zoeken en opleiding", "Chercher du travail et formation",
     "Finding work and training"),
    ("werkloosheid", "werk", "Werkloosheidsuitkering", "Allocations de chômage",
     "Unemployment benefit"),
    ("verblijf", "verblijf", "Verblijfsrecht en papieren", "Droit de séjour et papiers",
     "Residence rights and papers"),
    ("digitale_hulp", "digitalisering", "Hulp met computer, smartphone en itsme",
     "Aide numérique (ordinateur, smartphone, itsme)", "Digital help (computer, phone, itsme)"),
    ("vervoer", "mobiliteit", "Goedkoper vervoer", "Transport moins cher", "Cheaper transport"),
    ("ontmoeting", "participatie", "Ontmoeting en vrijwilligerswerk",
     "Rencontre et bénévolat", "Meeting people and volunteering"),
]  # fmt: skip


def ensure_builtin_topics(topic_model):
    """Create or update the built-in topics (idempotent)."""
    for code, domain, nl, fr, en in BUILTIN_TOPICS:
        topic_model.objects.update_or_create(
            network=None,
            code=code,
            defaults={"life_domain": domain, "name": nl, "name_fr": fr, "name_en": en},
        )


# Everyday words for each built-in topic, in Dutch, French and English: what people type when
# they look for it (issue 16). A search word that matches one of them (accents, case and word
# endings aside) finds the services with the topic. A network adds words to its own topics in
# ``Topic.synonyms``. Words, not sentences: each is matched like a topic's name.
BUILTIN_SYNONYMS = {
    "leefloon": ("leefloon", "ocmw", "ocmw-uitkering", "bijstand", "steun ocmw", "cpas",
                 "revenu d'intégration", "ris", "aide sociale", "minimex", "welfare",
                 "social assistance", "benefit"),
    "verhoogde_tegemoetkoming": ("verhoogde tegemoetkoming", "voorkeurtarief", "bim", "omnio",
                                 "intervention majorée", "statut bim", "reduced health costs"),
    "vlaamse_huurpremie": ("huurpremie", "huur", "huurprijs", "wachten op sociale woning",
                           "prime au loyer", "loyer", "rent", "rent premium"),
    "vlaamse_huursubsidie": ("huursubsidie", "huur", "huurtoelage", "allocation-loyer", "loyer",
                             "rent subsidy", "rent"),
    "brusselse_huurtoelage": ("huurtoelage", "huur", "allocation loyer", "loyer", "rent allowance",
                              "rent"),
    "sociaal_tarief_energie": ("sociaal tarief", "energie", "gas", "elektriciteit", "stroom",
                               "energiefactuur", "tarif social", "électricité", "énergie",
                               "energy", "electricity"),
    "minimale_levering": ("budgetmeter", "budgetmeter gas", "minimale levering", "afsluiting",
                          "energie", "gas", "elektriciteit", "stroom", "compteur à budget",
                          "coupure", "prepayment meter", "energy", "cut off"),
    "verwarmingsfonds": ("verwarming", "verwarmingstoelage", "stookolie", "mazout", "petroleum",
                         "propaan", "chauffage", "fonds chauffage", "heating", "heating oil",
                         "fuel"),
    "energieschulden": ("energiefactuur", "energieschulden", "energie", "gas", "elektriciteit",
                        "stroom", "afrekening", "facture d'énergie", "dettes d'énergie",
                        "énergie", "gaz", "électricité", "energy bill", "energy debt"),
    "groeipakket_sociale_toeslag": ("groeipakket", "kindergeld", "kinderbijslag", "sociale toeslag",
                                    "allocations familiales", "child benefit", "family allowance"),
    "groeipakket_schooltoeslag": ("schooltoeslag", "schoolpremie", "studietoelage", "school",
                                  "groeipakket", "allocation scolaire", "école",
                                  "school allowance"),
    "groeipakket_kleutertoeslag": ("kleutertoeslag", "kleuterschool", "kleuter", "groeipakket",
                                   "allocation maternelle", "maternelle", "pre-school",
                                   "nursery school"),
    "groeipakket_kinderopvangtoeslag": ("kinderopvangtoeslag", "opvangtoeslag", "kinderopvang",
                                        "crèche", "groeipakket", "supplément accueil",
                                        "childcare allowance", "daycare"),
    "brussel_sociale_toeslag": ("famiris", "kinderbijslag", "kindergeld",
                                "allocations familiales", "supplément social", "child benefit",
                                "family allowance"),
    "maximumfactuur": ("maximumfactuur", "maf", "dokterskosten", "ziekenhuisfactuur",
                       "maximum à facturer", "frais médicaux", "medical costs", "health costs"),
    "igo": ("igo", "inkomensgarantie", "pensioen", "ouderen", "grapa", "garantie de revenus",
            "pension", "personnes âgées", "elderly", "older people"),
    "uitpas": ("uitpas", "kansentarief", "vrije tijd", "sport", "cultuur", "korting",
               "tarif réduit", "loisirs", "culture", "leisure", "discount"),
    "studietoelage": ("studietoelage", "studiebeurs", "schooltoelage", "hoger onderwijs",
                      "bourse", "allocation d'études", "bourse d'études", "study grant",
                      "scholarship"),
    "juridisch_advies": ("juridisch advies", "advocaat", "pro deo", "rechtshulp", "justitiehuis",
                         "wetswinkel", "avocat", "aide juridique", "conseil juridique", "lawyer",
                         "legal aid", "legal advice"),
    "schuldhulp": ("schulden", "schuld", "schuldbemiddeling", "schuldhulp", "deurwaarder",
                   "collectieve schuldenregeling", "afbetalingsplan", "dettes", "dette",
                   "médiation de dettes", "huissier", "règlement collectif", "debt", "debts",
                   "bailiff", "debt counselling"),
    "budgetbeheer": ("budgetbeheer", "budgetbegeleiding", "budget", "geld", "rekeningen",
                     "gestion budgétaire", "guidance budgétaire", "argent", "money management",
                     "budgeting"),
    "voedselhulp": ("voedselbank", "voedselpakket", "voedselhulp", "sociale kruidenier",
                    "eten", "voeding", "maaltijd", "soep", "restaurant", "honger",
                    "banque alimentaire", "colis alimentaire", "aide alimentaire",
                    "épicerie sociale", "restos du coeur", "nourriture", "repas", "food bank",
                    "food parcel", "food", "meal", "groceries"),
    "algemeen_onthaal": ("onthaal", "vraag", "info", "informatie", "loket", "welzijn", "caw",
                         "accueil", "question", "information", "help desk", "advice"),
    "administratie": ("brieven", "brief", "formulier", "formulieren", "papieren", "belastingen",
                      "aangifte", "administratie", "lettres", "formulaires", "impôts",
                      "déclaration", "paperwork", "letters", "forms", "taxes"),
    "sociale_huurwoning": ("sociale woning", "sociale huurwoning", "woning", "wonen", "huis",
                           "appartement", "wachtlijst", "inschrijving woonmaatschappij",
                           "logement social", "logement", "liste d'attente", "social housing",
                           "housing", "home", "flat"),
    "huurdersvragen": ("huurder", "huurcontract", "waarborg", "huurwaarborg", "verhuurder",
                       "uithuiszetting", "vocht", "schimmel", "huurdersbond", "wonen", "locataire",
                       "bail", "garantie locative", "propriétaire", "expulsion", "tenant",
                       "landlord", "deposit", "eviction", "housing"),
    "ziekteverzekering": ("ziekenfonds", "mutualiteit", "terugbetaling", "dokter", "huisarts",
                          "gezondheid", "ziek", "mutualité", "mutuelle", "remboursement",
                          "médecin", "santé", "health insurance", "doctor", "health"),
    "geestelijke_gezondheid": ("psycholoog", "psychiater", "depressie", "stress", "angst",
                               "praten", "geestelijke gezondheid", "caw", "psychologue",
                               "santé mentale", "dépression", "psychologist", "mental health",
                               "counselling"),
    "opvoeding": ("huis van het kind", "opvoeding", "baby", "kind", "kinderen", "ouders",
                  "kind en gezin", "consultatiebureau", "éducation", "bébé", "enfants", "parents",
                  "parenting", "children"),
    "kinderopvang": ("kinderopvang", "crèche", "kinderdagverblijf", "onthaalouder",
                     "opvang", "accueil d'enfants", "garderie", "childcare", "daycare",
                     "nursery"),
    "nederlands_leren": ("nederlands", "taalles", "taal leren", "cvo", "huis van het nederlands",
                         "oefenen", "néerlandais", "cours de langue", "dutch", "language course",
                         "dutch lessons"),
    "werk_zoeken": ("werk", "job", "vacature", "sollicitatie", "vdab", "actiris", "opleiding",
                    "cv", "emploi", "travail", "formation", "work", "training"),
    "werkloosheid": ("werkloosheid", "werkloos", "dop", "stempelgeld", "vakbond", "hulpkas",
                     "rva", "chômage", "onem", "syndicat", "unemployment", "jobless"),
    "verblijf": ("verblijf", "papieren", "verblijfsvergunning", "asiel", "regularisatie",
                 "gezinshereniging", "migratie", "séjour", "papiers", "titre de séjour", "asile",
                 "residence permit", "asylum", "migration"),
    "digitale_hulp": ("computer", "smartphone", "gsm", "itsme", "internet", "e-mail",
                      "digitaal", "laptop", "pc", "ordinateur", "numérique", "digital", "phone",
                      "online"),
    "vervoer": ("vervoer", "bus", "tram", "trein", "de lijn", "mivb", "nmbs", "fiets",
                "transport", "train", "vélo", "bike", "ticket"),
    "ontmoeting": ("ontmoeting", "vrijwilligerswerk", "vrijwilliger", "eenzaamheid", "buurt",
                   "praatcafé", "rencontre", "bénévolat", "bénévole", "solitude", "meeting",
                   "volunteering", "volunteer", "loneliness"),
}  # fmt: skip


def synonyms_of(topic):
    """A topic's everyday words: the built-in ones of its code (a built-in topic) and the
    network's own (``Topic.synonyms``, one per line or comma)."""
    builtin = BUILTIN_SYNONYMS.get(topic.code, ()) if topic.network_id is None else ()
    return [*builtin, *split_synonyms(topic.synonyms)]
