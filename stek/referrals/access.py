"""Load referrals for the current user: 404 across STEKs, 403 for a role that may not act."""

from django.utils.translation import gettext as _

from stek.core.access import get_object_for_user

from . import permissions
from .models import Referral


def get_referral_for_user(request, slug, pk, check=permissions.can_follow_up):
    queryset = Referral.objects.select_related(
        "service__organisation", "topic", "from_organisation", "to_organisation"
    )
    missing = _("Deze verwijzing hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, queryset, pk, check, missing)
