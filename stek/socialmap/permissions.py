"""Who may do what on the social map.

Every member of a STEK reads the network's social map (volunteers at the onthaal too).
Workers keep their own organisation's services current; coordinators keep any service of
their network current (also of organisations that are not a partner)."""

from stek.core.enums import MembershipRole
from stek.core.permissions import _at_least, active_memberships, is_member


def can_view_map(user, stek):
    return is_member(user, stek)


def can_add_services(user, stek):
    return _at_least(user, stek, MembershipRole.WORKER)


def can_edit_service(user, stek, service):
    if _at_least(user, stek, MembershipRole.COORDINATOR):
        return True
    if not _at_least(user, stek, MembershipRole.WORKER):
        return False
    return any(
        m.stek_id == stek.pk and m.organisation_id == service.organisation_id
        for m in active_memberships(user)
    )


def editable_organisations(user, stek):
    """The organisations whose services ``user`` may add from ``stek``."""
    from stek.core.models import Organisation

    organisations = Organisation.objects.filter(network=stek.network_id)
    if _at_least(user, stek, MembershipRole.COORDINATOR):
        return organisations
    own = [m.organisation_id for m in active_memberships(user) if m.stek_id == stek.pk]
    return organisations.filter(pk__in=own)
