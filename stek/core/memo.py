"""What one request reads once: ``per_request(key, compute)`` keeps ``compute()`` until the
request ends (``RequestMemoMiddleware``); outside a request it just computes. For values that
are cheap to check but read by several parts of a page (a data version)."""

import contextvars

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
