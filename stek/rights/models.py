"""What the rights check keeps: nothing about a household. Only, when a STEK enables it, how
many times per week its check showed each right as likely or maybe (ADR 0004)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Door(models.TextChoices):
    WORKER = "worker", _("met een medewerker")
    PUBLIC = "public", _("zelf, op de publieke pagina")


class ShownStatus(models.TextChoices):
    LIKELY = "likely", _("waarschijnlijk")
    MAYBE = "maybe", _("misschien")
    CHECK = "check", _("check afgerond")  # with right "": the number of checks that week


class RightShown(models.Model):
    """A weekly count. No time of day, no answers, no user: the week, the door, the right."""

    stek = models.ForeignKey("core.Stek", on_delete=models.CASCADE, related_name="rights_shown")
    week = models.DateField(_("week (maandag)"))
    door = models.CharField(max_length=10, choices=Door.choices)
    right = models.CharField(_("recht"), max_length=40)
    status = models.CharField(max_length=10, choices=ShownStatus.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("getoond recht (telling)")
        verbose_name_plural = _("getoonde rechten (tellingen)")
        constraints = [
            models.UniqueConstraint(
                fields=["stek", "week", "door", "right", "status"], name="rights_shown_unique"
            )
        ]

    def __str__(self):
        return f"{self.stek_id} {self.week} {self.right} {self.status}: {self.count}"
