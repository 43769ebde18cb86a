from datetime import timedelta

from django.utils.dateparse import parse_date


def parse_day(value):
    """A date from user input (YYYY-MM-DD), or None when it is missing, malformed or impossible
    (Django's parse_date raises for well-formed impossible dates such as 2026-02-31)."""
    try:
        return parse_date(value or "")
    except ValueError:
        return None


def monday_of(day):
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())
