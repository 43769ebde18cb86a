"""Load agenda objects for the current user: 404 across STEKs, 403 for a role that may not act."""

from django.utils.translation import gettext as _

from stek.core.access import get_object_for_user

from . import permissions
from .models import Activity, Pause, TallyCategory


def get_activity_for_user(request, slug, pk, check=permissions.can_plan):
    missing = _("Deze activiteit hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, Activity.objects.all(), pk, check, missing)


def get_category_for_user(request, slug, pk, check=permissions.can_count, active_only=True):
    queryset = (
        TallyCategory.objects.filter(is_active=True) if active_only else TallyCategory.objects
    )
    missing = _("Deze categorie hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset.all(), pk, check, missing)


def get_pause_for_user(request, slug, pk, check=permissions.can_plan):
    missing = _("Deze pauze hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, Pause.objects.all(), pk, check, missing)
