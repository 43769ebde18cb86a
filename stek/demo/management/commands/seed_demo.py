"""Load the demo: one network, three STEKs, partner organisations and a login for every role.

Idempotent: running it again updates the same records and resets the demo passwords.
All names are fictional.
"""

from stek.core.enums import MembershipRole, NetworkRole, OrganisationKind, PartnershipRole
from stek.core.management.base import StekCommand
from stek.core.models import (
    Membership,
    Network,
    NetworkMembership,
    Organisation,
    Partnership,
    Stek,
    User,
)

DEMO_PASSWORD = "stek-demo-2026"

NETWORK = {"slug": "netwerk-demo", "name": "STEK-netwerk Vlaanderen-Brussel (demo)"}

STEKS = [
    {
        "slug": "de-wissel",
        "name": "STEK De Wissel",
        "kind": "buurthuis",
        "street": "Wisselstraat 21",
        "postal_code": "9000",
        "municipality": "Gent",
        "service_area": "De wijk rond het oude station en de sociale woontorens aan de vaart.",
        "contact_email": "dewissel@stek.example",
        "contact_phone": "+32 9 210 10 10",
        "latitude": "51.056000",
        "longitude": "3.730000",
    },
    {
        "slug": "t-anker",
        "name": "Inloophuis 't Anker",
        "kind": "sociaal_restaurant",
        "street": "Kaaiplein 3",
        "postal_code": "2800",
        "municipality": "Mechelen",
        "service_area": "De binnenstad en de wijken langs de Dijle.",
        "contact_email": "anker@stek.example",
        "contact_phone": "+32 15 20 30 40",
        "latitude": "51.025900",
        "longitude": "4.477600",
    },
    {
        "slug": "passerelle",
        "name": "STEK Passerelle",
        "kind": "basisvoorziening",
        "street": "Rue de la Passerelle 8",
        "postal_code": "1070",
        "municipality": "Anderlecht",
        "service_area": "Kuregem en de buurt rond het Zuidstation; tweetalig (nl/fr).",
        # bilingual: a French phone gets the programme in French, the shared tablet stays
        # Dutch-first (ADR 0001), and the poster can be printed in either (issue 16)
        "first_language": "nl",
        "public_languages": "nl,fr",
        "contact_email": "passerelle@stek.example",
        "contact_phone": "+32 2 520 20 20",
        "latitude": "50.836500",
        "longitude": "4.313700",
    },
]

ORGANISATIONS = [
    ("OCMW Gent (demo)", OrganisationKind.OCMW, "0812345603"),
    ("CAW Oost (demo)", OrganisationKind.CAW, "0777123418"),
    ("Ziekenfonds Samen (demo)", OrganisationKind.HEALTH_INSURER, "0450112266"),
    ("Buurtopbouw Vlaanderen (demo)", OrganisationKind.COMMUNITY_WORK, "0661234548"),
    ("De Keukenploeg vzw (demo)", OrganisationKind.SOCIO_CULTURAL, "0889012324"),
    ("Stem van de Straat (demo)", OrganisationKind.POVERTY_ASSOCIATION, "0555777138"),
    ("OCMW Mechelen (demo)", OrganisationKind.OCMW, "0712345630"),
    ("OCMW Anderlecht (demo)", OrganisationKind.OCMW, "0800123405"),
    ("Speelpunt jeugdwerk (demo)", OrganisationKind.YOUTH_WORK, "0412398765"),
]

PARTNERS = {
    "de-wissel": [
        ("Buurtopbouw Vlaanderen (demo)", PartnershipRole.LEAD, "Opbouwwerker, trekt de STEK."),
        ("OCMW Gent (demo)", PartnershipRole.PARTNER, "Permanentie groepswerker op dinsdag."),
        ("CAW Oost (demo)", PartnershipRole.PARTNER, "Onthaal en vragen over wonen."),
        ("Ziekenfonds Samen (demo)", PartnershipRole.PARTNER, "Infosessies over terugbetaling."),
        ("Speelpunt jeugdwerk (demo)", PartnershipRole.HOST, "Lokaal en speelnamiddag."),
    ],
    "t-anker": [
        ("De Keukenploeg vzw (demo)", PartnershipRole.LEAD, "Sociaal restaurant en kookploeg."),
        ("OCMW Mechelen (demo)", PartnershipRole.PARTNER, "Permanentie en rechtenverkenning."),
        ("CAW Oost (demo)", PartnershipRole.PARTNER, "Inloop voor dak- en thuislozen."),
        ("Stem van de Straat (demo)", PartnershipRole.SUPPORT, "Gespreksgroep en signalen."),
    ],
    "passerelle": [
        ("Buurtopbouw Vlaanderen (demo)", PartnershipRole.LEAD, "Opbouwwerk in Kuregem."),
        ("OCMW Anderlecht (demo)", PartnershipRole.PARTNER, "Permanentie dringende medische hulp."),
        ("CAW Oost (demo)", PartnershipRole.PARTNER, "Juridisch advies over verblijf."),
        ("Ziekenfonds Samen (demo)", PartnershipRole.PARTNER, "Aansluiten bij het ziekenfonds."),
    ],
}

