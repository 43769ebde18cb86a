"""Who may do what in the core app. Each ``can_*`` takes the user and the object acted on.

Roles are read once per request and cached on the user object.
"""

from .enums import ROLE_RANK, MembershipRole, NetworkRole
from .models import Membership, NetworkMembership


def active_memberships(user):
    """The user's active memberships of active STEKs (with the STEK and its network), in STEK
    name order. One query; it also fills the per-request role cache of ``stek_role``."""
    memberships = list(
        Membership.objects.filter(user=user, is_active=True, stek__is_active=True)
        .select_related("stek__network")
        .order_by("stek__name")
    )
    user._stek_roles = {m.stek_id: m.role for m in memberships}
    return memberships


def stek_role(user, stek):
    """The user's active role in ``stek``, or None."""
    if not user.is_authenticated or stek is None:
        return None
    if getattr(user, "_stek_roles", None) is None:
        active_memberships(user)
    return user._stek_roles.get(stek.pk)


def network_role(user, network):
    if not user.is_authenticated or network is None:
        return None
    cache = getattr(user, "_network_roles", None)
    if cache is None:
        cache = dict(NetworkMembership.objects.filter(user=user).values_list("network_id", "role"))
        user._network_roles = cache
    return cache.get(network.pk)


def forget_roles(user):
    for attr in ("_stek_roles", "_network_roles"):
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
