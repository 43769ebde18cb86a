"""The client's network address, the same for every rate limit and for the login lockout.

Without ``STEK_BEHIND_PROXY`` it is ``REMOTE_ADDR``: an ``X-Forwarded-For`` header is ignored,
so a client cannot pick its own address to escape a limit. Behind our own reverse proxy (one
proxy that appends the address it received the request from to ``X-Forwarded-For``), it is the
last address in that header: the one our proxy wrote. Earlier entries come from the client and
are never trusted.
"""

import ipaddress

from django.conf import settings


def _valid_ip(value):
    value = value.strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The address as text, or None when the request carries no valid one (axes stores it in
    an ``inet`` column on PostgreSQL, which refuses anything else)."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR") or "")
    if settings.STEK_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return _valid_ip(forwarded.split(",")[-1]) or remote
    return remote
