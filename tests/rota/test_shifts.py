"""A volunteer on a phone: the open places, "Ik kom", "Ik kan niet komen" (issue 17)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stek.core.enums import MembershipRole
from stek.core.services import ServiceError
from stek.rota import services
from stek.rota.enums import TakeStatus
from stek.rota.models import ShiftTake
from tests.factories import MembershipFactory, UserFactory
from tests.factories.agenda import ActivityFactory
from tests.factories.rota import RoleFactory, ShiftNeedFactory

pytestmark = pytest.mark.django_db


def next_week(need):
    return need.activity.start_date + timedelta(days=7)


def volunteer(world, n):
    return MembershipFactory(
        user=UserFactory(email=f"vrijwilliger{n}@stek.test"),
        stek=world.stek_a,
        organisation=world.partner_a.organisation,
        role=MembershipRole.VOLUNTEER,
    )


def test_taking_a_place_puts_me_on_the_rota_and_fills_the_slot(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=2)
    me = world.memberships["volunteer_a"]
    day = next_week(need)
    slot = next(s for s in services.open_slots(world.stek_a, me) if s.date == day)
    assert slot.open == 2
    take = services.take(membership=me, need=need, day=day)
    assert take.status == TakeStatus.TAKEN and take.first_time
    assert [t.pk for t in services.my_takes(me)] == [take.pk]
    # taken by me: no longer among my open places; still open for another
    assert all(s.date != day for s in services.open_slots(world.stek_a, me))
    other = volunteer(world, 1)
    assert next(s for s in services.open_slots(world.stek_a, other) if s.date == day).open == 1


def test_a_full_slot_cannot_be_taken_again(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    services.take(membership=volunteer(world, 1), need=need, day=day)
    with pytest.raises(ServiceError, match="net ingenomen"):
        services.take(membership=volunteer(world, 2), need=need, day=day)
    assert ShiftTake.objects.filter(date=day, status=TakeStatus.TAKEN).count() == 1
    assert all(s.date != day for s in services.open_slots(world.stek_a, volunteer(world, 3)))


def test_the_same_place_twice_is_refused(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=3)
    me, day = world.memberships["volunteer_a"], next_week(need)
    services.take(membership=me, need=need, day=day)
    with pytest.raises(ServiceError, match="al op het rooster"):
        services.take(membership=me, need=need, day=day)


def test_a_day_without_a_session_or_a_session_begun_is_refused(world):
    need = ShiftNeedFactory(stek=world.stek_a)
    me = world.memberships["volunteer_a"]
    with pytest.raises(ServiceError, match="geen sessie"):
        services.take(membership=me, need=need, day=next_week(need) + timedelta(days=1))
    later = timezone.now() + timedelta(days=8)
    with pytest.raises(ServiceError, match="al begonnen"):
        services.take(membership=me, need=need, day=next_week(need), now=later)


def test_giving_back_frees_the_place_and_taking_again_reuses_the_row(world):
    need = ShiftNeedFactory(stek=world.stek_a)
    me, day = world.memberships["volunteer_a"], next_week(need)
    take = services.take(membership=me, need=need, day=day)
    services.give_back(take=take)
    assert services.my_takes(me) == []
    other = volunteer(world, 1)
    assert any(s.date == day for s in services.open_slots(world.stek_a, other))
    again = services.take(membership=me, need=need, day=day)
    assert again.pk == take.pk and again.status == TakeStatus.TAKEN


def test_giving_back_after_the_start_is_refused(world):
    need = ShiftNeedFactory(stek=world.stek_a)
    take = services.take(
        membership=world.memberships["volunteer_a"], need=need, day=next_week(need)
    )
    with pytest.raises(ServiceError, match="al begonnen"):
        services.give_back(take=take, now=timezone.now() + timedelta(days=8))
    take.refresh_from_db()
    assert take.status == TakeStatus.TAKEN


def test_a_partner_place_is_for_a_worker_of_that_partner(world):
    role = RoleFactory(
        stek=world.stek_a, name="Permanentie OCMW", needs_partner=True,
        partner=world.partner_a2.organisation,
    )  # fmt: skip
    need = ShiftNeedFactory(stek=world.stek_a, role=role)
    day = next_week(need)
    with pytest.raises(ServiceError, match="medewerker van een partner"):
        services.take(membership=world.memberships["volunteer_a"], need=need, day=day)
    assert services.open_slots(world.stek_a, world.memberships["volunteer_a"]) == []
    take = services.take(membership=world.memberships["worker_a"], need=need, day=day)
    assert take.status == TakeStatus.TAKEN


def test_the_second_time_in_a_role_is_not_a_first_time(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=2)
    me = world.memberships["volunteer_a"]
    services.take(membership=me, need=need, day=next_week(need))
    second = services.take(membership=me, need=need, day=next_week(need) + timedelta(days=7))
    assert not second.first_time


def test_a_need_of_another_stek_is_not_found(world, client_for):
    need_b = ShiftNeedFactory(stek=world.stek_b, activity=ActivityFactory(stek=world.stek_b))
    url = reverse("rota:take", args=["alfa", need_b.pk, next_week(need_b).isoformat()])
    assert client_for("volunteer_a").post(url).status_code == 404
    url_b = reverse("rota:take", args=["beta", need_b.pk, next_week(need_b).isoformat()])
    assert client_for("volunteer_a").post(url_b).status_code == 404
    assert not ShiftTake.objects.exists()
    with pytest.raises(ServiceError):
        services.take(membership=world.memberships["volunteer_a"], need=need_b,
                      day=next_week(need_b))  # fmt: skip


def test_a_volunteer_of_stek_a_does_not_see_stek_b(world, client_for):
    ShiftNeedFactory(stek=world.stek_b, activity=ActivityFactory(stek=world.stek_b))
    client = client_for("volunteer_a")
    assert client.get(reverse("rota:open", args=["beta"])).status_code == 404
    assert client.get(reverse("rota:mine", args=["beta"])).status_code == 404


def test_ik_kom_on_the_phone_page_takes_the_place(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a)
    day = next_week(need)
    client = client_for("volunteer_a")
    page = client.get(reverse("rota:open", args=["alfa"])).content.decode()
    take_url = reverse("rota:take", args=["alfa", need.pk, day.isoformat()])
    assert take_url in page and "Ik kom" in page and need.role.what_you_do in page
    assert not ShiftTake.objects.exists()  # GET never writes
    response = client.post(take_url, follow=True)
    assert "Je staat op het rooster" in response.content.decode()
    take = ShiftTake.objects.get()
    mine = client.get(reverse("rota:mine", args=["alfa"])).content.decode()
    assert reverse("rota:give_back", args=["alfa", take.pk]) in mine
    client.post(reverse("rota:give_back", args=["alfa", take.pk]))
    take.refresh_from_db()
    assert take.status == TakeStatus.GIVEN_BACK


def test_ik_kom_on_a_full_place_says_so(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a)
    day = next_week(need)
    services.take(membership=world.memberships["worker_a"], need=need, day=day)
    url = reverse("rota:take", args=["alfa", need.pk, day.isoformat()])
    response = client_for("volunteer_a").post(url, follow=True)
    assert "net ingenomen" in response.content.decode()


def test_another_persons_take_cannot_be_given_back(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a)
    take = services.take(membership=world.memberships["worker_a"], need=need, day=next_week(need))
    url = reverse("rota:give_back", args=["alfa", take.pk])
    assert client_for("volunteer_a").post(url).status_code == 404
    take.refresh_from_db()
    assert take.status == TakeStatus.TAKEN


def test_the_home_page_links_to_the_open_places(world, client_for):
    client = client_for("volunteer_a")
    home = reverse("core:stek_home", args=["alfa"])
    assert reverse("rota:open", args=["alfa"]) not in client.get(home).content.decode()
    ShiftNeedFactory(stek=world.stek_a)
    assert reverse("rota:open", args=["alfa"]) in client.get(home).content.decode()
