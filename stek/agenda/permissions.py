"""Who may do what in the agenda."""

from stek.core.permissions import is_coordinator, is_member, is_worker


def can_view_agenda(user, stek):
    return is_member(user, stek)


def can_count(user, stek):
    """Every member counts visitors at the onthaal, volunteers first of all."""
    return is_member(user, stek)


def can_plan(user, stek):
    """Workers and coordinators plan activities and cancel or move sessions."""
    return is_worker(user, stek)


def can_manage_categories(user, stek):
    return is_coordinator(user, stek)
