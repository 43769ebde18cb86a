"""Who may do what in the core app. Each ``can_*`` takes the user and the object acted on.

Roles are read once per request and cached on the user object.
"""

from .enums import ROLE_RANK, MembershipRole, NetworkRole
from .models import Membership, NetworkMembership


def active_memberships(user):
    """The user's active memberships of active STEKs (with the STEK, its network and the
    organisation), in STEK name order. Read once per request: the first call queries and
    caches them on the user object (a fresh one per request), later calls reuse them; it also
    fills the role cache of ``stek_role``. ``forget_roles`` drops the cache after a change."""
    if not user.is_authenticated:
        return []
    memberships = getattr(user, "_memberships", None)
    if memberships is None:
        memberships = list(
            Membership.objects.filter(user=user, is_active=True, stek__is_active=True)
            .select_related("stek__network", "organisation")
            .order_by("stek__name")
        )
        user._memberships = memberships
        user._stek_roles = {m.stek_id: m.role for m in memberships}
    return memberships


def stek_role(user, stek):
    """The user's active role in ``stek``, or None."""
    if not user.is_authenticated or stek is None:
        return None
    if getattr(user, "_stek_roles", None) is None:
        active_memberships(user)
    return user._stek_roles.get(stek.pk)


def network_memberships(user):
    """The user's network memberships (with the network), in network name order: one query
    per request, cached on the user object like ``active_memberships``."""
    if not user.is_authenticated:
        return []
    memberships = getattr(user, "_network_memberships", None)
    if memberships is None:
        memberships = list(
            NetworkMembership.objects.filter(user=user)
            .select_related("network")
            .order_by("network__name", "network_id")
        )
        user._network_memberships = memberships
        user._network_roles = {m.network_id: m.role for m in memberships}
    return memberships


def my_networks(user):
    """The networks the user has a role in, in name order (the menu lists them)."""
    return [m.network for m in network_memberships(user)]


def network_role(user, network):
    if not user.is_authenticated or network is None:
        return None
    if getattr(user, "_network_roles", None) is None:
        network_memberships(user)
    return user._network_roles.get(network.pk)


def forget_roles(user):
    for attr in ("_memberships", "_stek_roles", "_network_memberships", "_network_roles"):
        if hasattr(user, attr):
            delattr(user, attr)


def _at_least(user, stek, role):
    current = stek_role(user, stek)
    return current is not None and ROLE_RANK[current] >= ROLE_RANK[role]


def is_worker(user, stek):
    """A worker or coordinator of the STEK (the apps build their rules on these two)."""
    return _at_least(user, stek, MembershipRole.WORKER)


def is_coordinator(user, stek):
    return _at_least(user, stek, MembershipRole.COORDINATOR)


def is_member(user, stek):
    return stek_role(user, stek) is not None


def can_view_stek(user, stek):
    return is_member(user, stek)


def can_view_partners(user, stek):
    return is_member(user, stek)


def can_manage_partners(user, stek):
    return _at_least(user, stek, MembershipRole.COORDINATOR)


def can_view_people(user, stek):
    return _at_least(user, stek, MembershipRole.WORKER)


def can_manage_people(user, stek):
    return _at_least(user, stek, MembershipRole.COORDINATOR)


def can_view_network(user, network):
    return network_role(user, network) in (NetworkRole.ANALYST, NetworkRole.ADMIN)


def can_add_stek(user, network):
    return network_role(user, network) == NetworkRole.ADMIN


def can_view_audit_log(user, network):
    return network_role(user, network) == NetworkRole.ADMIN
