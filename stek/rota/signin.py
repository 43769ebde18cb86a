"""Sign-in links without a password for volunteers (django-sesame, ADR 0012).

A link carries a signed token for one user, valid ``STEK_SIGNIN_LINK_DAYS`` days. Opening it
shows a confirm page; only its button (a POST) signs in, so a mail scanner that follows the
link does not use it up. The token depends on the user's ``last_login`` (SESAME_ONE_TIME): a
sign-in, with the link or with a password, makes every older link void, and so does revoking,
which sets ``last_login`` anew."""

from django.conf import settings
from django.urls import reverse
from sesame.utils import get_query_string, get_user

from stek.core import net, ratelimit
from stek.core.pdf import public_url

SCOPE = "rota-signin"


def link_for(request, user):
    """The full address of a new sign-in link for ``user``."""
    return public_url(request, reverse("rota:signin_confirm") + get_query_string(user, SCOPE))


def user_from_request(request):
    """The user the request's link is for, or None (unknown, expired, used, revoked). Does not
    sign in and does not yet use the link up: signing in (``login``) does."""
    user = get_user(request, scope=SCOPE, update_last_login=False)
    if user is None or not user.is_active:
        return None
    return user


# Asking for a link: a fixed window per address and per e-mail address in the shared cache.


def over_limit(request, email):
    """Count this request; True when the address or the e-mail address asked too often."""
    window = settings.STEK_SIGNIN_WINDOW_SECONDS
    per_ip = ratelimit.hit(f"signin:ip:{net.client_ip(request) or 'unknown'}", window)
    per_email = ratelimit.hit(f"signin:email:{email.strip().lower()}", window)
    return (
        per_ip > settings.STEK_SIGNIN_REQUESTS_PER_IP
        or per_email > settings.STEK_SIGNIN_REQUESTS_PER_EMAIL
    )
