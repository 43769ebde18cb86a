"""A realistic network for the benches (issue 18): ``--steks`` STEKs over ``--years`` years up
to today, written with ``bulk_create``, the same data for the same ``--seed``. The volumes are
documented in docs/bench-data.md. Refuses a database that has STEKs outside the bench network
unless ``--force``. Logins: bench-analist@stek.example (analyst of the network) and
bench-coordinator@stek.example (coordinator of the first STEK), password ``stek-demo-2026``.
"""

import random
import time
from datetime import date, timedelta
from datetime import time as clock

from django.core.management.base import CommandError

from stek.advocacy.enums import DossierOutcome, DossierStep, SignalKind
from stek.advocacy.models import Dossier, Signal, SignalBarrier
from stek.agenda.models import Activity, Session, TallyCategory, TallyCount
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
from stek.core.vocabulary import Barrier, LifeDomain, Topic
from stek.referrals.enums import ReferralOutcome
from stek.reports import services as report_services
from stek.rights.models import Door, RightShown, ShownStatus

from .seed_demo import DEMO_PASSWORD

NETWORK = {"slug": "bench-netwerk", "name": "Benchnetwerk"}
ANALYST = "bench-analist@stek.example"
COORDINATOR = "bench-coordinator@stek.example"
# per STEK per week, on average (docs/bench-data.md)
ACTIVITIES = 4  # weekly activities: 4 sessions a week
TAPS_PER_SESSION = 14
REFERRALS_PER_WEEK = 5
SIGNALS_PER_WEEK = 20
CHECKS_PER_WEEK = 6
PARTNERS = 8  # organisations per STEK: 6 of its own, 2 of the region's
DOSSIERS_PER_YEAR = 30  # in the network
BATCH = 5000


def _mondays(first, last):
    day = first - timedelta(days=first.weekday())
    while day <= last:
        yield day
        day += timedelta(days=7)


def _poisson(rng, mean):
    """A small count around ``mean`` (Knuth's method is slow for big means: a normal)."""
    return max(0, round(rng.gauss(mean, mean**0.5)))


