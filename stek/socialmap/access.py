"""Load social-map objects for the current user: 404 outside the STEK's network, 403 by role."""

from django.http import Http404
from django.utils.translation import gettext as _

from stek.core.access import deny, get_stek_for_user

from . import permissions
from .models import Service, ServiceNotice


def get_service_for_user(request, slug, pk, edit=False):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_map)
    service = (
        Service.objects.in_network(stek.network_id)
        .select_related("organisation")
        .filter(pk=pk)
        .first()
    )
    if service is None:
        raise Http404(_("Deze dienst staat niet op de sociale kaart van dit netwerk."))
    if edit and not permissions.can_edit_service(request.user, stek, service):
        deny()
    return stek, service


def get_notice_for_user(request, slug, pk):
    stek = get_stek_for_user(request, slug, check=permissions.can_view_map)
    notice = (
        ServiceNotice.objects.filter(service__organisation__network=stek.network_id, pk=pk)
        .select_related("service")
        .first()
    )
    if notice is None:
        raise Http404(_("Deze mededeling hoort niet bij dit netwerk."))
    if not permissions.can_edit_service(request.user, stek, notice.service):
        deny()
    return stek, notice
