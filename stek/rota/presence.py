"""Which partners are present at the STEK, for visitors (issue 17): "Aanwezig: OCMW Alfa
(sociaal werker) 13:00–15:00". Read-only. From the active takes of roles for a partner's worker
(``Role.needs_partner``): the organisation of the take's membership and the role's name, at the
session's times from the agenda's occurrences. Never a person's name or address: the query
selects only the organisation's name, the role's name, the activity and the date."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import time

from stek.agenda.occurrences import occurrences
from stek.core import versions
from stek.core.enums import MembershipRole

from .enums import TakeStatus
from .models import ShiftTake


@dataclass(frozen=True)
class Presence:
    organisation: str
    role: str
    start: time
    end: time


def _version_name(stek_id):
    return f"rota:presence:{stek_id}"


def presence_version(stek_id):
    """The version of the STEK's partner presence: renewed when a take or a role changes."""
    return versions.current(_version_name(stek_id))


def presence_changed(stek_id):
    if stek_id is not None:
        versions.bump(_version_name(stek_id))


def partners_present(stek, first_day, last_day):
    """{date: [Presence]} from ``first_day`` to ``last_day`` (inclusive), in time order; a day
    without a partner present is left out. One query for the takes (and the agenda's
    occurrences, remembered per agenda version), whatever the number of takes."""
    rows = (
        ShiftTake.objects.filter(
            stek=stek,
            date__range=(first_day, last_day),
            status=TakeStatus.TAKEN,
            role__needs_partner=True,
            role__is_active=True,
            membership__is_active=True,
        )
        .exclude(membership__role=MembershipRole.VOLUNTEER)
        .values_list("date", "activity_id", "membership__organisation__name", "role__name")
    )
    rows = list(rows)
    if not rows:
        return {}
    times = {
        (occ.activity.pk, occ.date): (occ.start_time, occ.end_time)
        for occ in occurrences(stek, first_day, last_day)
        if occ.takes_place
    }
    found = defaultdict(set)
    for day, activity_id, organisation, role in rows:
        session = times.get((activity_id, day))
        if session is None:  # cancelled or moved away: nobody is there then
            continue
        found[day].add(Presence(organisation, role, *session))
    return {
        day: sorted(items, key=lambda p: (p.start, p.end, p.organisation, p.role))
        for day, items in sorted(found.items())
    }
