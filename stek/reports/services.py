"""Every write of the reports app: freezing a year's report (ADR 0015) and the yearly
self-evaluation (ADR 0016)."""

import random
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.enums import AuditAction
from stek.core.services import ServiceError

from . import indicators
from .models import (
    RaterKind,
    RaterLink,
    RaterScore,
    RaterSubmission,
    Score,
    SelfEvaluation,
    TeamScore,
    YearReport,
)
from .selfeval import STATEMENTS

FIRST_YEAR = 2000


def check_year(year, today):
    """A year a report can be about: not before 2000, not after this one."""
    return FIRST_YEAR <= year <= today.year


@transaction.atomic
def freeze_report(*, actor, stek, year, highlights="", plans="", bbc_code="", today=None):
    """Make the year's report: the figures as they are published today (already suppressed)
    and the team's own text, stored once. A year has one report; it never changes."""
    today = today or timezone.localdate()
    if not check_year(year, today):
        raise ServiceError(_("Voor dit jaar kan je geen jaarverslag maken."))
    if YearReport.objects.filter(stek=stek, year=year).exists():
        raise ServiceError(_("Er is al een jaarverslag van %(year)s.") % {"year": year})
    figures = indicators.compute(stek, year, today)
    report = YearReport(
        stek=stek,
        year=year,
        counted_until=figures["counted_until"],
        made_by=actor if actor is not None and actor.is_authenticated else None,
        threshold=figures["threshold"],
        figures=figures,
        highlights=highlights.strip(),
        plans=plans.strip(),
        bbc_code=bbc_code.strip(),
    )
    try:
        report.full_clean(exclude=["stek", "made_by"])
    except ValidationError as error:
        raise ServiceError(" ".join(m for ms in error.message_dict.values() for m in ms)) from error
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # two coordinators at once: the first one made it
        raise ServiceError(_("Er is al een jaarverslag van %(year)s.") % {"year": year}) from error
    audit.record(actor, AuditAction.CREATED, f"jaarverslag {year}", stek=stek)
    return report


# --- the yearly self-evaluation (issue 18, ADR 0016) --------------------------------------

RATER_LINK_DAYS = 14
RATER_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud, typed
RATER_CODE_LENGTH = 10


def _check_open(evaluation):
    if evaluation.is_closed:
        raise ServiceError(_("Deze zelfevaluatie is afgesloten. Ze verandert niet meer."))


@transaction.atomic
def start_self_evaluation(*, actor, stek, year, today=None):
    """Start the year's self-evaluation of the STEK (once per year)."""
    today = today or timezone.localdate()
    if not check_year(year, today):
        raise ServiceError(_("Voor dit jaar kan je geen zelfevaluatie starten."))
    if SelfEvaluation.objects.filter(stek=stek, year=year).exists():
        raise ServiceError(_("Er is al een zelfevaluatie van %(year)s.") % {"year": year})
    try:
        with transaction.atomic():
            evaluation = SelfEvaluation.objects.create(
                stek=stek,
                year=year,
                started_by=actor if actor is not None and actor.is_authenticated else None,
            )
    except IntegrityError as error:
        message = _("Er is al een zelfevaluatie van %(year)s.") % {"year": year}
        raise ServiceError(message) from error
    audit.record(actor, AuditAction.CREATED, f"zelfevaluatie {year}", stek=stek)
    return evaluation


@transaction.atomic
def save_team_score(*, actor, evaluation, statement, score, note=""):
    """The team's score of one statement and its evidence note (scanned, bounded)."""

    _check_open(evaluation)
    if statement not in STATEMENTS:
        raise ServiceError(_("Deze uitspraak kennen we niet."), field="statement")
    if score not in Score.values:
        raise ServiceError(_("Kies een score."), field="score")
    row = TeamScore.objects.filter(evaluation=evaluation, statement=statement).first()
    row = row or TeamScore(evaluation=evaluation, statement=statement)
    row.score, row.note = score, (note or "").strip()
    try:
        row.full_clean(exclude=["evaluation"], validate_unique=False)
    except ValidationError as error:
        raise ServiceError(
            " ".join(m for ms in error.message_dict.values() for m in ms), field="note"
        ) from error
    row.save()
    return row


