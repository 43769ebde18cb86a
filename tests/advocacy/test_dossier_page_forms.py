"""The dossier page's blank forms are drawn once per process (``stek_forms.blank_fields``): a
change to what they show (here the dossier's outcome) is on the next page."""

import pytest
from django.urls import reverse

from tests.factories.advocacy import DossierFactory

pytestmark = pytest.mark.django_db


def test_the_blank_forms_follow_the_dossier(client_for, world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    page = reverse("advocacy:dossier_detail", args=["alfa", dossier.pk])
    coordinator = client_for("coordinator_a")
    coordinator.get(page)
    html = coordinator.get(page).content.decode()
    assert '<option value="pending" selected>' in html
    dossier.outcome = "partly"
    dossier.save()
    html = coordinator.get(page).content.decode()
    assert '<option value="partly" selected>' in html
    assert '<option value="pending" selected>' not in html
