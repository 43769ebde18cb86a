"""The social map's services take cleaned values: an API or a command calls them without a
form."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from stek.core.models import AuditEvent
from stek.socialmap import services
from stek.socialmap.models import Location, Service, ServiceNotice
from tests.factories.socialmap import TopicFactory


def test_a_location_then_a_service_on_it_are_saved_from_plain_values(world):
    actor = world.user("worker_a")
    organisation = world.partner_a2.organisation
    location = services.save_location(
        actor=actor, stek=world.stek_a, organisation=organisation, name="Loket",
        street="Kerkstraat 3", postal_code="9000", municipality="Gent",
        transport="Tram 1, halte Kerkstraat 3",
    )  # fmt: skip
    assert Location.objects.get(pk=location.pk).organisation == organisation
    service = services.save_service(
        actor=actor, stek=world.stek_a, organisation=organisation, name="Budgetbegeleiding",
        description="Langskomen in Kerkstraat 3, 9000 Gent. Bel +32 9 111 22 33.",
        phone="+32 9 111 22 33", topics=[TopicFactory(code="leefloon")], locations=[location],
    )  # fmt: skip
    service = Service.objects.get(pk=service.pk)
    assert service.verified_by == actor and service.last_verified is not None
    assert list(service.locations.all()) == [location]
    assert list(service.topics.all()) == [TopicFactory(code="leefloon")]
    assert AuditEvent.objects.filter(target="dienst Budgetbegeleiding").exists()

    services.save_service(actor=actor, stek=world.stek_a, service=service, name="Budget")
    assert Service.objects.get(pk=service.pk).name == "Budget"


def test_a_service_text_with_someone_elses_phone_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        services.save_service(
            actor=world.user("worker_a"), stek=world.stek_a,
            organisation=world.partner_a2.organisation, name="Hulp",
            description="Vraag naar Jan Peeters, 0470 12 34 56.",
            topics=[TopicFactory(code="leefloon")],
        )  # fmt: skip
    assert "description" in refused.value.error_dict
    assert not Service.objects.filter(name="Hulp").exists()


def test_a_notice_may_name_the_services_own_phone(world):
    from tests.factories.socialmap import ServiceFactory

    service = ServiceFactory(organisation=world.partner_a2.organisation)
    notice = services.add_notice(
        actor=world.user("worker_a"), stek=world.stek_a, service=service, kind="closure",
        starts_on=date(2030, 1, 1), ends_on=date(2030, 1, 2),
        message="Gesloten. Bel +32 9 000 10 01.",
    )  # fmt: skip
    assert ServiceNotice.objects.get(pk=notice.pk).service == service
