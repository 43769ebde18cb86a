"""GET never writes (ADR 0011): every GET in the authorisation matrix, for every signed-in
persona, leaves the row count of every model as it was. The exceptions the ADR allows: an audit
row of who viewed or exported what, and Django's own session housekeeping."""

import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session as DjangoSession
from django.urls import reverse

from stek.core.enums import AuditAction
from stek.core.models import AuditEvent
from tests.core.test_authorisation_matrix import MATRIX
from tests.personas import PERSONA_NAMES

GETS = sorted(name for name, (method, *_rest) in MATRIX.items() if method == "get")
SIGNED_IN = [p for p in PERSONA_NAMES if p != "anonymous"]
ALLOWED = {AuditEvent, DjangoSession}
ACCESS = {AuditAction.VIEWED, AuditAction.EXPORTED}


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model not in ALLOWED
    }


def test_the_walk_covers_the_pages_that_wrote_before():
    assert {"agenda:today", "agenda:categories", "core:stek_home"} <= set(GETS)


@pytest.mark.parametrize("name", GETS)
def test_a_get_writes_nothing(name, world, client_for):
    _method, kwargs, _data, _expected = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world) if kwargs else None)
    for persona in SIGNED_IN:
        client = client_for(persona)
        before, audit_before = row_counts(), AuditEvent.objects.count()
        response = client.get(url)
        assert response.status_code < 500, (persona, url)
        after = row_counts()
        changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not changed, f"{persona} GET {url} wrote {changed}"
        new_audit = AuditEvent.objects.order_by("-pk")[: AuditEvent.objects.count() - audit_before]
        assert {e.action for e in new_audit} <= ACCESS, f"{persona} GET {url}"


def test_vandaag_shows_zero_counts_without_a_session_row(world, client_for):
    from stek.agenda.models import Session
    from tests.factories.agenda import ActivityFactory

    activity = ActivityFactory(stek=world.stek_a)
    response = client_for("volunteer_a").get(reverse("agenda:today", args=["alfa"]))
    html = response.content.decode()
    assert not Session.objects.exists()
    assert 'id="sessie-open"' in html and f'id="sessie-{activity.pk}"' in html
    zeros = re.findall(r'class="tally-count" aria-live="polite" data-count="\d+">0<', html)
    assert len(zeros) == 4  # 2 cards x 2 defaults
    assert "Volwassene" in html and "Kind" in html


def test_opening_another_steks_page_does_not_store_a_choice_the_switcher_does(world, client_for):
    from stek.core.enums import MembershipRole as R
    from tests.factories import MembershipFactory

    MembershipFactory(
        user=world.user("worker_a"), stek=world.stek_b, organisation=world.partner_b.organisation,
        role=R.WORKER,
    )  # fmt: skip
    client = client_for("worker_a")
    page = client.get(reverse("core:stek_home", args=["beta"]))
    assert '<span class="brand-stek">Beta</span>' in page.content.decode()  # the page's
    assert "current_stek" not in client.session
    assert client.get(reverse("core:home"))["Location"].endswith("/s/alfa/")
    client.post(reverse("core:switch_stek"), {"stek": "beta"})
    assert client.session["current_stek"] == world.stek_b.pk
    assert client.get(reverse("core:home"))["Location"].endswith("/s/beta/")
