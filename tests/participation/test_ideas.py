"""The idea box (issue 17): no account, scanned, pre-moderated, rate-limited; the workers'
moderation; the public 'wij deden' board."""

import pytest
from django.urls import reverse

from stek.core import ratelimit
from stek.participation import devices, services
from stek.participation.enums import IdeaSource, IdeaState
from stek.participation.models import Idea

pytestmark = pytest.mark.django_db

BOX = "/alfa/idee/"


def post_idea(client, text, **extra):
    return client.post(BOX, {"text": text, "category": "food", **extra})


def test_an_idea_in_the_box_needs_no_account_and_waits_for_a_worker(world, client):
    response = post_idea(client, "Kunnen we op vrijdag ook soep maken?")
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert (idea.stek, idea.source, idea.state) == (world.stek_a, IdeaSource.BOX, IdeaState.NEW)
    assert idea.category == "food"
    page = client.get(BOX).content.decode()
    assert "Dank je!" in page
    assert "Kunnen we op vrijdag ook soep maken?" not in page  # pre-moderated: not yet shown


def test_pre_moderation_shows_an_idea_only_once_a_worker_published_it(world, client_for):
    idea = services.submit_idea(stek=world.stek_a, text="Een filmavond.", source="box")
    other = services.submit_idea(stek=world.stek_a, text="Een kookles.", source="box")
    anonymous = client_for("anonymous")
    assert "Een filmavond." not in anonymous.get(BOX).content.decode()
    worker = client_for("worker_a")
    url = reverse("participation:idea_detail", args=["alfa", idea.pk])
    assert worker.post(url, {"action": "publish", "terug": "lijst"}).status_code == 302
    page = client_for("anonymous").get(BOX).content.decode()
    assert "Een filmavond." in page and "Een kookles." not in page
    other.refresh_from_db()
    assert other.state == IdeaState.NEW


