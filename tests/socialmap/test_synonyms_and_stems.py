"""Issue 16: the social map's search knows everyday words per topic, ignores accents, case and
word endings, and says "Bedoelde je …?" when it finds nothing. The same on SQLite and on
PostgreSQL (run this file with ``DATABASE_URL=postgres://...`` too)."""

import pytest
from django.db import connection
from django.urls import reverse

from stek.core.vocabulary import BUILTIN_SYNONYMS, BUILTIN_TOPICS, Topic
from stek.socialmap import words
from stek.socialmap.models import Service
from stek.socialmap.search import Query, did_you_mean, search, text_filter
from tests.factories.core import NetworkFactory, OrganisationFactory
from tests.factories.socialmap import ServiceFactory

pytestmark = pytest.mark.django_db


def found(network, text, **query):
    return sorted(r.service.name for r in search(network, Query(text=text, **query)))


@pytest.fixture
def services(world):
    org = world.partner_a2.organisation

    def add(name, topics=(), description="Op afspraak.", **fields):
        return ServiceFactory(
            organisation=org, name=name, topics=topics, description=description, **fields
        )

    add("Voedselpakket op vrijdag", topics=("voedselhulp",))
    add("Conseil en énergie")
    add("Hulp bij je Energiefactuur")
    add("Schuld en budget")
    add("Service dette")
    add("Debt advice")
    add("Woning zoeken")
    add("Naaiatelier")
    add("Praatgroep voor vakmensen", professional=True)
    return world


def test_every_builtin_topic_has_everyday_words_in_three_languages():
    codes = {code for code, *_names in BUILTIN_TOPICS}
    assert set(BUILTIN_SYNONYMS) == codes
    for code, synonyms in BUILTIN_SYNONYMS.items():
        assert len(synonyms) >= 5, code
        assert all(0 < len(s) <= 60 for s in synonyms), code


def test_voedselbank_finds_the_food_parcel_by_its_topic(services):
    network = services.network.pk
    assert found(network, "voedselbank") == ["Voedselpakket op vrijdag"]
    assert found(network, "Restos du cœur") == ["Voedselpakket op vrijdag"]  # a French one
    assert found(network, "food bank") == ["Voedselpakket op vrijdag"]
    # the topic's own name too, in another language
    assert found(network, "épicerie sociale") == ["Voedselpakket op vrijdag"]
    # without the topic the same service is not found by the word
    Service.objects.get(name="Voedselpakket op vrijdag").topics.clear()
    assert found(network, "voedselbank") == []


def test_accents_and_case_do_not_matter(services):
    network = services.network.pk
    expected = ["Conseil en énergie", "Hulp bij je Energiefactuur"]
    assert found(network, "energie") == expected
    assert found(network, "ÉNERGIE") == expected
    assert found(network, "énergie") == expected
    assert found(network, "naaiatelier") == ["Naaiatelier"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("schulden", ["Schuld en budget"]),  # Dutch plural
        ("woningen", ["Woning zoeken"]),  # Dutch plural
        ("dettes", ["Service dette"]),  # French plural
        ("debts", ["Debt advice"]),  # English plural
    ],
)
def test_word_endings_do_not_matter(services, text, expected):
    network = services.network.pk
    # the services have no topic, so only their own text can match
    assert [n for n in found(network, text) if n in expected] == expected
    assert "Naaiatelier" not in found(network, text)


def test_every_word_must_match(services):
    network = services.network.pk
    assert found(network, "energie hulp") == ["Hulp bij je Energiefactuur"]
    assert found(network, "energie naaiatelier") == []


def test_a_network_adds_its_own_words_to_its_own_topic(services, client_for):
    client = client_for("coordinator_a")
    response = client.post(
        reverse("advocacy:topics", args=["alfa"]),
        {"name": "Kledingbank", "life_domain": "inkomen", "synonyms": "De Kruimel, kleren"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(network=services.network, name="Kledingbank")
    assert topic.synonyms == "De Kruimel, kleren"
    service = ServiceFactory(
        organisation=services.partner_a2.organisation, name="Tweedehands", topics=(topic,)
    )
    network = services.network.pk
    assert found(network, "kruimel") == ["Tweedehands"]
    assert found(network, "kleren") == ["Tweedehands"]
    assert found(network, "kledingbank") == ["Tweedehands"]  # the topic's own name
    # another network's services do not get the words of this network's topic
    other = NetworkFactory(slug="ander")
    ServiceFactory(organisation=OrganisationFactory(network=other), name="Elders", topics=())
    assert found(other.pk, "kruimel") == []
    # the API's search across networks finds it too
    assert list(Service.objects.filter(text_filter("kruimel")).distinct()) == [service]


def test_a_topic_word_that_is_too_long_is_refused(services, client_for):
    client = client_for("coordinator_a")
    response = client.post(
        reverse("advocacy:topics", args=["alfa"]),
        {"name": "Kledingbank", "life_domain": "inkomen", "synonyms": "kort, " + "x" * 61},
    )
    assert response.status_code == 200
    assert "te lang" in response.content.decode()
    assert not Topic.objects.filter(name="Kledingbank").exists()


def test_did_you_mean_the_nearest_known_word(services):
    network = services.network.pk
    assert found(network, "voedslbank") == []
    assert did_you_mean(network, Query(text="voedslbank")) == "voedselbank"
    assert did_you_mean(network, Query(text="naaiateljee")) == "naaiatelier"  # a service's name
    assert did_you_mean(network, Query(text="voedselbank")) == ""  # it finds something
    assert did_you_mean(network, Query(text="qqqqzzzz")) == ""  # nothing near


def test_the_public_finder_never_suggests_a_professional_service(services):
    network = services.network.pk
    assert did_you_mean(network, Query(text="praatgrop")) == "praatgroep"
    assert did_you_mean(network, Query(text="praatgrop", public_only=True)) == ""


def test_the_staff_page_offers_the_suggestion_as_a_link(services, client_for):
    client = client_for("worker_a")
    url = reverse("socialmap:search", args=["alfa"])
    html = client.get(url, {"q": "voedslbank"}).content.decode()
    assert "Bedoelde je" in html and f'href="{url}?q=voedselbank"' in html
    html = client.get(url, {"q": "voedselbank"}).content.decode()
    assert "Voedselpakket op vrijdag" in html and "Bedoelde je" not in html


def test_the_public_finder_offers_the_suggestion_as_a_link(services, client):
    url = reverse("public:services", args=["alfa"])
    html = client.get(url, {"q": "voedslbank"}).content.decode()
    assert "Bedoelde je" in html and 'href="?q=voedselbank"' in html
    html = client.get(url, {"q": "voedselbank"}).content.decode()
    assert "Voedselpakket op vrijdag" in html and "Bedoelde je" not in html
    food = Topic.objects.get(network=None, code="voedselhulp")
    html = client.get(url, {"q": "voedslbank", "thema": food.pk}).content.decode()
    assert f'href="?q=voedselbank&amp;thema={food.pk}"' in html  # the topic stays


def test_the_words_rule():
    assert words.words("d'Énergie-factuur") == ["d", "energie", "factuur"]
    assert words.normalize("Cœur") == "coeur"
    assert "schuld" in words.alternatives("schulden")
    assert words.alternatives("dettes") == ("dett",)  # "det" is too short to say anything
    assert words.sqlite_match("energ", None, "Conseil en énergie") == 1
    assert words.sqlite_match("energ", "Gas en stroom") == 0


def test_runs_on_the_database_of_this_run():
    """Run once on SQLite and once on PostgreSQL: the other tests say the same on both."""
    assert connection.vendor in {"sqlite", "postgresql"}
