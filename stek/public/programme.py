"""The published programme: which sessions to show, grouped by day, with filters."""

import base64
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import timezone

from stek.agenda.enums import Function
from stek.agenda.occurrences import occurrences
from stek.core.dates import parse_week

FUNCTIONS = tuple(Function.values)


def programme_days(stek, start, days, function=None, only_day=None):
    """[(date, [Occurrence])] for ``days`` days from ``start``; empty days are kept."""
    end = start + timedelta(days=days - 1)
    items = occurrences(stek, start, end)
    if function in FUNCTIONS:
        items = [o for o in items if function in o.activity.functions]
    result = []
    for i in range(days):
        day = start + timedelta(days=i)
        if only_day and day != only_day:
            continue
        on_day = [o for o in items if o.date == day]
        # what takes place first; "moved to another day" notices after it
        on_day.sort(key=lambda o: o.status == "moved_away")
        result.append((day, on_day))
    return result


def poster_days(today, week=""):
    """(first, monday, sunday) of the poster's week: the week ``week`` falls in (YYYY-MM-DD,
    else this week), printed from ``first``: today in the current week, days already past
    are not on a poster for the door."""
    monday = parse_week(week, today)
    sunday = monday + timedelta(days=6)
    return (today if monday <= today <= sunday else monday), monday, sunday


@dataclass(frozen=True)
class Opening:
    """What is true at the door now, from the sessions (the STEK has no other opening hours).

    ``state`` is "open" (a session takes place now; ``until`` the end of it and of the sessions
    that follow on without a gap), "later" (closed now, a session starts later today at
    ``opens_at``), "done" (today's sessions are over) or "closed" (none today). ``next_day``
    and ``opens_at`` give the next opening after today for "done" and "closed", when there is
    one in the week ahead."""

    state: str
    until: time | None = None
    opens_at: time | None = None
    next_day: date | None = None


def opening(sessions, now):
    """The Opening at ``now`` (local time) from ``sessions``, those that take place."""
    today, clock = now.date(), now.time()
    on_today = [o for o in sessions if o.date == today]
    if any(o.start_time <= clock < o.end_time for o in on_today):
        until = clock
        for o in sorted(on_today, key=lambda o: o.start_time):  # one starting by then: open on
            if o.start_time <= until and o.end_time > until:
                until = o.end_time
        return Opening("open", until=until)
    later = [o.start_time for o in on_today if o.start_time > clock]
    if later:
        return Opening("later", opens_at=min(later))
    following = [o for o in sessions if o.date > today]
    first = min(following, key=lambda o: (o.date, o.start_time), default=None)
    return Opening(
        "done" if on_today else "closed",
        opens_at=first and first.start_time,
        next_day=first and first.date,
    )


def now_and_next(stek, now=None, limit=3):
    """For the entrance screen: what is on now, what comes next (today or later), what was
    planned today but does not take place here, and whether the STEK is open (Opening)."""
    now = now or timezone.localtime()
    today, clock = now.date(), now.time()
    everything = occurrences(stek, today, today + timedelta(days=7))
    items = [o for o in everything if o.takes_place]
    current = [o for o in items if o.date == today and o.start_time <= clock < o.end_time]
    upcoming = [o for o in items if (o.date, o.start_time) > (today, clock) and o not in current]
    not_today = [o for o in everything if o.date == today and not o.takes_place]
    return current, upcoming[:limit], not_today, opening(items, now)


@cache
def pictogram_data_uri(name):
    """The vendored OpenMoji SVG as a data: URI (for the PDF poster, which loads no URLs)."""
    path = finders.find(f"public/pictograms/{name}.svg") or finders.find(
        "public/pictograms/other.svg"
    )
    data = base64.b64encode(Path(path).read_bytes()).decode()
    return f"data:image/svg+xml;base64,{data}"
