"""Visitors co-steer (issue 17): ideas, the visitors' council votes and the answers.

No visitor identity anywhere: an idea is a short scanned text, a category, a source and a
state; a vote is an option, a source, a count and (for a vote on a visitor's own phone) a keyed
hash of a random device cookie, made per meeting so that two meetings cannot be linked. No
address, no name, no moment finer than the minute a vote is cast."""

from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stek.advocacy.models import Dossier, Signal
from stek.core.models import Stek
from stek.core.privacy import no_personal_data

from .enums import (
    CATEGORY_PICTOGRAMS,
    IdeaCategory,
    IdeaSource,
    IdeaState,
    MeetingState,
    OptionPictogram,
    VoteSource,
)

IDEA_MAX = 500
ANSWER_MAX = 1000
TITLE_MAX = 200


class Idea(models.Model):
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="ideas")
    text = models.CharField(
        _("idee"),
        max_length=IDEA_MAX,
        validators=[MaxLengthValidator(IDEA_MAX), no_personal_data],
    )
    category = models.CharField(_("soort"), max_length=20, choices=IdeaCategory.choices, blank=True)
    source = models.CharField(_("bron"), max_length=10, choices=IdeaSource.choices)
    state = models.CharField(
        _("stand"), max_length=12, choices=IdeaState.choices, default=IdeaState.NEW
    )
    # accepted: what was done; declined: the reason. Shown on the public "wij deden" board.
    answer = models.TextField(
        _("antwoord"),
        max_length=ANSWER_MAX,
        blank=True,
        validators=[MaxLengthValidator(ANSWER_MAX), no_personal_data],
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("samengevoegd met"),
    )
    signal = models.ForeignKey(
        Signal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("signaal"),
    )
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("dossier"),
    )
    created_at = models.DateTimeField(_("binnengekomen"), auto_now_add=True)
    decided_on = models.DateField(_("beslist op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["stek", "state"])]
        verbose_name = _("idee")
        verbose_name_plural = _("ideeën")

    def __str__(self):
        return self.text[:60]

    @property
    def pictogram(self):
        return CATEGORY_PICTOGRAMS.get(self.category, "") if self.category else ""


class Meeting(models.Model):
    """A meeting of the visitors' council (bezoekersraad) with one vote on a list of options."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="council_meetings")
    title = models.CharField(
        _("vraag"),
        max_length=TITLE_MAX,
        validators=[MaxLengthValidator(TITLE_MAX), no_personal_data],
        help_text=_("Bv. 'Wat doen we eerst?'. Deze tekst is openbaar."),
    )
    held_on = models.DateField(_("datum"))
    code = models.CharField(_("code"), max_length=8, unique=True, editable=False)
    quorum = models.PositiveIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Zoveel stemmen zijn minstens nodig. Leeg: geen minimum."),
    )
    state = models.CharField(
        _("stand"), max_length=10, choices=MeetingState.choices, default=MeetingState.DRAFT
    )
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("bezoekersraad")
        verbose_name_plural = _("bezoekersraden")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.state == MeetingState.OPEN

    @property
    def is_closed(self):
        return self.state == MeetingState.CLOSED


class Option(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="options")
    idea = models.ForeignKey(
        Idea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="options",
        verbose_name=_("idee"),
    )
    label = models.CharField(
        _("keuze"),
        max_length=TITLE_MAX,
        validators=[MaxLengthValidator(TITLE_MAX), no_personal_data],
    )
    pictogram = models.CharField(
        _("pictogram"),
        max_length=12,
        choices=OptionPictogram.choices,
        default=OptionPictogram.OTHER,
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("keuze")
        verbose_name_plural = _("keuzes")

    def __str__(self):
        return self.label


class Vote(models.Model):
    """One vote (tablet, phone) or one hand-counted pile of paper ballots (``count`` > 1)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="votes")
    source = models.CharField(max_length=10, choices=VoteSource.choices)
    count = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    # a phone vote: a keyed hash (per meeting) of the random device cookie; empty otherwise
    device = models.CharField(max_length=64, blank=True, editable=False)
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "device"],
                condition=~Q(device=""),
                name="participation_one_vote_per_device",
            ),
            models.CheckConstraint(
                condition=Q(count=1) | Q(source=VoteSource.PAPER),
                name="participation_only_paper_counts_many",
            ),
        ]

    def __str__(self):
        return f"{self.option_id} × {self.count}"


class IdeaSettings(models.Model):
    """A STEK's choice for its idea box: pre-moderated (the default: a worker publishes each
    idea) or published directly (workers take an idea down afterwards by declining it). The
    policy visitors read on the box follows the choice."""

    stek = models.OneToOneField(Stek, on_delete=models.CASCADE, related_name="idea_settings")
    publish_directly = models.BooleanField(_("ideeën meteen publiceren"), default=False)

    def __str__(self):
        return f"{self.stek} · {'direct' if self.publish_directly else 'pre-moderated'}"
