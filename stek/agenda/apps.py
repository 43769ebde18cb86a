from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def purge_tap_keys():
    """The periodic job (``manage.py run_periodic``): forget tap keys before yesterday."""
    from django.utils import timezone

    from .services import purge_tap_keys as purge

    return f"removed {purge(timezone.localdate())} tap keys from before yesterday"


def _stek_of(instance):
    stek_id = getattr(instance, "stek_id", None)
    if stek_id is None and getattr(instance, "activity_id", None) is not None:
        from .models import Activity

        stek_id = (
            Activity.objects.filter(pk=instance.activity_id)
            .values_list("stek_id", flat=True)
            .first()
        )
    return stek_id


def _agenda_changed(sender, instance, **kwargs):
    """An activity, pause or session change was saved or deleted: a new agenda version for the
    STEK (its cached occurrences and the pages drawn from them are not read any more), from
    services, forms, the admin and the demo alike. Module-level: signals hold receivers weakly."""
    from .occurrences import agenda_changed

    agenda_changed(_stek_of(instance))


def _tally_changed(sender, instance, **kwargs):
    """A counting category or a counted session was saved or deleted: a new tally version for
    the STEK (Vandaag's remembered cards are not read any more). A tap's count is an update()
    that sends no signal: ``services.tap`` renews the version itself."""
    from .services import tally_changed

    tally_changed(getattr(instance, "stek_id", None))


def _organisations_changed(sender, **kwargs):
    """An organisation was saved or deleted: the programme shows who presents an activity."""
    from .occurrences import organisations_changed

    organisations_changed()


class AgendaConfig(AppConfig):
    name = "stek.agenda"
    label = "agenda"
    verbose_name = _("Agenda")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from stek.core.models import Organisation

        from .models import Activity, Pause, Session, SessionChange, TallyCategory

        for model in (Activity, Pause, SessionChange):
            post_save.connect(_agenda_changed, sender=model, dispatch_uid=f"occ-{model}")
            post_delete.connect(_agenda_changed, sender=model, dispatch_uid=f"occ-del-{model}")
        for model in (TallyCategory, Session):
            post_save.connect(_tally_changed, sender=model, dispatch_uid=f"tally-{model}")
            post_delete.connect(_tally_changed, sender=model, dispatch_uid=f"tally-del-{model}")
        post_save.connect(_organisations_changed, sender=Organisation, dispatch_uid="agenda-orgs")
        post_delete.connect(
            _organisations_changed, sender=Organisation, dispatch_uid="agenda-orgs-del"
        )
        # deactivating an activity is an update() (no signal): the service renews the version

        from stek.core import panels, periodic  # core imports no app: the app adds to its lists

        # the start page's first card: Vandaag, where volunteers count at the onthaal (issue 16)
        panels.register("today", "agenda/partials/home_today.html", today_panel)

        if all(name != "purge_tap_keys" for name, _job in periodic.JOBS):
            periodic.JOBS.append(("purge_tap_keys", purge_tap_keys))
        # A new STEK gets its default visitor categories when it is made, not on the first
        # visit to Vandaag (GET never writes, ADR 0011). Core knows no app (ADR 0009): the
        # agenda listens to core's Stek.
        from django.db.models.signals import post_save

        from stek.core.models import Stek

        post_save.connect(stek_created, sender=Stek, dispatch_uid="agenda_default_categories")


def today_panel(user, stek):
    """Vandaag on the start page, for every member who counts (volunteers first of all)."""
    from django.utils import timezone

    from . import permissions, services
    from .occurrences import occurrences

    if not permissions.can_count(user, stek):
        return {}
    day = timezone.localdate()
    return {
        "day": day,
        "day_total": services.stek_total(stek, day),
        "sessions": [o for o in occurrences(stek, day, day) if o.takes_place],
    }


def stek_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import add_default_categories

        add_default_categories(instance)
