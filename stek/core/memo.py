"""What one request reads once: ``per_request(key, compute)`` keeps ``compute()`` until the
request ends (``RequestMemoMiddleware``); outside a request it just computes. For values that
are cheap to check but read by several parts of a page (a data version)."""

import contextvars
import threading
import weakref
from collections import OrderedDict

_scope = contextvars.ContextVar("stek_request_memo", default=None)


def per_request(key, compute):
    memo = _scope.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget_request(key):
    """A write in this request changed what ``key`` holds: the next read computes it again."""
    memo = _scope.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _scope.set({})
        try:
            return self.get_response(request)
        finally:
            _scope.reset(token)


_EVERY = weakref.WeakSet()


def forget_all():
    """Empty every ``Lru`` of the process (tests: a rolled-back test leaves versions and ids
    as they were before it)."""
    for memo in list(_EVERY):
        memo.clear()


class Lru:
    """A per-process memo of at most ``size`` values, the least recently read dropped first;
    safe across threads. ``compute`` runs outside the lock (two threads may both compute the
    same value; the later one is kept)."""

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()
        _EVERY.add(self)

    def get(self, key):
        """The value kept under ``key`` (now the most recent), or None."""
        with self._lock:
            if key not in self._values:
                return None
            self._values.move_to_end(key)
            return self._values[key]

    def put(self, key, value):
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def get_or_compute(self, key, compute):
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        self.put(key, value)
        return value

    def clear(self):
        with self._lock:
            self._values.clear()
