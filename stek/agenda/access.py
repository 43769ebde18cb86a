from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from stek.core.access import get_stek_for_user

from . import permissions
from .models import Activity, TallyCategory


def get_activity_for_user(request, slug, pk, check=permissions.can_plan):
    stek = get_stek_for_user(request, slug)
    activity = Activity.objects.filter(stek=stek, pk=pk).first()
    if activity is None:
        raise Http404(_("Deze activiteit hoort niet bij deze STEK."))
    if not check(request.user, stek):
        raise PermissionDenied(_("Je rol in deze STEK laat dit niet toe."))
    return stek, activity


def get_category_for_user(request, slug, pk, check=permissions.can_count):
    stek = get_stek_for_user(request, slug)
    category = TallyCategory.objects.filter(stek=stek, pk=pk, is_active=True).first()
    if category is None:
        raise Http404(_("Deze categorie hoort niet bij deze STEK."))
    if not check(request.user, stek):
        raise PermissionDenied(_("Je rol in deze STEK laat dit niet toe."))
    return stek, category
