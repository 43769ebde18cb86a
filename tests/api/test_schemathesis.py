"""Schemathesis against /api/v1/openapi.json, in-process through the WSGI app: every answer
conforms to the schema (status codes, content types, bodies), and none is a server error.

Bounded for the suite: a few dozen examples per operation, well under a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories.socialmap import ServiceFactory

EXAMPLES = 25


@pytest.fixture
def api_schema(world):
    ServiceFactory(organisation=world.partner_a2.organisation, visibility="public")
    # The WSGI app runs inside the test's transaction: keep Django from closing the
    # connection at the end of each request (the test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_conforms_to_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:
        # A date outside the rules' range (x-minimum … x-maximum in the schema) fits the
        # JSON schema's "format: date" but is refused with a documented 422.
        excluded = [positive_data_acceptance] if operation.path.endswith("/rights/check") else []

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case):
            case.call_and_validate(excluded_checks=excluded)  # noqa: B023 (run at once)

        check()
