"""No visitor identity anywhere in participation: no field named like a person's data."""

import re

from django.apps import apps

FORBIDDEN = re.compile(r"(^|_)(name|email|e_mail|mail|phone|gsm|birth|address|ip|ip_address)($|_)")


def test_no_field_holds_a_visitors_identity():
    models = apps.get_app_config("participation").get_models()
    names = [(m.__name__, f.name) for m in models for f in m._meta.get_fields()]
    assert len(names) > 20  # the walk sees the fields
    offenders = [f"{m}.{f}" for m, f in names if FORBIDDEN.search(f.lower())]
    assert offenders == []


def test_the_pattern_catches_the_fields_it_is_meant_for():
    for bad in ("name", "full_name", "email", "phone", "birth_date", "address", "ip", "ip_hash"):
        assert FORBIDDEN.search(bad), bad
    for fine in ("pictogram", "description", "option", "device"):
        assert not FORBIDDEN.search(fine), fine
