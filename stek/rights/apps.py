from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "stek.rights"
    label = "rights"
    verbose_name = "Rechtencheck"
