"""``manage.py make_bench_data`` (issue 18): refuses a database with other STEKs unless
``--force``, writes every kind of record the dashboard reads, and prints its progress."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from stek.advocacy.models import Dossier, Signal
from stek.agenda.models import Session
from stek.core.models import Stek
from stek.referrals.models import ReferralTally
from stek.rights.models import RightShown

pytestmark = pytest.mark.django_db


def test_it_refuses_a_database_with_real_steks(world):
    with pytest.raises(CommandError, match="--force"):
        call_command("make_bench_data", "--steks", "2", "--years", "1", stdout=io.StringIO())
    assert not Stek.objects.filter(network__slug="bench-netwerk").exists()


def test_it_writes_a_small_network_and_prints_progress(world):
    out = io.StringIO()
    call_command("make_bench_data", "--steks", "3", "--years", "1", "--force", stdout=out)
    steks = Stek.objects.filter(network__slug="bench-netwerk")
    assert steks.count() == 3
    for model in (Session, Signal, ReferralTally, RightShown):
        assert model.objects.filter(stek__in=steks).exists(), model
    assert Dossier.objects.filter(network__slug="bench-netwerk").count() == 30
    assert "signals" in out.getvalue() and "done" in out.getvalue()
    with pytest.raises(CommandError, match="exists already"):
        call_command("make_bench_data", "--steks", "3", "--force", stdout=io.StringIO())


def test_every_stek_froze_last_years_report_so_the_dashboard_has_figures(world, client):
    from stek.core.models import User
    from stek.reports.models import YearReport

    out = io.StringIO()
    call_command("make_bench_data", "--steks", "3", "--years", "2", "--force", stdout=out)
    last = date.today().year - 1
    steks = Stek.objects.filter(network__slug="bench-netwerk")
    assert YearReport.objects.filter(stek__in=steks, year=last).count() == 3
    assert f"3 yearly reports of {last} frozen" in out.getvalue()
    client.force_login(User.objects.get(email="bench-analist@stek.example"))
    page = client.get(f"/netwerk/bench-netwerk/dashboard/?jaar={last}").content.decode()
    assert "nog geen jaarverslag" not in page and "Bench-STEK 003" in page
