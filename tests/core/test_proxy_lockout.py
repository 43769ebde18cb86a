"""Login lockout (django-axes) keys on the client's address, also behind the reverse proxy."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from stek.core.net import client_ip
from tests.personas import PASSWORD

EMAIL = "worker_a@stek.test"


def login(client, password, forwarded_for):
    return client.post(
        reverse("login"),
        {"username": EMAIL, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy's address, the same for everyone behind it
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def lock_out(client, settings, forwarded_for):
    settings.AXES_FAILURE_LIMIT = 5
    codes = [login(client, "wrong", forwarded_for).status_code for _ in range(5)]
    assert codes == [200] * 4 + [429]  # the fifth failure locks


def test_behind_the_proxy_each_client_address_is_locked_on_its_own(world, client, settings):
    settings.STEK_BEHIND_PROXY = True
    # The proxy appends the address it saw; whatever the client sent before that is ignored.
    lock_out(client, settings, "198.51.100.7, 203.0.113.1")
    assert login(client, PASSWORD, "203.0.113.1").status_code == 429
    assert login(client, PASSWORD, "1.2.3.4, 203.0.113.1").status_code == 429  # no escape
    # Another visitor behind the same proxy signs in with the same account.
    assert login(client, PASSWORD, "203.0.113.2").status_code == 302


def test_without_the_proxy_setting_forwarded_for_is_ignored(world, client, settings):
    settings.STEK_BEHIND_PROXY = False
    lock_out(client, settings, "203.0.113.1")
    # A made-up X-Forwarded-For does not escape the lock on REMOTE_ADDR.
    assert login(client, PASSWORD, "203.0.113.2").status_code == 429
    assert login(client, PASSWORD, "").status_code == 429


@pytest.mark.parametrize(
    ("behind", "forwarded", "expected"),
    [
        (False, "203.0.113.9", "10.0.0.2"),
        (True, "203.0.113.9", "203.0.113.9"),
        (True, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (True, " 2001:db8::1 ", "2001:db8::1"),
        (True, "", "10.0.0.2"),
        (True, "not-an-address", "10.0.0.2"),
    ],
)
def test_client_ip(settings, behind, forwarded, expected):
    settings.STEK_BEHIND_PROXY = behind
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
