from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_panel(user, stek):
    """The STEK home page's link to this year's report: for the STEK's coordinators."""
    from django.utils import timezone

    from . import permissions

    if not permissions.can_view_report(user, stek):
        return {}
    return {"year": timezone.localdate().year}


class ReportsConfig(AppConfig):
    name = "stek.reports"
    verbose_name = _("Rapporten")

    def ready(self):
        from stek.core import panels

        panels.register("reports", "reports/partials/home_panel.html", home_panel)
