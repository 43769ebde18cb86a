"""Follow-ups whose date has passed, for the worker's home page."""

from django.utils import timezone

from . import permissions
from .models import Addressee, Dossier


def due_follow_ups(user, stek, today=None):
    """Addressees of the STEK's own dossiers to follow up today or earlier (workers only)."""
    if not permissions.can_work_on_dossiers(user, stek):
        return []
    today = today or timezone.localdate()
    dossiers = Dossier.objects.filter(lead_stek=stek)
    return list(
        Addressee.objects.filter(
            dossier__in=dossiers, followed_up=False, follow_up_on__lte=today
        ).select_related("dossier")[:20]
    )
