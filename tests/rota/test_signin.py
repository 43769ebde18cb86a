"""Sign-in links without a password: mailed or printed, single use, used only on POST, revoked
by the coordinator, asked for at a rate limit (issue 17)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from stek.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/aanmelden/link/\?sesame=\S+")


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()


def mailed_link():
    assert mail.outbox, "no e-mail was sent"
    found = LINK.search(mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(0)


def coordinator_sends(client_for, world, persona="volunteer_a"):
    client = client_for("coordinator_a")
    membership = world.memberships[persona]
    response = client.post(reverse("rota:signin_send", args=[world.stek_a.slug, membership.pk]))
    assert response.status_code == 302
    client.logout()
    return mailed_link()


def test_the_coordinator_mails_a_link_and_it_signs_in_only_on_post(client_for, world):
    link = coordinator_sends(client_for, world)
    volunteer = world.user("volunteer_a")
    assert mail.outbox[-1].to == [volunteer.email]
    assert AuditEvent.objects.filter(target=f"aanmeldlink lid {volunteer.email}").exists()
    client = client_for("anonymous")
    # a mail scanner follows the link: it sees a button and signs nobody in
    page = client.get(link)
    assert page.status_code == 200 and "_auth_user_id" not in client.session
    assert "Aanmelden" in page.content.decode()
    page = client.get(link)  # and the link is not used up by it
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("rota:mine", args=[world.stek_a.slug])
    assert client.session["_auth_user_id"] == str(volunteer.pk)
    assert AuditEvent.objects.filter(detail="gebruikt", actor=volunteer).exists()


def test_a_link_works_once(client_for, world):
    link = coordinator_sends(client_for, world)
    client = client_for("anonymous")
    assert client.post(link).status_code == 302
    client.logout()
    again = client.post(link)
    assert again.status_code == 400 and "_auth_user_id" not in client.session
    assert "werkt niet meer" in again.content.decode()


def test_an_old_link_expires(client_for, world, settings, monkeypatch):
    link = coordinator_sends(client_for, world)
    later = timezone.now() + timedelta(days=settings.STEK_SIGNIN_LINK_DAYS, hours=1)
    import sesame.tokens_v2 as tokens

    monkeypatch.setattr(tokens.time, "time", lambda: later.timestamp())
    client = client_for("anonymous")
    assert client.post(link).status_code == 400
    assert "_auth_user_id" not in client.session


def test_revoking_voids_every_link_sent_or_printed(client_for, world):
    mailed = coordinator_sends(client_for, world)
    coordinator = client_for("coordinator_a")
    membership = world.memberships["volunteer_a"]
    printed = coordinator.post(
        reverse("rota:signin_print", args=[world.stek_a.slug, membership.pk])
    )
    assert printed.status_code == 200 and printed["Cache-Control"] == "no-store"
    printed_link = LINK.search(printed.content.decode()).group(0)
    assert AuditEvent.objects.filter(detail="afgedrukt").exists()
    coordinator.post(reverse("rota:signin_revoke", args=[world.stek_a.slug, membership.pk]))
    assert AuditEvent.objects.filter(detail="ingetrokken").exists()
    client = client_for("anonymous")
    for link in (mailed, printed_link):
        assert client.post(link).status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_tampered_or_missing_token_is_a_clear_refusal(client):
    url = reverse("rota:signin_confirm")
    assert client.post(url + "?sesame=nonsense").status_code == 400
    assert client.post(url).status_code == 400
    page = client.get(url)
    assert "werkt niet meer" in page.content.decode()


def test_another_stek_cannot_send_links_to_my_volunteers(client_for, world):
    client = client_for("worker_b")
    membership = world.memberships["volunteer_a"]
    url = reverse("rota:signin_send", args=[world.stek_a.slug, membership.pk])
    assert client.post(url).status_code == 404
    assert not mail.outbox


def test_asking_for_a_link_answers_the_same_for_a_stranger(client, world):
    url = reverse("rota:signin_request")
    volunteer = world.user("volunteer_a")
    known = client.post(url, {"email": volunteer.email.upper()})
    assert known.status_code == 200 and len(mail.outbox) == 1
    stranger = client.post(url, {"email": "niemand@stek.test"})
    assert stranger.status_code == 200 and len(mail.outbox) == 1
    assert "Kijk in je mailbox" in stranger.content.decode()
    # the link asked for works
    assert client.post(mailed_link()).status_code == 302


def test_asking_for_links_is_rate_limited(client, world, settings):
    settings.STEK_SIGNIN_REQUESTS_PER_EMAIL = 2
    url = reverse("rota:signin_request")
    email = world.user("volunteer_a").email
    for _ in range(2):
        assert client.post(url, {"email": email}).status_code == 200
    blocked = client.post(url, {"email": email})
    assert blocked.status_code == 429 and len(mail.outbox) == 2
    assert client.post(url, {"email": "bad"}).status_code == 400
