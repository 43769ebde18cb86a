"""Social-map factories: built-in topics, locations and services."""

import factory

from stek.core.vocabulary import Topic, ensure_builtin_topics
from stek.socialmap.enums import Visibility
from stek.socialmap.models import Location, Service

from .core import OrganisationFactory


class TopicFactory(factory.django.DjangoModelFactory):
    """A built-in topic, by code: ``TopicFactory(code="schuldhulp")``.

    It never makes a topic: migration 0002 loads the built-in ones; a transactional test's
    flush removes them, so they are loaded again when missing. An unknown code fails.
    """

    class Meta:
        model = Topic

    code = "leefloon"

    @classmethod
    def _create(cls, model_class, code):
        found = model_class.objects.filter(network=None, code=code).first()
        if found is None:
            ensure_builtin_topics(model_class)
            found = model_class.objects.get(network=None, code=code)
        return found


def topics_of(codes):
    """Topics given by code or as topics."""
    return [t if isinstance(t, Topic) else TopicFactory(code=t) for t in codes]


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kantoor {n}")
    street = "Stationsstraat 1"
    postal_code = "9000"
    municipality = "Gent"
    latitude = 51.05
    longitude = 3.72


class ServiceFactory(factory.django.DjangoModelFactory):
    """A public leefloon service, open on weekday mornings, at one office in Gent.

    ``topics`` are codes (or topics); the office is ``location`` (``location__latitude=51.20``
    moves it, the ``without_location`` trait leaves the service without an address).
    """

    class Meta:
        model = Service

    class Params:
        # A service with no address (a phone line): never near anyone, never on the map.
        without_location = factory.Trait(location=None)
        # Only for social workers: not on public pages nor in the public API.
        professional = factory.Trait(visibility=Visibility.PROFESSIONAL)
        # A housing desk: the place for the Flemish rent allowance.
        housing = factory.Trait(name="Woonloket", topics=("vlaamse_huurpremie",))

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Sociale dienst"
    description = "Hulp met een leefloon."
    opening_hours = "Mo-Fr 09:00-12:00; PH off"
    access = factory.LazyFunction(lambda: ["walk_in"])
    languages = factory.LazyFunction(lambda: ["nl", "fr"])
    required_documents = "Identiteitskaart\nHuurcontract"
    phone = "+32 9 000 10 01"
    topics = ("leefloon",)
    location = factory.SubFactory(
        LocationFactory,
        organisation=factory.SelfAttribute("..organisation"),
        name=factory.LazyAttribute(lambda o: f"Kantoor {o.factory_parent.name}"),
    )

    @classmethod
    def _create(cls, model_class, *args, topics, location, **fields):
        service = super()._create(model_class, *args, **fields)
        service.topics.set(topics_of(topics))
        if location is not None:
            service.locations.add(location)
        return service
