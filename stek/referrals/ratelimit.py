"""Rate limits on typing referral codes, so that guessing one is infeasible.

Two fixed windows in the shared cache (the database cache in production, so every worker
process sees the same counts): the failed attempts from one IP address, and the failed attempts
from anywhere (against guessing from many addresses). Only failures count: a guess that hits
a code is what the limit prevents, so a busy service desk behind one address that types many
right codes is never locked out, and looking at the page is never limited."""

from django.conf import settings

from stek.core import net, ratelimit

# The visitor's address: one function for every limit and the login lockout (stek/core/net.py).
client_ip = net.client_ip


def _ip_key(request):
    return f"refcode:failed:ip:{client_ip(request) or 'unknown'}"


def blocked(request):
    """True when this address or the whole site has used up its failed attempts for now."""
    per_ip = ratelimit.count_of(_ip_key(request)) >= settings.STEK_CODE_ATTEMPTS_PER_IP
    overall = ratelimit.count_of("refcode:failed") >= settings.STEK_CODE_FAILURES_GLOBAL
    return per_ip or overall


def count_failure(request):
    """A code that was malformed or matched no referral."""
    ratelimit.hit(_ip_key(request), settings.STEK_CODE_WINDOW_SECONDS)
    ratelimit.hit("refcode:failed", settings.STEK_CODE_WINDOW_SECONDS)
