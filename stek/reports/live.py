"""The figures of a year that was not frozen, remembered per process (issue 18).

``figures(stek, year, today)`` is ``indicators.compute(stek, year, today)``, kept in a
``memo.Lru`` under everything the figures depend on, so a memo is never read stale:

- the STEK's report version (``stek_changed``: every save or delete of a model of the apps the
  report counts, that has a STEK), and the shared one (``shared_changed``: such a model without
  a STEK of its own, e.g. a tally's count, a dossier, an organisation's name, a membership);
- the versions the apps renew themselves for their writes that send no signal (an
  ``update()``): the agenda's tallies (``tally_version``) and its activities
  (``agenda_version``), the rights shown (``shown_version``);
- the day (the running year counts up to today), the language (labels are translated when the
  figures are made), the threshold and the STEK's choice to count rights shown;
- the clock: a referral that is open or arrived counts as expired from its ``expires_at`` on,
  so a memo is kept only until the first such moment after it was made.
"""

from datetime import date

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import get_language

from stek.agenda.occurrences import agenda_version
from stek.agenda.services import tally_version
from stek.core import memo, versions
from stek.core.privacy.suppression import default_threshold
from stek.referrals.enums import Status
from stek.referrals.models import Referral
from stek.rights.services import shown_version

from . import indicators
from .models import YearReport

SHARED = "reports:figures:shared"
_MEMO = memo.Lru(256)


def _name(stek_id):
    return f"reports:figures:{stek_id}"


def stek_changed(stek_id):
    if stek_id is not None:
        versions.bump(_name(stek_id))


def shared_changed():
    versions.bump(SHARED)


def _key(stek, year, today, threshold):
    return (
        stek.pk,
        year,
        today,
        get_language(),
        default_threshold(threshold),
        bool(stek.count_rights_shown),
        versions.current(_name(stek.pk)),
        versions.current(SHARED),
        tally_version(stek.pk),
        agenda_version(stek.pk),
        shown_version(),
    )


def _next_expiry(stek, year, today, now):
    """The first moment after ``now`` that an open or arrived referral of the year expires:
    from then on the figures read it as expired."""
    start, end = date(year, 1, 1), indicators.year_end(year, today)
    return (
        Referral.objects.filter(
            stek=stek,
            created_on__gte=start,
            created_on__lte=end,
            status__in=[Status.OPEN, Status.ARRIVED],
            expires_at__gt=now,
        )
        .order_by()
        .aggregate(first=Min("expires_at"))["first"]
    )


def figures(stek, year, today=None, threshold=None):
    """The year's figures as ``indicators.compute`` gives them, from the memo when nothing they
    depend on changed since."""
    today = today or timezone.localdate()
    key = _key(stek, year, today, threshold)
    kept = _MEMO.get(key)
    now = timezone.now()
    if kept is not None and (kept[1] is None or now < kept[1]):
        return kept[0]
    made = indicators.compute(stek, year, today, threshold)
    _MEMO.put(key, (made, _next_expiry(stek, year, today, now)))
    return made


def year_figures(stek, year, today=None):
    """A year's published figures: its frozen report's when it was made, else as published
    today (from the memo); None for a year before any report."""
    snapshot = YearReport.objects.filter(stek=stek, year=year).first()
    if snapshot is not None:
        return snapshot.figures
    if year < 2000:
        return None
    return figures(stek, year, today)
