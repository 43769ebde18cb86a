from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "stek.public"
    label = "public"
    verbose_name = _("Publieke pagina's")
