"""Data versions: a value in the shared cache that changes whenever some data changes, so that
what a process remembered about that data (``memo.Lru``) is keyed by its version and never read
stale, in any process.

``current(name)`` is read once per request (``memo.per_request``); ``bump(name)`` gives a new
version at once and again after the commit (a process that read the data in between keeps
nothing under the new version). The apps bump their versions from their models' signals
(``apps.py``): the signal counts (``advocacy.publication``), the social map
(``socialmap.apps``), the agenda per STEK and its counts (``agenda.apps``); a write that sends
no signal (an ``update()``) bumps from its service."""

import uuid

from django.core.cache import caches
from django.db import transaction

from .memo import forget_request, per_request

CACHE = "default"


def _request_key(name):
    return ("stek.core.versions", name)


def current(name):
    """The version of ``name``: a new one when none is kept yet."""

    def shared():
        cache = caches[CACHE]
        version = cache.get(name)
        if version is None:
            cache.add(name, uuid.uuid4().hex, timeout=None)
            version = cache.get(name) or "none"
        return version

    return per_request(_request_key(name), shared)


def bump(name, after_commit=True):
    """A new version of ``name``: what was remembered under the old one is not read any more."""

    def renew():
        caches[CACHE].set(name, uuid.uuid4().hex, timeout=None)
        forget_request(_request_key(name))

    renew()
    if after_commit:
        transaction.on_commit(renew)
