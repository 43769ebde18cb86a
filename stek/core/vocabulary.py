"""The shared vocabulary of every app: life domains, barriers, topics and the built-in topics.

Referrals, signals, dossiers, the rights check, the social map and its HSDS export all speak of
a visitor's need in these words, so they live here, in core, below every app (ADR 0010).

``Topic`` is a model of core; its table keeps the name it had when the social map owned it
(``socialmap_topic``). Built-in topic codes are stable (referrals, signals and the HSDS export
use them); names may be improved. A network can add its own topics. The built-in topics are
loaded by migrations (socialmap 0002 and 0004) and by ``ensure_builtin_topics``.
"""

import uuid

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
