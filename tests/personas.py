"""The fixed test personas: one per role, two STEKs in one network, and anonymous."""

from dataclasses import dataclass, field

from stek.core.enums import MembershipRole, NetworkRole

from .factories import (
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    PartnershipFactory,
    StekFactory,
    UserFactory,
)

PASSWORD = "correct-horse-battery"

PERSONA_NAMES = (
    "anonymous",
    "volunteer_a",
    "worker_a",
    "coordinator_a",
    "worker_b",
    "analyst",
    "network_admin",
)


@dataclass
class World:
    network: object
    stek_a: object
    stek_b: object
    partner_a: object  # the lead partnership of STEK A
    partner_a2: object
    partner_b: object
    users: dict = field(default_factory=dict)
    memberships: dict = field(default_factory=dict)

    def user(self, persona):
        return self.users.get(persona)


def build_world():
    network = NetworkFactory(name="Testnetwerk", slug="testnetwerk")
    stek_a = StekFactory(network=network, name="STEK Alfa", slug="alfa")
    stek_b = StekFactory(network=network, name="STEK Beta", slug="beta")
    partner_a = PartnershipFactory(stek=stek_a, organisation__name="Opbouwwerk Alfa")
    partner_a2 = PartnershipFactory(stek=stek_a, organisation__name="OCMW Alfa")
    partner_b = PartnershipFactory(stek=stek_b, organisation__name="CAW Beta")
    world = World(network, stek_a, stek_b, partner_a, partner_a2, partner_b)
    for persona, stek, partner, role in [
        ("volunteer_a", stek_a, partner_a, MembershipRole.VOLUNTEER),
        ("worker_a", stek_a, partner_a2, MembershipRole.WORKER),
        ("coordinator_a", stek_a, partner_a, MembershipRole.COORDINATOR),
        ("worker_b", stek_b, partner_b, MembershipRole.WORKER),
    ]:
        user = UserFactory(email=f"{persona}@stek.test", full_name=persona.replace("_", " "))
        world.users[persona] = user
        world.memberships[persona] = MembershipFactory(
            user=user, stek=stek, organisation=partner.organisation, role=role
        )
    # STEK B needs a coordinator too (not a persona of its own).
    MembershipFactory(
        user=UserFactory(email="coordinator_b@stek.test"),
        stek=stek_b,
        organisation=partner_b.organisation,
        role=MembershipRole.COORDINATOR,
    )
    for persona, role in [("analyst", NetworkRole.ANALYST), ("network_admin", NetworkRole.ADMIN)]:
        user = UserFactory(email=f"{persona}@stek.test", full_name=persona.replace("_", " "))
        world.users[persona] = user
        NetworkMembershipFactory(user=user, network=network, role=role)
    return world
