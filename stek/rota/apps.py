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


class RotaConfig(AppConfig):
    name = "stek.rota"
    verbose_name = _("Rooster van vrijwilligers")

    def ready(self):
        from stek.core import panels

        panels.register("rota", "rota/partials/home_panel.html", home_panel)
