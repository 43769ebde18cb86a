"""iCalendar (RFC 5545) of a person's own shifts: the reminder's attachment and the personal
feed. (The public programme's writer is in stek/public, higher in the import order.)"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from stek.agenda.occurrences import occurrences

from .enums import TakeStatus
from .models import ShiftTake

PAST_DAYS, FUTURE_DAYS = 14, 84


def _session_times(takes):
    """(activity pk, date) -> (start, end) of each take's session as the agenda has it, so a
    session whose start time was changed shows its new hours; one look-up per STEK."""
    by_stek = {}
    for take in takes:
        by_stek.setdefault(take.stek_id, (take.stek, []))[1].append(take)
    times = {}
    for stek, own in by_stek.values():
        days = [take.date for take in own]
        for occ in occurrences(stek, min(days), max(days)):
            times[(occ.activity.pk, occ.date)] = (occ.start_time, occ.end_time)
    return times


def calendar_of(takes, name):
    takes = list(takes)
    times = _session_times(takes)
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", "-//stek//rooster//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for take in takes:
        activity = take.activity
        event = Event()
        event.add("uid", f"rota-{take.pk}@{take.stek.slug}.stek")
        event.add("dtstamp", stamp)
        event.add("summary", f"{take.role.name} · {activity.title}")
        start, end = times.get((activity.pk, take.date), (activity.start_time, activity.end_time))
        event.add("dtstart", datetime.combine(take.date, start, tzinfo=tz))
        event.add("dtend", datetime.combine(take.date, end, tzinfo=tz))
        place = take.stek.address_with(activity.place)
        if place:
            event.add("location", place)
        event.add("description", take.role.what_you_do)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def feed_of(membership):
    today = timezone.localdate()
    takes = (
        ShiftTake.objects.filter(
            membership=membership,
            status=TakeStatus.TAKEN,
            date__range=(today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)),
        )
        .select_related("activity", "role", "stek")
        .order_by("date")
    )
    return calendar_of(takes, f"{membership.stek.name} – rooster")
