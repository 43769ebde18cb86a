"""iCalendar feeds (RFC 5545) of a STEK's programme, one event per session."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from stek.agenda.occurrences import occurrences
from stek.rota.presence import partners_present

PAST_DAYS, FUTURE_DAYS = 14, 84


def location(place, stek):
    """The place in the building (if any) and the STEK's full address with its town."""
    return stek.address_with(place)


def present_line(present, occ):
    """ "Aanwezig: OCMW (sociaal werker) 13:00–15:00" for the partners present during ``occ``
    (organisation and role, never a name); empty when none is."""
    during = [p for p in present if p.start < occ.end_time and p.end > occ.start_time]
    if not during:
        return ""
    items = [f"{p.organisation} ({p.role}) {p.start:%H:%M}–{p.end:%H:%M}" for p in during]
    return f"{_('Aanwezig:')} {', '.join(items)}"


def build_calendar(stek, request, activity=None):
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", "-//stek//programma//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{stek.name}{f' – {activity.title}' if activity else ''}")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    today = timezone.localdate()
    activities = [activity] if activity else None
    programme = occurrences(stek, today - timedelta(days=PAST_DAYS),
                            today + timedelta(days=FUTURE_DAYS), activities=activities)  # fmt: skip
    stamp = timezone.now()
    present = partners_present(stek, today - timedelta(days=PAST_DAYS),
                               today + timedelta(days=FUTURE_DAYS))  # fmt: skip
    for occ in programme:
        if occ.status == "moved_away":
            continue  # the session shows once, at its new time (same UID as planned)
        planned_date = occ.other_date if occ.status == "moved_here" else occ.date
        event = Event()
        event.add("uid", f"{occ.activity.pk}-{planned_date:%Y%m%d}@{stek.slug}.stek")
        event.add("dtstamp", stamp)
        event.add("summary", occ.activity.title)
        event.add("dtstart", datetime.combine(occ.date, occ.start_time, tzinfo=tz))
        event.add("dtend", datetime.combine(occ.date, occ.end_time, tzinfo=tz))
        event.add("location", location(occ.activity.place, stek))
        description = [occ.activity.description]
        if occ.notice:
            description.insert(0, occ.notice)
        if occ.takes_place:
            description.append(present_line(present.get(occ.date, ()), occ))
        event.add("description", "\n\n".join(d for d in description if d))
        event.add("url", request.build_absolute_uri(f"/{stek.slug}/programma/"))
        if occ.status == "cancelled":
            event.add("status", "CANCELLED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
