"""The demo report (issue 18): last year's report of De Wissel, frozen, beside this year."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from stek.core.models import Stek, User
from stek.reports.models import YearReport

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_freezes_last_year_and_shows_this_year_beside_it():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    wissel = Stek.objects.get(slug="de-wissel")
    year = timezone.localdate().year
    report = YearReport.objects.get(stek=wissel)
    assert report.year == year - 1 and report.bbc_code
    assert report.figures["families"], "the demo's history gives last year figures"
    client = Client()
    client.force_login(User.objects.get(email="coordinator@stek.example"))
    html = client.get(f"/s/de-wissel/rapport/{year}/").content.decode()
    assert f"{year - 1} en {year} naast elkaar" in html and 'role="img"' in html
    html = client.get(f"/s/de-wissel/rapport/{year - 1}/").content.decode()
    assert "Gemaakt op" in html and report.highlights in html
    # made with this version: the section on the visitors' say is in it (the demo's council
    # met this year, so last year's section reads as empty, not as missing)
    assert report.figures["format"] == 2 and "Inspraak van bezoekers" in html
    assert "niet in dit verslag" not in html
    assert "Weten of het werkt" in client.get("/s/de-wissel/").content.decode()
