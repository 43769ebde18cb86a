from .models import Stek


class CurrentStekMiddleware:
    """Set ``request.stek``: the STEK chosen in the session, else the user's first STEK."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.stek = None
        if request.user.is_authenticated:
            steks = list(Stek.objects.for_user(request.user).select_related("network"))
            request.my_steks = steks
            chosen = request.session.get("current_stek")
            request.stek = next((s for s in steks if s.pk == chosen), steks[0] if steks else None)
        else:
            request.my_steks = []
        return self.get_response(request)
