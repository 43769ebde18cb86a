"""The activity form warns (never refuses) when sessions fall in a school holiday of the
STEK's community: Flemish in Flanders, French in Wallonia, both in Brussels (issue 16)."""

from datetime import date

from django.urls import reverse

from stek.agenda.models import Activity, Pause
from stek.agenda.occurrences import school_holiday_sessions
from tests.agenda.test_planning import activity_data

TODAY = date(2026, 12, 3)


def _weekly(world, start, **extra):
    return Activity.objects.create(
        stek=world.stek_a, title="Kookatelier", start_date=start, start_time="10:00",
        end_time="12:00", recurrence="weekly", **extra,
    )  # fmt: skip


def _names(found):
    return [(str(f.name), tuple(str(c) for c in f.communities)) for f in found]


def test_a_flemish_stek_is_warned_about_the_flemish_holidays(world):
    world.stek_a.postal_code = "9000"
    world.stek_a.save()
    activity = _weekly(world, date(2027, 2, 10))  # Wednesdays from 10 February 2027
    found = school_holiday_sessions(activity, TODAY)
    assert _names(found)[:2] == [
        ("krokusvakantie", ("Vlaamse scholen",)),
        ("paasvakantie", ("Vlaamse scholen",)),
    ]
    assert found[0].dates == (date(2027, 2, 10),)  # krokusvakantie 8 to 14 February 2027
    assert found[1].dates == (date(2027, 3, 31), date(2027, 4, 7))


def test_a_walloon_stek_is_warned_about_the_french_holidays(world):
    world.stek_a.postal_code = "4000"
    world.stek_a.save()
    activity = _weekly(world, date(2027, 2, 10))
    found = school_holiday_sessions(activity, TODAY)
    assert _names(found)[0] == ("krokusvakantie", ("Franstalige scholen",))
    assert found[0].dates == (date(2027, 2, 24), date(2027, 3, 3))  # 22 February to 7 March


def test_a_brussels_stek_hears_of_both_and_which_schools(world):
    world.stek_a.postal_code = "1080"
    world.stek_a.save()
    activity = _weekly(world, date(2026, 12, 9))
    found = school_holiday_sessions(activity, TODAY)
    names = _names(found)
    # the same Christmas holiday for both: one line naming both
    assert names[0] == ("kerstvakantie", ("Vlaamse scholen", "Franstalige scholen"))
    assert ("krokusvakantie", ("Vlaamse scholen",)) in names
    assert ("krokusvakantie", ("Franstalige scholen",)) in names


def test_a_paused_session_is_not_warned_about(world):
    activity = _weekly(world, date(2027, 2, 10))  # no postcode, first language Dutch
    assert str(school_holiday_sessions(activity, TODAY)[0].name) == "krokusvakantie"
    Pause.objects.create(
        stek=world.stek_a, label="Krokus", start=date(2027, 2, 8), end=date(2027, 2, 14)
    )
    assert str(school_holiday_sessions(activity, TODAY)[0].name) != "krokusvakantie"


def test_a_german_speaking_stek_gets_no_school_holiday_warning(world):
    world.stek_a.postal_code = "4700"
    world.stek_a.save()
    assert school_holiday_sessions(_weekly(world, date(2027, 2, 10)), TODAY) == []


def test_the_form_saves_and_warns_with_the_holiday_and_the_schools(world, client_for, monkeypatch):
    from stek.agenda import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: TODAY)
    world.stek_a.postal_code = "9000"
    world.stek_a.save()
    worker = client_for("worker_a")
    response = worker.post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}),
        activity_data(world, title="Praatcafé", recurrence="once", start_date="2027-02-10"),
        follow=True,
    )
    activity = Activity.objects.get()  # saved all the same
    html = response.content.decode()
    assert "Let op: Praatcafé heeft sessies in schoolvakanties." in html
    assert "Valt in de krokusvakantie (Vlaamse scholen): woensdag 10 februari 2027." in html
    edit = worker.get(
        reverse("agenda:activity_edit", kwargs={"slug": "alfa", "pk": activity.pk})
    ).content.decode()
    assert "Sessies in schoolvakanties" in edit
    assert "Valt in de krokusvakantie (Vlaamse scholen)" in edit


def test_many_sessions_in_one_holiday_are_counted(world, client_for, monkeypatch):
    from stek.agenda import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: TODAY)
    world.stek_a.postal_code = "2000"
    world.stek_a.save()
    activity = _weekly(world, date(2027, 7, 1))  # Thursdays from 1 July 2027
    edit = (
        client_for("worker_a")
        .get(reverse("agenda:activity_edit", kwargs={"slug": "alfa", "pk": activity.pk}))
        .content.decode()
    )
    assert "Valt in de zomervakantie (Vlaamse scholen): 9 sessies, van donderdag 1 juli" in edit


def test_a_session_outside_school_holidays_gets_no_such_warning(world, client_for, monkeypatch):
    from stek.agenda import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: TODAY)
    response = client_for("worker_a").post(
        reverse("agenda:activity_create", kwargs={"slug": "alfa"}),
        activity_data(world, recurrence="once", start_date="2027-01-13"),
        follow=True,
    )
    assert "schoolvakanties" not in response.content.decode()
