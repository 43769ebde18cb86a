"""Who may do what in the agenda."""

from stek.core.enums import MembershipRole
from stek.core.permissions import _at_least, is_member


def can_view_agenda(user, stek):
    return is_member(user, stek)


def can_count(user, stek):
    """Every member counts visitors at the onthaal, volunteers first of all."""
    return is_member(user, stek)


def can_plan(user, stek):
    """Workers and coordinators plan activities and cancel or move sessions."""
    return _at_least(user, stek, MembershipRole.WORKER)


def can_manage_categories(user, stek):
    return _at_least(user, stek, MembershipRole.COORDINATOR)
