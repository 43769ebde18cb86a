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
    """One anonymous score of one statement by one rater of a kind: no user, no device, no
    submission, no time; only the evaluation, the kind, the statement and the score."""

    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="rater_scores"
    )
    kind = models.CharField(max_length=10, choices=RaterKind.choices, editable=False)
    statement = models.CharField(max_length=40, editable=False)
    score = models.PositiveSmallIntegerField(choices=Score.choices)

    def __str__(self):
        return f"{self.kind} {self.statement}: {self.score}"
