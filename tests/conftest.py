import pytest

from stek.core.privacy import warm_up

from .personas import PERSONA_NAMES, build_world


@pytest.fixture(scope="session", autouse=True)
def _scanner_loaded_once():
    """deduce builds its lookup structures once for the whole test session."""
    warm_up()


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
