import re
import zlib
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from stek.agenda.enums import ChangeKind
from stek.agenda.models import Activity, SessionChange
from stek.core.forms import StekForm
from tests.factories.agenda import ActivityFactory


@pytest.fixture
def programme(world):
    today = timezone.localdate()
    coffee = ActivityFactory(stek=world.stek_a, description="Koffie en een babbel.")
    info = Activity.objects.create(
        stek=world.stek_a, title="Infosessie verhoogde tegemoetkoming",
        start_date=today + timedelta(days=2),
        recurrence="once", start_time=time(14), end_time=time(15), is_meet=False, is_learn=True,
        presenter=world.partner_a2.organisation, is_free=False, price="2.00",
        price_note="Met UiTPAS: 0,50 euro.",
    )  # fmt: skip
    SessionChange.objects.create(
        activity=coffee, date=today + timedelta(days=7), kind=ChangeKind.CANCELLED,
        notice="De koffiemachine is stuk.",
    )  # fmt: skip
    return coffee, info


def test_programme_shows_two_weeks_with_badges_and_notices(programme, client):
    html = client.get("/alfa/programma/").content.decode()
    assert "Deze week" in html and "Volgende week" in html
    assert html.count("Koffie en een babbel.") == 2
    assert "Gratis" in html and "€ 2,00" in html and "Met UiTPAS: 0,50 euro." in html
    assert "Gaat niet door." in html and "De koffiemachine is stuk." in html
    assert "OCMW Alfa legt uit." in html
    assert "/static/public/pictograms/coffee.svg" in html


def test_programme_filters_by_kind_and_day(programme, client):
    html = client.get("/alfa/programma/?soort=leren").content.decode()
    assert "Infosessie" in html and "Koffie en een babbel." not in html
    day = (timezone.localdate() + timedelta(days=2)).isoformat()
    html = client.get(f"/alfa/programma/?dag={day}").content.decode()
    assert "Infosessie" in html and "Koffie en een babbel." not in html
    html = client.get("/alfa/programma/?dag=1999-01-01").content.decode()  # ignored, not an error
    assert "Deze week" in html


def test_unknown_stek_gets_a_clear_404(world, client):
    response = client.get("/bestaat-niet/programma/")
    assert response.status_code == 404
    assert "bestaat-niet" in response.content.decode()


def test_ical_feed_imports_with_cancellations(programme, client):
    coffee, info = programme
    response = client.get("/alfa/programma.ics")
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    titles = {str(e["SUMMARY"]) for e in events}
    assert {"Koffie", "Infosessie verhoogde tegemoetkoming"} <= titles
    cancelled = [e for e in events if e.get("STATUS") == "CANCELLED"]
    assert len(cancelled) == 1 and "koffiemachine" in str(cancelled[0]["DESCRIPTION"])
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    start = events[0].decoded("DTSTART")
    assert start.tzinfo is not None and cal.walk("VTIMEZONE")
    one = Calendar.from_ical(client.get(f"/alfa/activiteit/{info.pk}.ics").content)
    assert [str(e["SUMMARY"]) for e in one.walk("VEVENT")] == [info.title]


def test_a_moved_session_keeps_its_uid_in_the_calendar(programme, client):
    coffee, _info = programme
    planned = timezone.localdate() + timedelta(days=14)
    SessionChange.objects.create(activity=coffee, date=planned, kind=ChangeKind.MOVED,
                                 new_date=planned + timedelta(days=1))  # fmt: skip
    cal = Calendar.from_ical(client.get("/alfa/programma.ics").content)
    moved = [e for e in cal.walk("VEVENT") if str(e["UID"]).endswith(f"{planned:%Y%m%d}@alfa.stek")]
    assert len(moved) == 1 and moved[0].decoded("DTSTART").date() == planned + timedelta(days=1)


def test_poster_pdf_a4_and_a3(programme, client):
    a4 = client.get("/alfa/programma/affiche.pdf")
    assert a4.status_code == 200 and a4["Content-Type"] == "application/pdf"
    assert a4.content.startswith(b"%PDF")
    a3 = client.get("/alfa/programma/affiche.pdf?formaat=A3")
    assert a3.content.startswith(b"%PDF") and "a3" in a3["Content-Disposition"]
    # A4 is 595 x 842 points, A3 842 x 1191
    assert media_boxes(a4.content) == {(595, 842)}
    assert media_boxes(a3.content) == {(842, 1191)}


def media_boxes(pdf):
    """Page sizes in points, read from the PDF (object streams are zlib-compressed)."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    boxes = set()
    for chunk in chunks:
        for m in re.finditer(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", chunk):
            boxes.add((round(float(m.group(1))), round(float(m.group(2)))))
    return boxes


def test_entrance_screen_refreshes_itself(programme, client):
    html = client.get("/alfa/scherm/").content.decode()
    assert 'hx-trigger="every 60s"' in html and "Straks" in html
    partial = client.get("/alfa/scherm/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and "Straks" in partial


def test_reserved_slugs_are_refused(world):
    form = StekForm(data={"name": "Netwerk", "slug": "netwerk", "kind": "andere"})
    assert not form.is_valid() and "slug" in form.errors


@pytest.mark.parametrize("query", ["?dag=2026-02-31", "?dag=nonsense", "?dag="])
def test_impossible_days_in_the_address_are_ignored(world, client, query):
    assert client.get(f"/alfa/programma/{query}").status_code == 200


def test_impossible_dates_never_break_a_page(world, client_for, client):
    assert client.get("/alfa/programma/affiche.pdf?week=2026-02-31").status_code == 200
    worker = client_for("worker_a")
    assert worker.get("/s/alfa/agenda/?week=2026-02-31").status_code == 200
    activity = ActivityFactory(stek=world.stek_a)
    assert worker.get(f"/s/alfa/agenda/{activity.pk}/2026-02-31/").status_code == 404


def test_the_programme_speaks_french_all_the_way(programme, client):
    client.post(reverse("set_language"), {"language": "fr"})
    html = client.get("/alfa/programma/").content.decode()
    assert "Gratuit" in html and "Entrée libre" in html
    # the functions in a visitor's words (issue 16): needs the catalogue with the trans file's
    # entries (visitors-trans.py), filled by the integrator
    assert ">Apprendre quelque chose<" in html and ">Être ensemble<" in html
    assert ">leren<" not in html and ">ontmoeten<" not in html
    assert ">apprendre<" not in html and ">rencontrer<" not in html
