"""Find services: by need (topic or life domain), text, open now and distance from the STEK."""

import difflib
import math
from dataclasses import astuple, dataclass, field, replace

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, F, Func, Prefetch, Q, TextField, Value
from django.utils import timezone

from stek.core import versions
from stek.core.memo import Lru
from stek.core.vocabulary import Topic, synonyms_of

from . import hours, words
from .models import Location, Service, ServiceNotice

VERSION_KEY = "socialmap:version"
_FACTS = Lru(32)  # ranked_page's reads (all of a large map's rows for a wide search): few kept


def version():
    """The social map's data version (``core.versions``): it changes whenever a service, a
    location, a notice, an organisation or a topic is saved or deleted (``apps.py``), so what
    is remembered under it (a page's list, a check's services) is never read stale."""
    return versions.current(VERSION_KEY)


def changed():
    """The social map changed: a new version, at once and after the commit."""
    versions.bump(VERSION_KEY)


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) pairs, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0088 * 2 * math.asin(math.sqrt(h))


def origin_of(stek):
    if stek.latitude is None or stek.longitude is None:
        return None
    return (float(stek.latitude), float(stek.longitude))


@dataclass
class Result:
    service: Service
    open_now: bool | None
    distance: float | None = None
    location: Location | None = None
    notices: list = field(default_factory=list)
    url: str = ""  # the service's page, when the view filled it in


@dataclass
class Query:
    text: str = ""
    topic: int | None = None
    domain: str = ""
    open_now: bool = False
    max_km: float | None = None
    public_only: bool = False


def _with_details(services):
    today = timezone.localdate()
    return services.select_related("organisation").prefetch_related(
        "locations",
        "topics",
        Prefetch(
            "notices",
            queryset=ServiceNotice.objects.filter(ends_on__gte=today),
            to_attr="current_notices",
        ),
    )


# The service's own text a search word is looked for in; a topic is found by its names and
# everyday words instead (``topics_matching``), so that "voedselbank" finds the food topic.
TEXT_FIELDS = (
    "name",
    "name_fr",
    "name_en",
    "description",
    "description_fr",
    "description_en",
    "organisation__name",
    "locations__municipality",
)
_TOPIC_WORDS = Lru(64)  # per network and social-map version: every topic's words


def topic_words(network):
    """``[(topic id, its words)]`` of the network's topics (all topics when ``network`` is
    None): the normalised words of its names in the three languages and of its everyday
    words (``synonyms_of``). One query, remembered until the social map changes."""

    def read():
        topics = Topic.objects.all() if network is None else Topic.objects.for_network(network)
        found = []
        for topic in topics.only("pk", "code", "network", "name", "name_fr", "name_en", "synonyms"):
            terms = [topic.name, topic.name_fr, topic.name_en, *synonyms_of(topic)]
            found.append((topic.pk, frozenset(w for t in terms for w in words.words(t))))
        return found

    return _TOPIC_WORDS.get_or_compute((network, version()), read)


def topics_matching(network, word):
    """The ids of the topics one of whose words begins with one of ``word``'s prefixes."""
    prefixes = words.alternatives(word)
    return sorted(pk for pk, known in topic_words(network) if words.matches(known, prefixes))


def _text_matches(prefixes):
    """A condition: a word of the service's own text (``TEXT_FIELDS``, accents and case aside)
    begins with one of ``prefixes``. PostgreSQL: full-text search over ``unaccent`` with the
    ``simple`` configuration (no stop words, no stemming: the prefixes carry the stems);
    other databases: ``stek_match``, the same rule in Python (``words.sqlite_match``)."""
    if connection.vendor == "postgresql":
        vector = SearchVector(
            *(Func(F(f), function="unaccent", output_field=TextField()) for f in TEXT_FIELDS),
            config="simple",
        )
        query = SearchQuery(
            " | ".join(f"'{p}':*" for p in prefixes), search_type="raw", config="simple"
        )
        return SearchVectorExact(vector, query)
    return Func(
        Value(" ".join(prefixes)),
        *(F(f) for f in TEXT_FIELDS),
        function="stek_match",
        output_field=BooleanField(),
    )


