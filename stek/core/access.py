"""Load tenant objects for the current user: 404 across STEKs, 403 for a role that may not act.

Views never call ``.objects.get(pk=...)`` on tenant data; they call these helpers.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from . import params, permissions
from .models import Membership, Network, Partnership, Stek


def deny():
    raise PermissionDenied(_("Je rol in deze STEK laat dit niet toe."))


def get_public_stek(slug):
    """A STEK's public pages need no login; an unknown slug gets a clear 404."""
    stek = Stek.objects.filter(slug=slug, is_active=True).first()
    if stek is None:
        raise Http404(_("Er is geen STEK met de naam '%(slug)s'.") % {"slug": slug})
    return stek


def get_stek_for_user(request, slug, check=permissions.can_view_stek):
    """The STEK with ``slug`` if the user belongs to it; it is the current STEK of this request
    (the menu follows the page). Only the switcher (a POST) stores a choice in the session:
    GET never writes (ADR 0011)."""
    stek = Stek.objects.filter(slug=slug, is_active=True).select_related("network").first()
    if stek is None or not permissions.is_member(request.user, stek):
        raise Http404(_("We vinden geen STEK '%(slug)s' bij jouw STEKs.") % {"slug": slug})
    if not check(request.user, stek):
        deny()
    request.stek = stek
    return stek


def get_object_for_user(request, slug, queryset, pk, check, missing):
    """Object ``pk`` of ``queryset`` in the user's STEK ``slug``: 404 (with ``missing``) when
    it belongs to another STEK or does not exist, 403 when the user's role may not act."""
    stek = get_stek_for_user(request, slug)
    pk = params.parse_id(pk)  # "abc" or an id too large for the database: not found
    obj = queryset.filter(stek=stek, pk=pk).first() if pk is not None else None
    if obj is None:
        raise Http404(missing)
    if not check(request.user, stek):
        deny()
    return stek, obj


def get_partnership_for_user(request, slug, pk, check=permissions.can_manage_partners):
    queryset = Partnership.objects.select_related("organisation")
    missing = _("Deze partner hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset, pk, check, missing)


def get_membership_for_user(request, slug, pk, check=permissions.can_manage_people):
    queryset = Membership.objects.select_related("user", "organisation")
    missing = _("Deze persoon hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset, pk, check, missing)


def get_network_for_user(request, slug, check=permissions.can_view_network):
    network = Network.objects.filter(slug=slug).first()
    if network is None or permissions.network_role(request.user, network) is None:
        raise Http404(_("We vinden geen netwerk '%(slug)s' bij jouw netwerken.") % {"slug": slug})
    if not check(request.user, network):
        raise PermissionDenied(_("Je rol in dit netwerk laat dit niet toe."))
    return network
