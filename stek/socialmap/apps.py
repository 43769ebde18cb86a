from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialmapConfig(AppConfig):
    name = "stek.socialmap"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from . import contacts  # noqa: F401  (registers the social map's published contacts)
