from stek.socialmap.models import Location, Service, Topic
from stek.socialmap.taxonomy import ensure_builtin_topics


def topic(code="leefloon"):
    """A built-in topic. Migration 0002 loads them; a transactional test's flush removes them,
    so they are loaded again when missing."""
    found = Topic.objects.filter(network=None, code=code).first()
    if found is None:
        ensure_builtin_topics(Topic)
        found = Topic.objects.get(network=None, code=code)
    return found


def make_service(
    organisation,
    name="Sociale dienst",
    lat=51.05,
    lon=3.72,
    topics=("leefloon",),
    hours="Mo-Fr 09:00-12:00; PH off",
    **fields,
):
    defaults = {
        "description": "Hulp met een leefloon.",
        "opening_hours": hours,
        "access": ["walk_in"],
        "languages": ["nl", "fr"],
        "required_documents": "Identiteitskaart\nHuurcontract",
        "phone": "+32 9 000 10 01",
    }
    defaults.update(fields)
    service = Service.objects.create(organisation=organisation, name=name, **defaults)
    service.topics.set([topic(c) for c in topics])
    if lat is not None:
        location = Location.objects.create(
            organisation=organisation,
            name=f"Kantoor {name}",
            street="Stationsstraat 1",
            postal_code="9000",
            municipality="Gent",
            latitude=lat,
            longitude=lon,
        )
        service.locations.add(location)
    return service
