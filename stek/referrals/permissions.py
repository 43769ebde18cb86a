"""Who may do what with referrals: workers and coordinators refer and follow up; volunteers
do not (a referral is a professional's step, and it needs the worker's organisation)."""

from stek.core.permissions import is_worker
from stek.socialmap.permissions import can_refer  # one rule, defined beside the map

__all__ = ["can_follow_up", "can_refer", "can_view_overview"]


def can_follow_up(user, stek):
    return is_worker(user, stek)


def can_view_overview(user, stek):
    return is_worker(user, stek)