def text_filter(text, network=None):
    """Services that match every word of ``text``: in their own text (``_text_matches``) or
    by a topic the word names (``topics_matching``); the same on PostgreSQL and SQLite."""
    condition = Q()
    for word in words.query_words(text):
        per_word = Q(_text_matches(words.alternatives(word)))
        topic_ids = topics_matching(network, word)
        if topic_ids:
            per_word |= Q(
                pk__in=Service.topics.through.objects.filter(topic_id__in=topic_ids).values(
                    "service_id"
                )
            )
        condition &= per_word
    return condition


_KNOWN = Lru(64)  # per network, public only or not, and social-map version
SUGGEST_CUTOFF = 0.75  # difflib's ratio: "voedslbank" → "voedselbank" (0.95), not "bank"


def known_words(network, public_only=False):
    """``{normalised word: as written, in lower case}`` of the words a search may mean: the
    network's topics' names and everyday words and its services' names (only the public
    services' when ``public_only``). Two queries, remembered until the social map changes."""

    def read():
        services = Service.objects.in_network(network).active()
        if public_only:
            services = services.public()
        texts = [
            *(t for topic in Topic.objects.for_network(network)
              for t in (topic.name, topic.name_fr, topic.name_en, *synonyms_of(topic))),
            *(n for row in services.values_list("name", "name_fr", "name_en") for n in row),
        ]  # fmt: skip
        found = {}
        for text in texts:
            for written in words.written_words(text):
                if len(written) >= words.MIN_STEM:
                    found.setdefault(words.normalize(written), written)
        return found

    return _KNOWN.get_or_compute((network, public_only, version()), read)


def did_you_mean(network, query, origin=None, at=None):
    """A search like ``query`` that finds something, for a search that found nothing: each
    word that no known word begins with is replaced by the nearest known word (``difflib``).
    ``""`` when there is none, or it finds nothing either."""
    written = words.written_words(query.text)[: words.MAX_WORDS]
    if not written:
        return ""
    known = known_words(network, query.public_only)
    chosen, changed = [], False
    for word in written:
        plain = words.normalize(word)
        prefixes = words.alternatives(plain)
        if plain in known or any(words.matches((k,), prefixes) for k in known):
            chosen.append(word)
            continue
        nearest = difflib.get_close_matches(plain, known, n=1, cutoff=SUGGEST_CUTOFF)
        chosen.append(known[nearest[0]] if nearest else word)
        changed = changed or bool(nearest)
    if not changed:
        return ""
    suggestion = " ".join(chosen)
    _rows, total = ranked_page(network, replace(query, text=suggestion), origin, at, limit=1)
    return suggestion if total else ""


def _filtered(network, query):
    services = Service.objects.in_network(network).active()
    if query.public_only:
        services = services.public()
    if query.topic:
        services = services.filter(topics=query.topic)
    if query.domain:
        services = services.filter(topics__life_domain=query.domain)
    if query.text.strip():
        services = services.filter(text_filter(query.text, network))
    return services.distinct()


def search(network, query, origin=None, at=None, limit=None):
    """Results sorted by distance from ``origin`` (unknown distances last), then name.

    Two steps, so that thousands of services stay fast: first only ids, hours, coordinates
    and notices are read to filter and sort; then the first ``limit`` results are loaded
    whole. ``search_page`` also returns how many there were in all."""
    return search_page(network, query, origin, at, limit)[0]


def search_page(network, query, origin=None, at=None, limit=None):
    chosen, total = ranked_page(network, query, origin, at, limit)
    return results_of(chosen), total


def ranked_page(network, query, origin=None, at=None, limit=None):
    """The first step of ``search_page``: (the first ``limit`` results as rows, how many in
    all). A row is the result in short: the service's id, name, open now, distance and
    location (``results_of`` loads them whole), so two equal rows give equal results as long
    as the social map does not change (``version``)."""
    at = at or timezone.now()
    # what the database says, remembered per search and day until the social map changes;
    # open now and the distance are worked out on every search
    key = (network, astuple(replace(query, open_now=False)), at.date(), version())

    def read():
        rows = _filtered(network, query).values_list("pk", "name", "opening_hours")
        return _facts(rows, at.date())

    facts = _FACTS.get_or_compute(key, read)
    ranked = _rank(facts, query, origin, at)
    return (ranked[:limit] if limit else ranked), len(ranked)


