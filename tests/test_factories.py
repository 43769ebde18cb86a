"""The factories build what the tests rely on, and they import one way, as the apps do."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from stek.advocacy.enums import Signing
from stek.core.privacy import boundary
from tests.core.test_layering import ORDER
from tests.factories.advocacy import DossierFactory, SignalFactory
from tests.factories.agenda import ActivityFactory, TallyCategoryFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.socialmap import ServiceFactory, TopicFactory

FACTORIES = Path(__file__).parent / "factories"


def factory_modules_imported(path):
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                names.add(node.module.split(".")[0])
            elif node.module and node.module.startswith("tests."):
                names.add(node.module)
    return names


def test_every_factory_module_imports_only_the_apps_before_it():
    modules = {p.stem: p for p in FACTORIES.glob("*.py") if p.stem != "__init__"}
    assert set(modules) <= set(ORDER), "a factory module is named after its app"
    for app, path in modules.items():
        for imported in factory_modules_imported(path):
            assert imported in modules, f"{app} imports {imported}: factories import factories"
            assert ORDER.index(imported) <= ORDER.index(app), f"{app} imports {imported}"


@pytest.mark.django_db
def test_a_default_signal_lies_in_a_completed_month(world):
    signal = SignalFactory(stek=world.stek_a)
    month = signal.week.replace(day=1)
    assert boundary.published_from(month) <= date.today()
    assert signal.topic.code == "vlaamse_huurpremie" and not signal.quote
    quoted = SignalFactory(stek=world.stek_a, quoted=True, weeks_ago=0)
    assert quoted.quote and quoted.quote_consent
    assert quoted.week == date.today() - timedelta(days=date.today().weekday())


@pytest.mark.django_db
def test_a_service_has_its_topics_and_an_office_unless_told_otherwise(world):
    org = world.partner_a2.organisation
    service = ServiceFactory(organisation=org, name="Hulp")
    assert [t.code for t in service.topics.all()] == ["leefloon"]
    (office,) = service.locations.all()
    assert (office.name, office.organisation, float(office.latitude)) == (
        "Kantoor Hulp",
        org,
        51.05,
    )
    desk = ServiceFactory(organisation=org, housing=True, without_location=True)
    assert desk.name == "Woonloket" and not desk.locations.exists()
    assert [t.code for t in desk.topics.all()] == ["vlaamse_huurpremie"]
    assert TopicFactory(code="schuldhulp").network is None


@pytest.mark.django_db
def test_a_referral_in_the_world_and_one_on_its_own(world):
    referral = ReferralFactory(world=world)
    assert referral.stek == world.stek_a and referral.created_by == world.user("worker_a")
    assert referral.from_organisation == world.partner_a.organisation
    assert referral.to_organisation == world.partner_a2.organisation
    assert referral.topic.code == "leefloon"
    alone = ReferralFactory()
    assert alone.stek != world.stek_a and alone.created_by is None
    assert alone.to_organisation.network == alone.from_organisation.network == alone.stek.network
    expired = ReferralFactory(world=world, expired=True)
    assert expired.expires_at < timezone.now() and expired.status == "open"
    days = settings.STEK_REFERRAL_EXPIRY_DAYS
    assert referral.expires_at - referral.created_at == timedelta(days=days)


@pytest.mark.django_db
def test_a_dossier_with_co_signers_an_open_invitation_and_a_refusal(world):
    from tests.factories import StekFactory

    gamma = StekFactory(network=world.network)
    dossier = DossierFactory(lead_stek=world.stek_a, co_signers=[world.stek_b], declined=[gamma])
    signing = dict(dossier.steks.values_list("stek", "status"))
    assert signing == {world.stek_b.pk: Signing.SIGNED, gamma.pk: Signing.DECLINED}
    assert [t.code for t in dossier.topics.all()] == ["vlaamse_huurpremie"]
    invited = DossierFactory(lead_stek=world.stek_b, invited=[world.stek_a])
    assert invited.steks.get().status == Signing.INVITED


@pytest.mark.django_db
def test_activities_and_categories_are_got_again_not_doubled(world):
    activity = ActivityFactory(stek=world.stek_a)
    assert activity.start_date == timezone.localdate() and activity.recurrence == "weekly"
    assert ActivityFactory(stek=world.stek_a) == activity
    assert TallyCategoryFactory(stek=world.stek_a) == TallyCategoryFactory(stek=world.stek_a)
