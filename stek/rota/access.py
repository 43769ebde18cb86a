"""Load rota objects for the current user: 404 across STEKs, 403 for a role that may not act."""

from django.http import Http404
from django.utils.translation import gettext as _

from stek.agenda.models import Activity
from stek.core.access import get_object_for_user, get_stek_for_user
from stek.core.models import Membership
from stek.core.params import parse_id
from stek.core.permissions import active_memberships

from . import permissions
from .models import ReserveEntry, Role, ShiftNeed, ShiftTake


def membership_in(user, stek):
    """The user's active membership of ``stek`` (from the request's cached memberships)."""
    return next((m for m in active_memberships(user) if m.stek_id == stek.pk), None)


def get_need_for_user(request, slug, pk, check=permissions.can_take_shifts):
    queryset = ShiftNeed.objects.select_related("role__partner", "activity")
    missing = _("Deze plaats hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset, pk, check, missing)


def get_own_take(request, slug, pk):
    """One of the user's own takes in this STEK; another person's take is not found either."""
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    pk = parse_id(pk)
    take = (
        ShiftTake.objects.filter(stek=stek, membership=membership, pk=pk)
        .select_related("activity", "role")
        .first()
        if pk is not None
        else None
    )
    if take is None:
        raise Http404(_("Deze beurt vinden we niet bij jouw beurten."))
    return stek, membership, take


def get_role_for_user(request, slug, pk, check=permissions.can_plan_rota):
    missing = _("Deze rol hoort niet bij deze STEK.")
    return get_object_for_user(
        request, slug, Role.objects.select_related("partner"), pk, check, missing
    )


def get_activity_for_planning(request, slug, pk, check=permissions.can_plan_rota):
    missing = _("Deze activiteit hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, Activity.objects.all(), pk, check, missing)


def get_person_for_links(request, slug, pk):
    """A membership of this STEK whose sign-in links the coordinator sends, prints or revokes."""
    queryset = Membership.objects.select_related("user", "stek")
    missing = _("Deze persoon hoort niet bij deze STEK.")
    return get_object_for_user(
        request, slug, queryset, pk, permissions.can_send_signin_links, missing
    )


def get_own_reserve(request, slug, pk):
    """One of the user's own reserve entries in this STEK."""
    stek = get_stek_for_user(request, slug, permissions.can_take_shifts)
    membership = membership_in(request.user, stek)
    pk = parse_id(pk)
    entry = (
        ReserveEntry.objects.filter(stek=stek, membership=membership, pk=pk)
        .select_related("activity", "role", "stek")
        .first()
        if pk is not None
        else None
    )
    if entry is None:
        raise Http404(_("Deze plaats op de reservelijst vinden we niet."))
    return stek, membership, entry


def get_standin_take(request, slug, pk):
    """Another member's take in this STEK that looks for a stand-in."""
    queryset = ShiftTake.objects.filter(looking_for_standin=True).select_related(
        "activity", "role__partner", "stek"
    )
    missing = _("Deze beurt zoekt geen vervanger meer.")
    return get_object_for_user(request, slug, queryset, pk, permissions.can_take_shifts, missing)


def get_take_for_planning(request, slug, pk):
    queryset = ShiftTake.objects.select_related("activity", "role", "stek__network")
    missing = _("Deze beurt hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset, pk, permissions.can_plan_rota, missing)
