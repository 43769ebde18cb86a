"""Rate limits on typing referral codes, so that guessing one is infeasible.

Two fixed windows in the shared cache (the database cache in production, so every worker
process sees the same counts): every attempt from one IP address, and every failed attempt
from anywhere (against guessing from many addresses)."""

from django.conf import settings
from django.core.cache import cache


def _hit(key, window):
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _peek(key):
    return cache.get(key, 0)


def client_ip(request):
    """The visitor's address. Behind our own reverse proxy (``STEK_BEHIND_PROXY``) that is the
    last address the proxy appended to X-Forwarded-For, not the proxy's own address."""
    if settings.STEK_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def blocked(request):
    """True when this address or the whole site has used up its attempts for now."""
    per_ip = _peek(f"refcode:ip:{client_ip(request)}") >= settings.STEK_CODE_ATTEMPTS_PER_IP
    overall = _peek("refcode:failed") >= settings.STEK_CODE_FAILURES_GLOBAL
    return per_ip or overall


def count_attempt(request, success):
    _hit(f"refcode:ip:{client_ip(request)}", settings.STEK_CODE_WINDOW_SECONDS)
    if not success:
        _hit("refcode:failed", settings.STEK_CODE_WINDOW_SECONDS)
