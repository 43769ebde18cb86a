"""Load participation objects: 404 across STEKs, 403 for a role that may not act."""

from django.http import Http404
from django.utils.translation import gettext as _

from stek.core.access import get_object_for_user, get_public_stek

from . import permissions
from .enums import MeetingState
from .models import Idea, Meeting


def get_idea_for_user(request, slug, pk, check=permissions.can_moderate):
    missing = _("Dit idee hoort niet bij deze STEK.")
    queryset = Idea.objects.select_related("stek__network", "merged_into", "signal", "dossier")
    return get_object_for_user(request, slug, queryset, pk, check, missing)


def get_meeting_for_user(request, slug, pk, check=permissions.can_run_council):
    missing = _("Deze bezoekersraad hoort niet bij deze STEK.")
    return get_object_for_user(request, slug, Meeting.objects.all(), pk, check, missing)


def get_public_meeting(slug, code):
    """A meeting of a public STEK by its code; a draft is not found (nothing to vote on yet)."""
    stek = get_public_stek(slug)
    meeting = (
        Meeting.objects.filter(stek=stek, code=code).exclude(state=MeetingState.DRAFT).first()
        if code
        else None
    )
    if meeting is None:
        raise Http404(_("We vinden geen stemming met deze code."))
    return stek, meeting
