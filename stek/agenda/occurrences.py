"""Expand activities into dated sessions, applying pauses, cancellations and moves."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from dateutil import rrule

from .enums import ChangeKind, Recurrence
from .models import Activity, Pause, SessionChange

_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


@dataclass(frozen=True)
class Occurrence:
    activity: Activity
    date: date
    start_time: time
    end_time: time
    status: str = "scheduled"  # scheduled | cancelled | moved_away | moved_here
    notice: str = ""
    other_date: date | None = None  # moved_away: where to; moved_here: where from

    @property
    def takes_place(self):
        return self.status in ("scheduled", "moved_here")


def planned_dates(activity, start, end):
    """The activity's dates in [start, end] by its recurrence rule, before any change."""
    first = activity.start_date
    last = min(end, activity.end_date) if activity.end_date else end
    if last < start or first > last:
        return []
    weekday = _WEEKDAYS[first.weekday()]
    if activity.recurrence == Recurrence.ONCE:
        return [first] if start <= first <= last else []
    if activity.recurrence == Recurrence.MONTHLY:
        nth = activity.month_week or ((first.day - 1) // 7 + 1)
        rule = rrule.rrule(rrule.MONTHLY, dtstart=first, until=last, byweekday=weekday(nth))
    else:
        interval = 2 if activity.recurrence == Recurrence.BIWEEKLY else 1
        rule = rrule.rrule(rrule.WEEKLY, dtstart=first, until=last, interval=interval)
    return [d.date() for d in rule.between(_dt(start), _dt(last), inc=True)]


def _dt(d):
    return datetime(d.year, d.month, d.day)


def occurrences(stek, start, end, activities=None):
    """Every session of ``stek``'s active activities from ``start`` to ``end`` (inclusive),
    sorted by date and time, including cancelled ones (with their notice)."""
    if activities is None:
        activities = list(
            Activity.objects.filter(stek=stek, is_active=True)
            .select_related("presenter")
            .prefetch_related("organisations")
        )
    # a session moved into [start, end] may come from up to 62 days around it
    window = (start - timedelta(days=62), end + timedelta(days=62))
    pauses = list(Pause.objects.filter(stek=stek, start__lte=end, end__gte=start))
    changes = {
        (c.activity_id, c.date): c
        for c in SessionChange.objects.filter(
            activity_id__in=[a.pk for a in activities], date__range=window
        )
    }
    result = []
    for activity in activities:
        for day in planned_dates(activity, *window):
            change = changes.get((activity.pk, day))
            paused = any(
                p.start <= day <= p.end and p.activity_id in (None, activity.pk) for p in pauses
            )
            if paused and change is None:
                continue
            planned = Occurrence(activity, day, activity.start_time, activity.end_time)
            if change is None:
                if start <= day <= end:
                    result.append(planned)
            elif change.kind == ChangeKind.CANCELLED:
                if start <= day <= end:
                    result.append(replace(planned, status="cancelled", notice=change.notice))
            else:
                new_day = change.new_date or day
                if start <= day <= end and new_day != day:
                    result.append(
                        replace(planned, status="moved_away", notice=change.notice,
                                other_date=new_day)
                    )  # fmt: skip
                if start <= new_day <= end:
                    result.append(
                        replace(
                            planned, date=new_day,
                            start_time=change.new_start_time or activity.start_time,
                            end_time=change.new_end_time or activity.end_time,
                            status="moved_here", notice=change.notice, other_date=day,
                        )
                    )  # fmt: skip
    result.sort(key=lambda o: (o.date, o.start_time, o.activity.title))
    return result
