"""Who may use the rights check inside a STEK (with the social map and referrals).

The public check at /rechtencheck/ needs no login; inside a STEK every member may use it with
a visitor (a volunteer at the onthaal too). Referring from a result is the referrals' rule."""

from stek.core.permissions import is_member


def can_use_check(user, stek):
    return is_member(user, stek)
