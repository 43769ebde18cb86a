"""Input from the outside, parsed and bounded once: ids, numbers, days, weeks, months and the
JSON a page carries.

Every parser here answers a value within a sane range or the caller's fallback; none raises
on bad input, so a query parameter or a hidden field can never become a server error
(``OverflowError`` near year 1 or 9999, an id too large for the database, a ``ValueError`` on
``abc``, a ``RecursionError`` on deeply nested JSON). Views that read ``request.GET`` or a
posted value that no form cleans go through these functions; forms use the fields in
``stek.core.forms`` that rest on the same bounds.
"""

import json
import re
from datetime import date

from django.utils.dateparse import parse_date

# Ids: auto fields count from 1; 2**31 - 1 is far beyond any real id and fits every database.
MAX_ID = 2**31 - 1
# Days: a range no planning, period or history needs to leave, far from year 1 and 9999, so
# date arithmetic (a week, a month, a year before or after) can never overflow.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)
# A posted JSON state (the rights check): how large and how deeply nested it may be.
MAX_JSON_BYTES = 20_000
MAX_JSON_DEPTH = 20

_INT = re.compile(r"[+-]?\d{1,19}")  # a sane number of digits; anything longer is refused
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_int(value, default=None, *, min_value=None, max_value=None):
    """An integer from text ("12", " 12 "), within [min_value, max_value]; else ``default``."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        number = value
    else:
        text = str(value or "").strip()
        if not _INT.fullmatch(text):
            return default
        number = int(text)
    if (min_value is not None and number < min_value) or (
        max_value is not None and number > max_value
    ):
        return default
    return number


def parse_id(value, default=None):
    """A database id (1..MAX_ID) from text, or ``default``."""
    return parse_int(value, default, min_value=1, max_value=MAX_ID)


def parse_id_list(values):
    """The valid ids among ``values`` (a list of texts), in order, without repeats; ``None``
    when one of them is not an id, so the caller can say so instead of guessing."""
    ids = []
    for value in values:
        number = parse_id(value)
        if number is None:
            return None
        if number not in ids:
            ids.append(number)
    return ids


def in_day_range(day):
    return day is not None and EARLIEST_DAY <= day <= LATEST_DAY


def parse_day(value, default=None):
    """A date from YYYY-MM-DD within [EARLIEST_DAY, LATEST_DAY], or ``default`` when it is
    missing, malformed, impossible (2026-02-31) or out of range (0001-01-01, 9999-12-31)."""
    if isinstance(value, date):
        day = value
    else:
        try:
            day = parse_date(str(value or "").strip())
        except ValueError:
            day = None
    return day if in_day_range(day) else default


def parse_month(value, default):
    """The first day of the month YYYY-MM within the day range; else ``default``."""
    match = _MONTH.fullmatch(str(value or "").strip())
    if not match:
        return default
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return default
    first = date(year, month, 1) if 1 <= year <= 9999 else None
    return first if in_day_range(first) else default


def json_depth_within(text, max_depth):
    """True when the JSON ``text`` nests arrays and objects at most ``max_depth`` deep.
    Counts brackets outside strings, in one pass, without parsing (the parser recurses)."""
    depth, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                return False
        elif ch in "]}":
            depth -= 1
    return True


class BadJson(ValueError):
    """The JSON is too large, too deep, or not JSON."""


def load_json(text, *, max_bytes=MAX_JSON_BYTES, max_depth=MAX_JSON_DEPTH):
    """Parse JSON posted back by a page, after bounding its size and depth; ``BadJson``
    otherwise (never ``RecursionError`` or ``MemoryError``)."""
    text = text or ""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise BadJson("too large")
    if not json_depth_within(text, max_depth):
        raise BadJson("too deeply nested")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise BadJson(str(error)) from error


def has_nul(value):
    return "\x00" in value
