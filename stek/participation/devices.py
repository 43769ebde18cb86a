"""The device cookie and the rate limits of the idea box and the phone vote.

- The device cookie holds one random token and nothing else (no id, no date, no STEK). It is
  set only by a POST (GET never writes, ADR 0011).
- The database never sees the token: a phone vote keeps a keyed hash of it, made per meeting
  (two meetings' votes cannot be linked).
- The client's address is never stored: the rate limits count in the shared cache under a
  keyed hash of it, and the count expires with its window.
"""

import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

from stek.core import net, ratelimit

COOKIE = "stek_apparaat"
COOKIE_AGE = 365 * 24 * 3600

# (max, window seconds); a STEK's shared tablet or wifi shares one address: that bound is wide
IDEAS_PER_DEVICE = getattr(settings, "STEK_IDEAS_PER_DEVICE", (5, 3600))
IDEAS_PER_ADDRESS = getattr(settings, "STEK_IDEAS_PER_ADDRESS", (30, 3600))
VOTES_PER_ADDRESS = getattr(settings, "STEK_VOTES_PER_ADDRESS", (60, 3600))
CODE_FAILURES_PER_ADDRESS = getattr(settings, "STEK_VOTE_CODE_FAILURES", (10, 900))


def token_of(request):
    """The device token of this request's cookie, or '' (a malformed cookie counts as none)."""
    value = request.COOKIES.get(COOKIE, "")
    return (
        value
        if 20 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum()
        else ""
    )


def new_token():
    return secrets.token_urlsafe(24)


def remember(response, token):
    """Set the cookie (on a POST's response only)."""
    response.set_cookie(
        COOKIE, token, max_age=COOKIE_AGE, httponly=True, samesite="Lax",
        secure=not settings.DEBUG and getattr(settings, "SESSION_COOKIE_SECURE", False),
    )  # fmt: skip
    return response


def keyed(purpose, value):
    return salted_hmac(f"stek.participation.{purpose}", value).hexdigest()


def vote_key(meeting, token):
    """What a phone vote keeps: per meeting, so that meetings cannot be linked."""
    return keyed(f"vote.{meeting.pk}", token)


def _address_key(request):
    return keyed("address", net.client_ip(request) or "unknown")


def _limits(kind, request, token):
    """(cache key, (max, window)) pairs that apply to this request."""
    pairs = []
    if kind == "idea":
        if token:
            pairs.append((f"part:idea:dev:{keyed('device', token)}", IDEAS_PER_DEVICE))
        pairs.append((f"part:idea:addr:{_address_key(request)}", IDEAS_PER_ADDRESS))
    elif kind == "vote":
        pairs.append((f"part:vote:addr:{_address_key(request)}", VOTES_PER_ADDRESS))
    elif kind == "code":
        pairs.append((f"part:code:addr:{_address_key(request)}", CODE_FAILURES_PER_ADDRESS))
    return pairs


def blocked(kind, request, token=""):
    return any(
        ratelimit.count_of(key) >= limit for key, (limit, _w) in _limits(kind, request, token)
    )


def count(kind, request, token=""):
    for key, (_limit, window) in _limits(kind, request, token):
        ratelimit.hit(key, window)
