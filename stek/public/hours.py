"""A service's opening hours in words a visitor reads, from the OpenStreetMap notation."""

from django.utils.dates import WEEKDAYS_ABBR

from stek.socialmap.hours import weekly_rules

_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _days(codes):
    """["MO", "TU", "WE", "FR"] -> "ma–wo, vr" (in the active language)."""
    numbers = sorted(_CODES.index(c) for c in codes if c in _CODES)
    runs = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    names = []
    for first, last in runs:
        a, b = str(WEEKDAYS_ABBR[first]), str(WEEKDAYS_ABBR[last])
        names.append(a if first == last else (f"{a}, {b}" if last == first + 1 else f"{a}–{b}"))
    return ", ".join(names)


def hours_for_visitors(expression):
    """["ma–vr 09:00–12:00", "di 13:30–16:00"]; the notation itself when it has rules a
    plain week does not show (months, week numbers); [] when there are no hours."""
    expression = (expression or "").strip()
    if not expression:
        return []
    rules = weekly_rules(expression)
    plain = [r for r in expression.split(";") if r.strip() and r.strip() != "PH off"]
    lines = []
    for days, opens, closes in rules:
        line = f"{_days(days)} {opens}–{closes}"
        if lines and lines[-1].startswith(_days(days) + " "):
            lines[-1] += f", {opens}–{closes}"
        else:
            lines.append(line)
    if not rules or any(not weekly_rules(rule) for rule in plain):
        return [expression]
    return lines
