"""Who may do what with signals and dossiers.

Everyone in a STEK registers signals (the volunteer at the onthaal too). Workers and
coordinators read the STEK's signals, quotes included, and carry dossiers. A dossier belongs to
its lead STEK; STEKs invited to co-sign see it, answer the invitation and add testimonies. The
network's analysts and admins see aggregates only, with small cells suppressed."""

from stek.core.permissions import can_view_network, is_coordinator, is_member, is_worker


def can_register_signal(user, stek):
    return is_member(user, stek)


def can_view_signals(user, stek):
    return is_worker(user, stek)


def can_manage_topics(user, stek):
    return is_coordinator(user, stek)


def can_work_on_dossiers(user, stek):
    """Create dossiers, and read or work on those the STEK leads or was invited to."""
    return is_worker(user, stek)


def can_view_network_signals(user, network):
    return can_view_network(user, network)
