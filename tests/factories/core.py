"""Core factories: the tenancy (networks, STEKs, partner organisations, people and roles)."""

import factory

from stek.core.enums import MembershipRole, OrganisationKind, PartnershipRole
from stek.core.models import (
    Membership,
    Network,
    NetworkMembership,
    Organisation,
    Partnership,
    Stek,
    User,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@stek.test")
    full_name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.django.Password("correct-horse-battery")


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Netwerk {n}")
    slug = factory.Sequence(lambda n: f"netwerk-{n}")


class StekFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stek

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"STEK {n}")
    slug = factory.Sequence(lambda n: f"stek-{n}")
    municipality = "Gent"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.OCMW


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    stek = factory.SubFactory(StekFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, network=factory.SelfAttribute("..stek.network")
    )
    role = PartnershipRole.PARTNER


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    stek = factory.SubFactory(StekFactory)
    organisation = factory.LazyAttribute(lambda o: PartnershipFactory(stek=o.stek).organisation)
    role = MembershipRole.WORKER


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
