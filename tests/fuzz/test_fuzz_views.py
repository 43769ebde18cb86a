"""Hypothesis over every view: fuzzed query parameters (GET) and fuzzed form data (POST) as a
persona the view serves, and never a 500.

The views come from the authorisation matrix (which enumerates every URL pattern and fails for
an unlisted one); the parameter names from the code itself: every ``request.GET``/``POST`` key a
view reads and every field of every form. Values: huge, negative and odd numbers, text with NUL
and unicode, dates far away, long strings, deep JSON. The API has its own test (schemathesis).
"""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stek
from tests.core.test_authorisation_matrix import MATRIX

ROOT = Path(stek.__file__).parent
PREFERRED = ("coordinator_a", "worker_a", "volunteer_a", "network_admin", "analyst", "anonymous")
SLOW = ("pdf", "poster", "note", "slip")  # WeasyPrint: fewer examples
EXAMPLES, SLOW_EXAMPLES = 12, 3


def _names_read(kind):
    pattern = re.compile(rf"request\.{kind}\.get(?:list)?\(\s*\"(\w+)\"")
    return {n for path in ROOT.rglob("*.py") for n in pattern.findall(path.read_text())}


def _form_fields():
    names = set()
    for module in pkgutil.walk_packages([str(ROOT)], "stek."):
        if not (module.name.endswith(".forms") or module.name.endswith(".questions")):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                names |= set(getattr(value, "base_fields", {}))
    return names


GET_NAMES = sorted(_names_read("GET") | {"q", "domain", "topic", "open_now", "max_km", "code"})
POST_NAMES = sorted(_names_read("POST") | _form_fields() | {"state", "action", "step", "next"})

BAD_VALUES = st.one_of(
    st.sampled_from(
        [
            "999999999999999999999",
            str(2**62),
            str(2**31),
            "-1",
            "0",
            "abc",
            "1.5",
            "1e309",
            "NaN",
            "",
            " ",
            "\x00",
            "a\x00b",
            "0001-01-01",
            "9999-12-31",
            "2026-02-31",
            "0001-01",
            "9999-12",
            "[" * 2000,
            '{"a":' * 500,
            "geen",
            "<img src=x onerror=1>",
            "x" * 5000,
            "on",
            "true",
            "open",
            "1",
        ]
    ),  # fmt: skip
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
)


def params_for(names):
    return st.dictionaries(st.sampled_from(names), st.lists(BAD_VALUES, min_size=1, max_size=3),
                           max_size=6)  # fmt: skip


def persona_for(name):
    expected = MATRIX[name][3]
    for persona in PREFERRED:
        status = expected[persona]
        if status in (403, 404) or (persona == "anonymous" and status == 302):
            continue
        return persona
    return None


FUZZED = sorted(name for name in MATRIX if not name.startswith("api:") and persona_for(name))


def test_every_view_but_the_api_is_fuzzed():
    assert len(FUZZED) >= 80
    assert {"agenda:tap", "core:stek_edit", "referrals:overview", "rights:check"} <= set(FUZZED)


@pytest.mark.parametrize("name", FUZZED)
def test_no_view_answers_500_to_fuzzed_input(name, world):
    method, kwargs, _data, _expected = MATRIX[name]
    persona = persona_for(name)
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    client = Client(raise_request_exception=False)
    if persona != "anonymous":
        client.force_login(world.user(persona))
    examples = SLOW_EXAMPLES if any(word in name for word in SLOW) else EXAMPLES

    @given(query=params_for(GET_NAMES), data=params_for(POST_NAMES))
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def fuzz(query, data):
        if method == "get":
            response = client.get(url, query)
            assert response.status_code < 500, (url, query, response.status_code)
        response = client.post(url, data)
        assert response.status_code < 500, (url, data, response.status_code)

    fuzz()
