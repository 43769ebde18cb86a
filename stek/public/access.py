from django.http import Http404
from django.utils.translation import gettext as _

from stek.core.models import Stek


def get_public_stek(slug):
    """A STEK's public pages need no login; an unknown slug gets a clear 404."""
    stek = Stek.objects.filter(slug=slug, is_active=True).first()
    if stek is None:
        raise Http404(_("Er is geen STEK met de naam '%(slug)s'.") % {"slug": slug})
    return stek
