from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core import params
from stek.core.access import deny, get_stek_for_user
from stek.core.dates import add_months, month_of
from stek.core.forms import show_refusal
from stek.core.pdf import pdf_response
from stek.core.permissions import active_memberships
from stek.core.services import ServiceError
from stek.socialmap.access import get_service_for_user
from stek.socialmap.links import back_from, search_url, with_back

from . import links, permissions, ratelimit, services, stats
from .access import get_referral_for_user
from .enums import ClosedVia, Status
from .forms import CodeForm, ReferralForm, ReferralOutcomeForm
from .models import Referral
from .slip import slip_context


def _worker_organisation(user, stek):
    """The organisation the worker belongs to in this STEK, from the active memberships."""
    membership = next((m for m in active_memberships(user) if m.stek_id == stek.pk), None)
    return membership.organisation if membership else None


@login_required
def create(request, slug, service_pk):
    stek, service = get_service_for_user(request, slug, service_pk)
    if not permissions.can_refer(request.user, stek):
        deny()
    form = ReferralForm(
        request.POST or None,
        stek=stek,
        service=service,
        topic_code=request.GET.get("onderwerp", ""),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.create_referral(
                actor=request.user,
                stek=stek,
                from_organisation=_worker_organisation(request.user, stek),
                service=service,
                topic=data["topic"],
                barrier=data["barrier"],
                warm_handover=data["warm_handover"],
                language=data["language"],
            )
        except ServiceError as error:
            show_refusal(form, error)
        else:
            return redirect(_detail_url(stek, referral, back_from(request, stek)))
    back = back_from(request, stek)
    return render(
        request,
        "referrals/create.html",
        {
            "stek": stek,
            "service": service,
            "form": form,
            "back": back,
            "back_url": back or search_url(stek),
            "cancel_url": with_back(
                reverse("socialmap:service_detail", args=[stek.slug, service.pk]), back
            ),
        },
    )


def _detail_url(stek, referral, back=None):
    return with_back(reverse("referrals:detail", args=[stek.slug, referral.pk]), back)


@login_required
def detail(request, slug, pk):
    stek, referral = get_referral_for_user(request, slug, pk)
    return _detail_page(request, stek, referral, ReferralOutcomeForm())


def _detail_page(request, stek, referral, form, status=200):
    """The referral with its slip and the outcome form (bound after a refused POST, so what was
    chosen stays)."""
    with translation.override(referral.language):
        slip = slip_context(request, referral)
        slip_html = render(request, "referrals/partials/slip.html", slip).content.decode()
    return render(
        request,
        "referrals/detail.html",
        {
            "stek": stek,
            "referral": referral,
            "slip_html": slip_html,
            "confirm_url": slip["confirm_url"],
            "form": form,
            "back": back_from(request, stek),
            "back_url": back_from(request, stek) or search_url(stek),
        },
        status=status,
    )


@login_required
def slip_pdf(request, slug, pk):
    stek, referral = get_referral_for_user(request, slug, pk)
    size = "A4" if request.GET.get("formaat", "").upper() == "A4" else "A6"
    with translation.override(referral.language):
        context = {**slip_context(request, referral), "size": size}
    return pdf_response(  # the slip in the visitor's language, a refusal in the worker's
        request,
        "referrals/slip_pdf.html",
        context,
        f"verwijsbriefje-{referral.code}-{size.lower()}.pdf",
        stek=stek,
        back=reverse("referrals:detail", args=[stek.slug, referral.pk]),
        language=referral.language,
    )


@login_required
@require_POST
def record(request, slug, pk):
    stek, referral = get_referral_for_user(request, slug, pk)
    form = ReferralOutcomeForm(request.POST)
    via = ClosedVia.VISITOR if request.POST.get("via") == "visitor" else ClosedVia.WORKER
    if form.is_valid():
        try:
            services.record_outcome(
                referral=referral, via=via, actor=request.user, **form.cleaned_data
            )
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Genoteerd."))
            return redirect(_detail_url(stek, referral, back_from(request, stek)))
    # refused: the page again with what was chosen, and the reason beside the form
    return _detail_page(request, stek, referral, form, status=400)


@login_required
def referral_list(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_follow_up)
    lookup = CodeForm(request.GET or None)
    if request.GET.get("code") and lookup.is_valid():
        found = Referral.objects.filter(stek=stek, code=lookup.cleaned_data["code"]).first()
        if found:
            return redirect("referrals:detail", slug=stek.slug, pk=found.pk)
        lookup.add_error("code", _("Geen verwijzing met deze code in deze STEK."))
    status = request.GET.get("status", "live")
    referrals = Referral.objects.filter(stek=stek).select_related(
        "service", "topic", "to_organisation"
    )
    if status == "live":
        referrals = referrals.live()
    elif status in Status.values:
        referrals = referrals.filter(status=status)
    return render(
        request,
        "referrals/list.html",
        {
            "stek": stek,
            "lookup": lookup,
            "referrals": referrals[:200],
            "status": status,
            "statuses": [("live", _("Lopend"))] + list(Status.choices),
        },
    )


@login_required
def overview(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_overview)
    today = timezone.localdate()
    this_month = month_of(today)
    six_ago = add_months(this_month, -5)  # six months, this one included
    first = params.parse_month(request.GET.get("van"), six_ago)
    last = params.parse_month(request.GET.get("tot"), this_month)
    if last < first:
        first, last = last, first
    data = stats.overview(stek, first, last)
    orgs = data.matrix_orgs
    rows = [{"org": o, "cells": [data.matrix.get((o.pk, c.pk)) for c in orgs]} for o in orgs]
    return render(
        request,
        "referrals/overview.html",
        {"stek": stek, "data": data, "matrix_rows": rows, "first": first, "last": last},
    )


# --- Public: the receiving service confirms, without an account and without learning who --
def confirm_code(request):
    """Only failed attempts count toward the limits; the page itself is always shown."""
    form = CodeForm(request.POST or None)
    if request.method != "POST":
        return render(request, "referrals/confirm_code.html", {"form": form})
    if ratelimit.blocked(request):
        return render(
            request, "referrals/confirm_code.html", {"form": form, "blocked": True}, status=429
        )
    if form.is_valid():
        referral = Referral.objects.filter(code=form.cleaned_data["code"]).first()
        if referral is not None:
            return redirect("referrals:confirm", token=links.token_for(referral))
        form.add_error("code", _("We vinden deze code niet. Kijk de code na."))
    ratelimit.count_failure(request)
    return render(request, "referrals/confirm_code.html", {"form": form})


def confirm(request, token):
    try:
        referral = Referral.objects.select_related("service", "topic", "stek").get(
            pk=links.referral_pk_from(token)
        )
    except signing.SignatureExpired:
        return _confirm_refused(request, _("Deze link is verlopen."))
    except (signing.BadSignature, ValueError, Referral.DoesNotExist):
        return _confirm_refused(request, _("Deze link is niet geldig."))
    form = ReferralOutcomeForm(request.POST or None)
    if referral.is_expired:
        return _confirm_refused(request, _("Deze verwijzing is verlopen. Er kan niets meer bij."))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(referral=referral, via=ClosedVia.SERVICE, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Dank je. Dit is genoteerd."))
            return redirect("referrals:confirm", token=token)
    return render(request, "referrals/confirm.html", {"referral": referral, "form": form})


def _confirm_refused(request, message):
    return render(request, "referrals/confirm_refused.html", {"message": message}, status=410)
