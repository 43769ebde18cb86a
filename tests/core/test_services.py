import re

import pytest
from django.core import mail
from django.urls import reverse

from stek.core import services
from stek.core.enums import AuditAction, MembershipRole
from stek.core.models import AuditEvent, Membership, Organisation, Partnership, Stek, User


def test_adding_a_new_person_invites_them_to_choose_a_password(world, client_for, settings):
    client = client_for("coordinator_a")
    url = reverse("core:person_add", kwargs={"slug": world.stek_a.slug})
    with pytest.raises(AssertionError):
        assert mail.outbox
    with_commit = {
        "email": "Nieuwe.Vrijwilliger@Example.org",
        "full_name": "Nieuwe Vrijwilliger",
        "organisation": world.partner_a.organisation.pk,
        "role": MembershipRole.VOLUNTEER,
    }
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, with_commit)
    assert response.status_code == 302
    user = User.objects.get(email="nieuwe.vrijwilliger@example.org")
    assert Membership.objects.get(user=user, stek=world.stek_a).role == "volunteer"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/wachtwoord/kiezen/\S+)", mail.outbox[0].body).group(1)

    # the new person follows the link and chooses a password, then logs in
    client.logout()
    response = client.get(link, follow=True)
    assert response.status_code == 200
    set_url = response.redirect_chain[-1][0]
    response = client.post(
        set_url,
        {"new_password1": "een-goed-wachtwoord-42", "new_password2": "een-goed-wachtwoord-42"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("een-goed-wachtwoord-42")


def test_an_existing_user_is_added_without_invitation(world):
    membership, invited = services.add_member(
        actor=world.user("coordinator_a"),
        stek=world.stek_a,
        email="WORKER_B@stek.test",
        full_name="ignored",
        organisation=world.partner_a.organisation,
        role=MembershipRole.WORKER,
    )
    assert not invited and membership.user == world.user("worker_b")


def test_a_person_is_added_only_for_a_partner_organisation(world):
    with pytest.raises(services.ServiceError):
        services.add_member(
            actor=world.user("coordinator_a"),
            stek=world.stek_a,
            email="x@stek.test",
            full_name="X",
            organisation=world.partner_b.organisation,
            role=MembershipRole.WORKER,
        )
    assert not User.objects.filter(email="x@stek.test").exists()  # nothing half-written


def test_a_stek_keeps_at_least_one_coordinator(world):
    coordinator = world.memberships["coordinator_a"]
    with pytest.raises(services.ServiceError):
        services.update_member(
            actor=coordinator.user,
            membership=coordinator,
            organisation=coordinator.organisation,
            role=MembershipRole.WORKER,
        )
    with pytest.raises(services.ServiceError):
        services.deactivate_member(actor=coordinator.user, membership=coordinator)
    promoted = world.memberships["worker_a"]
    services.update_member(
        actor=coordinator.user,
        membership=promoted,
        organisation=promoted.organisation,
        role=MembershipRole.COORDINATOR,
    )
    services.deactivate_member(actor=coordinator.user, membership=coordinator)
    assert not Membership.objects.get(pk=coordinator.pk).is_active


def test_a_partnership_with_active_people_cannot_end(world, client_for):
    client = client_for("coordinator_a")
    url = reverse("core:partner_end", kwargs={"slug": world.stek_a.slug, "pk": world.partner_a.pk})
    response = client.post(url, follow=True)
    assert "Er zijn nog mensen actief" in response.content.decode()
    assert Partnership.objects.get(pk=world.partner_a.pk).is_active


def test_partner_form_offers_network_organisations_and_validates_kbo(world, client_for):
    client = client_for("coordinator_a")
    url = reverse("core:partner_create", kwargs={"slug": world.stek_a.slug})
    page = client.get(url).content.decode()
    assert "CAW Beta" in page  # a partner elsewhere in the network can join
    assert "OCMW Alfa" not in page  # already a partner here
    response = client.post(
        url,
        {
            "name": "Buurtwerk",
            "kind": "opbouwwerk",
            "role": "partner",
            "kbo_number": "0403.170.702",
        },
    )
    assert "geen geldig ondernemingsnummer" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Buurtwerk",
            "kind": "opbouwwerk",
            "role": "partner",
            "kbo_number": "0403.170.701",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Buurtwerk").kbo_number == "0403170701"
    response = client.post(
        url, {"organisation": world.partner_b.organisation.pk, "role": "gastheer"}
    )
    assert response.status_code == 302
    assert Partnership.objects.filter(stek=world.stek_a, organisation__name="CAW Beta").exists()


def test_network_admin_adds_a_stek_with_its_coordinator(world, client_for):
    from django.test import TestCase

    client = client_for("network_admin")
    url = reverse("core:network_stek_create", kwargs={"slug": world.network.slug})
    data = {
        "name": "STEK Gamma",
        "kind": "inloophuis",
        "municipality": "Leuven",
        "contact_phone": "016 12 34 56",
        "lead_name": "Buurtwerk Gamma",
        "lead_kind": "opbouwwerk",
        "coordinator_email": "gamma@stek.test",
        "coordinator_name": "Greta Gamma",
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    stek = Stek.objects.get(slug="stek-gamma")
    assert stek.contact_phone == "+32 16 12 34 56"
    membership = Membership.objects.get(stek=stek)
    assert membership.role == "coordinator" and membership.user.email == "gamma@stek.test"
    assert len(mail.outbox) == 1
    assert AuditEvent.objects.filter(stek=stek, action=AuditAction.CREATED).exists()

    # the same slug again is refused with a clear message, and the form keeps its input
    response = client.post(url, data)
    body = response.content.decode()
    assert "al in gebruik" in body and "Greta Gamma" in body


def test_network_views_are_audited(world, client_for):
    client_for("analyst").get(reverse("core:network_home", kwargs={"slug": world.network.slug}))
    event = AuditEvent.objects.get(action=AuditAction.VIEWED)
    assert event.actor == world.user("analyst") and event.network == world.network


def test_switching_stek(world, client_for):
    from stek.core.enums import MembershipRole as R
    from tests.factories import MembershipFactory

    caw = world.user("worker_a")
    MembershipFactory(
        user=caw, stek=world.stek_b, organisation=world.partner_b.organisation, role=R.WORKER
    )
    client = client_for("worker_a")
    assert client.get(reverse("core:home"))["Location"].endswith("/s/alfa/")
    response = client.post(reverse("core:switch_stek"), {"stek": "beta"}, follow=True)
    assert "STEK Beta" in response.content.decode()
    assert client.get(reverse("core:home"))["Location"].endswith("/s/beta/")


def test_cross_stek_objects_are_404_even_for_a_coordinator(world, client_for):
    client = client_for("coordinator_a")
    # STEK B's partnership through STEK A's URL
    url = reverse("core:partner_edit", kwargs={"slug": "alfa", "pk": world.partner_b.pk})
    assert client.get(url).status_code == 404
    coordinator_b = Membership.objects.get(stek=world.stek_b, role="coordinator")
    url = reverse("core:person_edit", kwargs={"slug": "alfa", "pk": coordinator_b.pk})
    assert client.get(url).status_code == 404
    url = reverse("core:person_deactivate", kwargs={"slug": "alfa", "pk": coordinator_b.pk})
    assert client.post(url).status_code == 404
    assert Membership.objects.get(pk=coordinator_b.pk).is_active


def test_unknown_stek_slug_gets_a_clear_message(world, client_for):
    response = client_for("worker_a").get("/s/bestaat-niet/")
    assert response.status_code == 404
    assert "bestaat-niet" in response.content.decode()
