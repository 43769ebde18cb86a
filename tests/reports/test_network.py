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


def test_the_networks_reading_leaves_out_the_signal_families(world, client_for):
    """The network publishes signals across STEKs itself (ADR 0006): a STEK's signals per life
    domain and per barrier beside it would let the network's total minus the other STEKs'
    figures give a hidden one (ADR 0018). The STEK's own page still shows them."""
    build_year(world)
    services.freeze_report(actor=None, stek=world.stek_a, year=YEAR)
    url = reverse("reports:network_year", args=[world.network.slug, "alfa", YEAR])
    response = client_for("analyst").get(url)
    html = response.content.decode()
    keys = {t.key for s in response.context["sections"] for t in s.tables}
    assert "dossiers_step" in keys and "referrals_pair" in keys
    assert not keys & {"signals_domain", "signals_barrier"}
    assert "Signalen per levensdomein" not in html and "Signalen per drempel" not in html
    assert "Signalen" not in [label for label, _b, _t in response.context["side_by_side"]]
    assert reverse("advocacy:network", args=[world.network.slug]) in html
    own = reverse("reports:year", args=["alfa", YEAR])
    mine = client_for("coordinator_a").get(own).content.decode()
    assert "Signalen per levensdomein" in mine and "Signalen per drempel" in mine
