"""The receiving service's page speaks one register (je) and gives dates as people read them
(issue 16)."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from stek.referrals.links import token_for
from stek.referrals.models import Referral
from tests.factories.referrals import ReferralFactory

TEMPLATES = Path(__file__).resolve().parents[2] / "stek" / "referrals" / "templates"


@pytest.mark.django_db
def test_the_receiving_page_says_the_week_in_words(world, client):
    referral = ReferralFactory(world=world)
    Referral.objects.filter(pk=referral.pk).update(created_on=date(2026, 12, 3))  # a Thursday
    page = client.get(reverse("referrals:confirm", args=[token_for(referral)])).content.decode()
    assert "week van 30 november 2026" in page
    assert not re.search(r"\d{4}-W\d\d", page)


@pytest.mark.django_db
def test_the_list_of_referrals_says_the_week_in_words(world, client_for):
    referral = ReferralFactory(world=world)
    Referral.objects.filter(pk=referral.pk).update(created_on=date(2026, 12, 3))
    page = client_for("worker_a").get(reverse("referrals:list", args=[world.stek_a.slug]))
    assert "week van 30 november 2026" in page.content.decode()


def test_the_referral_pages_say_je_never_u():
    formal = re.compile(r"\b(u|U|uw|Uw|Hebt u|kunt u)\b")
    found = [
        (path.name, match.group(0))
        for path in TEMPLATES.rglob("*.html")
        for text in re.findall(
            r"{% (?:translate|blocktranslate)[^%]*%}(.*?){%|\"([^\"]*)\"", path.read_text()
        )  # fmt: skip
        for part in text
        for match in formal.finditer(part)
    ]
    assert found == []
