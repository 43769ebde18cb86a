"""Who may do what on the social map.

Every member of a STEK reads the network's social map (volunteers at the onthaal too).
Workers keep their own organisation's services current; coordinators keep any service of
their network current (also of organisations that are not a partner)."""

from stek.core.permissions import active_memberships, is_coordinator, is_member, is_worker


def can_view_map(user, stek):
    return is_member(user, stek)


def can_refer(user, stek):
    """Who may refer a visitor to a service of the map: workers and coordinators, not
    volunteers (a referral is a professional's step). The referrals app, above the map in the
    import order (ADR 0009), uses this rule; the map shows its button by it."""
    return is_worker(user, stek)


def can_add_services(user, stek):
    return is_worker(user, stek)


def can_edit_service(user, stek, service):
    if is_coordinator(user, stek):
        return True
    if not is_worker(user, stek):
        return False
    return any(
        m.stek_id == stek.pk and m.organisation_id == service.organisation_id
        for m in active_memberships(user)
    )


def editable_organisations(user, stek):
    """The organisations whose services ``user`` may add from ``stek``."""
    from stek.core.models import Organisation

    organisations = Organisation.objects.filter(network=stek.network_id)
    if is_coordinator(user, stek):
        return organisations
    own = [m.organisation_id for m in active_memberships(user) if m.stek_id == stek.pk]
    return organisations.filter(pk__in=own)
