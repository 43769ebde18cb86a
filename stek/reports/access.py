"""Load a STEK's report for the current user: 404 across STEKs (and for a year without a
report where one is needed), 403 for a role that may not read it."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core.access import get_network_for_user, get_stek_for_user

from . import permissions, services
from .models import YearReport


def get_report_year(request, slug, year, check=permissions.can_view_report):
    """The STEK and the year of its report page; the year's snapshot or None."""
    stek = get_stek_for_user(request, slug, check)
    if not services.check_year(year, timezone.localdate()):
        raise Http404(_("Voor dit jaar is er geen verslag."))
    return stek, YearReport.objects.filter(stek=stek, year=year).first()


def get_snapshot(request, slug, year):
    stek, report = get_report_year(request, slug, year)
    if report is None:
        raise Http404(_("Er is nog geen jaarverslag van %(year)s.") % {"year": year})
    return stek, report


def get_network_reports(request, slug):
    """The network (for its analysts and admins) and its active STEKs' frozen reports."""
    network = get_network_for_user(request, slug, permissions.can_read_network_reports)
    reports = YearReport.objects.filter(stek__network=network, stek__is_active=True)
    return network, reports.select_related("stek").order_by("-year", "stek__name")


def get_network_report(request, slug, stek_slug, year):
    network, reports = get_network_reports(request, slug)
    report = reports.filter(stek__slug=stek_slug, year=year).first()
    if report is None:
        raise Http404(_("Er is nog geen jaarverslag van %(year)s.") % {"year": year})
    return network, report


def get_self_evaluation(request, slug, year, check=permissions.can_view_self_evaluation):
    """The STEK and its self-evaluation of ``year``: 404 across STEKs and for a year that has
    none, 403 for a role that may not read (or run) it."""
    from .models import SelfEvaluation

    stek = get_stek_for_user(request, slug, check)
    evaluation = SelfEvaluation.objects.filter(stek=stek, year=year).first()
    if evaluation is None:
        raise Http404(_("Er is geen zelfevaluatie van %(year)s.") % {"year": year})
    return stek, evaluation


def get_rater_link(code):
    """A raters' link by its code, with its evaluation and STEK; None when unknown."""
    from .models import RaterLink

    if not code:
        return None
    return (
        RaterLink.objects.filter(code=code, evaluation__stek__is_active=True)
        .select_related("evaluation__stek")
        .first()
    )
