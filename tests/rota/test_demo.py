"""The demo rota (issue 17): roles, needs, a few takes, understaffed days and a partner gap."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from stek.core.models import Stek, User
from stek.rota import services
from stek.rota.models import AllowancePayment, ReserveEntry, Role, ShiftTake

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_rota_has_roles_takes_and_gaps_and_seeds_twice():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    wissel = Stek.objects.get(slug="de-wissel")
    names = set(Role.objects.filter(stek=wissel).values_list("name", flat=True))
    assert {"Onthaal", "Keuken", "Computerles-helper", "OCMW-medewerker"} <= names
    assert ShiftTake.objects.filter(stek=wissel).exists()
    sessions = [s for _day, day in services.planning(wissel) for s in day]
    assert any(s.short for s in sessions) and any(not s.short for s in sessions)
    assert any(s.partner_gaps for s in sessions)
    assert ReserveEntry.objects.filter(stek=wissel, status="waiting").exists()
    assert ShiftTake.objects.filter(stek=wissel, looking_for_standin=True).exists()
    assert AllowancePayment.objects.filter(stek=wissel).exists() or (
        services.timezone.localdate().timetuple().tm_yday <= 14  # last weeks were last year
    )
    client = Client()
    client.force_login(User.objects.get(email="volunteer@stek.example"))
    for url in ["/s/de-wissel/rooster/", "/s/de-wissel/rooster/mijn-beurten/", "/s/de-wissel/"]:
        assert client.get(url).status_code == 200
    client.force_login(User.objects.get(email="coordinator@stek.example"))
    html = client.get("/s/de-wissel/rooster/planning/").content.decode()
    assert "Onderbezet" in html and "Geen medewerker van OCMW Gent (demo)" in html
