import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """The rate limits count in the cache (the database cache): every test that uses the
    database starts from zero."""
    if request.node.get_closest_marker("django_db") is None:
        yield
        return
    cache.clear()
    yield
    cache.clear()
