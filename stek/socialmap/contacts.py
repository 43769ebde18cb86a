"""The social map's part of a STEK's published contact details (``published_contacts``):
the phones and e-mail addresses of the partners' public services and the addresses of the
partners' locations. A service's own details are added by ``service_contacts``."""

from stek.core.privacy.contacts import contact_source, contact_strings, published_contacts


def _strings(services, locations):
    return contact_strings(
        phones=[s.phone for s in services],
        emails=[s.email for s in services],
        addresses=[(loc.street, loc.postal_code, loc.municipality) for loc in locations],
    )


@contact_source
def partner_services_and_locations(stek, organisations):
    from .models import Location, Service

    services = (
        Service.objects.public().filter(organisation__in=organisations).only("phone", "email")
    )
    locations = Location.objects.filter(organisation__in=organisations).only(
        "street", "postal_code", "municipality"
    )
    return _strings(services, locations)


def service_contacts(stek, *, phone="", email="", locations=(), organisation=None):
    """What a service's texts may name: the STEK's and its partners' published details, the
    service's own phone, e-mail and locations, and its organisation's other locations."""
    from .models import Location

    own = contact_strings(
        phones=[phone],
        emails=[email],
        addresses=[(loc.street, loc.postal_code, loc.municipality) for loc in locations],
    )
    if organisation is not None:
        own |= _strings([], Location.objects.filter(organisation=organisation))
    return published_contacts(stek) | own


def contacts_of_service(stek, service):
    """What texts about a saved ``service`` (its notices) may name: ``service_contacts`` from
    the service's own published details."""
    return service_contacts(
        stek,
        phone=service.phone,
        email=service.email,
        locations=service.locations.all(),
        organisation=service.organisation,
    )
