"""Demo referral history: five months of referrals from each demo STEK's partners to
services nearby, with realistic outcomes; the oldest are already purged into monthly counts."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from stek.core.models import Partnership
from stek.socialmap.search import distance_km, origin_of

from . import services
from .enums import ClosedVia, Reason, ReferralOutcome, Status
from .models import Referral, ReferralTally

OUTCOMES = [
    (ReferralOutcome.GOT_HELP, 45),
    (ReferralOutcome.PENDING, 12),
    (ReferralOutcome.NOT_ELIGIBLE, 8),
    (ReferralOutcome.NO_CAPACITY, 6),
    (ReferralOutcome.COULD_NOT_REACH, 5),
    (ReferralOutcome.DID_NOT_GO, 6),
    (ReferralOutcome.REFERRED_ELSEWHERE, 4),
    (ReferralOutcome.NO_LONGER_NEEDED, 3),
]
REASONS = {
    ReferralOutcome.NOT_ELIGIBLE: [Reason.WRONG_SERVICE, Reason.DOCUMENTS_MISSING],
    ReferralOutcome.NO_CAPACITY: [Reason.WAITING_LIST],
    ReferralOutcome.COULD_NOT_REACH: [Reason.OPENING_HOURS, Reason.DIGITAL_ONLY, Reason.DISTANCE],
    ReferralOutcome.DID_NOT_GO: [Reason.SHAME_FEAR, Reason.TOO_COMPLEX, Reason.LANGUAGE],
}


def seed_referrals(steks, map_services, today=None):
    rng = random.Random(2026)
    today = today or timezone.localdate()
    Referral.objects.filter(stek__in=steks.values()).delete()
    ReferralTally.objects.filter(stek__in=steks.values()).delete()
    weights = [w for _o, w in OUTCOMES]
    for stek in steks.values():
        origin = origin_of(stek)
        nearby = [
            s
            for s in map_services
            if origin
            and any(
                loc.has_coordinates
                and distance_km(origin, (float(loc.latitude), float(loc.longitude))) < 8
                for loc in s.locations.all()
            )
        ]
        partners = [p.organisation for p in Partnership.objects.filter(stek=stek)]
        for days_ago in range(150, 0, -1):
            for _n in range(rng.choice([0, 0, 1, 1, 2])):
                service = rng.choice(nearby)
                moment = timezone.make_aware(
                    datetime.combine(today - timedelta(days=days_ago), time(10 + rng.randint(0, 5)))
                )
                referral = services.create_referral(
                    actor=None,
                    stek=stek,
                    from_organisation=rng.choice(partners),
                    service=service,
                    topic=rng.choice(list(service.topics.all())),
                    warm_handover=rng.random() < 0.3,
                    language=rng.choice(["nl", "nl", "nl", "fr", "en"]),
                    now=moment,
                )
                roll = rng.random()
                if roll < 0.12 and days_ago < 40:
                    continue  # still open
                if roll < 0.2:
                    continue  # never answered: expires
                outcome = rng.choices([o for o, _w in OUTCOMES], weights)[0]
                reason = rng.choice(REASONS.get(outcome, [""]))
                closed = moment + timedelta(days=rng.randint(1, 14))
                if outcome == ReferralOutcome.PENDING:  # help under way: arrived, not closed
                    if days_ago < 45:
                        Referral.objects.filter(pk=referral.pk).update(
                            status=Status.ARRIVED, arrived_at=closed
                        )
                        continue
                    outcome = ReferralOutcome.GOT_HELP  # by now it worked out
                Referral.objects.filter(pk=referral.pk).update(
                    status=Status.CLOSED,
                    outcome=outcome,
                    reason=reason,
                    arrived_at=closed,
                    closed_at=closed,
                    closed_via=rng.choice(list(ClosedVia.values[:3])),
                )
    services.purge()