class Command(StekCommand):
    help = "Generate a realistic bench network (docs/bench-data.md)."

    def add_command_arguments(self, parser):
        parser.add_argument("--steks", type=int, default=50)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=18)
        parser.add_argument(
            "--force", action="store_true", help="Also on a database with other STEKs."
        )
        parser.add_argument(
            "--no-reports",
            action="store_true",
            help="Do not freeze last year's yearly report of every STEK (2-3 s a STEK).",
        )

    def say(self, text):
        self.stdout.write(f"[{time.perf_counter() - self.began:6.1f} s] {text}")
        self.stdout.flush()

    def run(self, *args, **options):
        self.began = time.perf_counter()
        if not 1 <= options["steks"] <= 500 or not 1 <= options["years"] <= 20:
            raise CommandError("--steks 1..500, --years 1..20")
        others = Stek.objects.exclude(network__slug=NETWORK["slug"])
        if others.exists() and not options["force"]:
            raise CommandError(
                "This database has STEKs outside the bench network: use --force to add the "
                "bench network to it anyway (never on real data)."
            )
        if Network.objects.filter(slug=NETWORK["slug"]).exists():
            raise CommandError("The bench network exists already: use a fresh database.")
        rng = random.Random(options["seed"])
        today = date.today()
        first = date(today.year - options["years"] + 1, 1, 1)
        network = Network.objects.create(**NETWORK)
        steks = Stek.objects.bulk_create(
            Stek(
                network=network,
                name=f"Bench-STEK {i + 1:03d}",
                slug=f"bench-{i + 1:03d}",
                kind="buurthuis",
                municipality=f"Gemeente {i % 30 + 1}",
            )
            for i in range(options["steks"])
        )
        self.say(f"{len(steks)} STEKs in {network.name}, {first} – {today}")
        regional = Organisation.objects.bulk_create(
            Organisation(network=network, name=f"Regio-organisatie {i + 1}", kind=kind)
            for i, kind in enumerate(
                [OrganisationKind.OCMW, OrganisationKind.CAW, OrganisationKind.HEALTH_INSURER] * 4
            )
        )
        own = Organisation.objects.bulk_create(
            Organisation(
                network=network,
                name=f"Partner {s + 1:03d}-{j + 1}",
                kind=OrganisationKind.COMMUNITY_WORK,
            )
            for s in range(len(steks))
            for j in range(PARTNERS - 2)
        )
        partners = {}
        rows = []
        for s, stek in enumerate(steks):
            orgs = own[s * (PARTNERS - 2) : (s + 1) * (PARTNERS - 2)] + rng.sample(regional, 2)
            partners[stek.pk] = orgs
            for j, org in enumerate(orgs):
                role = PartnershipRole.LEAD if j == 0 else PartnershipRole.PARTNER
                rows.append(Partnership(stek=stek, organisation=org, role=role))
        Partnership.objects.bulk_create(rows)
        self.say(f"{len(regional) + len(own)} organisations, {len(rows)} partnerships")
        self._people(network, steks[0], partners[steks[0].pk][0])
        self._agenda(rng, steks, first, today)
        self._referrals(rng, steks, partners, first, today)
        self._signals(rng, network, steks, first, today)
        self._checks(rng, steks, first, today)
        self._dossiers(rng, network, steks, first, today)
        if not options["no_reports"] and first.year < today.year:
            self._reports(steks, today.year - 1)
        self.say("done")

    def _reports(self, steks, year):
        """Every STEK froze last year's report, as a network's STEKs do each spring: the
        network dashboard and the network's reports read those snapshots (ADR 0018)."""
        for i, stek in enumerate(steks, 1):
            report_services.freeze_report(actor=None, stek=stek, year=year)
            if i % 10 == 0 or i == len(steks):
                self.say(f"{i} yearly reports of {year} frozen")

    def _people(self, network, stek, organisation):
        for email, name in ((ANALYST, "Bench-analist"), (COORDINATOR, "Bench-coördinator")):
            user = User(email=email, full_name=name)
            user.set_password(DEMO_PASSWORD)
            user.save()
        NetworkMembership.objects.create(
            user=User.objects.get(email=ANALYST), network=network, role=NetworkRole.ANALYST
        )
        Membership.objects.create(
            user=User.objects.get(email=COORDINATOR),
            stek=stek,
            organisation=organisation,
            role=MembershipRole.COORDINATOR,
        )

    def _agenda(self, rng, steks, first, today):
        activities = Activity.objects.bulk_create(
            Activity(
                stek=stek,
                title=title,
                start_date=first,
                start_time=clock(9 + 2 * a),
                end_time=clock(11 + 2 * a),
                is_learn=a == 1,
                is_refer=a == 2,
                is_advocate=a == 3,
                is_free=a != 1,
            )
            for stek in steks
            for a, title in enumerate(["Koffie", "Les", "Spreekuur", "Buurtraad"][:ACTIVITIES])
        )
        categories = TallyCategory.objects.bulk_create(
            TallyCategory(stek=stek, label=label, order=i)
            for stek in steks
            for i, label in enumerate(["Volwassene", "Kind"])
        )
        by_stek = {}
        for category in categories:
            by_stek.setdefault(category.stek_id, []).append(category)
        sessions = []
        last = today - timedelta(days=1)
        for activity in activities:
            day = first + timedelta(days=(activity.pk % 5 - first.weekday()) % 7)
            while day <= last:
                if rng.random() > 0.04:  # a few sessions do not take place
                    sessions.append(Session(stek_id=activity.stek_id, activity=activity, date=day))
                day += timedelta(days=7)
        sessions = Session.objects.bulk_create(sessions, batch_size=BATCH)
        counts = []
        for session in sessions:
            adults, kids = by_stek[session.stek_id]
            n = _poisson(rng, TAPS_PER_SESSION)
            share = rng.randint(0, n // 3) if n else 0
            counts.append(TallyCount(session=session, category=adults, count=n - share))
            if share:
                counts.append(TallyCount(session=session, category=kids, count=share))
        TallyCount.objects.bulk_create(counts, batch_size=BATCH)
        taps = sum(c.count for c in counts)
        self.say(f"{len(activities)} activities, {len(sessions)} sessions, {taps} taps")

    def _referrals(self, rng, steks, partners, first, today):
        """Referrals as the monthly tallies they become (ReferralTally): the slips themselves
        hold nothing the figures read."""
        from stek.referrals.models import ReferralTally

        topics = list(Topic.objects.filter(network__isnull=True).values_list("pk", flat=True))
        if not topics:
            topics = [Topic.objects.create(code="bench", life_domain="inkomen", name="Bench").pk]
        outcomes = [*ReferralOutcome.values, "expired"]
        rows, month = [], first
        total = 0
        while month <= today:
            weeks = 4.35 if month.month != today.month or month.year != today.year else 0
            for stek in steks:
                orgs = partners[stek.pk]
                tally = {}
                for _ in range(_poisson(rng, REFERRALS_PER_WEEK * weeks) if weeks else 0):
                    a, b = rng.sample(orgs, 2) if rng.random() < 0.7 else (orgs[0], orgs[-1])
                    key = (a.pk, b.pk, rng.choice(topics), rng.choice(outcomes))
                    tally[key] = tally.get(key, 0) + 1
                for (a, b, topic, outcome), n in tally.items():
                    rows.append(
                        ReferralTally(
                            month=month,
                            stek=stek,
                            from_organisation_id=a,
                            to_organisation_id=b,
                            topic_id=topic,
                            outcome=outcome,
                            count=n,
                        )
                    )
                    total += n
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        ReferralTally.objects.bulk_create(rows, batch_size=BATCH)
        self.say(f"{total} referrals in {len(rows)} monthly tallies")

    def _signals(self, rng, network, steks, first, today):
        domains = LifeDomain.values
        weights = [rng.random() ** 2 + 0.05 for _d in domains]  # some domains recur a lot
        barriers = Barrier.values
        topics = {}
        for pk, domain in Topic.objects.filter(network__isnull=True).values_list(
            "pk", "life_domain"
        ):
            topics.setdefault(domain, []).append(pk)
        signals = []
        for stek in steks:
            for monday in _mondays(first, today - timedelta(days=7)):
                for _ in range(_poisson(rng, SIGNALS_PER_WEEK)):
                    day = monday + timedelta(days=rng.randint(0, 4))
                    domain = rng.choices(domains, weights)[0]
                    choices = topics.get(domain)
                    signals.append(
                        Signal(
                            stek=stek,
                            week=monday,
                            month=date(day.year, day.month, 1),
                            kind=rng.choice(SignalKind.values),
                            life_domain=domain,
                            topic_id=rng.choice(choices)
                            if choices and rng.random() < 0.6
                            else None,
                        )
                    )
        signals = Signal.objects.bulk_create(signals, batch_size=BATCH)
        links = []
        for signal in signals:
            if rng.random() < 0.4:
                for barrier in rng.sample(barriers, rng.choice([1, 1, 2])):
                    links.append(SignalBarrier(signal=signal, barrier=barrier))
        SignalBarrier.objects.bulk_create(links, batch_size=BATCH)
        self.say(f"{len(signals)} signals, {len(links)} barriers named")

    def _checks(self, rng, steks, first, today):
        rows = []
        for stek in steks:
            for monday in _mondays(first, today - timedelta(days=7)):
                for door, mean in ((Door.WORKER, CHECKS_PER_WEEK * 0.7), (Door.PUBLIC, 1.8)):
                    n = _poisson(rng, mean)
                    if n:
                        rows.append(
                            RightShown(
                                stek=stek,
                                week=monday,
                                door=door,
                                right="",
                                status=ShownStatus.CHECK,
                                count=n,
                            )
                        )
        RightShown.objects.bulk_create(rows, batch_size=BATCH)
        self.say(f"{sum(r.count for r in rows)} rights checks in {len(rows)} weekly rows")

    def _dossiers(self, rng, network, steks, first, today):
        rows = []
        years = today.year - first.year + 1
        for i in range(DOSSIERS_PER_YEAR * years):
            made = first + timedelta(days=rng.randint(0, (today - first).days))
            step = rng.choice(DossierStep.values)
            outcome = (
                rng.choice(DossierOutcome.values) if step == DossierStep.values[-1] else "pending"
            )
            rows.append(
                Dossier(
                    network=network,
                    lead_stek=rng.choice(steks),
                    title=f"Benchdossier {i + 1}",
                    step=step,
                    outcome=outcome,
                    evidence_from=made,
                    created_on=made,
                )
            )
        Dossier.objects.bulk_create(rows)
        self.say(f"{len(rows)} dossiers")
