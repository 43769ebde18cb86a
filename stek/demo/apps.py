from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The top of the import order (ADR 0009): demo data for every app (``seed_demo``). It may
    import any app; no app imports it."""

    name = "stek.demo"
    label = "demo"
    verbose_name = _("Demogegevens")
