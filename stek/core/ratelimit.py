"""Fixed-window counters in the shared cache (the database cache in production, so every worker
process sees the same counts), for the rate limits of the apps: referral codes, sign-in links,
the idea box and council votes. Each app keeps its own keys and bounds."""

from django.core.cache import cache


def hit(key, window):
    """Count one more in ``key``'s window of ``window`` seconds; the count so far."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def count_of(key):
    """The count in ``key``'s current window, without counting."""
    return cache.get(key, 0)
