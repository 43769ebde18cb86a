"""The reserve list, stand-ins and no-shows (issue 17)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from stek.core.services import ServiceError
from stek.rota import services
from stek.rota.enums import ReserveStatus, TakeStatus
from stek.rota.models import ShiftTake
from tests.factories.rota import ShiftNeedFactory
from tests.rota.test_shifts import next_week, volunteer

pytestmark = pytest.mark.django_db


def full_slot(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    first = services.take(membership=volunteer(world, 1), need=need, day=day)
    return need, day, first


def test_a_full_slot_has_a_reserve_list_and_an_open_one_does_not(world):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    day = next_week(need)
    me = world.memberships["volunteer_a"]
    with pytest.raises(ServiceError, match="nog plaats"):
        services.join_reserve(membership=me, need=need, day=day)
    services.take(membership=volunteer(world, 1), need=need, day=day)
    assert [s.date for s in services.full_slots(world.stek_a, me)].count(day) == 1
    entry = services.join_reserve(membership=me, need=need, day=day)
    assert entry.status == ReserveStatus.WAITING
    assert services.my_reserves(me) == [entry]
    with pytest.raises(ServiceError, match="al op de reservelijst"):
        services.join_reserve(membership=me, need=need, day=day)


def test_a_place_given_back_is_offered_to_the_first_waiting_and_held_for_them(
    world, django_capture_on_commit_callbacks
):
    need, day, first = full_slot(world)
    one, two = world.memberships["volunteer_a"], volunteer(world, 2)
    services.join_reserve(membership=one, need=need, day=day)
    services.join_reserve(membership=two, need=need, day=day)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.give_back(take=first)
    offers = services.my_offers(one)
    assert len(offers) == 1 and not services.my_offers(two)
    assert mail.outbox and mail.outbox[0].to == [one.user.email]
    # the place is held: nobody else takes it from the open list
    three = volunteer(world, 3)
    assert all(s.date != day for s in services.open_slots(world.stek_a, three))
    with pytest.raises(ServiceError, match="net ingenomen"):
        services.take(membership=three, need=need, day=day)
    take = services.accept_offer(entry=offers[0])
    assert take.membership == one and take.status == TakeStatus.TAKEN
    offers[0].refresh_from_db()
    assert offers[0].status == ReserveStatus.ACCEPTED


def test_declining_an_offer_passes_it_to_the_next(world):
    need, day, first = full_slot(world)
    one, two = world.memberships["volunteer_a"], volunteer(world, 2)
    services.join_reserve(membership=one, need=need, day=day)
    services.join_reserve(membership=two, need=need, day=day)
    services.give_back(take=first)
    services.leave_reserve(entry=services.my_offers(one)[0])
    assert not services.my_offers(one)
    assert len(services.my_offers(two)) == 1


def test_an_offer_expires_at_the_start(world):
    need, day, first = full_slot(world)
    me = world.memberships["volunteer_a"]
    services.join_reserve(membership=me, need=need, day=day)
    services.give_back(take=first)
    entry = services.my_offers(me)[0]
    start = services.starts_at(day, need.activity.start_time)
    assert services.my_offers(me, now=start + timedelta(minutes=1)) == []
    with pytest.raises(ServiceError, match="al begonnen"):
        services.accept_offer(entry=entry, now=start + timedelta(minutes=1))


def test_accepting_on_my_shifts_in_one_tap(world, client_for):
    need, day, first = full_slot(world)
    me = world.memberships["volunteer_a"]
    services.join_reserve(membership=me, need=need, day=day)
    services.give_back(take=first)
    client = client_for("volunteer_a")
    page = client.get(reverse("rota:mine", args=[world.stek_a.slug]))
    assert "Ik neem de plaats" in page.content.decode()
    entry = services.my_offers(me)[0]
    client.post(reverse("rota:offer_accept", args=[world.stek_a.slug, entry.pk]))
    assert ShiftTake.objects.filter(membership=me, date=day, status=TakeStatus.TAKEN).exists()


def test_a_stand_in_takes_over_in_one_tap(world, client_for):
    need, day, first = full_slot(world)
    services.ask_standin(take=first)
    me = world.memberships["volunteer_a"]
    assert [t.pk for t in services.standin_requests(world.stek_a, me)] == [first.pk]
    assert services.standin_requests(world.stek_a, first.membership) == []
    client = client_for("volunteer_a")
    assert (
        "Ik val in" in client.get(reverse("rota:open", args=[world.stek_a.slug])).content.decode()
    )
    client.post(reverse("rota:standin_take", args=[world.stek_a.slug, first.pk]))
    first.refresh_from_db()
    assert first.status == TakeStatus.GIVEN_BACK and not first.looking_for_standin
    mine = ShiftTake.objects.get(membership=me, date=day)
    assert mine.status == TakeStatus.TAKEN
    with pytest.raises(ServiceError, match="al over"):
        services.take_over(take=first, membership=volunteer(world, 5))


def test_without_asking_nobody_takes_over_and_cancelling_stops_it(world):
    need, day, first = full_slot(world)
    me = world.memberships["volunteer_a"]
    with pytest.raises(ServiceError, match="al over"):
        services.take_over(take=first, membership=me)
    services.ask_standin(take=first)
    services.cancel_standin(take=first)
    assert services.standin_requests(world.stek_a, me) == []


def test_no_shows_are_for_the_coordinator_only_and_change_nothing(world, client_for):
    need = ShiftNeedFactory(stek=world.stek_a, count=1)
    today = timezone.localdate()
    take = ShiftTake.objects.create(
        stek=world.stek_a, membership=world.memberships["volunteer_a"],
        activity=need.activity, date=today, role=need.role,
    )  # fmt: skip
    coordinator = client_for("coordinator_a")
    url = reverse("rota:no_show", args=[world.stek_a.slug, take.pk])
    assert coordinator.post(url, {"no_show": "1"}).status_code == 302
    take.refresh_from_db()
    assert take.no_show
    assert (
        "niet gekomen"
        in coordinator.get(reverse("rota:plan", args=[world.stek_a.slug])).content.decode()
    )
    volunteer_client = client_for("volunteer_a")
    assert volunteer_client.post(url, {"no_show": "0"}).status_code == 403
    mine = volunteer_client.get(reverse("rota:mine", args=[world.stek_a.slug])).content.decode()
    assert "niet gekomen" not in mine.lower()
    # a no-show blocks nothing: the same person takes the next place
    later = services.take(
        membership=world.memberships["volunteer_a"], need=need, day=next_week(need)
    )
    assert later.status == TakeStatus.TAKEN
