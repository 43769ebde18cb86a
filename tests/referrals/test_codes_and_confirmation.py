"""Codes are unguessable, typing them is rate-limited, and the service learns nothing of who."""

import math
from collections import Counter
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from stek.referrals import codes, links
from stek.referrals.enums import ClosedVia, ReferralOutcome, Status
from stek.referrals.models import Referral
from tests.factories.referrals import ReferralFactory


def test_codes_are_long_enough_that_guessing_is_infeasible(settings):
    assert set(codes.ALPHABET).isdisjoint("0O1IL")
    assert codes.ENTROPY_BITS >= 49
    # An attacker gets at most STEK_CODE_FAILURES_GLOBAL failed tries per window in all.
    tries_per_year = settings.STEK_CODE_FAILURES_GLOBAL * (
        365 * 86400 / settings.STEK_CODE_WINDOW_SECONDS
    )
    live_codes = 100_000  # far more open referrals than a network will ever have
    chance = 1 - math.exp(-tries_per_year * live_codes / len(codes.ALPHABET) ** codes.LENGTH)
    assert chance < 0.001


def test_codes_are_random_and_use_the_whole_alphabet():
    drawn = [codes.new_code() for _ in range(5000)]
    assert len(set(drawn)) == len(drawn)
    counts = Counter("".join(drawn))
    assert set(counts) == set(codes.ALPHABET)
    expected = 5000 * codes.LENGTH / len(codes.ALPHABET)
    chi2 = sum((counts[c] - expected) ** 2 / expected for c in codes.ALPHABET)
    assert chi2 < 80  # 30 degrees of freedom; p < 1e-6 would be ~ 70-80


def test_typed_codes_are_forgiving_but_strict():
    assert codes.normalise(" k7qm3-xhd9p ") == "K7QM3XHD9P"
    assert codes.normalise("K7QM3XHD9") == ""
    assert codes.normalise("K7QM3-XHD90") == ""  # 0 is not in the alphabet


@pytest.mark.django_db
def test_the_service_confirms_with_the_code_and_sees_nothing_about_the_person(world, client):
    referral = ReferralFactory(world=world, barrier="betaalbaarheid")
    response = client.post(
        reverse("referrals:confirm_code"), {"code": referral.code_display.lower()}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    text = page.content.decode()
    assert referral.code_display in text and "Leefloon" in text
    for private in (
        world.user("worker_a").email,
        world.user("worker_a").full_name,
        "Betaalbaarheid",
    ):
        assert private not in text
    client.post(response["Location"], {"status": "closed", "outcome": "got_help"})
    referral.refresh_from_db()
    assert (referral.status, referral.outcome, referral.closed_via) == (
        Status.CLOSED,
        ReferralOutcome.GOT_HELP,
        ClosedVia.SERVICE,
    )


@pytest.mark.django_db
def test_unknown_code_gets_a_clear_message_and_changes_nothing(world, client):
    referral = ReferralFactory(world=world)
    response = client.post(reverse("referrals:confirm_code"), {"code": "ZZZZZ-ZZZZZ"})
    assert "We vinden deze code niet" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.OPEN


@pytest.mark.django_db
def test_guessing_is_rate_limited_even_for_the_right_code(world, client, settings):
    settings.STEK_CODE_ATTEMPTS_PER_IP = 5
    referral = ReferralFactory(world=world)
    for _ in range(5):
        client.post(reverse("referrals:confirm_code"), {"code": codes.new_code()})
    response = client.post(reverse("referrals:confirm_code"), {"code": referral.code})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()


@pytest.mark.django_db
def test_guessing_from_many_addresses_hits_the_site_wide_limit(world, client, settings):
    settings.STEK_CODE_FAILURES_GLOBAL = 6
    referral = ReferralFactory(world=world)
    for n in range(6):
        client.post(
            reverse("referrals:confirm_code"), {"code": codes.new_code()}, REMOTE_ADDR=f"10.0.0.{n}"
        )
    response = client.post(
        reverse("referrals:confirm_code"), {"code": referral.code}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_a_tampered_or_expired_link_is_refused_and_changes_nothing(world, client, settings):
    referral = ReferralFactory(world=world)
    token = links.token_for(referral)
    bad = client.post(reverse("referrals:confirm", args=[token[:-2] + "xx"]), {"status": "arrived"})
    assert bad.status_code == 410 and "niet geldig" in bad.content.decode()
    expired = client.post(
        reverse("referrals:confirm", args=[_old_token(referral, days=61)]), {"status": "arrived"}
    )
    assert expired.status_code == 410 and "verlopen" in expired.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.OPEN


def _old_token(referral, days):
    """A link signed ``days`` ago (the link lives as long as the referral: 60 days)."""
    signer = signing.TimestampSigner(salt=links.SALT)
    then = int((timezone.now() - timedelta(days=days)).timestamp())
    signer.timestamp = lambda: signing.b62_encode(then)
    return signer.sign(str(referral.pk))


@pytest.mark.django_db
def test_an_expired_referral_cannot_be_confirmed(world, client):
    referral = ReferralFactory(world=world)
    Referral.objects.filter(pk=referral.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        reverse("referrals:confirm", args=[links.token_for(referral)]), {"status": "arrived"}
    )
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.OPEN and referral.arrived_at is None


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_its_own_limit(world, client, settings):
    settings.STEK_BEHIND_PROXY = True
    settings.STEK_CODE_ATTEMPTS_PER_IP = 3
    url = reverse("referrals:confirm_code")
    for _ in range(3):
        client.post(url, {"code": codes.new_code()}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    guess = {"code": codes.new_code()}
    assert client.post(url, guess, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert client.post(url, guess, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


@pytest.mark.django_db
def test_many_right_codes_from_one_desk_are_never_limited(world, client, settings):
    """A busy service desk behind one address confirms many referrals: only failures count."""
    settings.STEK_CODE_ATTEMPTS_PER_IP = 3
    url = reverse("referrals:confirm_code")
    referrals = [ReferralFactory(world=world) for _ in range(12)]
    for referral in referrals:
        response = client.post(url, {"code": codes.display(referral.code).lower()})
        assert response.status_code == 302, response.status_code
        token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
        assert links.referral_pk_from(token) == referral.pk
    # Two typing errors among them do not lock the desk either.
    for _ in range(2):
        assert client.post(url, {"code": codes.new_code()}).status_code == 200
    assert client.post(url, {"code": referrals[0].code}).status_code == 302


@pytest.mark.django_db
def test_failures_are_still_limited_and_the_page_itself_never_answers_429(world, client, settings):
    settings.STEK_CODE_ATTEMPTS_PER_IP = 3
    url = reverse("referrals:confirm_code")
    referral = ReferralFactory(world=world)
    for typed in (codes.new_code(), "not-a-code", codes.new_code()):
        assert client.post(url, {"code": typed}).status_code == 200
    assert client.post(url, {"code": referral.code}).status_code == 429
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    assert client.post(url, {"code": referral.code}, REMOTE_ADDR="10.1.2.3").status_code == 302