def _new_rater_code():
    for _i in range(10):
        code = "".join(secrets.choice(RATER_CODE_ALPHABET) for _j in range(RATER_CODE_LENGTH))
        if not RaterLink.objects.filter(code=code).exists():
            return code
    raise ServiceError(_("Probeer opnieuw."))  # 30^10 codes: practically never


def normal_rater_code(value):
    """A code as typed or read from a link: lower case, without spaces or dashes."""
    return "".join(c for c in str(value or "").lower() if c in RATER_CODE_ALPHABET)[:16]


@transaction.atomic
def open_rater_link(*, actor, evaluation, kind, days=RATER_LINK_DAYS, now=None):
    """A new random link for the volunteers or the partners, valid for ``days`` days."""
    _check_open(evaluation)
    if kind not in RaterKind.values:
        raise ServiceError(_("Kies voor wie de link is."), field="kind")
    now = now or timezone.now()
    link = RaterLink.objects.create(
        evaluation=evaluation,
        kind=kind,
        code=_new_rater_code(),
        opened_at=now,
        expires_at=now + timedelta(days=days),
    )
    audit.record(
        actor, AuditAction.CREATED, f"link voor beoordelaars {evaluation.year}",
        stek=evaluation.stek, detail=kind,
    )  # fmt: skip
    return link


@transaction.atomic
def revoke_rater_link(*, actor, link, now=None):
    """The link stops working at once; the scores given through it stay."""
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])
        audit.record(
            actor, AuditAction.CHANGED, f"link voor beoordelaars {link.evaluation.year}",
            stek=link.evaluation.stek, detail="ingetrokken",
        )  # fmt: skip
    return link


@transaction.atomic
def submit_rater_scores(*, link, device, scores, now=None):
    """One anonymous rater's scores through a link, once per device (``device`` is a keyed
    hash of the device cookie, per link). The scores are stored apart from the submission:
    nothing links a score to a device. ``scores``: {statement key: score}."""

    link = type(link).objects.select_for_update().select_related("evaluation").get(pk=link.pk)
    if not link.is_usable(now):
        raise ServiceError(_("Deze link werkt niet meer. Vraag een nieuwe."))
    if not device:
        raise ServiceError(_("Probeer opnieuw."))
    if RaterSubmission.objects.filter(link=link, device=device).exists():
        raise ServiceError(_("Je hebt al gescoord met dit toestel. Dank je!"))
    given = {k: v for k, v in scores.items() if k in STATEMENTS and v in Score.values}
    if not given:
        raise ServiceError(_("Kies bij minstens één uitspraak een score."))
    try:
        with transaction.atomic():
            RaterSubmission.objects.create(link=link, device=device)
    except IntegrityError as error:  # the same phone twice at once
        raise ServiceError(_("Je hebt al gescoord met dit toestel. Dank je!")) from error
    rows = [
        RaterScore(evaluation=link.evaluation, kind=link.kind, statement=k, score=v)
        for k, v in given.items()
    ]
    random.shuffle(rows)  # the order of the rows says nothing about the order of the answers
    RaterScore.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def close_self_evaluation(*, actor, evaluation, now=None):
    """Freeze the self-evaluation: no more scores, every rater link stops."""
    _check_open(evaluation)
    evaluation.closed_at = now or timezone.now()
    evaluation.save(update_fields=["closed_at"])
    audit.record(actor, AuditAction.CHANGED, f"zelfevaluatie {evaluation.year}",
                 stek=evaluation.stek, detail="afgesloten")  # fmt: skip
    return evaluation
