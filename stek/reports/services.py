"""Every write of the reports app: freezing a year's report (ADR 0015)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.services import ServiceError

from . import indicators
from .models import YearReport

FIRST_YEAR = 2000


def check_year(year, today):
    """A year a report can be about: not before 2000, not after this one."""
    return FIRST_YEAR <= year <= today.year


@transaction.atomic
def freeze_report(*, actor, stek, year, highlights="", plans="", bbc_code="", today=None):
    """Make the year's report: the figures as they are published today (already suppressed)
    and the team's own text, stored once. A year has one report; it never changes."""
    today = today or timezone.localdate()
    if not check_year(year, today):
        raise ServiceError(_("Voor dit jaar kan je geen jaarverslag maken."))
    if YearReport.objects.filter(stek=stek, year=year).exists():
        raise ServiceError(_("Er is al een jaarverslag van %(year)s.") % {"year": year})
    figures = indicators.compute(stek, year, today)
    report = YearReport(
        stek=stek,
        year=year,
        counted_until=figures["counted_until"],
        made_by=actor if actor is not None and actor.is_authenticated else None,
        threshold=figures["threshold"],
        figures=figures,
        highlights=highlights.strip(),
        plans=plans.strip(),
        bbc_code=bbc_code.strip(),
    )
    try:
        report.full_clean(exclude=["stek", "made_by"])
    except ValidationError as error:
        raise ServiceError(" ".join(m for ms in error.message_dict.values() for m in ms)) from error
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # two coordinators at once: the first one made it
        raise ServiceError(_("Er is al een jaarverslag van %(year)s.") % {"year": year}) from error
    audit.record(actor, AuditAction.CREATED, f"jaarverslag {year}", stek=stek)
    return report
