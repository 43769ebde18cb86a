from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stek.core.access import get_stek_for_user
from stek.core.params import parse_day
from stek.core.services import ServiceError

from . import permissions, services
from .access import get_need_for_user, get_own_take, membership_in


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
