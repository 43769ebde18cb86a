from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "stek.advocacy"
    verbose_name = _("Politiseren: signalen en dossiers")
