"""Who may read and make a STEK's report: its coordinators make it and read the figures as
they are today; a network analyst (or admin) reads the frozen reports of the network's STEKs
only, never figures that were not frozen (ADR 0015)."""

from stek.core.permissions import can_view_network, is_coordinator, is_worker


def can_view_report(user, stek):
    return is_coordinator(user, stek)


def can_make_report(user, stek):
    return is_coordinator(user, stek)


def can_read_network_reports(user, network):
    return can_view_network(user, network)


def can_view_network_dashboard(user, network):
    """The network dashboard: aggregates across the STEKs, for the network's analysts and
    admins; a STEK member is refused (404) as on the other network pages."""
    return can_view_network(user, network)


# The self-evaluation (ADR 0016): the STEK's workers read it and follow the meeting; its
# coordinators start it, enter the team's scores, hand out the raters' links and close it.
def can_view_self_evaluation(user, stek):
    return is_worker(user, stek)


def can_run_self_evaluation(user, stek):
    return is_coordinator(user, stek)


def can_view_area(user, stek):
    """The area analysis (ADR 0017): the STEK's coordinators, like the report."""
    return is_coordinator(user, stek)


def can_manage_area(user, stek):
    """Importing files, setting the service area, uploading the map: the coordinators."""
    return is_coordinator(user, stek)
