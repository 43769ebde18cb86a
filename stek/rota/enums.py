from django.db import models
from django.utils.translation import gettext_lazy as _


class TakeStatus(models.TextChoices):
    TAKEN = "taken", _("Ingeschreven")
    GIVEN_BACK = "given_back", _("Teruggegeven")


class ReserveStatus(models.TextChoices):
    WAITING = "waiting", _("Op de reservelijst")
    OFFERED = "offered", _("Plaats aangeboden")
    ACCEPTED = "accepted", _("Aanvaard")
    DECLINED = "declined", _("Niet aanvaard")
    LEFT = "left", _("Van de reservelijst gegaan")


class AllowanceKind(models.TextChoices):
    FLAT = "flat", _("Forfaitaire kostenvergoeding")
    REAL = "real", _("Werkelijke kosten (met bewijs)")
