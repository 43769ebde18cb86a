"""Load dossiers for the current user: 404 for a dossier the STEK neither leads nor was
invited to, 403 for a role that may not act."""

from django.http import Http404
from django.utils.translation import gettext as _

from stek.core import params
from stek.core.access import deny, get_stek_for_user

from . import permissions
from .enums import Signing
from .models import Addressee, Dossier, Testimony


def get_dossier_for_user(request, slug, pk, lead_only=False, invited=False):
    """(stek, dossier, is_lead). The lead STEK and the STEKs that co-signed see the dossier;
    with ``invited`` also a STEK whose invitation is still open (it reads the dossier to
    answer). A STEK that declined sees nothing of it any more (404), like any other STEK.
    ``lead_only``: a co-signing STEK gets 403 (it may read, not edit)."""
    stek = get_stek_for_user(request, slug)
    pk = params.parse_id(pk)
    dossier = (
        Dossier.objects.for_stek(stek).select_related("lead_stek", "network").filter(pk=pk).first()
        if pk is not None
        else None
    )
    is_lead = dossier is not None and dossier.lead_stek_id == stek.pk
    if dossier is not None and not is_lead:
        status = dossier.steks.filter(stek=stek).values_list("status", flat=True).first()
        allowed = {Signing.SIGNED, Signing.INVITED} if invited else {Signing.SIGNED}
        if status not in allowed:
            dossier = None
    if dossier is None:
        raise Http404(_("Dit dossier hoort niet bij deze STEK."))
    if not permissions.can_work_on_dossiers(request.user, stek):
        deny()
    if lead_only and not is_lead:
        deny()
    return stek, dossier, is_lead


def get_addressee_for_user(request, slug, dossier_pk, pk):
    stek, dossier, _lead = get_dossier_for_user(request, slug, dossier_pk, lead_only=True)
    addressee = Addressee.objects.filter(dossier=dossier, pk=pk).first()
    if addressee is None:
        raise Http404(_("Deze bestemmeling hoort niet bij dit dossier."))
    return stek, dossier, addressee


def get_testimony_for_user(request, slug, dossier_pk, pk):
    """A testimony may be removed by the lead STEK or by the STEK that added it."""
    stek, dossier, is_lead = get_dossier_for_user(request, slug, dossier_pk)
    testimony = Testimony.objects.filter(dossier=dossier, pk=pk).first()
    if testimony is None:
        raise Http404(_("Deze getuigenis hoort niet bij dit dossier."))
    if not (is_lead or testimony.stek_id == stek.pk):
        deny()
    return stek, dossier, testimony
