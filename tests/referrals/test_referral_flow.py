import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from stek.referrals import services, stats
from stek.referrals.enums import ClosedVia, ReferralOutcome, Status
from stek.referrals.models import Referral, ReferralTally
from tests.factories.referrals import ReferralFactory
from tests.factories.socialmap import ServiceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_worker_refers_and_gets_a_slip_in_the_visitors_language(world, client_for):
    world.stek_a.latitude, world.stek_a.longitude = 51.056, 3.73
    world.stek_a.save()
    service = ServiceFactory(organisation=world.partner_a2.organisation, name_fr="Service social")
    client = client_for("worker_a")
    response = client.post(
        reverse("referrals:create", args=[world.stek_a.slug, service.pk]),
        {"topic": TopicFactory(code="leefloon").pk, "language": "fr", "warm_handover": "on"},
    )
    referral = Referral.objects.get()
    assert response["Location"] == reverse(
        "referrals:detail", args=[world.stek_a.slug, referral.pk]
    )
    assert referral.from_organisation == world.partner_a2.organisation  # the worker's own
    assert referral.to_organisation == service.organisation and referral.warm_handover
    page = client.get(response["Location"]).content.decode()
    assert "Service social" in page and referral.code_display in page
    assert "Apportez" in page or "Identiteitskaart" in page  # what to bring is on the slip
    assert "km" in page  # the small map says how far
    # SVG numbers are never localised (1,5 would break the drawing in nl and fr).
    assert re.search(r'<circle cx="\d+(\.\d+)?" cy="\d+(\.\d+)?"', page)
    assert re.search(r"09:00–12:00", page)  # the next 7 days' hours (Mo-Fr 09:00-12:00)
    assert world.user("worker_a").email not in page.split('class="slip"')[1].split("</section>")[0]
    pdf = client.get(
        reverse("referrals:slip_pdf", args=[world.stek_a.slug, referral.pk]) + "?formaat=a6"
    )
    assert pdf.status_code in (200, 503)
    if pdf.status_code == 200:
        assert pdf.content.startswith(b"%PDF")


def test_a_volunteer_cannot_refer(world, client_for):
    service = ServiceFactory(organisation=world.partner_a2.organisation)
    response = client_for("volunteer_a").get(
        reverse("referrals:create", args=[world.stek_a.slug, service.pk])
    )
    assert response.status_code == 403


def test_the_visitor_comes_back_and_the_worker_looks_up_the_code(world, client_for):
    referral = ReferralFactory(world=world)
    client = client_for("worker_a")
    found = client.get(
        reverse("referrals:list", args=[world.stek_a.slug]), {"code": referral.code.lower()}
    )
    assert found["Location"] == reverse("referrals:detail", args=[world.stek_a.slug, referral.pk])
    client.post(
        reverse("referrals:record", args=[world.stek_a.slug, referral.pk]),
        {"status": "closed", "outcome": "no_capacity", "reason": "waiting_list", "via": "visitor"},
    )
    referral.refresh_from_db()
    assert (referral.outcome, referral.reason, referral.closed_via) == (
        ReferralOutcome.NO_CAPACITY,
        "waiting_list",
        ClosedVia.VISITOR,
    )


def test_another_steks_code_is_not_found(world, client_for):
    referral = ReferralFactory(world=world)
    response = client_for("worker_b").get(
        reverse("referrals:list", args=[world.stek_b.slug]), {"code": referral.code}
    )
    assert response.status_code == 200
    assert "Geen verwijzing met deze code" in response.content.decode()


def _closed(world, outcome, days_ago, **kwargs):
    now = timezone.now() - timedelta(days=days_ago)
    referral = ReferralFactory(world=world, created_at=now, **kwargs)
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.CLOSED, outcome=outcome, closed_at=now + timedelta(days=1)
    )
    return referral


def test_purge_keeps_exactly_the_monthly_counts(world):
    service = ServiceFactory(organisation=world.partner_a2.organisation)
    old = [_closed(world, ReferralOutcome.GOT_HELP, 200, service=service) for _ in range(3)]
    old.append(_closed(world, ReferralOutcome.DID_NOT_GO, 200, service=service))
    expired = ReferralFactory(world=world, service=service, expired=True)
    recent = _closed(world, ReferralOutcome.GOT_HELP, 10, service=service)
    live = ReferralFactory(world=world, service=service)
    first = (timezone.localdate() - timedelta(days=220)).replace(day=1)
    last = timezone.localdate().replace(day=1)
    before = stats.overview(world.stek_a, first, last)

    call_command("purge_referrals")

    remaining = set(Referral.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, live.pk}
    tallies = {(t.outcome, t.count) for t in ReferralTally.objects.all()}
    assert tallies == {
        (ReferralOutcome.GOT_HELP, 3),
        (ReferralOutcome.DID_NOT_GO, 1),
        ("expired", 1),
    }
    month = old[0].created_on.replace(day=1)
    assert set(ReferralTally.objects.values_list("month", flat=True)) == {month}
    after = stats.overview(world.stek_a, first, last)
    assert after.outcomes == before.outcomes and after.matrix == before.matrix
    assert expired.pk not in remaining
    call_command("purge_referrals")  # running it again changes nothing
    assert {(t.outcome, t.count) for t in ReferralTally.objects.all()} == tallies


