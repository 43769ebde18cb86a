"""Only the lead STEK and the STEKs that co-signed see a dossier; an open invitation may be
read to answer it; a STEK that declined sees nothing of it (issue 12)."""

import pytest
from django.urls import reverse

from stek.advocacy.enums import Signing
from stek.advocacy.models import DossierStek
from stek.advocacy.models import Testimony as TestimonyModel
from tests.factories.advocacy import DossierFactory

pytestmark = pytest.mark.django_db


def url(name, dossier, slug="beta"):
    return reverse(f"advocacy:{name}", args=[slug, dossier.pk])


def invited_dossier(world, answer=None):
    """STEK A's dossier, STEK B invited: the invitation open (None), signed or declined."""
    invitation = {None: "invited", True: "co_signers", False: "declined"}[answer]
    return DossierFactory(lead_stek=world.stek_a, **{invitation: [world.stek_b]})


READ = ("dossier_detail", "dossier_note", "dossier_csv", "dossier_ods")


def test_a_steks_that_declined_loses_all_access(client_for, world):
    dossier = invited_dossier(world, answer=False)
    client = client_for("worker_b")
    for name in READ:
        assert client.get(url(name, dossier)).status_code == 404, name
    text = {"text": "De formulieren zijn te moeilijk.", "consent": "on"}
    assert client.post(url("testimony_add", dossier), text).status_code == 404
    assert not TestimonyModel.objects.filter(dossier=dossier).exists()
    listed = client.get(reverse("advocacy:dossier_list", args=["beta"])).content.decode()
    assert dossier.title not in listed


def test_a_co_signer_reads_exports_and_adds_testimonies(client_for, world):
    dossier = invited_dossier(world, answer=True)
    client = client_for("worker_b")
    for name in READ:
        assert client.get(url(name, dossier)).status_code in (200, 503), name  # 503: no PDF here
    text = {"text": "De formulieren zijn te moeilijk.", "consent": "on"}
    assert client.post(url("testimony_add", dossier), text).status_code == 302
    assert TestimonyModel.objects.filter(dossier=dossier, stek=world.stek_b).exists()


def test_an_open_invitation_is_read_to_answer_but_not_exported(client_for, world):
    dossier = invited_dossier(world)
    client = client_for("worker_b")
    assert client.get(url("dossier_detail", dossier)).status_code == 200
    for name in ("dossier_note", "dossier_csv", "dossier_ods"):
        assert client.get(url(name, dossier)).status_code == 404, name
    text = {"text": "De formulieren zijn te moeilijk.", "consent": "on"}
    assert client.post(url("testimony_add", dossier), text).status_code == 404


@pytest.mark.parametrize("data", [{}, {"sign": ""}, {"sign": "ja"}, {"sign": "2"}])
def test_an_answer_without_sign_is_no_decline(client_for, world, data):
    dossier = invited_dossier(world)
    client = client_for("worker_b")
    assert client.post(url("dossier_answer", dossier), data).status_code == 302
    row = DossierStek.objects.get(dossier=dossier, stek=world.stek_b)
    assert row.status == Signing.INVITED and row.answered_on is None
    assert client.get(url("dossier_detail", dossier)).status_code == 200


def test_declining_then_the_dossier_is_gone_and_the_lead_keeps_it(client_for, world):
    dossier = invited_dossier(world)
    client = client_for("worker_b")
    response = client.post(url("dossier_answer", dossier), {"sign": "0"})
    assert response["Location"] == reverse("advocacy:dossier_list", args=["beta"])
    assert DossierStek.objects.get(dossier=dossier, stek=world.stek_b).status == Signing.DECLINED
    assert client.get(url("dossier_detail", dossier)).status_code == 404
    lead = client_for("worker_a")
    assert lead.get(url("dossier_detail", dossier, slug="alfa")).status_code == 200
