from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
