"""Record who viewed or exported data across STEKs (and tenancy changes)."""

from .models import AuditEvent


def record(actor, action, target, *, network=None, stek=None, detail=""):
    """Write one audit event. ``target`` names what was acted on, never a visitor."""
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_label=actor.email if authenticated else "anonymous",
        action=action,
        target=str(target)[:200],
        network=network or (stek.network if stek is not None else None),
        stek=stek,
        detail=str(detail)[:500],
    )
