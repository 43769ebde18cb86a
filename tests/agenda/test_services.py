"""The agenda's services take cleaned values: an API or a command calls them without a form."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from stek.agenda import services
from stek.agenda.models import Activity, Pause, TallyCategory
from stek.core.models import AuditEvent


def activity_values(**extra):
    values = {
        "title": "Soepnamiddag",
        "description": "Samen soep eten.",
        "start_date": date(2030, 1, 7),
        "start_time": time(14),
        "end_time": time(16),
        "recurrence": "weekly",
        "is_meet": True,
    }
    values.update(extra)
    return values


def test_an_activity_is_saved_from_plain_values_with_its_organisers(world):
    actor = world.user("worker_a")
    organisation = world.partner_a2.organisation
    activity = services.save_activity(
        actor=actor, stek=world.stek_a, organisations=[organisation], **activity_values()
    )
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.stek == world.stek_a and activity.title == "Soepnamiddag"
    assert list(activity.organisations.all()) == [organisation]
    assert AuditEvent.objects.filter(
        actor=actor, action="created", target="activiteit Soepnamiddag", stek=world.stek_a
    ).exists()

    services.save_activity(
        actor=actor, stek=world.stek_a, activity=activity, organisations=[], title="Soep"
    )
    activity.refresh_from_db()
    assert activity.title == "Soep" and not activity.organisations.exists()
    assert AuditEvent.objects.filter(action="changed", target="activiteit Soep").exists()


def test_an_activity_with_personal_data_is_refused_but_may_name_the_steks_phone(world):
    stek = world.stek_a
    stek.contact_phone = "09 123 45 67"
    stek.save()
    actor = world.user("worker_a")
    with pytest.raises(ValidationError) as refused:
        services.save_activity(
            actor=actor, stek=stek, **activity_values(description="Bel Jan Peeters: 0470 12 34 56")
        )
    assert "description" in refused.value.error_dict
    assert not Activity.objects.exists()
    saved = services.save_activity(
        actor=actor, stek=stek, **activity_values(description="Vragen? Bel 09 123 45 67.")
    )
    assert saved.pk is not None


def test_a_pause_and_a_category_are_added_from_plain_values(world):
    actor = world.user("coordinator_a")
    pause = services.add_pause(
        actor=actor, stek=world.stek_a, label="Kerstvakantie", start=date(2030, 12, 23),
        end=date(2031, 1, 5),
    )  # fmt: skip
    assert Pause.objects.get(pk=pause.pk).activity is None
    category = services.add_category(actor=actor, stek=world.stek_a, label=" Tiener ", order=3)
    assert TallyCategory.objects.get(pk=category.pk).label == "Tiener"
    assert AuditEvent.objects.filter(target="telcategorie Tiener").exists()


def test_the_agendas_refusals_are_the_one_service_error(world):
    from django.utils import timezone

    from stek.core.services import ServiceError
    from tests.factories.agenda import ActivityFactory, TallyCategoryFactory

    other = ActivityFactory(stek=world.stek_b)
    with pytest.raises(ServiceError) as refused:
        services.add_pause(
            actor=world.user("coordinator_a"), stek=world.stek_a, label="Zomervakantie",
            start=date(2030, 7, 1), end=date(2030, 8, 31), activity=other,
        )  # fmt: skip
    assert refused.value.field == "activity" and not Pause.objects.exists()
    session = services.session_for(world.stek_a, None, timezone.localdate())
    with pytest.raises(ServiceError):
        services.tap(session=session, category=TallyCategoryFactory(stek=world.stek_b), delta=1)
    with pytest.raises(ServiceError):
        services.tap(session=session, category=TallyCategoryFactory(stek=world.stek_a), delta=2)


def test_a_form_shows_a_service_error_on_its_field_or_at_the_top(world):
    from stek.agenda.forms import PauseForm
    from stek.core.forms import show_refusal
    from stek.core.services import ServiceError

    form = PauseForm(
        {"label": "Zomervakantie", "start": "2030-07-01", "end": "2030-08-31"}, stek=world.stek_a
    )
    assert form.is_valid(), form.errors
    show_refusal(form, ServiceError("Niet deze activiteit.", field="activity"))
    assert form.errors["activity"] == ["Niet deze activiteit."]
    show_refusal(form, ServiceError("Iets anders.", field="no_such_field"))
    assert form.non_field_errors() == ["Iets anders."]


def test_moved_needs_a_new_date_is_the_services_rule_shown_on_the_field(world, client_for):
    """Checked once, in change_session; the page shows the service's refusal on new_date."""
    from django.urls import reverse

    from stek.agenda.models import SessionChange
    from stek.core.services import ServiceError
    from tests.factories.agenda import ActivityFactory

    activity = ActivityFactory(stek=world.stek_a)
    day = activity.start_date
    with pytest.raises(ServiceError) as refused:
        services.change_session(
            actor=world.user("worker_a"), activity=activity, day=day, kind="moved"
        )
    assert refused.value.field == "new_date"
    url = reverse("agenda:session_change", kwargs={"slug": "alfa", "pk": activity.pk, "day": day})
    response = client_for("worker_a").post(url, {"kind": "moved", "notice": "Ergens anders"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_date"] == [
        "Geef een nieuwe datum of een nieuw uur."
    ]
    assert not SessionChange.objects.exists()
    moved = services.change_session(
        actor=world.user("worker_a"), activity=activity, day=day, kind="moved",
        new_start=time(11),
    )  # fmt: skip
    assert moved.new_start_time == time(11) and moved.new_date is None


def test_a_new_stek_gets_the_default_categories_when_it_is_made(world):
    from stek.core import services as core_services

    stek = core_services.create_stek(
        actor=world.user("network_admin"), network=world.network, name="STEK Gamma",
        slug="gamma", kind="inloophuis",
    )  # fmt: skip
    labels = list(TallyCategory.objects.filter(stek=stek).values_list("label", flat=True))
    assert labels == ["Volwassene", "Kind"]
    assert [c.label for c in services.categories_for(stek)] == labels


def test_the_migration_gives_the_defaults_to_steks_without_categories_only(world):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("stek.agenda.migrations.0004_default_categories")
    TallyCategory.objects.filter(stek=world.stek_a).delete()
    TallyCategory.objects.filter(stek=world.stek_b).delete()
    services.add_category(actor=None, stek=world.stek_b, label="Buurtbewoner")
    migration.add_defaults(apps, None)
    assert set(TallyCategory.objects.filter(stek=world.stek_a).values_list("label", flat=True)) == {
        "Volwassene", "Kind"
    }  # fmt: skip
    labels_b = TallyCategory.objects.filter(stek=world.stek_b).values_list("label", flat=True)
    assert list(labels_b) == ["Buurtbewoner"]


def test_a_taken_category_label_is_the_services_refusal_whatever_its_case(world):
    from stek.core.services import ServiceError

    actor = world.user("coordinator_a")
    with pytest.raises(ServiceError) as refused:
        services.add_category(actor=actor, stek=world.stek_a, label=" volwassene ")
    assert refused.value.field == "label"
    assert services.add_category(actor=actor, stek=world.stek_b, label="Tiener").pk
