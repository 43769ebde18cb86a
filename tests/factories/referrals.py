"""Referral factories."""

from datetime import timedelta

import factory
from django.utils import timezone

from stek.referrals import services
from stek.referrals.models import Referral

from .core import PartnershipFactory, StekFactory
from .socialmap import ServiceFactory, TopicFactory


def _in_world(persona_world, otherwise):
    return lambda o: persona_world(o.world) if o.world is not None else otherwise(o)


class ReferralFactory(factory.django.DjangoModelFactory):
    """An open referral about the leefloon, made through ``create_referral`` (a fresh code).

    ``ReferralFactory(world=world)`` is the persona world's usual referral: worker_a, for STEK
    A's lead partner, refers to a service of STEK A's OCMW. Without a world every part is new:
    a STEK, the partner that refers and the partner whose service it is.
    """

    class Meta:
        model = Referral

    class Params:
        world = None
        # Made 200 days ago: long past its expiry (STEK_REFERRAL_EXPIRY_DAYS), still open.
        expired = factory.Trait(
            created_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=200))
        )

    stek = factory.LazyAttribute(_in_world(lambda w: w.stek_a, lambda o: StekFactory()))
    from_organisation = factory.LazyAttribute(
        _in_world(
            lambda w: w.partner_a.organisation,
            lambda o: PartnershipFactory(stek=o.stek).organisation,
        )
    )
    service = factory.SubFactory(
        ServiceFactory,
        organisation=factory.LazyAttribute(
            lambda o: (
                o.factory_parent.world.partner_a2.organisation
                if o.factory_parent.world is not None
                else PartnershipFactory(stek=o.factory_parent.stek).organisation
            )
        ),
    )
    topic = factory.SubFactory(TopicFactory, code="leefloon")
    created_by = factory.LazyAttribute(_in_world(lambda w: w.user("worker_a"), lambda o: None))
    created_at = None  # the moment it was made (``now`` of ``create_referral``); None: now

    @classmethod
    def _create(cls, model_class, *, created_by, created_at, **fields):
        return services.create_referral(actor=created_by, now=created_at, **fields)
