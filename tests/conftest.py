import os

import pytest
from django.utils import translation

from stek.core.privacy import warm_up

from .personas import PERSONA_NAMES, build_world

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config, items):
    """``STEK_TESTS=database`` keeps the tests that touch the database (the ``django_db`` mark
    or a fixture that needs it), browser tests left out. CI's second pass, on PostgreSQL, runs
    only those: the rest (the rules, the suppression LPs, the scanner, the pages in a browser)
    does not depend on the database engine and already ran on SQLite."""
    if os.environ.get("STEK_TESTS") != "database":
        return
    keep, drop = [], []
    for item in items:
        uses = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        (keep if uses and not item.get_closest_marker("e2e") else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session", autouse=True)
def _scanner_loaded_once():
    """deduce builds its lookup structures once for the whole test session."""
    warm_up()


@pytest.fixture(autouse=True)
def _dutch_to_begin_with(settings):
    """Every test starts in Dutch: a request through the test client runs in this thread, and the
    language middleware leaves the language of the request (a cookie "fr") active after it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_memos():
    """Each test starts without remembered signal counts: a rolled-back test gives its ids to
    the next one (in production ids are never reused, so a version never comes back)."""
    from stek.advocacy import publication
    from stek.core import memo
    from stek.rights import check

    publication.forget()
    check._RESULTS.clear()  # and no remembered rights-check results (tests patch the rules)
    memo.forget_all()  # nor pages' fragments or services remembered by any other memo
    yield


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def client_for(client, world):
    """client_for('worker_a') -> a test client logged in as that persona."""

    def make(persona):
        client.logout()
        if persona != "anonymous":
            client.force_login(world.user(persona))
        return client

    return make


@pytest.fixture(params=list(PERSONA_NAMES))
def persona(request):
    return request.param
