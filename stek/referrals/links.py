"""Signed, expiring links for the receiving service: no account, no identity."""

from django.conf import settings
from django.core import signing

SALT = "stek.referrals.confirm"


def token_for(referral):
    return signing.TimestampSigner(salt=SALT).sign(str(referral.pk))


def referral_pk_from(token):
    """The referral's pk, or raise ``signing.BadSignature`` (``SignatureExpired`` when old)."""
    max_age = settings.STEK_REFERRAL_EXPIRY_DAYS * 86400
    return int(signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age))
