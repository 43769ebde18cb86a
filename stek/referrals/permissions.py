"""Who may do what with referrals: workers and coordinators refer and follow up; volunteers
do not (a referral is a professional's step, and it needs the worker's organisation)."""

from stek.core.enums import MembershipRole
from stek.core.permissions import _at_least


def can_refer(user, stek):
    return _at_least(user, stek, MembershipRole.WORKER)


def can_follow_up(user, stek):
    return _at_least(user, stek, MembershipRole.WORKER)


def can_view_overview(user, stek):
    return _at_least(user, stek, MembershipRole.WORKER)
