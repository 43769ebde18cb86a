"""The activity form says the weekday follows from the first date, asks "which week of the
month" only for a monthly activity, and warns (never refuses) when a session falls on a
Belgian public holiday (issue 16)."""

from datetime import date
from pathlib import Path

from django.urls import reverse

from stek.agenda.models import Activity, Pause, SessionChange
from stek.agenda.occurrences import holiday_sessions
from tests.agenda.test_planning import activity_data

TODAY = date(2026, 12, 3)
NEW_YEAR = date(2027, 1, 1)  # a Friday


def _create(world, client, **extra):
    return client.post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}),
        activity_data(world, **extra),
        follow=True,
    )


def test_the_form_says_where_the_weekday_comes_from(world, client_for):
    html = (
        client_for("worker_a")
        .get(reverse("agenda:activity_create", kwargs={"slug": "alfa"}))
        .content.decode()
    )
    assert "De weekdag volgt uit de eerste keer" in html
    assert "Alleen bij" in html and "Leeg: dezelfde week van de maand" in html
    assert 'class="activity-form"' in html  # the CSS hides the week of the month unless monthly


def test_the_week_of_the_month_is_ignored_for_a_weekly_activity(world, client_for):
    worker = client_for("worker_a")
    _create(world, worker, recurrence="weekly", month_week="2")
    assert Activity.objects.get().month_week is None
    Activity.objects.all().delete()
    _create(world, worker, recurrence="monthly", month_week="2", title="Maandcafé")
    assert Activity.objects.get().month_week == 2


def test_the_css_shows_the_week_of_the_month_only_when_monthly():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("core/stek.css")).read_text(encoding="utf-8")
    assert '.field:has([name="month_week"]) { display: none; }' in css
    assert (
        'option[value="monthly"]:checked) .field:has([name="month_week"]) { display: block; }'
        in css
    )


def test_a_session_on_new_years_day_is_a_warning_not_a_refusal(world, client_for, monkeypatch):
    from stek.agenda import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: TODAY)
    worker = client_for("worker_a")
    response = _create(
        world, worker, title="Kookatelier", recurrence="weekly", start_date="2026-12-04"
    )  # every Friday
    activity = Activity.objects.get()  # saved all the same
    html = response.content.decode()
    assert "Let op: Kookatelier valt op feestdagen" in html
    assert "vrijdag 1 januari 2027 (Nieuwjaar)" in html
    assert "vrijdag 25 december 2026 (Kerstmis)" in html
    edit = worker.get(
        reverse("agenda:activity_edit", kwargs={"slug": "alfa", "pk": activity.pk})
    ).content.decode()
    assert "Sessies op een feestdag" in edit
    change = reverse(
        "agenda:session_change", kwargs={"slug": "alfa", "pk": activity.pk, "day": NEW_YEAR}
    )
    assert change in edit


def test_a_cancelled_or_paused_holiday_session_is_not_warned_about(world):
    activity = Activity.objects.create(
        stek=world.stek_a, title="Kookatelier", start_date=date(2026, 12, 4),
        start_time="10:00", end_time="12:00", recurrence="weekly",
    )  # fmt: skip
    days = [d for d, _name in holiday_sessions(activity, TODAY)]
    assert days[:2] == [date(2026, 12, 25), NEW_YEAR]
    SessionChange.objects.create(activity=activity, date=NEW_YEAR, kind="cancelled")
    Pause.objects.create(
        stek=world.stek_a, label="Kerstvakantie", start=date(2026, 12, 21), end=date(2026, 12, 27)
    )
    days = [d for d, _name in holiday_sessions(activity, TODAY)]
    assert date(2026, 12, 25) not in days and NEW_YEAR not in days


def test_an_activity_off_holidays_gets_no_warning(world, client_for, monkeypatch):
    from stek.agenda import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: TODAY)
    response = _create(world, client_for("worker_a"), recurrence="once", start_date="2026-12-08")
    assert "Let op" not in response.content.decode()
