import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.forms import show_refusal
from stek.core.ods import write_ods
from stek.core.pdf import pdf_response

from . import live, permissions, report
from .access import get_network_report, get_network_reports, get_report_year, get_snapshot
from .forms import FreezeForm
from .models import YearReport


def _page(request, stek, year, snapshot, form=None, status=200):
    today = timezone.localdate()
    figures = snapshot.figures if snapshot else live.figures(stek, year, today)
    before = live.year_figures(stek, year - 1, today)
    context = {
        "stek": stek,
        "year": year,
        "snapshot": snapshot,
        "figures": figures,
        "sections": report.sections(figures),
        "side_by_side": report.side_by_side(figures, before),
        "before_frozen": YearReport.objects.filter(stek=stek, year=year - 1).exists(),
        "running": year == today.year and not snapshot,
        "form": form if form is not None else (None if snapshot else FreezeForm()),
        "can_make": permissions.can_make_report(request.user, stek),
        "threshold": figures["threshold"],
        "years": [y for y in (year - 1, year + 1) if 2000 <= y <= today.year],
    }
    return render(request, "reports/year.html", context, status=status)


@login_required
def year_report(request, slug, year):
    """The yearly report of the STEK: its frozen snapshot, or the figures as they are
    published today with the button that freezes them. GET only reads (ADR 0011)."""
    stek, snapshot = get_report_year(request, slug, year)
    return _page(request, stek, year, snapshot)


@login_required
@require_POST
def freeze(request, slug, year):
    from stek.core.services import ServiceError

    from . import services

    stek, snapshot = get_report_year(request, slug, year, permissions.can_make_report)
    if snapshot is not None:
        messages.info(request, _("Er is al een jaarverslag van %(year)s.") % {"year": year})
        return redirect("reports:year", slug=stek.slug, year=year)
    form = FreezeForm(request.POST)
    if form.is_valid():
        try:
            services.freeze_report(actor=request.user, stek=stek, year=year, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Het jaarverslag van %(year)s is gemaakt.") % {"year": year}
            )
            return redirect("reports:year", slug=stek.slug, year=year)
    return _page(request, stek, year, None, form=form, status=400)


def _audit(request, stek, snapshot, what):
    audit.record(
        request.user, AuditAction.EXPORTED, f"jaarverslag {snapshot.year}", stek=stek, detail=what
    )


def _name(stek, snapshot, ext):
    return f"jaarverslag-{stek.slug}-{snapshot.year}.{ext}"


@login_required
def report_pdf(request, slug, year):
    stek, snapshot = get_snapshot(request, slug, year)
    before = YearReport.objects.filter(stek=stek, year=year - 1).first()
    context = {
        "stek": stek,
        "snapshot": snapshot,
        "figures": snapshot.figures,
        "sections": report.sections(snapshot.figures, prefix="pdf"),
        "side_by_side": report.side_by_side(snapshot.figures, before.figures if before else None),
        "before_frozen": before is not None,
        "threshold": snapshot.threshold,
    }
    response = pdf_response(
        request,
        "reports/year_pdf.html",
        context,
        _name(stek, snapshot, "pdf"),
        stek=stek,
        back=reverse("reports:year", args=[stek.slug, year]),
    )
    if response.status_code == 200:  # only a report that was made leaves the STEK
        _audit(request, stek, snapshot, "pdf")
    return response


@login_required
def report_table(request, slug, year, fmt):
    stek, snapshot = get_snapshot(request, slug, year)
    header, rows = report.spreadsheet(snapshot.figures, snapshot)
    _audit(request, stek, snapshot, fmt)
    if fmt == "ods":
        content = write_ods(_("Jaarverslag"), header, rows)
        response = HttpResponse(
            content, content_type="application/vnd.oasis.opendocument.spreadsheet"
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_name(stek, snapshot, fmt)}"'
    return response


@login_required
def network_reports(request, slug):
    """The frozen yearly reports of the network's STEKs, for its analysts: read only."""
    network, reports = get_network_reports(request, slug)
    audit.record(request.user, AuditAction.VIEWED, "jaarverslagen in het netwerk", network=network)
    return render(request, "reports/network_list.html", {"network": network, "reports": reports})


@login_required
def network_report(request, slug, stek_slug, year):
    """One STEK's frozen report, as it left the STEK (already suppressed); beside it the year
    before only when that year was frozen too."""
    network, snapshot = get_network_report(request, slug, stek_slug, year)
    before = YearReport.objects.filter(stek=snapshot.stek, year=year - 1).first()
    audit.record(
        request.user, AuditAction.VIEWED, f"jaarverslag {year}", network=network, stek=snapshot.stek
    )
    context = {
        "network": network,
        "stek": snapshot.stek,
        "snapshot": snapshot,
        "year": year,
        # no signals: the network publishes them across STEKs (ADR 0006, ADR 0018)
        "sections": report.without_signals(report.sections(snapshot.figures)),
        "side_by_side": report.side_by_side(
            snapshot.figures, before.figures if before else None, skip=("signals",)
        ),
        "before_frozen": before is not None,
        "threshold": snapshot.threshold,
    }
    return render(request, "reports/network_year.html", context)
