"""Every write on the social map goes through these functions."""

from django.db import transaction
from django.utils import timezone

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.privacy.contacts import contact_strings, published_contacts
from stek.core.privacy.validators import allowing
from stek.core.services import assign, assign_many

from .contacts import contacts_of_service, service_contacts
from .models import Location, Service, ServiceNotice


@transaction.atomic
def save_service(*, actor, stek, service=None, **fields):
    """Create (``service`` None) or update a service from cleaned values (the fields of
    ServiceForm). Saving counts as verifying it. Its texts may name the published contact
    details ``service_contacts`` gives (the form allows the same set: one scan per text)."""
    service = service or Service()
    many = assign(service, fields)
    created = service.pk is None
    service.last_verified = timezone.localdate()
    service.verified_by = actor
    allowed = service_contacts(
        stek,
        phone=service.phone,
        email=service.email,
        locations=many.get("locations", ()),
        organisation=service.organisation if service.organisation_id else None,
    )
    with allowing(allowed):
        service.full_clean()
    service.save()
    assign_many(service, many)
    action = AuditAction.CREATED if created else AuditAction.CHANGED
    audit.record(actor, action, f"dienst {service.name}", stek=stek)
    return service


@transaction.atomic
def verify_service(*, actor, stek, service):
    """Someone checked the service with the organisation and it is still right."""
    service.last_verified = timezone.localdate()
    service.verified_by = actor
    service.save(update_fields=["last_verified", "verified_by", "updated_at"])
    audit.record(actor, AuditAction.CHANGED, f"dienst {service.name} gecontroleerd", stek=stek)
    return service


@transaction.atomic
def add_notice(*, actor, stek, service, kind, starts_on, ends_on, message=""):
    """A notice on a service (closed, moved...); its message may name the service's published
    contact details."""
    notice = ServiceNotice(
        service=service, kind=kind, starts_on=starts_on, ends_on=ends_on, message=message
    )
    with allowing(contacts_of_service(stek, service)):
        notice.full_clean()
    notice.save()
    audit.record(actor, AuditAction.CREATED, f"mededeling {service.name}", stek=stek)
    return notice


@transaction.atomic
def remove_notice(*, actor, stek, notice):
    audit.record(actor, AuditAction.REMOVED, f"mededeling {notice.service.name}", stek=stek)
    notice.delete()


@transaction.atomic
def save_location(*, actor, stek, **fields):
    """A new location from cleaned values (the fields of LocationForm). Its name and transport
    line may repeat the STEK's published details and the location's own address."""
    location = Location()
    assign(location, fields)
    own = contact_strings(
        addresses=[(location.street, location.postal_code, location.municipality)]
    )
    with allowing(published_contacts(stek) | own):
        location.full_clean()
    location.save()
    audit.record(actor, AuditAction.CREATED, f"locatie {location.name}", stek=stek)
    return location
