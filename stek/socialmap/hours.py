"""Opening hours in OpenStreetMap ``opening_hours`` syntax, evaluated in Belgium.

The parser is opening-hours-py (a binding of the Rust reference implementation); ``PH`` uses
the Belgian public holidays. Notices (holiday, temporary closure) close a service on top of
its hours.
"""

import re
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import opening_hours
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BRUSSELS = ZoneInfo("Europe/Brussels")


def validate_opening_hours(value):
    if value and not opening_hours.validate(value):
        raise ValidationError(
            _("Deze openingsuren kunnen we niet lezen. Schrijf bv. Mo-Fr 09:00-12:00; PH off")
        )


@lru_cache(maxsize=20000)
def parsed(expression):
    """The parsed expression, once per process per distinct text (None if unreadable)."""
    try:
        return opening_hours.OpeningHours(expression, timezone=BRUSSELS, country="BE")
    except (opening_hours.ParserError, ValueError):
        return None


def _closing_notice(notices, day):
    for notice in notices:
        if notice.closes and notice.starts_on <= day <= notice.ends_on:
            return notice
    return None


def is_open(expression, notices=(), at=None):
    """True, False, or None when the hours are not known."""
    at = (at or timezone.now()).astimezone(BRUSSELS)
    if _closing_notice(notices, at.date()):
        return False
    hours = parsed(expression) if expression else None
    if hours is None:
        return None
    return bool(hours.is_open(at))


def next_opening(expression, notices=(), at=None, horizon_days=60):
    """When the service opens next (aware datetime), skipping closing notices; or None."""
    hours = parsed(expression) if expression else None
    if hours is None:
        return None
    at = (at or timezone.now()).astimezone(BRUSSELS)
    end = at + timedelta(days=horizon_days)
    for start, stop, state, _comment in hours.intervals(at, end):
        if state != opening_hours.State.OPEN:
            continue
        moment = max(start, at)
        if moment < stop and not _closing_notice(notices, moment.date()):
            return moment
    return None


def week_table(expression, at=None):
    """The next seven days as [(date, [(opens, closes), ...])] for showing and printing."""
    hours = parsed(expression) if expression else None
    if hours is None:
        return []
    at = (at or timezone.now()).astimezone(BRUSSELS)
    first = datetime.combine(at.date(), time(0), tzinfo=BRUSSELS)
    rows = []
    for offset in range(7):
        start = first + timedelta(days=offset)
        stop = start + timedelta(days=1)
        spans = [
            (a.time(), b.time() if b < stop else time(23, 59))
            for a, b, state, _c in hours.intervals(start, stop)
            if state == opening_hours.State.OPEN
        ]
        rows.append((start.date(), spans))
    return rows


_RULE = re.compile(
    r"^(?P<days>(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:[-,](?:Mo|Tu|We|Th|Fr|Sa|Su))*)\s+"
    r"(?P<times>\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*)$"
)
_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def _expand_days(days):
    result = []
    for part in days.split(","):
        if "-" in part:
            a, b = part.split("-")
            i, j = _DAYS.index(a), _DAYS.index(b)
            result.extend(_DAYS[i : j + 1] if i <= j else _DAYS[i:] + _DAYS[: j + 1])
        else:
            result.append(part)
    return result


def weekly_rules(expression):
    """Simple weekly rules ``(["MO", "TU"], "09:00", "12:00")`` for HSDS schedules.

    Rules that are not a plain weekly rule (PH off, week numbers, months) are left out here;
    the full expression travels along as the schedule's description."""
    rules = []
    for rule in (expression or "").split(";"):
        match = _RULE.match(rule.strip())
        if not match:
            continue
        days = [d.upper() for d in _expand_days(match["days"])]
        for span in match["times"].split(","):
            opens, closes = span.split("-")
            rules.append((days, opens, closes))
    return rules


# --- Opening hours as people read them -------------------------------------------------------

_DAY_NAMES = {
    "Mo": gettext_lazy("maandag"),
    "Tu": gettext_lazy("dinsdag"),
    "We": gettext_lazy("woensdag"),
    "Th": gettext_lazy("donderdag"),
    "Fr": gettext_lazy("vrijdag"),
    "Sa": gettext_lazy("zaterdag"),
    "Su": gettext_lazy("zondag"),
}
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_SELECTOR = re.compile(rf"^(?:{_DAY}(?:-{_DAY})?|PH)(?:,(?:{_DAY}(?:-{_DAY})?|PH))*$")
_SPAN = re.compile(r"^(\d\d):(\d\d)-(\d\d):(\d\d)$")


def _join(items):
    """ "a", "a en b", "a, b en c" in the current language."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s en %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _clock(hour, minute):
    return _("%(hour)d:%(minute)s") % {"hour": int(hour), "minute": minute}


def _human_times(text):
    spans = []
    for part in text.split(","):
        match = _SPAN.match(part.strip())
        if not match:
            return None
        h1, m1, h2, m2 = match.groups()
        spans.append(f"{_clock(h1, m1)}\u2013{_clock(h2, m2)}")
    return _join(spans)


def _human_days(selector):
    if not _SELECTOR.match(selector):
        return None
    parts = []
    for part in selector.split(","):
        if part == "PH":
            parts.append(_("feestdagen"))
        elif "-" in part:
            first, last = part.split("-")
            if (first, last) == ("Mo", "Su"):
                parts.append(_("elke dag"))
            else:
                parts.append(
                    _("%(first)s tot %(last)s")
                    % {"first": _DAY_NAMES[first], "last": _DAY_NAMES[last]}
                )
        else:
            parts.append(str(_DAY_NAMES[part]))
    return _join(parts)


def _human_rule(rule):
    """One rule ("Mo-Fr 09:00-12:00", "PH off") in words, or None when it is not one we read."""
    if rule == "24/7":
        return _("dag en nacht open")
    words = rule.split()
    if len(words) == 1 and _SPAN.match(words[0].split(",")[0]):
        times = _human_times(words[0])
        return _("elke dag %(times)s") % {"times": times} if times else None
    if len(words) != 2:
        return None
    selector, what = words
    if what in ("off", "closed"):
        if selector == "PH":
            return _("gesloten op feestdagen")
        days = _human_days(selector)
        return _("gesloten op %(days)s") % {"days": days} if days else None
    days, times = _human_days(selector), _human_times(what)
    if days is None or times is None:
        return None
    return _("%(days)s %(times)s") % {"days": days, "times": times}


def humanize(expression):
    """The hours in words in the current language: "Mo,We,Fr 09:00-12:00; PH off" becomes
    "maandag, woensdag en vrijdag 9:00–12:00; gesloten op feestdagen". A rule this does not
    read (week numbers, months, comments) stays as it was written."""
    return "; ".join(humanize_lines(expression))


def humanize_lines(expression):
    """The rules of :func:`humanize` one per line, for a visitor's page: ["maandag tot vrijdag
    9:00–12:00", "gesloten op feestdagen"]; [] when there are no hours."""
    rules = [rule.strip() for rule in (expression or "").split(";") if rule.strip()]
    return [_human_rule(rule) or rule for rule in rules]
