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


# --- the yearly self-evaluation against the STEK model (issue 18, ADR 0016) ----------------


class Score(models.IntegerChoices):
    """The short scale of a statement, in words (never only a colour or a number)."""

    UNKNOWN = 0, _("weet niet")
    NOT_YET = 1, _("nog niet")
    A_LITTLE = 2, _("een beetje")
    MOSTLY = 3, _("grotendeels")
    FULLY = 4, _("helemaal")


class RaterKind(models.TextChoices):
    VOLUNTEER = "volunteer", _("vrijwilligers")
    PARTNER = "partner", _("partners")


NOTE_LIMIT = 1000


class SelfEvaluation(models.Model):
    """One STEK's self-evaluation of one year against the model's rules of thumb and
    recommendations (``selfeval.STATEMENTS``). Closed once (``services.close_self_evaluation``):
    then it never changes, and next year's radar shows it dashed beside the new one."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="self_evaluations")
    year = models.PositiveSmallIntegerField(_("jaar"))
    started_at = models.DateTimeField(default=timezone.now, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("zelfevaluatie")
        verbose_name_plural = _("zelfevaluaties")
        constraints = [
            models.UniqueConstraint(fields=["stek", "year"], name="self_evaluation_once")
        ]

    def __str__(self):
        return f"{self.stek} {self.year}"

    @property
    def is_closed(self):
        return self.closed_at is not None


class TeamScore(models.Model):
    """The team's score of one statement, agreed in the meeting, with an evidence note (what
    shows it: scanned for personal data, bounded)."""

    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="team")
    statement = models.CharField(max_length=40, editable=False)
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices)
    note = models.TextField(
        _("Waaruit blijkt dat?"),
        max_length=NOTE_LIMIT,
        blank=True,
        validators=_text(NOTE_LIMIT),
        help_text=_("Niet verplicht. Geen namen, adressen of nummers."),
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "statement"], name="team_score_once")
        ]

    def __str__(self):
        return f"{self.statement}: {self.score}"


class RaterLink(models.Model):
    """A link (and code) the coordinator hands out to volunteers or to partners, so that they
    score the statements anonymously on their own phone: random, expiring, revocable."""

    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="rater_links"
    )
    kind = models.CharField(_("voor wie"), max_length=10, choices=RaterKind.choices)
    code = models.CharField(max_length=16, unique=True, editable=False)
    opened_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    def __str__(self):
        return f"{self.evaluation} {self.kind}"

    def is_usable(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and now < self.expires_at and not self.evaluation.is_closed


class RaterSubmission(models.Model):
    """That a device scored through a link (once per device): a keyed hash of the random device
    cookie, per link, and nothing else. Its scores are not linked to it."""

    link = models.ForeignKey(RaterLink, on_delete=models.CASCADE, related_name="submissions")
    device = models.CharField(max_length=64, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "device"], name="rater_once_per_device")
        ]

    def __str__(self):
        return str(self.link)


class RaterScore(models.Model):
    """A tally: how many anonymous raters of a kind gave a statement a score. No row per
    rater, so no row can be linked to a submission, a device or a time (the rows of a kind
    are all made, at 0, when its first link opens; a submission only adds 1 to some)."""

    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="rater_scores"
    )
    kind = models.CharField(max_length=10, choices=RaterKind.choices, editable=False)
    statement = models.CharField(max_length=40, editable=False)
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "kind", "statement", "score"], name="rater_score_tally"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.statement}: {self.score} × {self.count}"


# --- The area analysis (issue 18, ADR 0017) ----------------------------------------------------
# Open statistics about the STEK's service area (Statbel, CC BY 4.0, or a CSV of the same
# shape) and the rights estimate per area. Public figures about places, never about a visitor;
# read only by the STEK's coordinators.


class ServiceArea(models.Model):
    """The municipalities (NIS codes, 5 digits) and statistical sectors (9 characters) the
    STEK works for. Codes as they are since the mergers of 1 January 2025."""

    stek = models.OneToOneField(Stek, on_delete=models.CASCADE, related_name="area_codes")
    municipalities = models.JSONField(default=list)
    sectors = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self):
        return f"{self.stek}: {len(self.municipalities)} + {len(self.sectors)}"


class AreaDataset(models.Model):
    """One imported file: its units' figures are ``AreaUnit`` rows. A re-import of a dataset of
    the same name replaces it (``services.import_area_dataset``)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="area_datasets")
    name = models.CharField(_("naam"), max_length=120)
    source = models.CharField(_("bron"), max_length=200, blank=True)
    licence = models.CharField(_("licentie"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    level = models.CharField(max_length=12)  # "sector" or "municipality"
    # [{"name": ..., "additive": bool}], in the file's order
    columns = models.JSONField(default=list)
    translated = models.PositiveIntegerField(default=0)  # rows with a pre-2025 code
    imported_at = models.DateTimeField(default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("gebiedsbestand")
        verbose_name_plural = _("gebiedsbestanden")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["stek", "name"], name="area_dataset_name_once")
        ]

    def __str__(self):
        return self.name


class AreaUnit(models.Model):
    """One municipality or sector of a dataset: ``values`` maps a column to its number (null
    when the file suppressed it with ``*``, or when pre-2025 units merged and the column cannot
    be added up: a median); ``suppressed`` lists the suppressed columns, ``merged`` those that
    could not be combined."""

    dataset = models.ForeignKey(AreaDataset, on_delete=models.CASCADE, related_name="units")
    refnis = models.CharField(max_length=5, db_index=True)
    sector = models.CharField(max_length=9, blank=True, db_index=True)
    label = models.CharField(max_length=200, blank=True)
    values = models.JSONField(default=dict)
    suppressed = models.JSONField(default=list)
    merged = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dataset", "refnis", "sector"], name="area_unit_once")
        ]

    def __str__(self):
        return self.sector or self.refnis


class AreaMap(models.Model):
    """The sector (or municipality) boundaries the coordinator uploaded, as validated GeoJSON
    (a FeatureCollection of Polygon/MultiPolygon; each feature's code in ``code_property``)."""

    stek = models.OneToOneField(Stek, on_delete=models.CASCADE, related_name="area_map")
    geojson = models.JSONField()
    code_property = models.CharField(max_length=40)
    features = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.stek}: {self.features}"


class AreaRightsEstimate(models.Model):
    """The rights population estimate of one area (a NIS or sector code) and one right: how
    many households the rules say "yes" for, already suppressed (null: hidden)."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="area_estimates")
    area = models.CharField(max_length=9)
    right = models.CharField(max_length=80)
    households = models.PositiveIntegerField()
    entitled = models.PositiveIntegerField(null=True)
    estimated_for = models.DateField()
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["stek", "area", "right"], name="area_estimate_once")
        ]

    def __str__(self):
        return f"{self.area} {self.right}"
