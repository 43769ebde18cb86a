"""Which services of the social map a STEK's rights check suggests: those that serve the
STEK's municipality.

A municipal body (an OCMW, a lokaal bestuur) serves its own municipality only: it is suggested
when one of its locations is in the STEK's municipality (same name or postcode). Other services
are suggested when they have no location (by phone, online) or a location in the STEK's region
(Flanders, Brussels or Wallonia, from the postcode; for a STEK without one, from the social
map's locations in its municipality). A STEK without a municipality or postcode
keeps every service."""

import unicodedata

from django.utils import timezone

from stek.core.enums import OrganisationKind
from stek.core.memo import Lru
from stek.core.vocabulary import Topic
from stek.socialmap import search
from stek.socialmap.models import Location
from stek.socialmap.search import Query, origin_of, search_by_topic

SERVICES_PER_RESULT = 2
FIRST_LOOK = 12  # services per topic read before filtering; all of them when too few serve
MUNICIPAL = {OrganisationKind.OCMW, OrganisationKind.LOCAL_GOVERNMENT}


def region_of(postal_code):
    """ "vlaanderen", "brussel", "wallonie" from a Belgian postcode, or None."""
    code = (postal_code or "").strip()
    if not (code.isascii() and code.isdigit() and len(code) == 4):
        return None
    number = int(code)
    if 1000 <= number <= 1299:
        return "brussel"
    if 1300 <= number <= 1499 or 4000 <= number <= 7999:
        return "wallonie"
    return "vlaanderen"


def _name(text):
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().replace("-", " ").split())


def _in_municipality(location, stek):
    if stek.postal_code and location.postal_code.strip() == stek.postal_code.strip():
        return True
    return bool(stek.municipality) and _name(location.municipality) == _name(stek.municipality)


def stek_region(stek):
    """The STEK's region: from its postcode, else from a location of the social map in the
    same municipality; None when unknown."""
    found = region_of(stek.postal_code)
    if found or not stek.municipality:
        return found
    codes = Location.objects.filter(
        organisation__network_id=stek.network_id, municipality__iexact=stek.municipality.strip()
    ).values_list("postal_code", flat=True)[:20]
    regions = {region_of(code) for code in codes} - {None}
    return regions.pop() if len(regions) == 1 else None


def serves(service, stek, region=...):
    """Does ``service`` serve the municipality of ``stek``? (``region``: the STEK's region, if
    the caller knows it already.)"""
    if not (stek.municipality or stek.postal_code):
        return True
    locations = list(service.locations.all())
    if service.organisation.kind in MUNICIPAL:
        if locations:
            return any(_in_municipality(location, stek) for location in locations)
        return (
            bool(stek.municipality)
            and _name(stek.municipality) in _name(service.organisation.name).split()
        )
    if region is ...:
        region = stek_region(stek)
    if not locations or region is None:
        return True
    return any(region_of(location.postal_code) in (region, None) for location in locations)


# What ``services_for`` found, per process, keyed by the STEK's place, the topics and the
# social map's version (``socialmap.search.version``): a change to the map is seen at once.
_FOUND = Lru(256)


def where(stek):
    """What of ``stek`` decides which services it is suggested: a part of every memo key."""
    return (stek.pk, stek.network_id, stek.latitude, stek.longitude, stek.municipality,
            stek.postal_code)  # fmt: skip


def services_for(stek, topic_codes, public_only):
    """Per topic code: the nearest services on the STEK's social map for that topic that
    serve the STEK's municipality. Remembered per process until the social map changes; the
    found services are shared by the pages that read them (read, never changed)."""
    key = (where(stek), tuple(sorted(set(topic_codes))), bool(public_only), search.version(),
           timezone.localdate())  # fmt: skip
    return dict(_FOUND.get_or_compute(key, lambda: _services_for(stek, topic_codes, public_only)))


def _services_for(stek, topic_codes, public_only):
    topics = list(Topic.objects.for_network(stek.network_id).filter(code__in=set(topic_codes)))
    origin = origin_of(stek)
    region = stek_region(stek)
    query = Query(public_only=public_only)
    ids = [topic.pk for topic in topics]
    # every topic in one pass; a second pass, with all their services, only for the topics
    # whose first services do not serve the municipality
    first = search_by_topic(stek.network_id, ids, query, origin, limit=FIRST_LOOK)
    kept = {t: [r for r in results if serves(r.service, stek, region)]
            for t, (results, _total) in first.items()}  # fmt: skip
    again = [t for t in ids if len(kept[t]) < SERVICES_PER_RESULT and first[t][1] > FIRST_LOOK]
    for t, (results, _total) in search_by_topic(stek.network_id, again, query, origin).items():
        kept[t] = [r for r in results if serves(r.service, stek, region)]
    return {topic.code: kept[topic.pk][:SERVICES_PER_RESULT] for topic in topics}
