"""Test data: one factory module per app, in the import order of ADR 0009.

``core`` (re-exported here, so ``from tests.factories import StekFactory`` keeps working),
``agenda``, ``socialmap``, ``referrals``, ``rights`` (the check's answers, no model) and
``advocacy``. A module imports only the factory modules of the apps before its own, as the apps
do (``tests/test_factories.py`` checks it). Factories that stand for a write the app makes go
through the app's service function (``create_dossier``, ``register_signal``,
``create_referral``), so the data they build is what the app itself would store.

The core factories are loaded on first use: ``tests.factories.rights`` needs no Django, and the
load test imports it in a process that never sets Django up.
"""

import importlib

__all__ = [
    "MembershipFactory",
    "NetworkFactory",
    "NetworkMembershipFactory",
    "OrganisationFactory",
    "PartnershipFactory",
    "StekFactory",
    "UserFactory",
]


def __getattr__(name):
    if name in __all__:
        return getattr(importlib.import_module(".core", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
