"""The way back to a search on the social map, kept across the service and referral pages.

The search travels as ``?terug=/s/<slug>/kaart/?q=...``. Only a path to this STEK's own
social-map search is accepted (no scheme, no host, no other page): never an open redirect."""

from urllib.parse import urlencode, urlsplit

from django.http import QueryDict
from django.urls import reverse

PARAM = "terug"


def search_url(stek, query=""):
    base = reverse("socialmap:search", args=[stek.slug])
    return f"{base}?{query}" if query else base


def back_to_map(stek, value):
    """``value`` when it is this STEK's social-map search (with its query), else None."""
    if not value or "\\" in value or any(ord(c) < 32 for c in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != search_url(stek) or parts.fragment:
        return None
    return search_url(stek, QueryDict(parts.query).urlencode())


def back_from(request, stek):
    """The validated way back given in the request (GET or POST), or None."""
    return back_to_map(stek, request.GET.get(PARAM) or request.POST.get(PARAM))


def with_back(url, back):
    """``url`` carrying the way back, when there is one."""
    if not back:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({PARAM: back})}"
