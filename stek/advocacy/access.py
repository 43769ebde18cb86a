"""Load dossiers for the current user: 404 for a dossier the STEK neither leads nor was
invited to, 403 for a role that may not act."""

from django.http import Http404
from django.utils.translation import gettext as _

from stek.core.access import deny, get_stek_for_user

from . import permissions
from .models import Addressee, Dossier, Testimony


def get_dossier_for_user(request, slug, pk, lead_only=False):
    """(stek, dossier, is_lead). ``lead_only``: a co-signing STEK gets 403 (it may read, not
    edit)."""
    stek = get_stek_for_user(request, slug)
    dossier = (
        Dossier.objects.for_stek(stek).select_related("lead_stek", "network").filter(pk=pk).first()
    )
    if dossier is None:
        raise Http404(_("Dit dossier hoort niet bij deze STEK."))
    if not permissions.can_work_on_dossiers(request.user, stek):
        deny()
    is_lead = dossier.lead_stek_id == stek.pk
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
