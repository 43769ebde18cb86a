"""A rising topic that already has a running dossier offers "dossier openen", not a second
dossier; the start page reached for such a topic leads to the existing dossier (issue 16)."""

from django.urls import reverse

from stek.advocacy.models import Dossier
from tests.factories.advocacy import DossierFactory, SignalFactory

TOPIC = "digitale_hulp"


def _rising(world):
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code=TOPIC)
    SignalFactory.create_batch(3, stek=world.stek_a, topic__code=TOPIC, weeks_ago=2)


def _start(slug="alfa"):
    return reverse("advocacy:dossier_create", kwargs={"slug": slug}) + f"?onderwerp={TOPIC}"


def test_without_a_dossier_the_topic_offers_to_start_one(world, client_for):
    _rising(world)
    worker = client_for("worker_a")
    html = worker.get(reverse("advocacy:overview", kwargs={"slug": "alfa"})).content.decode()
    assert _start().replace("&", "&amp;") in html and "dossier openen" not in html
    assert worker.get(_start()).status_code == 200  # the form, with the topic filled in


def test_a_topic_with_a_running_dossier_offers_that_dossier(world, client_for):
    _rising(world)
    dossier = DossierFactory(lead_stek=world.stek_a, topics=(TOPIC,), title="Digitale kloof")
    worker = client_for("worker_a")
    html = worker.get(reverse("advocacy:overview", kwargs={"slug": "alfa"})).content.decode()
    detail = reverse("advocacy:dossier_detail", kwargs={"slug": "alfa", "pk": dossier.pk})
    assert "dossier openen" in html and f'href="{detail}"' in html
    assert "?onderwerp=" + TOPIC not in html
    response = worker.get(_start(), follow=True)
    assert response.redirect_chain[-1][0] == detail
    assert "loopt al een dossier" in response.content.decode()
    assert Dossier.objects.count() == 1


def test_a_finished_dossier_or_another_steks_dossier_does_not_count(world, client_for):
    _rising(world)
    DossierFactory(lead_stek=world.stek_a, topics=(TOPIC,), outcome="achieved")
    DossierFactory(lead_stek=world.stek_b, topics=(TOPIC,))  # not one STEK Alfa sees
    worker = client_for("worker_a")
    html = worker.get(reverse("advocacy:overview", kwargs={"slug": "alfa"})).content.decode()
    assert "dossier openen" not in html and "dossier starten" in html
    assert worker.get(_start()).status_code == 200
