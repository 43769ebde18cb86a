"""A yearly report, frozen: the figures as they were published on the day it was made
(already suppressed, ADR 0006), and the team's own words. Nothing about a visitor."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.core.models import Stek
from stek.core.privacy import no_personal_data

from .validators import validate_bbc_code


def _text(limit):
    return [MaxLengthValidator(limit), no_personal_data]


class YearReport(models.Model):
    """One STEK's report of one year. Made once (``services.freeze_report``), never changed: a
    report read next year reads the same as the day it was made."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="year_reports")
    year = models.PositiveSmallIntegerField(_("jaar"))
    made_at = models.DateTimeField(default=timezone.now, editable=False)
    counted_until = models.DateField(_("geteld tot en met"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    threshold = models.PositiveSmallIntegerField()
    # the published figures (hidden ones as null), as indicators.Report.as_json() wrote them
    figures = models.JSONField(default=dict)
    highlights = models.TextField(
        _("Wat we dit jaar deden en zagen"), blank=True, validators=_text(3000)
    )
    plans = models.TextField(_("Wat we volgend jaar willen"), blank=True, validators=_text(3000))
    bbc_code = models.CharField(
        _("Actiecode in de BBC"),
        max_length=20,
        blank=True,
        validators=[validate_bbc_code, no_personal_data],
        help_text=_("Niet verplicht. Bijvoorbeeld AP1.2.3."),
    )

    class Meta:
        verbose_name = _("jaarverslag")
        verbose_name_plural = _("jaarverslagen")
        constraints = [models.UniqueConstraint(fields=["stek", "year"], name="year_report_once")]

    def __str__(self):
        return f"{self.stek} {self.year}"