# (email, name, [(stek, organisation, role)], network role)
PEOPLE = [
    (
        "coordinator@stek.example",
        "Hanne Coördinator",
        [("de-wissel", "Buurtopbouw Vlaanderen (demo)", MembershipRole.COORDINATOR)],
        None,
    ),
    (
        "worker@stek.example",
        "Wout Werker",
        [("de-wissel", "OCMW Gent (demo)", MembershipRole.WORKER)],
        None,
    ),
    (
        "volunteer@stek.example",
        "Vera Vrijwilliger",
        [("de-wissel", "Buurtopbouw Vlaanderen (demo)", MembershipRole.VOLUNTEER)],
        None,
    ),
    (
        "caw@stek.example",
        "Kamal CAW-werker",
        [
            ("de-wissel", "CAW Oost (demo)", MembershipRole.WORKER),
            ("t-anker", "CAW Oost (demo)", MembershipRole.WORKER),
            ("passerelle", "CAW Oost (demo)", MembershipRole.WORKER),
        ],
        None,
    ),
    (
        "anker@stek.example",
        "Ann Anker",
        [("t-anker", "De Keukenploeg vzw (demo)", MembershipRole.COORDINATOR)],
        None,
    ),
    (
        "kok@stek.example",
        "Koen Kookploeg",
        [("t-anker", "De Keukenploeg vzw (demo)", MembershipRole.VOLUNTEER)],
        None,
    ),
    (
        "passerelle@stek.example",
        "Pauline Passerelle",
        [("passerelle", "Buurtopbouw Vlaanderen (demo)", MembershipRole.COORDINATOR)],
        None,
    ),
    ("analist@stek.example", "Noor Netwerkanalist", [], NetworkRole.ANALYST),
    ("netwerk@stek.example", "Bram Netwerkbeheerder", [], NetworkRole.ADMIN),
]


class Command(StekCommand):
    help = "Load (or refresh) the demo network, STEKs, partners and logins."

    def run(self, *args, **options):
        network, _ = Network.objects.update_or_create(
            slug=NETWORK["slug"], defaults={"name": NETWORK["name"]}
        )
        steks = {}
        for data in STEKS:
            fields = {k: v for k, v in data.items() if k != "slug"}
            steks[data["slug"]], _ = Stek.objects.update_or_create(
                slug=data["slug"], defaults={"network": network, **fields}
            )
        orgs = {}
        for name, kind, kbo in ORGANISATIONS:
            orgs[name], _ = Organisation.objects.update_or_create(
                network=network, name=name, defaults={"kind": kind, "kbo_number": kbo}
            )
        for slug, partners in PARTNERS.items():
            for name, role, contribution in partners:
                Partnership.objects.update_or_create(
                    stek=steks[slug],
                    organisation=orgs[name],
                    defaults={"role": role, "contribution": contribution, "is_active": True},
                )
        rows, users = [], {}
        for email, name, memberships, network_role in PEOPLE:
            user = User.objects.filter(email=email).first() or User(email=email)
            user.full_name = name
            user.is_active = True
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[email] = user
            roles = []
            for slug, org, role in memberships:
                Membership.objects.update_or_create(
                    user=user,
                    stek=steks[slug],
                    defaults={"organisation": orgs[org], "role": role, "is_active": True},
                )
                roles.append(f"{MembershipRole(role).label} @ {steks[slug].name}")
            if network_role:
                NetworkMembership.objects.update_or_create(
                    user=user, network=network, defaults={"role": network_role}
                )
                roles.append(f"{NetworkRole(network_role).label} @ {network.name}")
            rows.append((email, ", ".join(str(r) for r in roles)))

        from stek.agenda.demo import seed_agenda

        seed_agenda(steks)

        from stek.referrals.demo import seed_referrals
        from stek.socialmap.demo import seed_socialmap

        seed_referrals(steks, seed_socialmap(network, steks, orgs))

        from stek.advocacy.demo import seed_advocacy

        seed_advocacy(steks, users)

        from stek.rota.demo import seed_rota

        seed_rota(steks)

        from stek.participation.demo import seed_participation

        seed_participation(steks)

        from stek.rights.demo import seed_rights_shown

        seed_rights_shown(steks["de-wissel"])

        from stek.reports.demo import seed_reports

        seed_reports(steks)  # last: the frozen report holds every app's demo figures

        self.stdout.write(self.style.SUCCESS("Demo data loaded. Logins (password for all):"))
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        width = max(len(e) for e, _ in rows)
        for email, roles in rows:
            self.stdout.write(f"  {email.ljust(width)}  {roles}")
        self.stdout.write("Open http://127.0.0.1:8000/ and log in with one of these.")
