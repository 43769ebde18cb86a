from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.agenda.models import Activity
from stek.core.access import get_stek_for_user
from stek.core.forms import show_refusal
from stek.core.params import parse_day
from stek.core.services import ServiceError

from . import permissions, services
from .access import (
    get_activity_for_planning,
    get_need_for_user,
    get_own_take,
    get_role_for_user,
    membership_in,
)
from .forms import NeedForm, RoleForm
from .models import Role, ShiftNeed


@login_required
def open_places(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    return render(
        request,
        "rota/open.html",
        {
            "stek": stek,
            "slots": services.open_slots(stek, membership),
            "mine_count": len(services.my_takes(membership)),
            "horizon": services.HORIZON_DAYS,
        },
    )


@login_required
@require_POST
def take(request, slug, pk, day):
    stek, need = get_need_for_user(request, slug, pk)
    day = parse_day(day)
    membership = membership_in(request.user, stek)
    try:
        if day is None:
            raise ServiceError(_("Deze datum kennen we niet."))
        taken = services.take(membership=membership, need=need, day=day)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("rota:open", slug=stek.slug)
    messages.success(
        request,
        _("Dank je! Je staat op het rooster: %(role)s, %(activity)s op %(day)s.")
        % {
            "role": taken.role.name,
            "activity": taken.activity.title,
            "day": date_format(day, "l j F"),
        },
    )
    return redirect("rota:open", slug=stek.slug)


@login_required
def my_shifts(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    return render(request, "rota/mine.html", {"stek": stek, "takes": services.my_takes(membership)})


@login_required
@require_POST
def give_back(request, slug, pk):
    stek, _membership, shift = get_own_take(request, slug, pk)
    try:
        services.give_back(take=shift)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Je beurt is teruggegeven. De plaats is weer open."))
    return redirect("rota:mine", slug=stek.slug)


@login_required
def plan(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_plan_rota)
    days = services.planning(stek)
    activities = Activity.objects.filter(stek=stek, is_active=True).order_by("title")
    return render(
        request,
        "rota/plan.html",
        {"stek": stek, "days": days, "activities": activities, "horizon": services.HORIZON_DAYS},
    )


@login_required
def roles(request, slug):
    stek = get_stek_for_user(request, slug, permissions.can_plan_rota)
    form = RoleForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_role(actor=request.user, stek=stek, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("rota:roles", slug=stek.slug)
    return render(
        request,
        "rota/roles.html",
        {"stek": stek, "form": form, "roles": Role.objects.filter(stek=stek)},
        status=400 if form.errors else 200,
    )


@login_required
def role_edit(request, slug, pk):
    stek, role = get_role_for_user(request, slug, pk)
    form = RoleForm(request.POST or None, instance=role, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_role(actor=request.user, role=role, **form.cleaned_data)
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("De rol is bewaard."))
            return redirect("rota:roles", slug=stek.slug)
    return render(
        request, "rota/role_form.html", {"stek": stek, "form": form, "role": role},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
def needs(request, slug, pk):
    stek, activity = get_activity_for_planning(request, slug, pk)
    form = NeedForm(request.POST or None, stek=stek)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_need(actor=request.user, stek=stek, activity=activity,
                              **form.cleaned_data)  # fmt: skip
        except ServiceError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Bewaard: dit is nodig bij elke sessie."))
            return redirect("rota:needs", slug=stek.slug, pk=activity.pk)
    current = ShiftNeed.objects.filter(activity=activity).select_related("role")
    return render(
        request, "rota/needs.html",
        {"stek": stek, "activity": activity, "form": form, "needs": current},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_required
@require_POST
def need_delete(request, slug, pk):
    stek, need = get_need_for_user(request, slug, pk, permissions.can_plan_rota)
    services.remove_need(actor=request.user, need=need)
    messages.success(request, _("Deze rol is niet meer nodig bij deze activiteit."))
    return redirect("rota:needs", slug=stek.slug, pk=need.activity_id)
