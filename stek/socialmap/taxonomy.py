"""The built-in topics: the rights of the rights check and the services people ask for most.

Codes are stable (referrals, signals and the HSDS export use them); names may be improved.
A network can add its own topics. Loaded by migration 0002 and by ``ensure_builtin_topics``.
"""

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
