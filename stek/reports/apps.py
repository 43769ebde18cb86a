from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_panel(user, stek):
    """The STEK home page's link to this year's report: for the STEK's coordinators."""
    from django.utils import timezone

    from . import permissions

    if not permissions.can_view_report(user, stek):
        return {}
    return {"year": timezone.localdate().year}


# The apps whose records the yearly report counts (indicators.py); their models' saves and
# deletes renew the figures' versions (live.py). Module-level: signals hold receivers weakly.
COUNTED_APPS = ("agenda", "referrals", "advocacy", "rights", "rota", "participation")
# Written on every tap, read by no figure (a tap's key against counting it twice).
NOT_COUNTED = {("agenda", "tapkey")}


def _figures_changed(sender, instance, **kwargs):
    from . import live

    stek_id = getattr(instance, "stek_id", None)
    if isinstance(stek_id, int):
        live.stek_changed(stek_id)
    else:
        live.shared_changed()


class ReportsConfig(AppConfig):
    name = "stek.reports"
    verbose_name = _("Rapporten")

    def ready(self):
        from stek.core import panels

        panels.register("reports", "reports/partials/home_panel.html", home_panel)

        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from stek.core.models import Membership, Organisation, Stek

        models = [m for label in COUNTED_APPS for m in apps.get_app_config(label).get_models()]
        for model in [*models, Organisation, Membership, Stek]:
            if (model._meta.app_label, model._meta.model_name) in NOT_COUNTED:
                continue
            for event in (post_save, post_delete):
                event.connect(
                    _figures_changed, sender=model, dispatch_uid=f"reports-figures-{model}-{event}"
                )
