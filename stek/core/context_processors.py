from .models import Network


def current_stek(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "current_stek": getattr(request, "stek", None),
        "my_steks": getattr(request, "my_steks", []),
        "my_networks": Network.objects.filter(memberships__user=user).distinct(),
    }