def test_the_box_refuses_personal_data_with_the_scanners_message(world, client):
    response = post_idea(client, "Bel me op 0470 12 34 56 voor meer uitleg.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "persoonsgegevens" in html and "telefoonnummer" in html
    assert not Idea.objects.exists()


def test_the_tablet_refuses_personal_data_too(world, client_for):
    response = client_for("volunteer_a").post(
        "/s/alfa/inspraak/idee/",
        {"text": "Mijn e-mail is jan.peeters@example.com", "source": "paper"},
    )
    assert response.status_code == 400
    assert "e-mailadres" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_long_text_is_refused():
    with pytest.raises(Exception):  # noqa: B017 - the model's bound (ValidationError)
        services.submit_idea(stek=None, text="a" * 501, source="box")


def test_the_box_limits_ideas_per_device(world, client, monkeypatch):
    monkeypatch.setattr(devices, "IDEAS_PER_DEVICE", (2, 3600))
    for n in range(2):
        assert post_idea(client, f"Idee nummer {n}.").status_code == 302
    token = client.cookies[devices.COOKIE].value
    response = post_idea(client, "Nog een idee.")
    assert response.status_code == 429
    assert Idea.objects.count() == 2
    assert client.cookies[devices.COOKIE].value == token  # one device, one token
    client.cookies.clear()  # another device on the same address may still send one
    assert post_idea(client, "Een idee van een ander toestel.").status_code == 302


def test_the_box_limits_ideas_per_address(world, client, monkeypatch):
    monkeypatch.setattr(devices, "IDEAS_PER_ADDRESS", (3, 3600))
    for n in range(3):
        client.cookies.clear()  # a new device each time: the address still counts
        assert post_idea(client, f"Idee {n}.").status_code == 302
    client.cookies.clear()
    assert post_idea(client, "Nog een.").status_code == 429
    other = client.__class__(REMOTE_ADDR="10.1.2.3")
    assert post_idea(other, "Van een ander adres.").status_code == 302
    assert Idea.objects.count() == 4


def test_the_device_cookie_is_random_and_the_address_is_never_stored(world, client, monkeypatch):
    keys, hit = [], ratelimit.hit
    monkeypatch.setattr(ratelimit, "hit", lambda key, window: keys.append(key) or hit(key, window))
    post_idea(client, "Een idee.")
    token = client.cookies[devices.COOKIE].value
    assert len(token) >= 30 and "alfa" not in token
    client.cookies.clear()
    post_idea(client, "Nog een idee.")
    assert client.cookies[devices.COOKIE].value != token
    assert len(keys) == 4 and not any("127.0.0.1" in k for k in keys)
    assert not any(token in k for k in keys)  # only a keyed hash of the token


def test_a_get_sets_no_cookie(world, client):
    response = client.get(BOX)
    assert devices.COOKIE not in response.cookies


def test_a_paper_slip_is_counted_like_any_idea(world, client_for):
    from datetime import date

    from stek.participation import stats

    client = client_for("volunteer_a")
    response = client.post(
        "/s/alfa/inspraak/idee/", {"text": "Een fietsenstalling.", "source": "paper"}
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert (idea.source, idea.state) == (IdeaSource.PAPER, IdeaState.NEW)
    today = idea.created_at.date()
    counts = stats.counts(world.stek_a, date(today.year, 1, 1), today)
    assert counts["ideas_by_source"]["paper"] == 1 and counts["ideas_by_state"]["new"] == 1


def test_decline_needs_a_reason_and_shows_it_on_the_board(world, client_for):
    idea = services.submit_idea(stek=world.stek_a, text="Gratis bussen.", source="box")
    worker = client_for("worker_a")
    url = reverse("participation:idea_detail", args=["alfa", idea.pk])
    assert worker.post(url, {"action": "decline", "answer": ""}).status_code == 400
    idea.refresh_from_db()
    assert idea.state == IdeaState.NEW
    reason = "Dat kan de STEK niet betalen."
    assert worker.post(url, {"action": "decline", "answer": reason}).status_code == 302
    idea.refresh_from_db()
    assert idea.state == IdeaState.DECLINED and idea.decided_on
    board = client_for("anonymous").get("/alfa/wij-deden/").content.decode()
    assert "Gratis bussen." in board and reason in board


def test_an_answer_is_scanned_too(world, client_for):
    idea = services.submit_idea(stek=world.stek_a, text="Hulp bij formulieren.", source="box")
    services.publish_idea(actor=None, idea=idea)
    url = reverse("participation:idea_detail", args=["alfa", idea.pk])
    response = client_for("worker_a").post(
        url, {"action": "accept", "answer": "Vraag het aan Marleen op 0470 12 34 56."}
    )
    assert response.status_code == 400 and "telefoonnummer" in response.content.decode()
    idea.refresh_from_db()
    assert idea.state == IdeaState.PUBLISHED and not idea.answer


def test_only_a_published_idea_can_be_accepted(world):
    from stek.core.services import ServiceError

    idea = services.submit_idea(stek=world.stek_a, text="Meer stoelen.", source="box")
    with pytest.raises(ServiceError):
        services.accept_idea(actor=None, idea=idea, what_was_done="Gedaan.")
    services.publish_idea(actor=None, idea=idea)
    services.accept_idea(actor=None, idea=idea, what_was_done="Er staan tien stoelen meer.")
    assert idea.state == IdeaState.ACCEPTED


def test_merging_a_duplicate_hides_it_and_counts_it_with_the_other(world, client_for):
    from stek.core.services import ServiceError

    first = services.submit_idea(stek=world.stek_a, text="Soep op vrijdag.", source="box")
    second = services.submit_idea(stek=world.stek_a, text="Vrijdag soep graag.", source="paper")
    services.publish_idea(actor=None, idea=first)
    url = reverse("participation:idea_detail", args=["alfa", second.pk])
    assert (
        client_for("worker_a").post(url, {"action": "merge", "into": first.pk}).status_code == 302
    )
    second.refresh_from_db()
    assert second.state == IdeaState.MERGED and second.merged_into == first
    assert list(first.duplicates.all()) == [second]
    with pytest.raises(ServiceError):
        services.merge_idea(actor=None, idea=first, into=first)
    other_stek = services.submit_idea(stek=world.stek_b, text="Soep.", source="box")
    with pytest.raises(ServiceError):
        services.merge_idea(actor=None, idea=other_stek, into=first)


def test_an_answer_links_to_the_dossier_it_fed(world, client_for):
    from tests.factories.advocacy import DossierFactory

    dossier = DossierFactory(lead_stek=world.stek_a, title="Betaalbaar openbaar vervoer")
    idea = services.submit_idea(stek=world.stek_a, text="Goedkopere bus.", source="box")
    services.publish_idea(actor=None, idea=idea)
    url = reverse("participation:idea_detail", args=["alfa", idea.pk])
    worker = client_for("worker_a")
    assert worker.post(url, {"action": "link", "dossier": dossier.pk}).status_code == 302
    services.accept_idea(actor=None, idea=idea, what_was_done="We trokken naar de gemeente.")
    board = client_for("anonymous").get("/alfa/wij-deden/bord/").content.decode()
    assert "Betaalbaar openbaar vervoer" in board and "We trokken naar de gemeente." in board
    assert "@page" not in board  # the print rules live in the board's stylesheet
    assert "participation/board.css" in board


def test_another_steks_worker_does_not_find_the_idea(world, client_for):
    idea = services.submit_idea(stek=world.stek_a, text="Een idee.", source="box")
    url = reverse("participation:idea_detail", args=["alfa", idea.pk])
    assert client_for("worker_b").post(url, {"action": "publish"}).status_code == 404
    assert client_for("volunteer_a").post(url, {"action": "publish"}).status_code == 403
    idea.refresh_from_db()
    assert idea.state == IdeaState.NEW


def test_the_box_shows_its_moderation_policy_and_the_programme_links_to_it(world, client):
    page = client.get(BOX).content.decode()
    assert "Een medewerker van de STEK leest eerst je idee." in page
    assert "/alfa/wij-deden/" in page and "/alfa/stemmen/" in page
    assert 'href="/alfa/idee/"' in client.get("/alfa/programma/").content.decode()


def test_a_stek_that_publishes_directly_shows_a_new_idea_at_once_and_says_so(world, client_for):
    coordinator = client_for("coordinator_a")
    moderation = coordinator.get(reverse("participation:moderation", args=["alfa"]))
    assert "Een medewerker leest eerst (aangeraden)" in moderation.content.decode()
    box = client_for("anonymous").get(BOX).content.decode()
    assert "leest eerst je idee" in box and "meteen op deze pagina" not in box
    coordinator = client_for("coordinator_a")  # one client: client_for signs in anew
    response = coordinator.post(
        reverse("participation:idea_policy", args=["alfa"]), {"publish_directly": "1"}
    )
    assert response.status_code == 302
    assert services.publishes_directly(world.stek_a)
    assert not services.publishes_directly(world.stek_b)  # per STEK
    visitor = client_for("anonymous")
    box = visitor.get(BOX).content.decode()
    assert "meteen op deze pagina" in box and "leest eerst je idee" not in box
    assert post_idea(visitor, "Een fietsherstelplaats in de tuin.").status_code == 302
    idea = Idea.objects.get()
    assert idea.state == IdeaState.PUBLISHED
    page = visitor.get(BOX).content.decode()
    assert "Een fietsherstelplaats in de tuin." in page and "Je idee staat hieronder." in page
    # still scanned for personal data
    response = post_idea(visitor, "Bel Jan Peeters op 0470 12 34 56.")
    assert response.status_code == 400 and Idea.objects.count() == 1
    # back to pre-moderation: the next idea waits again
    coordinator = client_for("coordinator_a")
    coordinator.post(reverse("participation:idea_policy", args=["alfa"]), {"publish_directly": "0"})
    services.submit_idea(stek=world.stek_a, text="Een boekenkast.", source="box")
    assert Idea.objects.get(text="Een boekenkast.").state == IdeaState.NEW


def test_only_a_coordinator_sets_the_idea_policy(world, client_for):
    worker = client_for("worker_a")
    html = worker.get(reverse("participation:moderation", args=["alfa"])).content.decode()
    assert "idea_policy" not in html and "Hoe komen nieuwe ideeën" not in html
    url = reverse("participation:idea_policy", args=["alfa"])
    assert worker.post(url, {"publish_directly": "1"}).status_code == 403
    assert not services.publishes_directly(world.stek_a)


def test_the_board_as_an_a3_landscape_pdf(world, client):
    idea = services.submit_idea(stek=world.stek_a, text="Een fietsenstalling.", source="box")
    services.publish_idea(actor=None, idea=idea)
    services.accept_idea(actor=None, idea=idea, what_was_done="Er staat nu een rek aan de deur.")
    response = client.get(reverse("participation:board_pdf", args=["alfa"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from stek.participation.views import _board_context

    context = {**_board_context(world.stek_a), "sections": [("Gedaan", [idea], "")]}
    page = HTML(string=render_to_string("participation/board_pdf.html", context)).render()
    (first,) = page.pages
    mm = 25.4 / 96  # weasyprint's pages are in CSS px
    assert (round(first.width * mm), round(first.height * mm)) == (420, 297)  # A3 landscape
    assert "Er staat nu een rek aan de deur." in render_to_string(
        "participation/board_pdf.html", context
    )
    html = client.get(reverse("participation:board", args=["alfa"])).content.decode()
    assert reverse("participation:board_pdf", args=["alfa"]) in html
