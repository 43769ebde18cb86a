from stek.referrals import services
from tests.socialmap.helpers import make_service, topic


def make_referral(world, service=None, **kwargs):
    service = service or make_service(world.partner_a2.organisation)
    return services.create_referral(
        actor=world.user("worker_a"),
        stek=world.stek_a,
        from_organisation=world.partner_a.organisation,
        service=service,
        topic=kwargs.pop("topic", None) or topic("leefloon"),
        **kwargs,
    )
