"""Adding someone whose e-mail address already has an account asks first, and shows only the
address the inviter typed, not the account's name (issue 16)."""

from django.urls import reverse

from stek.core.enums import MembershipRole
from stek.core.models import Membership


def _data(world, **extra):
    return {
        "email": "WORKER_B@stek.test",
        "full_name": "Wat de coördinator typte",
        "organisation": world.partner_a.organisation.pk,
        "role": MembershipRole.VOLUNTEER,
        **extra,
    }


def test_an_existing_account_is_added_only_after_a_confirmation(world, client_for):
    worker_b = world.user("worker_b")
    client = client_for("coordinator_a")
    url = reverse("core:person_add", kwargs={"slug": "alfa"})
    response = client.post(url, _data(world))
    html = response.content.decode()
    assert response.status_code == 200
    assert not Membership.objects.filter(user=worker_b, stek=world.stek_a).exists()
    assert (
        "Er bestaat al een account met dit e-mailadres: worker_b@stek.test. "
        "Wil je het toevoegen aan STEK Alfa als Vrijwilliger?"
    ) in html
    assert worker_b.full_name not in html  # only what the inviter typed
    assert 'name="bevestigd" value="1"' in html and 'method="post"' in html

    response = client.post(url, _data(world, bevestigd="1"), follow=True)
    membership = Membership.objects.get(user=worker_b, stek=world.stek_a)
    assert membership.role == MembershipRole.VOLUNTEER and membership.is_active
    html = response.content.decode()
    assert "worker_b@stek.test is toegevoegd." in html
    assert worker_b.full_name not in html.split("<main", 1)[1].split("<table", 1)[0]


def test_a_new_address_is_added_at_once_and_an_active_member_is_told_so(world, client_for):
    client = client_for("coordinator_a")
    url = reverse("core:person_add", kwargs={"slug": "alfa"})
    response = client.post(url, _data(world, email="nieuw@example.org", full_name="Nieuw Iemand"))
    assert response.status_code == 302
    worker_a = world.user("worker_a")
    html = client.post(url, _data(world, email=worker_a.email)).content.decode()
    assert f"{worker_a.email} hoort al bij deze STEK." in html
    assert "Er bestaat al een account" not in html


def test_an_existing_account_needs_no_name_and_a_new_one_is_asked_for_one(world, client_for):
    worker_b = world.user("worker_b")
    client = client_for("coordinator_a")
    url = reverse("core:person_add", kwargs={"slug": "alfa"})
    response = client.post(url, _data(world, full_name="", bevestigd="1"))
    assert response.status_code == 302
    assert Membership.objects.get(user=worker_b, stek=world.stek_a).is_active

    response = client.post(url, _data(world, email="nieuw@example.org", full_name="  "))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef een naam: deze persoon heeft nog geen account." in html
    assert 'value="nieuw@example.org"' in html  # what was typed stays
    assert not Membership.objects.filter(user__email="nieuw@example.org").exists()
