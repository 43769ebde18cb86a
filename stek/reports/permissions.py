"""Who may read and make a STEK's report: its coordinators. A network analyst reads aggregates
of every STEK and nothing row-level; the network dashboard is a later slice (ADR 0014)."""

from stek.core.permissions import is_coordinator


def can_view_report(user, stek):
    return is_coordinator(user, stek)


def can_make_report(user, stek):
    return is_coordinator(user, stek)
