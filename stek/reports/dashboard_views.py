"""The network dashboard (issue 18, ADR 0018): for the network's analysts and admins, every
read audited as viewed, every export as exported. GET only reads (ADR 0011): the audit row is
the one write, as on the network's other pages."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.advocacy.enums import DossierOutcome
from stek.advocacy.forms import GridPeriodForm
from stek.advocacy.views import period_label
from stek.core import audit
from stek.core.access import get_network_for_user
from stek.core.enums import AuditAction
from stek.core.models import Stek
from stek.core.ods import write_ods
from stek.core.privacy import boundary

from . import dashboard, permissions


def _period(request, today, quiet=False):
    """The grid period asked for (``?periode=2026-K1``), else the default; with a message
    when the one asked for is not on the grid."""
    offered = dashboard.periods(today)
    raw = request.GET.get("periode")
    asked = boundary.GridPeriod.parse(raw)
    period = asked if asked in offered else dashboard.default_period(today)
    if raw and asked not in offered and not quiet:
        shown = period_label(period) if period else _("nog geen afgesloten maand")
        messages.info(
            request,
            _(
                "Die periode is nog niet afgesloten, bestaat niet of ligt buiten het overzicht. "
                "We tonen %(period)s."
            )
            % {"period": shown},
        )
    return offered, period


def _board(network, period, today):
    steks = Stek.objects.filter(network=network, is_active=True).order_by("name")
    return dashboard.build(network, steks, period, today) if period else None


@login_required
def network_dashboard(request, slug):
    """STEKs side by side, problems that recur across STEKs, dossiers and their outcomes,
    referrals between organisations: aggregates only, on the grid of completed periods."""
    network = get_network_for_user(request, slug, permissions.can_view_network_dashboard)
    today = timezone.localdate()
    offered, period = _period(request, today)
    audit.record(
        request.user,
        AuditAction.VIEWED,
        "netwerkdashboard",
        network=network,
        detail=period.code if period else "",
    )
    form = GridPeriodForm(
        initial={"periode": period.code if period else ""},
        periods=[(p, period_label(p)) for p in offered],
    )
    context = {
        "network": network,
        "board": _board(network, period, today),
        "form": form,
        "period": period,
        "period_label": period_label(period) if period else _("nog geen afgesloten maand"),
        "outcome_labels": [str(label) for _o, label in DossierOutcome.choices],
        "min_steks": dashboard.MIN_STEKS,
    }
    return render(request, "reports/dashboard/page.html", context)


@login_required
def network_dashboard_table(request, slug, fmt):
    """The dashboard's published figures as CSV or ODS, audited as exported."""
    network = get_network_for_user(request, slug, permissions.can_view_network_dashboard)
    today = timezone.localdate()
    _offered, period = _period(request, today, quiet=True)
    board = _board(network, period, today)
    if board is None:
        header, rows = [_("Deel")], [[_("nog geen afgesloten maand")]]
        code = "leeg"
    else:
        header, rows = dashboard.spreadsheet(board)
        code = period.code
    audit.record(
        request.user,
        AuditAction.EXPORTED,
        "netwerkdashboard",
        network=network,
        detail=f"{fmt} {code}",
    )
    name = f"netwerkdashboard-{network.slug}-{code}.{fmt}"
    if fmt == "ods":
        response = HttpResponse(
            write_ods(_("Netwerkdashboard"), header, rows),
            content_type="application/vnd.oasis.opendocument.spreadsheet",
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