def test_reciprocity_shows_who_refers_to_whom(world, client_for):
    to_ocmw = ServiceFactory(organisation=world.partner_a2.organisation, name="OCMW-dienst")
    to_lead = ServiceFactory(organisation=world.partner_a.organisation, name="Opbouwwerk-dienst")
    for _ in range(3):
        services.create_referral(
            actor=None,
            stek=world.stek_a,
            service=to_ocmw,
            topic=TopicFactory(),
            from_organisation=world.partner_a.organisation,
        )
    services.create_referral(
        actor=None,
        stek=world.stek_a,
        service=to_lead,
        topic=TopicFactory(),
        from_organisation=world.partner_a2.organisation,
    )
    today = timezone.localdate().replace(day=1)
    data = stats.overview(world.stek_a, today, today)
    lead, ocmw = world.partner_a.organisation.pk, world.partner_a2.organisation.pk
    assert data.matrix[(lead, ocmw)]["n"] == 3 and data.matrix[(ocmw, lead)]["n"] == 1
    assert data.sent == {lead: 3, ocmw: 1} and data.received == {ocmw: 3, lead: 1}
    page = client_for("coordinator_a").get(reverse("referrals:overview", args=[world.stek_a.slug]))
    assert "Wie verwijst naar wie" in page.content.decode()


def test_the_slip_gives_the_location_nearest_the_stek(world):
    from stek.referrals.slip import nearest_location
    from stek.socialmap.models import Location

    far_away = {"location__latitude": 51.20, "location__longitude": 3.72}
    service = ServiceFactory(organisation=world.partner_a2.organisation, **far_away)
    near = Location.objects.create(
        organisation=service.organisation, name="Antenne", street="Dorpsstraat 2",
        postal_code="9000", municipality="Gent", latitude=51.057, longitude=3.731,
    )  # fmt: skip
    service.locations.add(near)
    assert nearest_location(service, (51.056, 3.73)) == near


def test_a_referral_from_a_rights_result_presets_the_need(world, client_for):
    service = ServiceFactory(
        organisation=world.partner_a2.organisation, topics=("leefloon", "schuldhulp")
    )
    url = reverse("referrals:create", args=[world.stek_a.slug, service.pk])
    client = client_for("worker_a")
    preset = client.get(url + "?onderwerp=vlaamse_huurpremie").context["form"]
    assert preset["topic"].initial == TopicFactory(code="vlaamse_huurpremie").pk
    # an unknown code is ignored: no preset, no error
    assert client.get(url + "?onderwerp=bestaat_niet").context["form"]["topic"].initial is None


def test_expiry_reads_the_status_enum_on_the_list_and_the_detail_page(world, client_for):
    """A referral past its expiry but still open says "(verlopen)" in the list and can still
    get an outcome; one closed as expired (Status.EXPIRED) shows its status and no outcome form."""
    client = client_for("worker_a")
    past = ReferralFactory(world=world)
    closed = ReferralFactory(world=world)
    gone = timezone.now() - timedelta(minutes=1)
    Referral.objects.filter(pk=past.pk).update(expires_at=gone)
    Referral.objects.filter(pk=closed.pk).update(expires_at=gone, status=Status.EXPIRED)
    past.refresh_from_db()
    closed.refresh_from_db()
    assert past.past_due and not past.marked_expired and past.is_expired
    assert closed.marked_expired and not closed.past_due and closed.is_expired
    listing = reverse("referrals:list", args=[world.stek_a.slug])

    def row(referral):
        page = client.get(listing, {"status": referral.status}).content.decode()
        return next(tr for tr in page.split("<tr>") if referral.code_display in tr)

    assert "(verlopen)" in row(past)
    assert "(verlopen)" not in row(closed) and "Verlopen zonder antwoord" in row(closed)
    record = reverse("referrals:record", args=[world.stek_a.slug, past.pk])
    assert record in client.get(reverse("referrals:detail", args=[world.stek_a.slug, past.pk]))\
        .content.decode()  # fmt: skip
    page = client.get(reverse("referrals:detail", args=[world.stek_a.slug, closed.pk]))
    assert reverse("referrals:record", args=[world.stek_a.slug, closed.pk]) not in (
        page.content.decode()
    )
