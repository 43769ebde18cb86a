"""Expand activities into dated sessions, applying pauses, cancellations and moves.

The expansion is cached per STEK and day (``occurrences``): the sessions of a day, as plain
values, in the per-process "local" cache under a key made of the STEK, its agenda version and
what the activities' dates depend on. The version is a data version (``stek.core.versions``,
shared by every process) that gets a new value whenever an activity, a pause or a session change
of the STEK is saved or deleted (``agenda_changed``, connected to those models' signals in
``apps.py``), so every process sees a change at once; the activities themselves are always read
fresh. The pages that remember what they drew of the agenda (Vandaag, the week, the public
programme) are keyed by the same version: a write that sends no signal (an ``update()``) calls
``agenda_changed`` itself (``services.deactivate_activity``)."""

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from dateutil import rrule
from django.core.cache import caches

from stek.core import versions
from stek.core.dates import public_holidays_between
from stek.core.school_holidays import school_holidays_between, stek_communities

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
    sorted by date and time, including cancelled ones (with their notice).

    Without ``activities`` (all of the STEK's): from the cache per STEK and day where it can,
    the days not cached yet expanded in one go and kept."""
    if activities is not None:
        return _expand(stek, start, end, activities)
    activities = list(
        Activity.objects.filter(stek=stek, is_active=True)
        .select_related("presenter")
        .prefetch_related("organisations")
    )
    if end < start:
        return []
    prefix = _key_prefix(stek, activities)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    keys = {day: f"{prefix}:{day.isoformat()}" for day in days}
    local = caches[LOCAL_CACHE]
    found = local.get_many(list(keys.values()))
    missing = [day for day in days if keys[day] not in found]
    if missing:
        fresh = _expand(stek, missing[0], missing[-1], activities)
        per_day = {day: [] for day in missing}
        for occ in fresh:
            if occ.date in per_day:
                per_day[occ.date].append(_as_values(occ))
        local.set_many({keys[day]: values for day, values in per_day.items()})
        found.update({keys[day]: values for day, values in per_day.items()})
    by_pk = {a.pk: a for a in activities}
    result = [
        Occurrence(by_pk[values[0]], *values[1:])
        for day in days
        for values in found[keys[day]]
        if values[0] in by_pk
    ]
    result.sort(key=lambda o: (o.date, o.start_time, o.activity.title))
    return result


LOCAL_CACHE = "local"


def _version_name(stek_id):
    return f"agenda:version:{stek_id}"


def agenda_version(stek_id):
    """The version of the STEK's agenda (its activities, pauses and session changes): renewed
    by ``agenda_changed``. Read once per request."""
    return versions.current(_version_name(stek_id))


def agenda_changed(stek_id):
    """A new agenda version for the STEK, at once and again after the commit: its cached
    occurrences and the pages drawn from them are not read any more."""
    if stek_id is not None:
        versions.bump(_version_name(stek_id))


ORGANISATIONS_VERSION = "agenda:organisations:version"


def organisations_version():
    """The version of the organisations' names an activity shows (who presents it): renewed
    when an organisation is saved or deleted (``apps.py``)."""
    return versions.current(ORGANISATIONS_VERSION)


def organisations_changed():
    versions.bump(ORGANISATIONS_VERSION)


def _key_prefix(stek, activities):
    """The STEK, its agenda version and every active activity's dates and times: a change to
    any of them gives other keys, so nothing stale is ever read."""
    version = agenda_version(stek.pk)
    shape = repr(
        sorted(
            (a.pk, a.start_date, a.end_date, a.recurrence, a.month_week, a.start_time, a.end_time)
            for a in activities
        )
    )
    digest = hashlib.blake2b(shape.encode(), digest_size=12).hexdigest()
    return f"agenda:occurrences:{stek.pk}:{version}:{digest}"


def _as_values(occ):
    return (occ.activity.pk, occ.date, occ.start_time, occ.end_time, occ.status, occ.notice,
            occ.other_date)  # fmt: skip


def _window(start, end):
    # a session moved into [start, end] may come from up to 62 days around it
    return (start - timedelta(days=62), end + timedelta(days=62))


def _expand(stek, start, end, activities):
    window = _window(start, end)
    pauses = list(Pause.objects.filter(stek=stek, start__lte=end, end__gte=start))
    changes = {
        (c.activity_id, c.date): c
        for c in SessionChange.objects.filter(
            activity_id__in=[a.pk for a in activities], date__range=window
        )
    }
    return _expand_with(start, end, activities, pauses, changes)


def occurrences_of_steks(steks, start, end):
    """``{stek id: occurrences(stek, start, end)}`` for several STEKs in three queries,
    whatever their number (for the public front door, which lists them all)."""
    ids = [stek.pk for stek in steks]
    activities = list(Activity.objects.filter(stek__in=ids, is_active=True))
    window = _window(start, end)
    pauses = list(Pause.objects.filter(stek__in=ids, start__lte=end, end__gte=start))
    changes = {
        (c.activity_id, c.date): c
        for c in SessionChange.objects.filter(
            activity_id__in=[a.pk for a in activities], date__range=window
        )
    }
    return {
        stek_id: _expand_with(
            start,
            end,
            [a for a in activities if a.stek_id == stek_id],
            [p for p in pauses if p.stek_id == stek_id],
            changes,
        )  # fmt: skip
        for stek_id in ids
    }


def _expand_with(start, end, activities, pauses, changes):
    window = _window(start, end)
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


HOLIDAY_HORIZON = 365  # days: the coming year's sessions on a public holiday are shown


def holiday_sessions(activity, today, days=HOLIDAY_HORIZON):
    """[(date, holiday name)] of the activity's sessions that still take place on a Belgian
    public holiday from ``today`` on (pauses, cancellations and moves applied): a warning,
    never a refusal (a STEK may well be open on such a day)."""
    if not activity.is_active:
        return []
    end = today + timedelta(days=days)
    holidays = public_holidays_between(today, end)
    if not holidays:
        return []
    sessions = _expand(activity.stek, today, end, [activity])
    return [(o.date, holidays[o.date]) for o in sessions if o.takes_place and o.date in holidays]


@dataclass(frozen=True)
class SchoolHolidaySessions:
    """Sessions of one activity in one school holiday; ``communities`` has more than one
    community label when their holidays are the same days (Brussels at Christmas)."""

    name: str
    communities: tuple
    first: date
    last: date
    dates: tuple


def school_holiday_sessions(activity, today, days=HOLIDAY_HORIZON):
    """[SchoolHolidaySessions] of the activity's sessions that still take place in a school
    holiday of its STEK's community (or communities, in Brussels) from ``today`` on: a
    warning, never a refusal."""
    if not activity.is_active:
        return []
    communities = stek_communities(activity.stek)
    end = today + timedelta(days=days)
    holidays = school_holidays_between(communities, today, end) if communities else []
    if not holidays:
        return []
    sessions = [o.date for o in _expand(activity.stek, today, end, [activity]) if o.takes_place]
    result = []
    for holiday in holidays:
        inside = tuple(day for day in sessions if day in holiday)
        if not inside:
            continue
        same = next(
            (
                i for i, found in enumerate(result)
                if (found.first, found.last, found.dates) == (holiday.first, holiday.last, inside)
                and str(found.name) == str(holiday.name)
            ),
            None,
        )  # fmt: skip
        if same is None:
            result.append(
                SchoolHolidaySessions(
                    holiday.name, (holiday.community_label,), holiday.first, holiday.last, inside
                )
            )
        else:
            found = result[same]
            result[same] = replace(
                found, communities=found.communities + (holiday.community_label,)
            )
    return result
