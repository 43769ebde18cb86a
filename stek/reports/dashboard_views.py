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
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from stek.advocacy.enums import DossierOutcome
from stek.advocacy.views import period_label
from stek.core import audit
from stek.core.access import get_network_for_user
from stek.core.enums import AuditAction
from stek.core.models import Stek
from stek.core.ods import write_ods
from stek.core.privacy import boundary

from . import dashboard, permissions
from .forms import DashboardForm


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


def _year(request, years, quiet=False):
    """The reports' year asked for (``?jaar=2025``), else the latest one with a frozen report;
    with a message when the one asked for has none."""
    raw = request.GET.get("jaar")
    # isascii: "²".isdigit() is true, but int("²") fails; a year has four digits
    readable = raw and len(raw) == 4 and raw.isascii() and raw.isdigit()
    year = int(raw) if readable and int(raw) in years else None
    if year is None:
        year = years[0] if years else None
        if raw and not quiet and year:
            messages.info(
                request,
                _("Van dat jaar heeft geen STEK een jaarverslag. We tonen %(year)s.")
                % {"year": year},
            )
    return year


def _steks(network):
    return list(Stek.objects.filter(network=network, is_active=True).order_by("name"))


def _choices(request, network, today, quiet=False):
    steks = _steks(network)
    years = dashboard.report_years(steks)
    offered, period = _period(request, today, quiet=quiet)
    return steks, years, _year(request, years, quiet=quiet), offered, period


def _pair_rows(board):
    """The reciprocity table's rows, escaped and joined in one pass: on a large network the
    table has a row per pair of organisations (1,378 on the bench data), and the template
    engine takes ~1 ms a row."""
    return format_html_join(
        "",
        '<tr><th scope="row">{}</th><td class="n">{}</td><td>{}</td><td class="n">{}</td></tr>',
        ((p.there, p.n_there.text, p.back, p.n_back.text) for p in board.pairs),
    )


def _detail(year, period):
    return " ".join(x for x in (str(year or ""), period.code if period else "") if x)


def _query(year, period):
    parts = []
    if year:
        parts.append(f"jaar={year}")
    if period:
        parts.append(f"periode={period.code}")
    return "&".join(parts)


@login_required
def network_dashboard(request, slug):
    """STEKs side by side and the referrals between organisations (the frozen reports of a
    year, as they were published), problems that recur across STEKs (the network's signals of
    a grid period), dossiers and their outcomes: aggregates only."""
    network = get_network_for_user(request, slug, permissions.can_view_network_dashboard)
    today = timezone.localdate()
    steks, years, year, offered, period = _choices(request, network, today)
    audit.record(
        request.user,
        AuditAction.VIEWED,
        "netwerkdashboard",
        network=network,
        detail=_detail(year, period),
    )
    form = DashboardForm(
        initial={"jaar": str(year or ""), "periode": period.code if period else ""},
        years=years,
        periods=[(p, period_label(p)) for p in offered],
    )
    board = dashboard.build(network, steks, year, period, today)
    context = {
        "network": network,
        "board": board,
        "pair_rows": _pair_rows(board),
        "form": form,
        "year": year,
        "period": period,
        "query": _query(year, period),
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
    steks, _years, year, _offered, period = _choices(request, network, today, quiet=True)
    board = dashboard.build(network, steks, year, period, today)
    header, rows = dashboard.spreadsheet(board)
    code = _detail(year, period).replace(" ", "-") or "leeg"
    audit.record(
        request.user,
        AuditAction.EXPORTED,
        "netwerkdashboard",
        network=network,
        detail=f"{fmt} {_detail(year, period)}".strip(),
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
