"""Hours and the Belgian volunteer law's expense allowance (issue 17)."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from stek.core.services import ServiceError
from stek.rota import allowance, services
from stek.rota.models import AllowancePayment, KilometreClaim, ShiftTake, VolunteerRecord
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
    assert (c26.day, c26.per_year, c26.confirmed) == (Decimal("44.02"), Decimal("1760.83"), True)
    c27 = allowance.caps_for(2027)
    assert not c27.confirmed and c27.source_year == 2026 and c27.day == Decimal("44.02")


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


# Kilometres: real transport costs at the federal rate, up to 2.000 km a year with the flat rate.


def test_the_km_rate_of_a_known_quarter_and_an_unconfirmed_one():
    q1 = allowance.km_rate_for(date(2026, 2, 10))
    assert (q1.rate, q1.confirmed) == (Decimal("0.4326"), True)
    q4 = allowance.km_rate_for(date(2026, 11, 3))
    assert (q4.rate, q4.confirmed, q4.since) == (Decimal("0.4326"), False, date(2026, 1, 1))
    older = allowance.km_rate_for(date(2024, 3, 31))
    assert (older.rate, older.confirmed) == (Decimal("0.4269"), True)
    assert allowance.km_rate_for(date(2024, 4, 1)).confirmed is False
    assert allowance.km_amount(37, Decimal("0.4326")) == Decimal("16.01")


def km_before(world, km, membership=None):
    """Earlier claims this year that add up to ``km``."""
    me = membership or world.memberships["volunteer_a"]
    earlier = past_take(world, 2, need=ShiftNeedFactory(stek=world.stek_a, role__name="Vervoer"),
                        membership=me)  # fmt: skip
    KilometreClaim.objects.create(
        stek=world.stek_a, membership=me, take=earlier, date=earlier.date, km=km,
        rate=Decimal("0.4"), amount=Decimal("0.4") * km,
    )  # fmt: skip


@early_january
def test_kilometres_are_paid_at_the_rate_of_the_day(world):
    take = past_take(world, 1)
    claim, warning = services.record_kilometres(actor=None, take=take, km=24)
    rate = allowance.km_rate_for(take.date).rate
    assert (claim.km, claim.rate, claim.amount) == (24, rate, (24 * rate).quantize(Decimal("0.01")))
    assert warning == ""
    summary = allowance.summary(world.memberships["volunteer_a"], take.date.year)
    assert (summary["km"], summary["km_amount"], summary["km_left"]) == (24, claim.amount, 1976)
    with pytest.raises(ServiceError, match="al kilometers"):
        services.record_kilometres(actor=None, take=take, km=3)


@early_january
@pytest.mark.parametrize("km", [0, -5, None, 1001])
def test_a_wrong_number_of_kilometres_is_refused(world, km):
    with pytest.raises(ServiceError):
        services.record_kilometres(actor=None, take=past_take(world, 1), km=km)
    assert not KilometreClaim.objects.exists()


def test_kilometres_for_a_take_still_to_come_or_missed_are_refused(world):
    future = past_take(world, -3)
    with pytest.raises(ServiceError, match="moet nog"):
        services.record_kilometres(actor=None, take=future, km=10)
    missed = past_take(world, 0, need=ShiftNeedFactory(stek=world.stek_a, role__name="Keuken"))
    missed.no_show = True
    missed.save()
    with pytest.raises(ServiceError, match="geen kilometers"):
        services.record_kilometres(actor=None, take=missed, km=10)


@early_january
def test_the_2000_km_warn_before_and_refuse_beyond_with_the_flat_rate(world):
    km_before(world, 1750)
    take = past_take(world, 1)
    services.record_allowance(actor=None, take=take, kind="flat", amount=Decimal("10"))
    with pytest.raises(ServiceError, match="hoogstens 2000 km"):
        services.record_kilometres(actor=None, take=take, km=251)
    _claim, warning = services.record_kilometres(actor=None, take=take, km=100)
    assert "nog 150 km" in warning
    summary = allowance.summary(world.memberships["volunteer_a"], take.date.year)
    assert summary["near_km_cap"] and summary["km_left"] == 150
    other = past_take(world, 1, need=ShiftNeedFactory(stek=world.stek_a, role__name="Afwas"))
    _claim, warning = services.record_kilometres(actor=None, take=other, km=150)  # exactly 2000
    assert "nog 0 km" in warning


@early_january
def test_km_go_with_the_flat_rate_but_flat_and_other_real_costs_never_mix(world):
    take = past_take(world, 1)
    services.record_kilometres(actor=None, take=take, km=40)
    services.record_allowance(actor=None, take=take, kind="flat", amount=Decimal("10"))  # allowed
    other = past_take(world, 1, need=ShiftNeedFactory(stek=world.stek_a, role__name="Keuken"))
    with pytest.raises(ServiceError, match="mengen"):
        services.record_allowance(actor=None, take=other, kind="real", amount=Decimal("5"))


@early_january
def test_on_real_costs_the_2000_km_do_not_apply(world):
    km_before(world, 1990)
    first = past_take(world, 1)
    services.record_allowance(actor=None, take=first, kind="real", amount=Decimal("5"))
    _claim, warning = services.record_kilometres(actor=None, take=first, km=300)
    assert warning == ""
    summary = allowance.summary(world.memberships["volunteer_a"], first.date.year)
    assert summary["km"] == 2290 and not summary["km_capped"] and not summary["near_km_cap"]


@early_january
def test_the_coordinator_notes_km_and_the_volunteer_sees_them_and_on_the_certificate(
    world, client_for
):
    take = past_take(world, 1)
    me = world.memberships["volunteer_a"]
    client = client_for("coordinator_a")
    url = reverse("rota:volunteer", args=["alfa", me.pk])
    assert "Kilometers noteren" in client.get(url).content.decode()
    response = client.post(url, {"what": "km", "km-take": take.pk, "km-km": "5000"})
    assert response.status_code == 400 and "Kijk" in response.content.decode()  # form's max
    km_before(world, 1990)
    response = client.post(url, {"what": "km", "km-take": take.pk, "km-km": "20"})
    assert response.status_code == 400 and "hoogstens 2000 km" in response.content.decode()
    response = client.post(url, {"what": "km", "km-take": take.pk, "km-km": "8"}, follow=True)
    html = response.content.decode()
    assert "De kilometers zijn genoteerd." in html and "nog 2 km" in html
    claim = KilometreClaim.objects.get(take=take)
    mine = client_for("volunteer_a").get(reverse("rota:my_hours", args=["alfa"]))
    assert "Kilometers: 1998 km" in mine.content.decode()
    pdf = client_for("volunteer_a").get(reverse("rota:certificate", args=["alfa"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    from django.template.loader import render_to_string

    text = render_to_string(
        "rota/certificate_pdf.html",
        {"stek": world.stek_a, "person": me.user, "summary": allowance.summary(me, take.date.year),
         "printed": timezone.localdate()},
    )  # fmt: skip
    total = f"{claim.amount + Decimal('796.00'):.2f}".replace(".", ",")
    assert "Vervoerskosten: 1998 km" in text and f"€ {total}" in text, text[-400:]
