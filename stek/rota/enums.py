from django.db import models
from django.utils.translation import gettext_lazy as _


class TakeStatus(models.TextChoices):
    TAKEN = "taken", _("Ingeschreven")
    GIVEN_BACK = "given_back", _("Teruggegeven")
