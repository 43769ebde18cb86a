"""Participation counts for the reports (issue 17 → the reports issue).

``counts(stek, first, last)`` returns raw counts of one STEK for the days ``first`` up to and
including ``last``. They are the STEK's own figures: a report that sends them outside the STEK
(the network, a funder) passes them through the one suppression boundary
(``stek.core.privacy.boundary``) first, as every aggregate that leaves a STEK does.

- ideas: per state and per source, by the day they came in (merged duplicates counted too:
  each is a visitor who asked);
- decisions: ideas answered (accepted / declined) in the period, by their decision day;
- council: meetings closed in the period and the votes cast in them, per source;
- volunteers: from the rota (read-only), the members who took a shift in the period and the
  hours of those shifts (the activity's planned hours; the agenda's one-day changes ignored).
"""

from datetime import datetime, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from stek.core.enums import MembershipRole
from stek.rota.enums import TakeStatus
from stek.rota.models import ShiftTake

from .enums import IdeaSource, IdeaState, MeetingState, VoteSource
from .models import Idea, Meeting, Vote


def _by(queryset, field, values):
    found = dict(queryset.values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    return {value: found.get(value, 0) for value in values}


def _hours(start, end):
    day = datetime(2000, 1, 3)
    delta = datetime.combine(day, end) - datetime.combine(day, start)
    return max(delta, timedelta(0)).total_seconds() / 3600


def _ideas(stek, first, last):
    return Idea.objects.filter(stek=stek, created_at__date__gte=first, created_at__date__lte=last)


def ideas_per_month(stek, first, last):
    """``{"YYYY-MM": n}``: the ideas that came in from ``first`` up to and including ``last``,
    by the month of the day they came in (one query)."""
    rows = (
        _ideas(stek, first, last)
        .annotate(month=TruncMonth("created_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
        .order_by()
    )
    found = {}
    for month, n in rows:
        code = f"{month.year}-{month.month:02d}"
        found[code] = found.get(code, 0) + n
    return found


def counts(stek, first, last, shifts=True):
    """The counts above; ``shifts=False`` leaves out the rota's (its three keys are then 0)."""
    ideas = _ideas(stek, first, last)
    decided = Idea.objects.filter(
        stek=stek,
        state__in=[IdeaState.ACCEPTED, IdeaState.DECLINED],
        decided_on__gte=first,
        decided_on__lte=last,
    )
    meetings = Meeting.objects.filter(
        stek=stek,
        state=MeetingState.CLOSED,
        closed_at__date__gte=first,
        closed_at__date__lte=last,
    )
    votes = Vote.objects.filter(meeting__in=meetings)
    per_source = dict(
        votes.values_list("source").annotate(n=Sum("count")).values_list("source", "n")
    )
    takes = ShiftTake.objects.filter(
        stek=stek, status=TakeStatus.TAKEN, date__gte=first, date__lte=last
    ).select_related("activity", "membership")
    takes = list(takes) if shifts else []
    volunteers = {t.membership_id for t in takes if t.membership.role == MembershipRole.VOLUNTEER}
    return {
        "ideas": ideas.count(),
        "ideas_by_state": _by(ideas, "state", IdeaState.values),
        "ideas_by_source": _by(ideas, "source", IdeaSource.values),
        "decisions": _by(decided, "state", [IdeaState.ACCEPTED, IdeaState.DECLINED]),
        "meetings": meetings.count(),
        "votes": sum(per_source.values()),
        "votes_by_source": {s: per_source.get(s, 0) for s in VoteSource.values},
        "active_volunteers": len(volunteers),
        "shifts": len(takes),
        "shift_hours": round(
            sum(_hours(t.activity.start_time, t.activity.end_time) for t in takes), 1
        ),
    }
