"""Hours and the Belgian volunteer law's expense allowance (issue 17)."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from stek.core.services import ServiceError
from stek.rota import allowance, services
from stek.rota.models import AllowancePayment, ShiftTake, VolunteerRecord
from tests.factories.rota import ShiftNeedFactory

pytestmark = pytest.mark.django_db
# the takes a few days back must fall in this year (one year's caps)
early_january = pytest.mark.skipif(
    timezone.localdate().timetuple().tm_yday <= 3, reason="the first days of a year"
)


def past_take(world, days_ago, need=None, membership=None):
    need = need or ShiftNeedFactory(stek=world.stek_a, activity__start_time=time(10),
                                    activity__end_time=time(12, 30))  # fmt: skip
    return ShiftTake.objects.create(
        stek=world.stek_a, membership=membership or world.memberships["volunteer_a"],
        activity=need.activity, role=need.role,
        date=timezone.localdate() - timedelta(days=days_ago),
    )  # fmt: skip


def test_the_caps_per_year_and_an_unconfirmed_year():
    assert allowance.caps_for(2024).day == Decimal("41.48")
    assert allowance.caps_for(2024).per_year == Decimal("1659.29")
    c25 = allowance.caps_for(2025)
    assert (c25.day, c25.per_year, c25.confirmed) == (Decimal("42.31"), Decimal("1692.51"), True)
    c26 = allowance.caps_for(2026)
    assert not c26.confirmed and c26.source_year == 2025 and c26.day == Decimal("42.31")


def test_hours_come_from_the_takes_that_took_place(world):
    take = past_take(world, 0)
    take.date = date(timezone.localdate().year, 1, 1) if take.date.month > 1 else take.date
    take.save()
    missed = past_take(world, 0, need=ShiftNeedFactory(stek=world.stek_a, role__name="Keuken"))
    missed.no_show = True
    missed.save()
    summary = allowance.summary(world.memberships["volunteer_a"], take.date.year)
    assert [t.pk for t in summary["takes"]] == [take.pk]
    assert summary["hours"] == 2.5


@early_january
def test_the_day_cap_and_mixing_are_refused(world):
    take = past_take(world, 1)
    year = take.date.year
    caps = allowance.caps_for(year)
    with pytest.raises(ServiceError, match="dagmaximum"):
        services.record_allowance(actor=None, take=take, kind="flat", amount=caps.day + 1)
    services.record_allowance(actor=None, take=take, kind="flat", amount=Decimal("10"))
    with pytest.raises(ServiceError, match="al een vergoeding"):
        services.record_allowance(actor=None, take=take, kind="flat", amount=Decimal("1"))
    other = past_take(world, 1, need=ShiftNeedFactory(stek=world.stek_a, role__name="Keuken"))
    with pytest.raises(ServiceError, match="mengen"):
        services.record_allowance(actor=None, take=other, kind="real", amount=Decimal("5"))


@early_january
def test_the_year_cap_warns_before_and_refuses_over(world):
    me = world.memberships["volunteer_a"]
    first = past_take(world, 1)
    caps = allowance.caps_for(first.date.year)
    # earlier payments this year bring the volunteer near the cap
    earlier = past_take(world, 2, need=ShiftNeedFactory(stek=world.stek_a, role__name="Keuken"))
    AllowancePayment.objects.create(
        stek=world.stek_a, membership=me, take=earlier, date=earlier.date, kind="flat",
        amount=caps.per_year - Decimal("50"),
    )  # fmt: skip
    _payment, warning = services.record_allowance(
        actor=None, take=first, kind="flat", amount=Decimal("20")
    )
    assert "jaarmaximum" in warning
    last = past_take(world, 3, need=ShiftNeedFactory(stek=world.stek_a, role__name="Afwas"))
    with pytest.raises(ServiceError, match="jaarmaximum"):
        services.record_allowance(actor=None, take=last, kind="flat", amount=Decimal("40"))


def test_a_future_or_missed_take_gets_no_allowance(world):
    future = past_take(world, -3)
    with pytest.raises(ServiceError, match="nog plaatsvinden"):
        services.record_allowance(actor=None, take=future, kind="flat", amount=Decimal("5"))


def test_the_coordinator_records_and_ticks_the_note(world, client_for):
    take = past_take(world, 0)
    me = world.memberships["volunteer_a"]
    client = client_for("coordinator_a")
    url = reverse("rota:volunteer", args=[world.stek_a.slug, me.pk])
    response = client.post(url, {"take": take.pk, "kind": "flat", "amount": "12.50"})
    assert response.status_code == 302
    assert AllowancePayment.objects.get(take=take).amount == Decimal("12.50")
    bad = client.post(url, {"take": take.pk, "kind": "flat", "amount": "-1"})
    assert bad.status_code == 400
    client.post(reverse("rota:note_given", args=[world.stek_a.slug, me.pk]), {"given": "1"})
    assert VolunteerRecord.objects.get(membership=me).note_given_on == timezone.localdate()
    page = client.get(reverse("rota:volunteers", args=[world.stek_a.slug])).content.decode()
    assert me.user.full_name in page and "12" in page


def test_my_hours_reminds_about_benefits_and_the_certificate_is_a_pdf(world, client_for):
    past_take(world, 0)
    client = client_for("volunteer_a")
    page = client.get(reverse("rota:my_hours", args=[world.stek_a.slug])).content.decode()
    assert "leefloon" in page and ("2,5 uur" in page or "2.5 uur" in page)
    pdf = client.get(reverse("rota:certificate", args=[world.stek_a.slug]))
    assert pdf.status_code in (200, 503)
    if pdf.status_code == 200:
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
