"""Rota factories: roles (with a task card) and needs of an activity."""

import factory

from stek.rota.models import Role, ShiftNeed

from .agenda import ActivityFactory
from .core import StekFactory


class RoleFactory(factory.django.DjangoModelFactory):
    """A volunteers' role; got or created by STEK and name."""

    class Meta:
        model = Role
        django_get_or_create = ("stek", "name")

    stek = factory.SubFactory(StekFactory)
    name = "Onthaal"
    what_you_do = "Je verwelkomt mensen aan de deur en schenkt koffie."
    what_we_expect = "Je bent er een kwartier voor de start."
    who_to_ask = "de coördinator"


class ShiftNeedFactory(factory.django.DjangoModelFactory):
    """A need of one place in a role for every session of a weekly activity (ActivityFactory:
    first session today at 10:00)."""

    class Meta:
        model = ShiftNeed

    stek = factory.SubFactory(StekFactory)
    activity = factory.SubFactory(ActivityFactory, stek=factory.SelfAttribute("..stek"))
    role = factory.SubFactory(RoleFactory, stek=factory.SelfAttribute("..stek"))
    count = 1
