"""Social-map search latency on 5,000 services (``make bench``): printed numbers only.

Builds a throw-away SQLite database file, fills it with 5,000 services spread over Flanders
and Brussels, then times the search (first 100 results, as the page shows) and the page."""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
DB = Path(tempfile.mkdtemp()) / "bench-socialmap.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["STEK_WARM_SCANNER"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from stek.core.enums import MembershipRole  # noqa: E402
from stek.core.models import Membership, Network, Organisation, Stek, User  # noqa: E402
from stek.core.vocabulary import Topic  # noqa: E402
from stek.socialmap.hours import BRUSSELS  # noqa: E402
from stek.socialmap.models import Location, Service  # noqa: E402
from stek.socialmap.search import Query, search_page  # noqa: E402

N = 5000
HOURS = [
    "Mo-Fr 09:00-12:00; PH off",
    "Mo,We 09:00-12:00; Th 13:00-16:00; PH off",
    "Tu-Th 09:00-16:00; PH off",
    "Mo-Fr 09:00-12:30; Mo,Th 13:30-17:00; PH off",
    "We 14:00-17:00; Sa 09:30-12:00",
]
WORDS = ["leefloon", "energie", "huur", "schulden", "kinderen", "werk", "gezondheid", "papieren"]


def build():
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the data versions live in it
    rng = random.Random(5)
    network = Network.objects.create(name="Bench", slug="bench")
    stek = Stek.objects.create(
        network=network, name="Bench", slug="bench", latitude=51.05, longitude=3.72
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(network=network, name=f"Organisatie {i}", kind="andere") for i in range(250)
    )
    locations = Location.objects.bulk_create(
        Location(
            organisation=orgs[i % 250], name=f"Plek {i}", street="Straat 1", postal_code="9000",
            municipality="Gent",
            latitude=50.8 + rng.random() * 0.6,
            longitude=2.9 + rng.random() * 2.2,
        )
        for i in range(N)
    )  # fmt: skip
    services = Service.objects.bulk_create(
        Service(
            organisation=orgs[i % 250], name=f"Dienst {i} {rng.choice(WORDS)}",
            description=f"Hulp met {rng.choice(WORDS)} en {rng.choice(WORDS)}.",
            opening_hours=rng.choice(HOURS), access=["walk_in"], languages=["nl"],
        )
        for i in range(N)
    )  # fmt: skip
    topics = list(Topic.objects.all())
    Through = Service.topics.through
    Through.objects.bulk_create(
        Through(service_id=s.pk, topic_id=t.pk) for s in services for t in rng.sample(topics, 2)
    )
    Service.locations.through.objects.bulk_create(
        Service.locations.through(service_id=s.pk, location_id=loc.pk)
        for s, loc in zip(services, locations, strict=True)
    )
    user = User.objects.create_user(email="bench@stek.example", password="x")
    Membership.objects.create(
        user=user, stek=stek, organisation=orgs[0], role=MembershipRole.WORKER
    )
    return network, stek, user, topics


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    t = time.perf_counter()
    network, stek, user, topics = build()
    print(f"built {N} services in {time.perf_counter() - t:.1f} s (SQLite file)")
    origin = (51.05, 3.72)
    cases = {
        "everything, sorted by distance": Query(),
        "one topic": Query(topic=topics[0].pk),
        "text 'energie'": Query(text="energie"),
        "open now": Query(open_now=True),
        "topic + open now + 10 km": Query(topic=topics[3].pk, open_now=True, max_km=10),
    }
    monday_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BRUSSELS)
    for label, query in cases.items():
        _results, found = search_page(network.pk, query, origin, monday_10, limit=100)
        p50, p95 = timed(lambda q=query: search_page(network.pk, q, origin, monday_10, 100), 15)
        print(f"search {label:32s} {found:5d} results  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
    setup_test_environment()
    client = Client()
    client.force_login(user)
    url = f"/s/{stek.slug}/kaart/"
    for label, params in {
        "page, one topic": {"topic": topics[0].pk},
        "page, text + open now": {"q": "huur", "open_now": "on"},
    }.items():
        p50, p95 = timed(lambda p=params: client.get(url, p), 10)
        print(f"{label:39s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
