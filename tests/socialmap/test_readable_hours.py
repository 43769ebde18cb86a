"""Opening hours as people read them, not as OpenStreetMap syntax (issue 16)."""

import pytest
from django.urls import reverse
from django.utils import translation

from stek.socialmap.hours import humanize
from tests.factories.referrals import ReferralFactory
from tests.factories.socialmap import ServiceFactory

RAW = "Mo,We,Fr 09:00-12:00; PH off"
READ = "maandag, woensdag en vrijdag 9:00–12:00; gesloten op feestdagen"


@pytest.mark.parametrize(
    "expression, words",
    [
        (RAW, READ),
        ("Mo-Fr 09:00-12:00,13:30-17:00", "maandag tot vrijdag 9:00–12:00 en 13:30–17:00"),
        ("Sa 10:00-12:00; Su off", "zaterdag 10:00–12:00; gesloten op zondag"),
        ("Mo-We,Fr 09:00-12:00", "maandag tot woensdag en vrijdag 9:00–12:00"),
        ("Mo-Su 08:00-20:00", "elke dag 8:00–20:00"),
        ("24/7", "dag en nacht open"),
        ("PH 10:00-12:00", "feestdagen 10:00–12:00"),
        # What it cannot read stays as written; the rest is still in words.
        ("Mo[1] 09:00-12:00; Tu 14:00-16:00", "Mo[1] 09:00-12:00; dinsdag 14:00–16:00"),
        ('Tu 14:00-16:00 "na afspraak"', 'Tu 14:00-16:00 "na afspraak"'),
        ("", ""),
    ],
)
def test_hours_in_words_in_dutch(expression, words):
    assert humanize(expression) == words


def _translated(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid) != msgid


@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", "lundi, mercredi et vendredi 9 h 00–12 h 00; fermé les jours fériés"),
        ("en", "Monday, Wednesday and Friday 9:00–12:00; closed on public holidays"),
    ],
)
def test_hours_in_words_in_french_and_english(language, words):
    # Needs the fr/en catalogues filled from the trans file (the integrator does that).
    if not _translated(language, "gesloten op feestdagen"):
        pytest.skip("catalogue not filled yet")
    with translation.override(language):
        assert humanize(RAW) == words


@pytest.mark.django_db
def test_every_page_that_shows_hours_shows_them_in_words(world, client_for):
    service = ServiceFactory(
        organisation=world.partner_a2.organisation, name="Zitdag", opening_hours=RAW
    )
    client = client_for("worker_a")
    slug = world.stek_a.slug
    detail = client.get(reverse("socialmap:service_detail", args=[slug, service.pk]))
    results = client.get(reverse("socialmap:search", args=[slug]), {"q": "Zitdag"})
    referral = ReferralFactory(world=world, service=service)
    slip = client.get(reverse("referrals:detail", args=[slug, referral.pk]))
    for response in (detail, results, slip):
        page = response.content.decode()
        assert READ in page
        assert RAW not in page
