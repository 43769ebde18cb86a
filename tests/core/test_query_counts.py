"""Every key page reads a fixed number of queries, whatever the number of rows (issue 15).

Each page is asked twice with N rows of what it lists, then twice with 2N: the second request
of each pair is counted (the first fills what a page may make once, such as the STEK's tally
categories and today's sessions, and the caches), and both counts must be equal and under the
page's ceiling. A query per row (an N+1) fails the first assertion; a new query on the page
fails the ceiling, so it is seen and the ceiling raised on purpose."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stek.advocacy import services as advocacy
from stek.agenda.enums import ChangeKind
from stek.agenda.models import Activity, Pause, SessionChange
from stek.core.dates import monday_of
from stek.core.vocabulary import Barrier
from stek.socialmap.enums import NoticeKind
from stek.socialmap.models import Service, ServiceNotice
from tests.factories.advocacy import DossierFactory, SignalFactory
from tests.factories.agenda import TallyCategoryFactory
from tests.factories.socialmap import ServiceFactory

TOPICS = ["vlaamse_huurpremie", "leefloon", "schuldhulp", "energieschulden", "kinderopvang",
          "sociaal_tarief_energie"]  # fmt: skip


def _activities(world, n, start, first_day):
    """``n`` weekly activities from ``first_day`` on (organisers, presenter, a pause and a
    cancelled and a moved session among them), numbered from ``start``."""
    stek = world.stek_a
    made = []
    for i in range(start, start + n):
        activity = Activity.objects.create(
            stek=stek,
            title=f"Activiteit {i}",
            start_date=first_day
            + timedelta(days=i % 7 if first_day != timezone.localdate() else 0),
            start_time=time(9 + i % 8),
            end_time=time(10 + i % 8),
            presenter=world.partner_a2.organisation,
        )
        activity.organisations.add(world.partner_a.organisation, world.partner_a2.organisation)
        made.append(activity)
    later = made[0].start_date + timedelta(days=7)
    SessionChange.objects.create(activity=made[0], date=later, kind=ChangeKind.CANCELLED,
                                 notice="Gesloten")  # fmt: skip
    if len(made) > 1:
        SessionChange.objects.create(activity=made[1], date=made[1].start_date + timedelta(days=7),
                                     kind=ChangeKind.MOVED, new_date=later + timedelta(days=1),
                                     notice="Verplaatst")  # fmt: skip
    Pause.objects.create(stek=stek, activity=made[-1], start=later, end=later, label="Pauze")
    return f"Activiteit {start + n - 1}"


def grow_programme(world, n, start):
    return _activities(world, n, start, monday_of(timezone.localdate()))


def grow_today(world, n, start):
    if start == 0:
        TallyCategoryFactory(stek=world.stek_a, label="Volwassene")
    return _activities(world, n, start, timezone.localdate())


def grow_services(world, n, start):
    """``n`` services with hours, locations, two topics each and some with a closing notice;
    the last one, always open, is the one the page must show."""
    organisations = [world.partner_a.organisation, world.partner_a2.organisation]
    hours = ["Mo-Fr 09:00-12:00; PH off", "Tu,Th 13:00-16:00", ""]
    today = timezone.localdate()
    for i in range(start, start + n):
        last = i == start + n - 1
        service = ServiceFactory(
            organisation=organisations[i % 2], name=f"Dienst {i}",
            location__latitude=51.0 + i / 100, location__longitude=3.7,
            topics=(TOPICS[i % len(TOPICS)], TOPICS[(i + 1) % len(TOPICS)]),
            opening_hours="24/7" if last else hours[i % len(hours)],
        )  # fmt: skip
        if not last:
            ServiceNotice.objects.create(
                service=service, kind=list(NoticeKind)[0], starts_on=today,
                ends_on=today + timedelta(days=2), message="Vakantie",
            )  # fmt: skip
    return f"Dienst {start + n - 1}"


def grow_stale(world, n, start):
    name = grow_services(world, n, start)
    Service.objects.filter(name__startswith="Dienst ").update(last_verified=None)
    return name


def grow_signals(world, n, start):
    for i in range(start, start + n):
        for stek in (world.stek_a, world.stek_b):
            SignalFactory.create_batch(
                4, stek=stek, topic__code=TOPICS[i % len(TOPICS)], barriers=(list(Barrier)[0],)
            )
            SignalFactory.create_batch(
                3, stek=stek, topic__code=TOPICS[i % len(TOPICS)], weeks_ago=7, kind="question"
            )
    return None


def grow_dossier(world, n, start):
    dossier = world.dossier
    for i in range(start, start + n):
        advocacy.add_testimony(
            actor=None,
            dossier=dossier,
            stek=world.stek_a,
            text=f"Getuigenis nummer {i} over het formulier.",
            consent=True,
        )
        advocacy.save_addressee(
            actor=None, dossier=dossier, level="local", body=f"Bestemmeling {i}"
        )
        advocacy.add_action(actor=None, dossier=dossier, kind="letter",
                            date=timezone.localdate(), description=f"Actie {i}")  # fmt: skip
    SignalFactory.create_batch(3 * n, stek=world.stek_a, topic__code="vlaamse_huurpremie")
    return f"Bestemmeling {start + n - 1}"


def grow_rights(world, n, start):
    for i in range(start, start + n):
        ServiceFactory(
            organisation=world.partner_a2.organisation, name=f"Woonloket {i}",
            location__latitude=51.0 + i / 100,
            topics=("vlaamse_huurpremie", "leefloon", "energieschulden"),
        )  # fmt: skip
    return None


def _unshown(grow):
    """The same rows, for a page that shows only a few of them (the entrance screen)."""

    def rows(world, n, start):
        grow(world, n, start)

    return rows


@dataclass
class Page:
    name: str
    persona: str
    url: Callable
    grow: Callable
    ceiling: int


def _dossier_url(world):
    world.dossier = DossierFactory(lead_stek=world.stek_a)
    return reverse("advocacy:dossier_detail", args=["alfa", world.dossier.pk])


def _rights_results(world, client):
    from tests.factories.rights import Visitor

    visitor = Visitor(client, reverse("rights:stek_check", args=["alfa"]))
    visitor.walk().post("results")
    return reverse("rights:stek_check", args=["alfa"]) + "?stap=resultaat"


# (the ceilings are the counts measured; each includes the session, the user, the memberships,
# the STEK and the session's save: the fixed cost of every page a person signed in sees)
PAGES = [
    Page("public programme", "anonymous", lambda w: "/alfa/programma/", grow_programme, 4),
    Page("entrance screen", "anonymous", lambda w: "/alfa/scherm/", _unshown(grow_programme), 5),
    Page("Vandaag", "volunteer_a", lambda w: "/s/alfa/vandaag/", grow_today, 10),
    Page("agenda week", "coordinator_a", lambda w: "/s/alfa/agenda/", grow_programme, 9),
    # the same search again: the map's reads and its list remembered (socialmap.search._FACTS)
    Page("social map", "worker_a", lambda w: "/s/alfa/kaart/", grow_services, 10),
    Page("social map, text and open now", "worker_a",
         lambda w: "/s/alfa/kaart/?q=dienst&open_now=on", grow_services, 10),
    Page("stale services", "worker_a", lambda w: "/s/alfa/kaart/te-controleren/", grow_stale, 9),
    Page("Signalen", "coordinator_a", lambda w: "/s/alfa/signalen/", grow_signals, 18),
    Page("network signals", "analyst", lambda w: "/netwerk/testnetwerk/signalen/", grow_signals,
         16),
    # the dossier reads the network publication: its STEKs and the STEKs that sign (ADR 0006)
    Page("dossier", "coordinator_a", _dossier_url, grow_dossier, 26),
    # the results read again: the page and its services remembered (rights.views._body)
    Page("rights-check results", "worker_a", None, grow_rights, 9),
]  # fmt: skip


def _counted(client, url):
    client.get(url)  # what a page makes once, and the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response.content.decode()


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_a_key_page_reads_as_many_queries_for_n_rows_as_for_2n(page, world, client_for):
    client = client_for(page.persona)
    url = page.url(world) if page.url else None
    shown = page.grow(world, 3, 0)
    if url is None:
        url = _rights_results(world, client)
    few, html = _counted(client, url)
    if shown:
        assert shown in html
    shown = page.grow(world, 3, 3)
    many, html = _counted(client, url)
    if shown:
        assert shown in html  # the new rows are on the page
    assert many == few, f"{page.name}: {few} queries with 3 rows, {many} with 6"
    assert many <= page.ceiling, f"{page.name}: {many} queries, ceiling {page.ceiling}"
