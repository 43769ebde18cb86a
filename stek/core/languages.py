"""The language of a STEK's public pages (ADR 0001, point 10, as extended in issue 16).

Staff pages and the shared devices (the entrance screen, the shared tablet) stay as
``DutchFirstLocaleMiddleware`` makes them: the language chosen with the switcher, else the STEK's
first language. On a STEK's public pages (programme, service finder, its public rights check) a
visitor's own phone may choose: the browser's Accept-Language picks among the STEK's public
languages; an explicit choice with the switcher (the cookie) still wins; else the STEK's first
language. Pages of no STEK for visitors (the front door, the open rights check) choose the same
way among every language we have."""

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


def visitor_language(request, codes, browser=True):
    """Among ``codes`` (the first is the default): the switcher's choice wins, then the
    browser's Accept-Language (if ``browser``), else the first code."""
    codes = [c for c in codes if c in SUPPORTED] or [settings.LANGUAGE_CODE]
    return chosen_language(request) or (browser and browser_language(request, codes)) or codes[0]


def public_language(request, stek, browser=True):
    return visitor_language(request, stek.public_language_codes, browser=browser)


def activate_language(request, language):
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def activate_visitor_language(request, stek=None):
    """A page for visitors on their own phone: ``stek``'s public languages, or every language
    we have on pages of no STEK (the front door, the open rights check)."""
    if stek is not None:
        return activate_public_language(request, stek)
    codes = [code for code, _name in settings.LANGUAGES]
    return activate_language(request, visitor_language(request, codes))


def activate_public_language(request, stek, browser=True):
    """Activate the language of ``stek``'s public page for this request (``browser``: may the
    visitor's browser choose? Not on the shared screen)."""
    return activate_language(request, public_language(request, stek, browser=browser))
