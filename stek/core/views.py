from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.contrib.sessions.exceptions import SessionInterrupted
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from . import audit, errors, middleware, panels, permissions, services
from .access import (
    get_membership_for_user,
    get_network_for_user,
    get_partnership_for_user,
    get_stek_for_user,
)
from .enums import AuditAction, MembershipRole
from .forms import (
    AuditFilterForm,
    LoginForm,
    MemberCreateForm,
    MemberEditForm,
    NewStekForm,
    PartnerCreateForm,
    PartnerEditForm,
    StekForm,
    show_refusal,
)
from .models import AuditEvent, Membership, Partnership, Stek


# --- authentication ---------------------------------------------------------------------------
@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    # only a path on this site: anything else (another host, or a word such as "999" that
    # redirect() would try to reverse as a URL name) is dropped, never a 500
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        next_url = ""
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or "core:home")
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth_login(request, form.get_user())
        shared = form.cleaned_data.get("shared_device")
        minutes = (
            settings.SESSION_SHARED_DEVICE_IDLE_MINUTES if shared else settings.SESSION_IDLE_MINUTES
        )
        request.session.set_expiry(minutes * 60)
        request.session["shared_device"] = bool(shared)
        return redirect(next_url or "core:home")
    return render(request, "registration/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request):
    auth_logout(request)
    messages.info(request, _("Je bent afgemeld."))
    return redirect("login")


@require_GET
def healthz(request):
    """``ok`` for the proxy; with ``?full=1`` also the database and the scheduled work (503 when
    either is not right), for monitoring."""
    if "full" not in request.GET:
        return HttpResponse("ok", content_type="text/plain")
    from django.db import connection

    from . import periodic

    lines, healthy = [], True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        lines.append("database: ok")
        periodic_ok, text = periodic.health()
    except Exception:  # noqa: BLE001 - a health check reports, it does not crash
        lines.append("database: FAILED")
        periodic_ok, text = False, "periodic: unknown"
    healthy = healthy and periodic_ok and lines[0] == "database: ok"
    lines.append(text)
    body = ("ok\n" if healthy else "FAILED\n") + "\n".join(lines) + "\n"
    return HttpResponse(body, content_type="text/plain", status=200 if healthy else 503)


def bad_request(request, exception=None):
    """``handler400``: what Django refuses itself (too many fields, a body too large) gets the
    same clear page as the input ``BadInputMiddleware`` refuses (JSON under /api/)."""
    if isinstance(exception, SessionInterrupted):
        # the session could not be saved: on SQLite a write lock held past the busy timeout
        # ("database is locked"), or the session was ended meanwhile. Nothing was half
        # written; the same request works in a moment, so say that, not "bad request".
        return errors.busy()
    status = 413 if isinstance(exception, RequestDataTooBig) else 400
    return middleware.bad_request(request, status=status)


# --- home and switching -----------------------------------------------------------------------
@login_required
def home(request):
    if request.stek is not None:
        return redirect("core:stek_home", slug=request.stek.slug)
    network = request.user.network_memberships.select_related("network").first()
    if network is not None:
        return redirect("core:network_home", slug=network.network.slug)
    return render(request, "core/no_stek.html")


@login_required
@require_POST
def switch_stek(request):
    stek = get_stek_for_user(request, request.POST.get("stek", ""))
    request.session["current_stek"] = stek.pk  # the one place the choice is stored
    messages.success(request, _("Je werkt nu in %(stek)s.") % {"stek": stek})
    return redirect("core:stek_home", slug=stek.slug)


@login_required
def stek_home(request, slug):
    stek = get_stek_for_user(request, slug)
    role = permissions.stek_role(request.user, stek)
    membership = (
        Membership.objects.filter(user=request.user, stek=stek)
        .select_related("organisation")
        .first()
    )
    context = {
        "stek": stek,
        "role": role,
        "membership": membership,
        "partner_count": stek.partnerships.filter(is_active=True).count(),
        "people_count": stek.memberships.filter(is_active=True).count(),
        "can_view_people": permissions.can_view_people(request.user, stek),
        "can_manage_partners": permissions.can_manage_partners(request.user, stek),
        "panels": panels.shown(request.user, stek),  # from the apps (ADR 0009)
    }
    return render(request, "core/stek_home.html", context)


@login_required
def stek_edit(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_manage_partners)
    form = StekForm(request.POST or None, instance=stek)
    if request.method == "POST" and form.is_valid():
        services.update_stek(actor=request.user, stek=stek, **form.cleaned_data)
        messages.success(request, _("De gegevens van de STEK zijn bewaard."))
        return redirect("core:stek_home", slug=stek.slug)
    if request.method == "POST":
        stek.refresh_from_db()  # keep the header right when the form has errors
    return render(request, "core/stek_form.html", {"stek": stek, "form": form})


# --- partners ---------------------------------------------------------------------------------
@login_required
def partner_list(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_partners)
    partnerships = (
        Partnership.objects.filter(stek=stek)
        .select_related("organisation")
        .annotate(
            people=Count(
                "organisation__memberships",
                filter=Q(
                    organisation__memberships__stek=stek, organisation__memberships__is_active=True
                ),
            )
        )
        .order_by("-is_active", "organisation__name")
    )
    return render(
        request,
        "core/partner_list.html",
        {
            "stek": stek,
            "partnerships": partnerships,
            "can_manage": permissions.can_manage_partners(request.user, stek),
        },
    )


@login_required
def partner_create(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_manage_partners)
    form = PartnerCreateForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.add_partner(
                actor=request.user,
                stek=stek,
                organisation=form.cleaned_data.get("organisation"),
                new_organisation=form.new_organisation(),
                role=form.cleaned_data["role"],
                contribution=form.cleaned_data.get("contribution", ""),
            )
        except (services.ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("%(org)s is nu partner.") % {"org": partnership.organisation}
            )
            return redirect("core:partner_list", slug=stek.slug)
    return render(request, "core/partner_form.html", {"stek": stek, "form": form})


@login_required
def partner_edit(request, slug, pk):
    stek, partnership = get_partnership_for_user(request, slug, pk)
    form = PartnerEditForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_partner(
                actor=request.user,
                partnership=partnership,
                organisation_fields=form.organisation_fields(),
                role=form.cleaned_data["role"],
                contribution=form.cleaned_data.get("contribution", ""),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De partner is bewaard."))
            return redirect("core:partner_list", slug=stek.slug)
    return render(
        request,
        "core/partner_form.html",
        {"stek": stek, "form": form, "partnership": partnership},
    )


@login_required
@require_POST
def partner_end(request, slug, pk):
    stek, partnership = get_partnership_for_user(request, slug, pk)
    try:
        services.end_partnership(actor=request.user, partnership=partnership)
    except services.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Het partnerschap met %(org)s is beëindigd.") % {"org": partnership.organisation},
        )
    return redirect("core:partner_list", slug=stek.slug)


# --- people -----------------------------------------------------------------------------------
@login_required
def people_list(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_people)
    memberships = (
        Membership.objects.filter(stek=stek)
        .select_related("user", "organisation")
        .order_by("-is_active", "user__full_name")
    )
    role = request.GET.get("rol", "")
    if role in MembershipRole.values:
        memberships = memberships.filter(role=role)
    return render(
        request,
        "core/people_list.html",
        {
            "stek": stek,
            "memberships": memberships,
            "roles": MembershipRole.choices,
            "role_filter": role,
            "can_manage": permissions.can_manage_people(request.user, stek),
        },
    )


@login_required
def person_add(request, slug):
    stek = get_stek_for_user(request, slug, check=permissions.can_manage_people)
    form = MemberCreateForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        email = data["email"].strip().lower()
        ask = (
            request.POST.get("bevestigd") != "1"
            and services.account_exists(email)
            and not services.is_active_member(stek, email)  # that one says so at once
        )
        if ask:
            # ask first, and show only what the inviter typed (not the account's name)
            return render(
                request,
                "core/person_confirm.html",
                {
                    "stek": stek,
                    "form": form,
                    "email": email,
                    "role": MembershipRole(data["role"]).label,
                },
            )
        try:
            _membership, invited = services.add_member(
                actor=request.user, stek=stek, request=request, **data
            )
        except (services.ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            if invited:
                messages.success(
                    request,
                    _("%(name)s is toegevoegd en krijgt een e-mail om een wachtwoord te kiezen.")
                    % {"name": data["full_name"].strip() or email},
                )
            else:
                messages.success(request, _("%(email)s is toegevoegd.") % {"email": email})
            return redirect("core:people_list", slug=stek.slug)
    return render(request, "core/person_form.html", {"stek": stek, "form": form})


@login_required
def person_edit(request, slug, pk):
    stek, membership = get_membership_for_user(request, slug, pk)
    form = MemberEditForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(actor=request.user, membership=membership, **form.cleaned_data)
        except (services.ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s is bewaard.") % {"name": membership.user})
            return redirect("core:people_list", slug=stek.slug)
    return render(
        request, "core/person_form.html", {"stek": stek, "form": form, "membership": membership}
    )


@login_required
@require_POST
def person_deactivate(request, slug, pk):
    stek, membership = get_membership_for_user(request, slug, pk)
    try:
        services.deactivate_member(actor=request.user, membership=membership)
    except services.ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is op non-actief gezet.") % {"name": membership.user})
    return redirect("core:people_list", slug=stek.slug)


# --- network ----------------------------------------------------------------------------------
@login_required
def network_home(request, slug):
    network = get_network_for_user(request, slug)
    steks = (
        Stek.objects.filter(network=network, is_active=True)
        .annotate(
            partners=Count("partnerships", filter=Q(partnerships__is_active=True), distinct=True),
            people=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
        )
        .order_by("name")
    )
    audit.record(request.user, AuditAction.VIEWED, "netwerkoverzicht", network=network)
    return render(
        request,
        "core/network_home.html",
        {
            "network": network,
            "steks": steks,
            "can_add_stek": permissions.can_add_stek(request.user, network),
            "can_view_audit": permissions.can_view_audit_log(request.user, network),
        },
    )


@login_required
def network_stek_create(request, slug):
    network = get_network_for_user(request, slug, check=permissions.can_add_stek)
    form = NewStekForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            stek, _membership, invited = services.create_stek_with_coordinator(
                actor=request.user,
                network=network,
                stek_fields=form.stek_fields(),
                coordinator=form.coordinator(),
                request=request,
            )
        except (services.ServiceError, ValidationError) as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(stek)s is toegevoegd aan het netwerk.") % {"stek": stek})
            return redirect("core:network_home", slug=network.slug)
    return render(request, "core/network_stek_form.html", {"network": network, "form": form})


@login_required
def network_audit_log(request, slug):
    network = get_network_for_user(request, slug, check=permissions.can_view_audit_log)
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.filter(network=network).select_related("stek")
    if form.is_bound:
        events = form.filter(events)
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    kept = request.GET.copy()  # the pages keep the filter
    kept.pop("pagina", None)
    return render(
        request,
        "core/audit_log.html",
        {
            "network": network,
            "form": form,
            "page": page,
            "rows": [(event, audit.describe(event)) for event in page],
            "filtered": form.is_bound and any(request.GET.get(k) for k in form.fields),
            "query": kept.urlencode(),
            "base_url": reverse("core:network_audit_log", args=[slug]),
        },
    )
