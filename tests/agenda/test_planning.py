from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from stek.agenda.models import Activity, Pause


def next_weekday(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def activity_data(world, **extra):
    monday = next_weekday(timezone.localdate(), 0)
    data = {
        "title": "Kookatelier",
        "description": "Samen koken en eten.",
        "pictogram": "cooking",
        "is_meet": "on",
        "is_learn": "on",
        "organisations": [world.partner_a.organisation.pk],
        "start_date": monday.isoformat(),
        "start_time": "10:00",
        "end_time": "13:00",
        "recurrence": "biweekly",
        "access": "walk_in",
        "is_free": "",
        "price": "2.00",
        "price_note": "Met UiTPAS: 0,50 euro.",
    }
    data.update(extra)
    return data


def test_a_worker_plans_an_activity_and_visitors_see_it(world, client_for, client):
    worker = client_for("worker_a")
    response = worker.post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}), activity_data(world)
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Kookatelier")
    assert activity.functions == ["ontmoeten", "leren"]
    html = client.get("/alfa/programma/").content.decode()
    assert html.count("Samen koken en eten.") == 1  # every other week: once in two weeks


def test_bad_activity_input_is_explained_and_kept(world, client_for):
    worker = client_for("worker_a")
    data = activity_data(
        world, end_time="09:00", is_meet="", is_learn="", description="Vraag naar Jan Peeters."
    )
    response = worker.post(reverse("agenda:activity_create", kwargs={"slug": "alfa"}), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het einduur komt na het beginuur." in html
    assert "Kies minstens één functie" in html
    assert "persoonsgegevens" in html and "Jan Peeters" in html
    assert 'value="Kookatelier"' in html
    assert not Activity.objects.exists()


def test_cancelling_one_session_shows_everywhere(world, client_for, client):
    worker = client_for("worker_a")
    worker.post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}),
        activity_data(world, recurrence="weekly"),
    )
    activity = Activity.objects.get()
    day = activity.start_date
    url = reverse(
        "agenda:session_change", kwargs={"slug": "alfa", "pk": activity.pk, "day": day.isoformat()}
    )
    assert (
        worker.post(url, {"kind": "cancelled", "notice": "De keuken is dicht."}).status_code == 302
    )
    week = worker.get(reverse("agenda:week", kwargs={"slug": "alfa"}) + f"?week={day}")
    assert "De keuken is dicht." in week.content.decode()
    assert "De keuken is dicht." in client.get("/alfa/programma/").content.decode()
    cal = Calendar.from_ical(client.get("/alfa/programma.ics").content)
    cancelled = [e for e in cal.walk("VEVENT") if e.get("STATUS") == "CANCELLED"]
    assert len(cancelled) == 1
    # and it can be undone
    restore = reverse(
        "agenda:session_restore", kwargs={"slug": "alfa", "pk": activity.pk, "day": day.isoformat()}
    )
    worker.post(restore)
    assert "De keuken is dicht." not in client.get("/alfa/programma/").content.decode()


def test_moving_needs_a_new_date_or_time(world, client_for):
    worker = client_for("worker_a")
    worker.post(reverse("agenda:activity_create", kwargs={"slug": "alfa"}), activity_data(world))
    activity = Activity.objects.get()
    url = reverse(
        "agenda:session_change",
        kwargs={"slug": "alfa", "pk": activity.pk, "day": activity.start_date.isoformat()},
    )
    response = worker.post(url, {"kind": "moved"})
    assert response.status_code == 200 and "Geef een nieuwe datum" in response.content.decode()
    wrong_day = activity.start_date + timedelta(days=1)
    url = reverse(
        "agenda:session_change",
        kwargs={"slug": "alfa", "pk": activity.pk, "day": wrong_day.isoformat()},
    )
    assert worker.get(url).status_code == 404


def test_a_pause_hides_sessions_and_can_be_removed(world, client_for, client):
    worker = client_for("worker_a")
    worker.post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}),
        activity_data(world, recurrence="weekly"),
    )
    start = timezone.localdate() - timedelta(days=1)
    response = worker.post(
        reverse("agenda:pauses", kwargs={"slug": "alfa"}),
        {
            "label": "Herfstvakantie",
            "start": start.isoformat(),
            "end": (start + timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert "Samen koken en eten." not in client.get("/alfa/programma/").content.decode()
    pause = Pause.objects.get()
    worker.post(reverse("agenda:pause_delete", kwargs={"slug": "alfa", "pk": pause.pk}))
    assert "Samen koken en eten." in client.get("/alfa/programma/").content.decode()


def test_stopping_an_activity_takes_it_off_the_programme(world, client_for, client):
    worker = client_for("worker_a")
    worker.post(reverse("agenda:activity_create", kwargs={"slug": "alfa"}), activity_data(world))
    activity = Activity.objects.get()
    worker.post(reverse("agenda:activity_stop", kwargs={"slug": "alfa", "pk": activity.pk}))
    assert "Samen koken en eten." not in client.get("/alfa/programma/").content.decode()


def test_the_screen_says_what_does_not_take_place_today(world, client):
    from stek.agenda.enums import ChangeKind
    from stek.agenda.models import SessionChange
    from tests.factories.agenda import ActivityFactory

    activity = ActivityFactory(stek=world.stek_a)
    SessionChange.objects.create(
        activity=activity,
        date=activity.start_date,
        kind=ChangeKind.CANCELLED,
        notice="Geen koffie vandaag.",
    )
    html = client.get("/alfa/scherm/").content.decode()
    assert "Vandaag niet" in html and "Geen koffie vandaag." in html


def test_a_category_label_never_names_a_visitor(world, client_for):
    coordinator = client_for("coordinator_a")
    url = reverse("agenda:categories", kwargs={"slug": "alfa"})
    response = coordinator.post(url, {"label": "Mevrouw Jansens", "order": 3})
    assert response.status_code == 200 and "persoonsgegevens" in response.content.decode()
    response = coordinator.post(url, {"label": "Eerste bezoek", "order": 3})
    assert response.status_code == 302
