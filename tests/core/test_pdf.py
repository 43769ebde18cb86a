"""The one PDF response: a PDF with its name when WeasyPrint works, the one "cannot be made"
page (503, a link back, the page's own frame) when it does not, for every PDF the apps make."""

import sys

import pytest
from django.test import RequestFactory
from django.urls import reverse

from stek.advocacy import stats
from stek.core.pdf import PdfUnavailable, pdf_response, render_pdf
from tests.factories.advocacy import DossierFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.rights import Visitor

UNAVAILABLE = "core/pdf_unavailable.html"


@pytest.fixture
def no_weasyprint(monkeypatch):
    """WeasyPrint cannot be imported (``None`` in sys.modules makes the import fail)."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


def templates(response):
    return [t.name for t in response.templates]


def test_render_pdf_says_when_weasyprint_is_missing(no_weasyprint):
    with pytest.raises(PdfUnavailable):
        render_pdf("rights/slip_pdf.html", {})


def test_the_helper_answers_a_pdf_with_its_name(rf, world):
    request, note = rf.get("/"), _note(world)
    response = pdf_response(request, "advocacy/note_pdf.html", note, "nota.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'inline; filename="nota.pdf"'
    assert "Cache-Control" not in response
    kept_out = pdf_response(request, "advocacy/note_pdf.html", note, "n.pdf", no_store=True)
    assert kept_out["Cache-Control"] == "no-store"


def test_the_helper_writes_the_pdf_in_the_language_asked_and_refuses_in_the_requests(
    rf, monkeypatch
):
    from django.utils import translation

    seen = []

    def fake(template, context):
        seen.append(translation.get_language())
        raise PdfUnavailable("no WeasyPrint here")

    monkeypatch.setattr("stek.core.pdf.render_pdf", fake)
    request = RequestFactory().get("/")
    with translation.override("nl"):
        response = pdf_response(request, "x.html", {}, "x.pdf", language="fr", back="/terug/")
        assert translation.get_language() == "nl"
    assert seen == ["fr"]
    assert response.status_code == 503
    html = response.content.decode()
    assert "De PDF kan nu niet gemaakt worden" in html and 'href="/terug/"' in html


def test_without_weasyprint_the_helper_shows_the_one_page(rf, world, no_weasyprint):
    response = pdf_response(rf.get("/"), "advocacy/note_pdf.html", _note(world), "nota.pdf")
    assert response.status_code == 503
    assert "Content-Disposition" not in response
    html = response.content.decode()
    assert "De PDF kan nu niet gemaakt worden" in html and "Terug" not in html  # no back link


def _note(world):
    dossier = DossierFactory(lead_stek=world.stek_a)
    return {"dossier": dossier, "evidence": stats.evidence(dossier), "signing": [world.stek_a]}


# The four PDFs of the apps -------------------------------------------------------------------


def test_the_referral_slip(world, client_for, monkeypatch):
    referral = ReferralFactory(world=world)
    client = client_for("worker_a")
    address = reverse("referrals:slip_pdf", args=["alfa", referral.pk])
    made = client.get(address)
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
    expected = f'inline; filename="verwijsbriefje-{referral.code}-a6.pdf"'
    assert made["Content-Disposition"] == expected
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    refused = client.get(address)
    assert refused.status_code == 503 and UNAVAILABLE in templates(refused)
    back = reverse("referrals:detail", args=["alfa", referral.pk])
    assert f'href="{back}"' in refused.content.decode()


def test_the_poster(world, client, monkeypatch):
    address = reverse("public:poster", args=["alfa"])
    made = client.get(address, {"week": "2026-03-04"})
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
    assert made["Content-Disposition"] == 'inline; filename="alfa-programma-2026-03-02-a4.pdf"'
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    refused = client.get(address)
    assert refused.status_code == 503 and UNAVAILABLE in templates(refused)
    assert "public/base.html" in templates(refused)  # the visitor's frame, not the workers'
    assert f'href="{reverse("public:programme", args=["alfa"])}"' in refused.content.decode()


def test_the_signal_note(world, client_for, monkeypatch):
    dossier = DossierFactory(lead_stek=world.stek_a)
    client = client_for("worker_a")
    address = reverse("advocacy:dossier_note", args=["alfa", dossier.pk])
    made = client.get(address)
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
    assert made["Content-Disposition"].startswith('inline; filename="signaalnota-huurpremie')
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    refused = client.get(address)
    assert refused.status_code == 503 and UNAVAILABLE in templates(refused)
    back = reverse("advocacy:dossier_detail", args=["alfa", dossier.pk])
    assert f'href="{back}"' in refused.content.decode()


def test_the_rights_slip(client, db, monkeypatch):
    visitor = Visitor(client, reverse("rights:check")).walk().post("results")
    made = client.get(visitor.url + "?stap=briefje")
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
    assert made["Content-Disposition"] == 'inline; filename="rechtencheck.pdf"'
    assert "no-store" in made["Cache-Control"]
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    refused = client.get(visitor.url + "?stap=briefje")
    assert refused.status_code == 503 and UNAVAILABLE in templates(refused)
    assert "rights/base.html" in templates(refused)
    assert f'href="{visitor.url}?stap=resultaat"' in refused.content.decode()
