from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_panel(user, stek):
    """The STEK home page's link to the open places: shown when the STEK has a rota."""
    from . import permissions, services
    from .access import membership_in

    membership = membership_in(user, stek)
    if membership is None:
        return {}
    context = services.panel_context(stek, membership)
    if permissions.can_plan_rota(user, stek):
        context = {**context, "can_plan": True}
    return context


def _presence_changed(sender, instance, **kwargs):
    """A take or a role was saved or deleted: a new presence version for the STEK (the public
    programme remembered with the partners present is not read any more). Module-level:
    signals hold receivers weakly."""
    from .presence import presence_changed

    presence_changed(getattr(instance, "stek_id", None))


class RotaConfig(AppConfig):
    name = "stek.rota"
    verbose_name = _("Rooster van vrijwilligers")

    def ready(self):
        from stek.core import audit, panels

        from .enums import AllowanceKind

        panels.register("rota", "rota/partials/home_panel.html", home_panel)
        audit.register_codes(AllowanceKind)  # the audit log shows a payment's kind by its label

        from django.db.models.signals import post_delete, post_save

        from stek.core.models import Membership

        from .models import Role, ShiftTake

        for model in (Role, ShiftTake, Membership):
            post_save.connect(_presence_changed, sender=model, dispatch_uid=f"presence-{model}")
            post_delete.connect(
                _presence_changed, sender=model, dispatch_uid=f"presence-del-{model}"
            )
