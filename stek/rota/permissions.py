"""Who may do what in the rota: every member of the STEK sees the open places, takes one and
gives it back; the coordinator describes the roles, sets the needs and reads the planning."""

from stek.core.permissions import is_coordinator, is_member


def can_take_shifts(user, stek):
    return is_member(user, stek)


def can_plan_rota(user, stek):
    return is_coordinator(user, stek)


def can_send_signin_links(user, stek):
    return is_coordinator(user, stek)
