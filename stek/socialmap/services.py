"""Every write on the social map goes through these functions."""

from django.db import transaction
from django.utils import timezone

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.privacy.validators import allowing


@transaction.atomic
def save_service(*, actor, stek, form):
    """Create or update a service from a valid ServiceForm. Saving counts as verifying it."""
    service = form.save(commit=False)
    created = service.pk is None
    service.last_verified = timezone.localdate()
    service.verified_by = actor
    with allowing(form.allowed_contacts):  # the form's set: each text was scanned once there
        service.full_clean()
    service.save()
    form.save_m2m()
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
def add_notice(*, actor, stek, service, form):
    notice = form.save(commit=False)
    notice.service = service
    with allowing(form.allowed_contacts):
        notice.full_clean()
    notice.save()
    audit.record(actor, AuditAction.CREATED, f"mededeling {service.name}", stek=stek)
    return notice


@transaction.atomic
def remove_notice(*, actor, stek, notice):
    audit.record(actor, AuditAction.REMOVED, f"mededeling {notice.service.name}", stek=stek)
    notice.delete()


@transaction.atomic
def save_location(*, actor, stek, form):
    location = form.save(commit=False)
    with allowing(form.allowed_contacts):
        location.full_clean()
    location.save()
    audit.record(actor, AuditAction.CREATED, f"locatie {location.name}", stek=stek)
    return location