def results_of(chosen):
    """The results of the rows ``chosen`` (``ranked_page``), loaded whole."""
    return _results(chosen, _loaded(chosen))


def search_by_topic(network, topic_ids, query, origin=None, at=None, limit=None):
    """``{topic id: search_page(network, Query(topic=id, ...), ...)}`` for every id of
    ``topic_ids``, the same results in the same order, read in one pass (a fixed number of
    queries however many topics) instead of one search per topic."""
    at = at or timezone.now()
    topic_ids = list(dict.fromkeys(topic_ids))
    if not topic_ids:
        return {}
    every = replace(query, topic=None)
    rows = _filtered(network, every).filter(topics__in=topic_ids)
    ranked = _ranked(rows.values_list("pk", "name", "opening_hours"), every, origin, at)
    topics_of = {}
    for service_id, topic_id in Service.topics.through.objects.filter(
        service_id__in=[r[3] for r in ranked], topic_id__in=topic_ids
    ).values_list("service_id", "topic_id"):
        topics_of.setdefault(service_id, set()).add(topic_id)
    per_topic = {t: [r for r in ranked if t in topics_of.get(r[3], ())] for t in topic_ids}
    chosen = {t: (found[:limit] if limit else found) for t, found in per_topic.items()}
    loaded = _loaded([r for found in chosen.values() for r in found])
    return {t: (_results(chosen[t], loaded), len(per_topic[t])) for t in topic_ids}


def _ranked(rows, query, origin, at):
    """(sort key..., pk, open now, distance, location id) per service that passes the
    filters read here (open now, distance), sorted by distance then name."""
    return _rank(_facts(rows, at.date()), query, origin, at)


def _facts(rows, day):
    """What ranking reads from the database: the services' (id, name, hours), their
    locations' coordinates and their notices of ``day``."""
    rows = list(rows)
    pks = [pk for pk, _name, _hours in rows]
    places = {}
    for service_id, loc_id, lat, lon in Service.locations.through.objects.filter(
        service_id__in=pks
    ).values_list("service_id", "location_id", "location__latitude", "location__longitude"):
        places.setdefault(service_id, []).append((loc_id, lat, lon))
    notices = {}
    for notice in ServiceNotice.objects.filter(
        service_id__in=pks, starts_on__lte=day, ends_on__gte=day
    ):
        notices.setdefault(notice.service_id, []).append(notice)
    return rows, places, notices


def _rank(facts, query, origin, at):
    rows, places, notices = facts
    open_at = {}  # the same hours are evaluated once per search, not once per service
    ranked = []
    for pk, name, expression in rows:
        if pk in notices:
            state = hours.is_open(expression, notices[pk], at)
        else:
            if expression not in open_at:
                open_at[expression] = hours.is_open(expression, (), at)
            state = open_at[expression]
        if query.open_now and not state:
            continue
        distance, location_id = None, None
        placed = [(i, lat, lon) for i, lat, lon in places.get(pk, []) if lat is not None]
        if origin is not None and placed:
            distance, location_id = min(
                (distance_km(origin, (float(lat), float(lon))), i) for i, lat, lon in placed
            )
        elif places.get(pk):
            location_id = places[pk][0][0]
        if query.max_km is not None and (distance is None or distance > query.max_km):
            continue
        ranked.append(
            (distance is None, distance or 0, name.lower(), pk, state, distance, location_id)
        )
    ranked.sort()
    return ranked


def _loaded(chosen):
    return _with_details(Service.objects.filter(pk__in={r[3] for r in chosen})).in_bulk()


def _results(chosen, loaded):
    results = []
    for *_key, pk, state, distance, location_id in chosen:
        service = loaded[pk]
        location = next((x for x in service.locations.all() if x.pk == location_id), None)
        results.append(
            Result(
                service=service,
                open_now=state,
                distance=distance,
                location=location,
                notices=service.current_notices,
            )
        )
    return results
