"""The small forms on the dossier page come from one table (``views.DOSSIER_FORMS``): each has
an address of its own, is shown on the page, and when posted wrong comes back on the page with
its errors while the other forms stay blank."""

import pytest
from django.urls import get_resolver, reverse

from stek.advocacy.views import DOSSIER_FORMS, dossier_form
from tests.advocacy.test_co_signers import invited_dossier
from tests.factories.advocacy import DossierFactory

# The URL names the templates and the authorisation matrix know the forms by.
URL_NAMES = {
    "step": "dossier_step",
    "outcome": "dossier_outcome",
    "invite": "dossier_invite",
    "testimony": "testimony_add",
    "addressee": "addressee_add",
    "action": "action_add",
}


def test_every_form_of_the_table_has_its_address_and_nothing_else_is_routed_there():
    routed = {
        pattern.default_args["name"]: pattern.name
        for pattern in get_resolver().url_patterns
        for pattern in getattr(pattern, "url_patterns", [pattern])
        if getattr(pattern, "callback", None) is dossier_form
    }
    assert routed == URL_NAMES
    assert set(DOSSIER_FORMS) == set(URL_NAMES)


@pytest.mark.parametrize("name", sorted(URL_NAMES))
def test_a_wrong_post_comes_back_on_the_page_with_its_errors(name, client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    kwargs = {"slug": "alfa", "pk": dossier.pk}
    worker = client_for("worker_a")
    response = worker.post(reverse(f"advocacy:{URL_NAMES[name]}", kwargs=kwargs), {})
    assert response.status_code == 400
    assert "advocacy/dossier_detail.html" in [t.name for t in response.templates]
    for other in DOSSIER_FORMS:
        form = response.context[f"{other}_form"]
        assert form.is_bound == (other == name), other
    assert response.context[f"{name}_form"].errors
    page = worker.get(reverse("advocacy:dossier_detail", kwargs=kwargs))
    assert "<details open>" not in page.content.decode()  # every form blank again


def test_a_co_signer_may_add_a_testimony_but_nothing_only_the_lead_may(client_for, world):
    dossier = invited_dossier(world, answer=True)
    beta = client_for("worker_b")
    kwargs = {"slug": world.stek_b.slug, "pk": dossier.pk}
    for name, entry in DOSSIER_FORMS.items():
        response = beta.post(reverse(f"advocacy:{URL_NAMES[name]}", kwargs=kwargs), {})
        assert response.status_code == (403 if entry.lead_only else 400), name
    assert [n for n, e in DOSSIER_FORMS.items() if not e.lead_only] == ["testimony"]
