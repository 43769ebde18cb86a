"""A year of a STEK's data, made with the apps' factories and services, for the report's
tests: every count below is known by hand."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from stek.agenda.enums import ChangeKind
from stek.agenda.models import Session, SessionChange, TallyCount
from stek.referrals import services as referral_services
from stek.referrals.enums import ClosedVia, ReferralOutcome, Status
from stek.rights.models import RightShown
from stek.rota.models import ShiftTake
from tests.factories.advocacy import DossierFactory, SignalFactory
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.rota import RoleFactory, ShiftNeedFactory
from tests.factories.socialmap import ServiceFactory

YEAR = 2025
TODAY = date(2026, 12, 3)  # the year 2025 is over
BRUSSELS = ZoneInfo("Europe/Brussels")


def tap(stek, activity, day, n, label="Volwassene"):
    session, _ = Session.objects.get_or_create(stek=stek, activity=activity, date=day)
    category = TallyCategoryFactory(stek=stek, label=label)
    TallyCount.objects.create(session=session, category=category, count=n)


def refer(world, day, outcome=None, back=False):
    """A referral made on ``day`` from the lead partner to the OCMW (or ``back``)."""
    if back:
        service = ServiceFactory(organisation=world.partner_a.organisation, name="Buurtwerk")
        source = world.partner_a2.organisation
    else:
        service = ServiceFactory(organisation=world.partner_a2.organisation, name="Leefloon")
        source = world.partner_a.organisation
    referral = ReferralFactory(
        world=world,
        service=service,
        from_organisation=source,
        created_at=datetime.combine(day, time(10), tzinfo=BRUSSELS),
    )
    if outcome:
        referral_services.record_outcome(
            referral=referral, status=Status.CLOSED, outcome=outcome, via=ClosedVia.WORKER
        )
    return referral


def build_year(world):
    """STEK A's 2025:

    - "Koffie": weekly on Mondays 6 January – 31 March, free, meet (13 sessions, one of them,
      10 February, cancelled: 12 held: January 4, February 3, March 5);
    - "Computerles": once, 15 May, learn, paid (1 session);
    - taps: 40 in January (20 + 20), 3 in February, 25 in May;
    - referrals: 6 to the OCMW in March (4 helped, 2 not eligible), 1 back in April (helped);
    - signals: 7 about housing in June (2 with the barrier "taal"), 1 about income;
    - one dossier led by STEK A since 16 June (step "opgemerkt");
    - rights check: 9 checks at the worker's door, the leefloon shown 6 times;
    - rota: the coordinator and the volunteer took "Onthaal" at Koffie on 6 January, the
      volunteer again on 13 January (2 hours each): 3 takes, 4 volunteer hours.
    """
    stek = world.stek_a
    koffie = ActivityFactory(
        stek=stek, title="Koffie", start_date=date(YEAR, 1, 6), end_date=date(YEAR, 3, 31),
        is_free=True, pictogram="coffee",
    )  # fmt: skip
    SessionChange.objects.create(activity=koffie, date=date(YEAR, 2, 10), kind=ChangeKind.CANCELLED)
    les = ActivityFactory(
        stek=stek, title="Computerles", start_date=date(YEAR, 5, 15), recurrence="once",
        is_meet=False, is_learn=True, is_free=False, price="2.00", pictogram="computer",
    )  # fmt: skip
    tap(stek, koffie, date(YEAR, 1, 6), 20)
    tap(stek, koffie, date(YEAR, 1, 13), 20, label="Kind")
    tap(stek, koffie, date(YEAR, 2, 3), 3)
    tap(stek, les, date(YEAR, 5, 15), 25)
    for i in range(6):
        outcome = ReferralOutcome.GOT_HELP if i < 4 else ReferralOutcome.NOT_ELIGIBLE
        refer(world, date(YEAR, 3, 3 + i), outcome)
    refer(world, date(YEAR, 4, 7), ReferralOutcome.GOT_HELP, back=True)
    for i in range(7):
        SignalFactory(
            stek=stek, week=date(YEAR, 6, 2), life_domain="wonen",
            barriers=["taal"] if i < 2 else [],
        )  # fmt: skip
    SignalFactory(stek=stek, week=date(YEAR, 6, 9), life_domain="inkomen")
    dossier = DossierFactory(lead_stek=stek)
    type(dossier).objects.filter(pk=dossier.pk).update(created_on=date(YEAR, 6, 16))
    RightShown.objects.create(
        stek=stek, week=date(YEAR, 3, 3), door="worker", right="", status="check", count=9
    )
    RightShown.objects.create(
        stek=stek, week=date(YEAR, 3, 3), door="worker", right="leefloon", status="likely", count=6
    )
    need = ShiftNeedFactory(stek=stek, activity=koffie, role=RoleFactory(stek=stek), count=1)
    for persona, day in (
        ("coordinator_a", date(YEAR, 1, 6)),
        ("volunteer_a", date(YEAR, 1, 6)),
        ("volunteer_a", date(YEAR, 1, 13)),
    ):
        ShiftTake.objects.create(
            stek=stek, membership=world.memberships[persona], activity=koffie, date=day,
            role=need.role,
        )  # fmt: skip
    return koffie, les
