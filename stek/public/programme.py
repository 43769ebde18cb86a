"""The published programme: which sessions to show, grouped by day, with filters."""

import base64
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils import timezone

from stek.agenda.enums import Function
from stek.agenda.occurrences import occurrences

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


def now_and_next(stek, now=None, limit=3):
    """For the entrance screen: what is on now, what comes next (today or later), and what
    was planned today but does not take place here."""
    now = now or timezone.localtime()
    today, clock = now.date(), now.time()
    everything = occurrences(stek, today, today + timedelta(days=7))
    items = [o for o in everything if o.takes_place]
    current = [o for o in items if o.date == today and o.start_time <= clock < o.end_time]
    upcoming = [o for o in items if (o.date, o.start_time) > (today, clock) and o not in current]
    not_today = [o for o in everything if o.date == today and not o.takes_place]
    return current, upcoming[:limit], not_today


@cache
def pictogram_data_uri(name):
    """The vendored OpenMoji SVG as a data: URI (for the PDF poster, which loads no URLs)."""
    path = finders.find(f"public/pictograms/{name}.svg") or finders.find(
        "public/pictograms/other.svg"
    )
    data = base64.b64encode(Path(path).read_bytes()).decode()
    return f"data:image/svg+xml;base64,{data}"
