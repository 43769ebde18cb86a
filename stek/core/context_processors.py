from . import permissions


def current_stek(request):
    """The current STEK, the user's STEKs and networks, and what the menu may show."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    stek = getattr(request, "stek", None)
    return {
        "current_stek": stek,
        "my_steks": getattr(request, "my_steks", []),
        "my_networks": permissions.my_networks(user),
        "nav_people": stek is not None and permissions.can_view_people(user, stek),
        "nav_referrals": stek is not None and permissions.is_worker(user, stek),
        "nav_signals": stek is not None and permissions.is_member(user, stek),
    }
