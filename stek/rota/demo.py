"""Demo rota: roles with their task cards, needs on the demo activities, and a few takes for
the next two weeks, with some sessions understaffed and a partner gap (all names fictional)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from stek.agenda.models import Activity
from stek.core.enums import MembershipRole
from stek.core.models import Membership, Organisation, User
from stek.core.services import ServiceError

from . import allowance, services
from .models import (
    AllowancePayment,
    KilometreClaim,
    ReserveEntry,
    Role,
    ShiftNeed,
    ShiftTake,
    VolunteerRecord,
)

ONTHAAL = {
    "name": "Onthaal",
    "pictogram": "coffee",
    "what_you_do": "Je verwelkomt mensen aan de deur, schenkt koffie en vraagt waarvoor ze komen.",
    "what_we_expect": "Je bent er een kwartier voor de start. Je bent vriendelijk en rustig.",
    "who_to_ask": "de coördinator",
}
KEUKEN = {
    "name": "Keuken",
    "pictogram": "cooking",
    "what_you_do": "Je helpt koken en afwassen, samen met de kok.",
    "what_we_expect": "Je draagt een schort en houdt je aan de hygiëneregels.",
    "who_to_ask": "de kok van de dag",
    "requirement": "Attest voedselhygiëne (de STEK helpt je het te halen)",
}
COMPUTER = {
    "name": "Computerles-helper",
    "pictogram": "computer",
    "what_you_do": "Je zit naast iemand en helpt met de computer of de smartphone.",
    "what_we_expect": "Je doet het niet in de plaats van de ander. Je neemt de tijd.",
    "who_to_ask": "de lesgever",
}

ROTAS = {
    "de-wissel": {
        "roles": [
            ONTHAAL,
            KEUKEN,
            COMPUTER,
            {
                "name": "OCMW-medewerker",
                "pictogram": "info",
                "what_you_do": "Je beantwoordt vragen over leefloon, huur en energie.",
                "who_to_ask": "de coördinator",
                "needs_partner": True,
                "partner": "OCMW Gent (demo)",
            },
        ],
        "needs": [
            ("Koffie en hulp bij papieren", "Onthaal", 2),
            ("Koffie en hulp bij papieren", "OCMW-medewerker", 1),
            ("Computerles", "Computerles-helper", 2),
            ("Kookatelier", "Keuken", 2),
            ("Speelnamiddag voor ouders en peuters", "Onthaal", 1),
        ],
    },
    "t-anker": {
        "roles": [ONTHAAL, KEUKEN],
        "needs": [
            ("Middagmaal in het sociaal restaurant", "Keuken", 3),
            ("Middagmaal in het sociaal restaurant", "Onthaal", 1),
            ("Koffie en kranten", "Onthaal", 1),
        ],
    },
}


# A few more volunteers (fictional first names, no login of their own: a coordinator hands them
# a sign-in link), so that most sessions can be full and a few stay understaffed.
TEAM = {
    "de-wissel": [("mieke@team.stek.example", "Mieke"), ("youssef@team.stek.example", "Youssef"),
                  ("ana@team.stek.example", "Ana")],
    "t-anker": [("jos@team.stek.example", "Jos"), ("fatou@team.stek.example", "Fatou")],
}  # fmt: skip


def _seed_team(stek, team):
    model = Membership.objects.filter(stek=stek, is_active=True).order_by("pk").first()
    for email, name in team:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.full_name, user.is_active = name, True
        user.set_unusable_password()
        user.save()
        Membership.objects.update_or_create(
            user=user, stek=stek,
            defaults={"organisation": model.organisation if model else None,
                      "role": MembershipRole.VOLUNTEER, "is_active": True},
        )  # fmt: skip


def seed_rota(steks, now=None):
    now = now or timezone.now()
    for slug, rota in ROTAS.items():
        stek = steks[slug]
        _seed_team(stek, TEAM.get(slug, ()))
        AllowancePayment.objects.filter(stek=stek).delete()
        KilometreClaim.objects.filter(stek=stek).delete()
        ReserveEntry.objects.filter(stek=stek).delete()
        ShiftTake.objects.filter(stek=stek).delete()
        ShiftNeed.objects.filter(stek=stek).delete()
        roles = {}
        for data in rota["roles"]:
            fields = {k: v for k, v in data.items() if k != "name"}
            if "partner" in fields:
                fields["partner"] = Organisation.objects.get(
                    network=stek.network, name=fields["partner"]
                )
            roles[data["name"]], _ = Role.objects.update_or_create(
                stek=stek, name=data["name"], defaults={**fields, "is_active": True}
            )
        for title, role, count in rota["needs"]:
            for activity in Activity.objects.filter(stek=stek, title=title, is_active=True):
                ShiftNeed.objects.create(
                    stek=stek, activity=activity, role=roles[role], count=count
                )
        _seed_takes(stek, now)
        _seed_reserve_and_standin(stek, now)
        _seed_allowances(stek, now)


PAST_DAYS = 14  # the rota of the last two weeks (hours that took place) ...
AHEAD_DAYS = 21  # ... and of the next three: a month and more of rotas


def _seed_takes(stek, now):
    """A month of rotas: the last two weeks and the next three. Most sessions are full; on a
    few days (every third day with sessions ahead) one place per role stays open, so the
    coordinator's planning shows them understaffed. Every other session's partner place stays
    open (a partner gap)."""
    people = list(
        Membership.objects.filter(stek=stek, is_active=True)
        .select_related("organisation")
        .order_by("role", "pk")
    )
    volunteers = [m for m in people if m.role == MembershipRole.VOLUNTEER] or people
    workers = [m for m in people if m.role != MembershipRole.VOLUNTEER]
    today = timezone.localdate(now)
    found = services.slots(
        stek, today - timedelta(days=PAST_DAYS), today + timedelta(days=AHEAD_DAYS)
    )
    ahead = sorted({s.date for s in found if s.starts_at > now})
    short_days = set(ahead[1::3])
    for i, slot in enumerate(found):
        if slot.role.needs_partner:
            if i % 2:
                continue  # a partner gap
            candidates = [m for m in workers if services.fits_partner(m, slot.role)]
        else:
            # a different volunteer first each day, so the hours are spread
            shift = slot.date.toordinal() % max(len(volunteers), 1)
            candidates = volunteers[shift:] + volunteers[:shift]
        wanted = slot.need.count - (1 if slot.date in short_days else 0)
        for membership in candidates[:wanted]:
            if slot.starts_at <= now:  # a session that took place: its take as it was
                ShiftTake.objects.get_or_create(
                    stek=stek, membership=membership, activity=slot.need.activity,
                    date=slot.date, role=slot.role,
                )  # fmt: skip
                continue
            try:
                services.take(membership=membership, need=slot.need, day=slot.date, now=now)
            except ServiceError:  # a partner's place a volunteer may not take
                continue


def _seed_reserve_and_standin(stek, now):
    """A full slot with someone on its reserve list, and a take that looks for a stand-in."""
    people = list(Membership.objects.filter(stek=stek, is_active=True).order_by("role", "pk"))
    today = timezone.localdate(now)
    for slot in services.slots(stek, today, today + timedelta(days=6)):
        if slot.open or slot.starts_at <= now or slot.role.needs_partner:
            continue
        taking = {t.membership_id for t in slot.takes}
        waiting = [m for m in people if m.pk not in taking]
        if not waiting:
            continue
        services.join_reserve(membership=waiting[0], need=slot.need, day=slot.date, now=now)
        services.ask_standin(take=slot.takes[0], now=now)
        return


def _seed_allowances(stek, now):
    """Last week's takes of the volunteers, each with a flat-rate allowance of 10 euro (one
    volunteer with the organisation's note handed over)."""
    today = timezone.localdate(now)
    volunteers = list(
        Membership.objects.filter(stek=stek, is_active=True, role=MembershipRole.VOLUNTEER)
    )
    for i, membership in enumerate(volunteers):
        if i == 0:
            VolunteerRecord.objects.update_or_create(
                membership=membership, defaults={"note_given_on": today - timedelta(days=30)}
            )
        need = ShiftNeed.objects.filter(stek=stek, role__needs_partner=False).first()
        if need is None:
            return
        for days_ago in (7, 14):
            day = today - timedelta(days=days_ago)
            if day.year != today.year:
                continue
            take, _created = ShiftTake.objects.get_or_create(
                stek=stek, membership=membership, activity=need.activity, date=day,
                role=need.role,
            )  # fmt: skip
            if days_ago == 14:  # they drove: 18 km there and back, at the day's rate
                rate = allowance.km_rate_for(day).rate
                KilometreClaim.objects.get_or_create(
                    take=take,
                    defaults={"stek": stek, "membership": membership, "date": day, "km": 18,
                              "rate": rate, "amount": allowance.km_amount(18, rate)},
                )  # fmt: skip
            AllowancePayment.objects.get_or_create(
                take=take,
                defaults={"stek": stek, "membership": membership, "date": day,
                          "kind": "flat", "amount": Decimal("10.00")},
            )  # fmt: skip
