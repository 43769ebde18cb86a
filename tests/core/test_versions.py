"""Data versions in the shared cache (``core.versions``): read once per request, renewed at
once and after the commit by a change, so every process sees a change."""

import pytest
from django.core.cache import caches

from stek.core import memo, versions

pytestmark = pytest.mark.django_db


def test_a_bump_gives_a_new_version_that_every_reader_sees():
    first = versions.current("test:version")
    assert versions.current("test:version") == first
    versions.bump("test:version")
    second = versions.current("test:version")
    assert second != first
    assert caches[versions.CACHE].get("test:version") == second  # shared, not per process


def test_inside_a_request_the_version_is_read_once_until_a_bump(django_assert_num_queries):
    middleware = memo.RequestMemoMiddleware(lambda request: None)
    seen = []

    def view(request):
        seen.append(versions.current("test:version"))
        with django_assert_num_queries(0):
            seen.append(versions.current("test:version"))  # the request's own copy
        versions.bump("test:version", after_commit=False)
        seen.append(versions.current("test:version"))  # the write forgot it

    middleware.get_response = view
    middleware(None)
    assert seen[0] == seen[1] != seen[2]
