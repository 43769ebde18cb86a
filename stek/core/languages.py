"""The language of a STEK's public pages (ADR 0001, point 10, as extended in issue 16).

Staff pages and the shared devices (the entrance screen, the shared tablet) stay as
``DutchFirstLocaleMiddleware`` makes them: the language chosen with the switcher, else the STEK's
first language. On a STEK's public pages a visitor's own phone may choose: the browser's
Accept-Language picks among the STEK's public languages; an explicit choice with the switcher
(the cookie) still wins; else the STEK's first language."""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def chosen_language(request):
    """The language picked with the switcher (the cookie), if it is one we have."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in SUPPORTED else None


def browser_language(request, allowed):
    """The first language of the browser's Accept-Language that is in ``allowed``."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:500]
    for code, _quality in parse_accept_lang_header(header):
        code = code.split("-")[0].lower()
        if code in allowed:
            return code
    return None


def public_language(request, stek, browser=True):
    codes = [c for c in stek.public_language_codes if c in SUPPORTED] or [settings.LANGUAGE_CODE]
    return chosen_language(request) or (browser and browser_language(request, codes)) or codes[0]


def activate_public_language(request, stek, browser=True):
    """Activate the language of ``stek``'s public page for this request (``browser``: may the
    visitor's browser choose? Not on the shared screen)."""
    language = public_language(request, stek, browser=browser)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language
