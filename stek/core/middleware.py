from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from . import params
from .permissions import active_memberships


class CurrentStekMiddleware:
    """Set ``request.stek``: the STEK chosen in the session, else the user's first STEK."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.stek = None
        if request.user.is_authenticated:
            # one query serves the STEK list and every role check of this request
            steks = [m.stek for m in active_memberships(request.user)]
            request.my_steks = steks
            chosen = request.session.get("current_stek")
            request.stek = next((s for s in steks if s.pk == chosen), steks[0] if steks else None)
        else:
            request.my_steks = []
        return self.get_response(request)


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the person chose another language with the switcher (a cookie).

    The browser's Accept-Language is ignored on purpose: a shared tablet at the onthaal, or a
    phone set to English, should not change the language people expect at a Flemish STEK.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def bad_request(request, message=None, status=400):
    """A clear page (or JSON for the API) for input that cannot be read: never a 500."""
    message = message or _("Deze vraag bevat iets wat we niet kunnen lezen.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(message)}, status=status)
    return render(request, "400.html", {"message": message}, status=status)


class BadInputMiddleware:
    """Input no view can use, refused in one place for every view with a clear 400/413 page
    (JSON under /api/), never a 500:

    - a NUL character in a query parameter (PostgreSQL cannot store or compare text with NUL;
      forms already refuse it in posted fields);
    - a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (nothing here uploads files), before
      anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = params.parse_int(request.META.get("CONTENT_LENGTH"), 0, min_value=0)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            return bad_request(request, _("Dit is te veel gegevens in één keer."), status=413)
        if any(
            params.has_nul(key) or any(params.has_nul(v) for v in values)
            for key, values in request.GET.lists()
        ):
            return bad_request(request, _("Een zoekterm of filter bevat een ongeldig teken (NUL)."))
        return self.get_response(request)
