"""The network reads the STEKs' frozen reports, and nothing that was not frozen (issue 18)."""

import pytest
from django.urls import reverse

from stek.core.models import AuditEvent
from stek.reports import services
from tests.reports.data import YEAR, build_year

pytestmark = pytest.mark.django_db


def test_an_analyst_reads_a_frozen_report_and_the_read_is_audited(world, client_for):
    build_year(world)
    services.freeze_report(actor=None, stek=world.stek_a, year=YEAR, highlights="Een goed jaar.")
    client = client_for("analyst")
    listing = client.get(reverse("reports:network", args=[world.network.slug])).content.decode()
    assert f"STEK Alfa · {YEAR}" in listing
    url = reverse("reports:network_year", args=[world.network.slug, "alfa", YEAR])
    html = client.get(url).content.decode()
    assert "Een goed jaar." in html and "verborgen" in html and 'role="img"' in html
    assert "Maak het jaarverslag" not in html  # read only
    assert AuditEvent.objects.filter(action="viewed", target=f"jaarverslag {YEAR}").exists()


def test_a_year_that_was_not_frozen_is_not_found_for_the_network(world, client_for):
    build_year(world)
    url = reverse("reports:network_year", args=[world.network.slug, "alfa", YEAR])
    assert client_for("analyst").get(url).status_code == 404
    assert client_for("coordinator_a").get(url).status_code == 404  # no network role
