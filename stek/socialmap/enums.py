from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Publiek: iedereen mag het zien")
    PROFESSIONAL = "professional", _("Alleen voor hulpverleners")


class Cost(models.TextChoices):
    FREE = "free", _("Gratis")
    REDUCED = "reduced", _("Verminderd tarief mogelijk")
    PAID = "paid", _("Betalend")


class ServiceAccess(models.TextChoices):
    """How a visitor gets in. The order is the order on the slip."""

    WALK_IN = "walk_in", _("Binnenlopen zonder afspraak")
    APPOINTMENT = "appointment", _("Met een afspraak")
    PHONE = "phone", _("Telefoneren")
    ONLINE = "online", _("Online")
    VIA_WORKER = "via_worker", _("Via de sociaal werker van de STEK")


class NoticeKind(models.TextChoices):
    HOLIDAY = "holiday", _("Vakantie: gesloten")
    CLOSURE = "closure", _("Tijdelijk gesloten")
    INFO = "info", _("Mededeling (de dienst blijft open)")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    INACTIVE = "inactive", _("Niet meer actief")


# Languages a service can speak, by ISO 639-1 code; the name is shown in the UI language.
LANGUAGES = {
    "nl": _("Nederlands"),
    "fr": _("Frans"),
    "en": _("Engels"),
    "de": _("Duits"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "ru": _("Russisch"),
    "uk": _("Oekraïens"),
    "es": _("Spaans"),
    "pl": _("Pools"),
    "ro": _("Roemeens"),
    "bg": _("Bulgaars"),
    "so": _("Somalisch"),
    "ps": _("Pasjtoe"),
    "fa": _("Perzisch"),
    "ti": _("Tigrinya"),
    "vgt": _("Vlaamse Gebarentaal"),
}
