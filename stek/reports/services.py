"""Every write of the reports app: freezing a year's report (ADR 0015) and the yearly
self-evaluation (ADR 0016)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.codes import unused_code
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


def _new_rater_code():  # 30^10 codes
    return unused_code(
        RATER_CODE_ALPHABET,
        RATER_CODE_LENGTH,
        lambda code: RaterLink.objects.filter(code=code).exists(),
    )


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
    _make_tally(evaluation, kind)
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
    _make_tally(link.evaluation, link.kind)  # a statement added since the link opened
    tally = RaterScore.objects.filter(evaluation=link.evaluation, kind=link.kind)
    for statement, score in given.items():
        tally.filter(statement=statement, score=score).update(count=F("count") + 1)
    return len(given)


def _make_tally(evaluation, kind):
    """Every (statement, score) row of a kind at 0, made at once and in a fixed order, so that
    neither the rows' ids nor their order say which rater answered what."""
    RaterScore.objects.bulk_create(
        [
            RaterScore(evaluation=evaluation, kind=kind, statement=key, score=score)
            for key in STATEMENTS
            for score in Score.values
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def close_self_evaluation(*, actor, evaluation, now=None):
    """Freeze the self-evaluation: no more scores, every rater link stops."""
    _check_open(evaluation)
    evaluation.closed_at = now or timezone.now()
    evaluation.save(update_fields=["closed_at"])
    audit.record(actor, AuditAction.CHANGED, f"zelfevaluatie {evaluation.year}",
                 stek=evaluation.stek, detail="afgesloten")  # fmt: skip
    return evaluation


# --- The area analysis (issue 18, ADR 0017) ----------------------------------------------------


class AreaError(ServiceError):
    """An area file or code list that cannot be used; ``lines`` lists the bad lines."""

    def __init__(self, message, lines=()):
        super().__init__(message)
        self.lines = list(lines)


def _parsed_or_refuse(upload, year):
    from . import area

    if upload.size > area.MAX_BYTES:
        raise AreaError(
            _("Het bestand is te groot (hoogstens %(mb)s MB).")
            % {"mb": area.MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    try:
        parsed = area.parse(upload.file, year=year)
    except area.AreaFileError as error:
        raise AreaError(str(error)) from None
    if parsed.errors:
        message = _(
            "Niets ingelezen: %(n)s regels zijn niet in orde. Verbeter ze en lees het bestand "
            "opnieuw in."
        ) % {"n": len(parsed.errors) + parsed.more_errors}
        lines = [
            _("Regel %(line)s: %(reason)s") % {"line": line, "reason": reason}
            for line, reason in parsed.errors
        ]
        if parsed.more_errors:
            lines.append(_("En nog %(n)s regels.") % {"n": parsed.more_errors})
        raise AreaError(message, lines)
    return parsed


@transaction.atomic
def import_area_dataset(*, actor, stek, upload, name, source="", licence="", year=None):
    """Read an area file and store it whole, or refuse it whole (nothing half imported). A
    dataset of the same name is replaced."""
    from .models import AreaDataset, AreaUnit

    parsed = _parsed_or_refuse(upload, year)
    AreaDataset.objects.filter(stek=stek, name=name).delete()
    dataset = AreaDataset.objects.create(
        stek=stek,
        name=name,
        source=source,
        licence=licence,
        year=parsed.year,
        level=parsed.level,
        columns=parsed.columns,
        translated=parsed.translated,
        imported_by=actor if actor is not None and actor.is_authenticated else None,
    )
    AreaUnit.objects.bulk_create(
        (
            AreaUnit(
                dataset=dataset,
                refnis=refnis,
                sector=sector,
                label=unit.label,
                values=unit.values,
                suppressed=sorted(unit.suppressed),
                merged=sorted(unit.merged),
            )
            for (refnis, sector), unit in parsed.units.items()
        ),
        batch_size=2000,
    )
    audit.record(actor, AuditAction.IMPORTED, f"gebiedsbestand {name}", stek=stek)
    return dataset


def delete_area_dataset(*, actor, dataset):
    name, stek = dataset.name, dataset.stek
    dataset.delete()
    audit.record(actor, AuditAction.REMOVED, f"gebiedsbestand {name}", stek=stek)


@transaction.atomic
def set_service_area(*, actor, stek, codes):
    """The STEK's service area from a list of codes; unknown or pre-2025 codes are refused
    with a sentence each."""
    from . import area
    from .models import ServiceArea

    datasets = stek.area_datasets.all()
    known = area.known_codes(datasets) if datasets.exists() else None
    municipalities, sectors, errors = area.check_codes(codes, known)
    if errors:
        raise AreaError(_("Het werkgebied is niet bewaard."), errors)
    service_area, _created = ServiceArea.objects.update_or_create(
        stek=stek, defaults={"municipalities": municipalities, "sectors": sectors}
    )
    audit.record(actor, AuditAction.CHANGED, "werkgebied", stek=stek)
    return service_area


@transaction.atomic
def save_area_map(*, actor, stek, upload, code_property=""):
    from . import area
    from .models import AreaMap

    if upload.size > area.MAX_MAP_BYTES:
        raise AreaError(
            _("Het bestand is te groot (hoogstens %(mb)s MB).")
            % {"mb": area.MAX_MAP_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    try:
        geojson, prop = area.read_geojson(upload.file, code_property)
    except area.AreaFileError as error:
        raise AreaError(str(error)) from None
    saved, _created = AreaMap.objects.update_or_create(
        stek=stek,
        defaults={
            "geojson": geojson,
            "code_property": prop,
            "features": len(geojson["features"]),
            "uploaded_at": timezone.now(),
        },
    )
    audit.record(actor, AuditAction.CHANGED, "kaart van het werkgebied", stek=stek)
    return saved


@transaction.atomic
def store_area_estimate(*, stek, counts, households, when):
    """The rights population estimate per area, replacing the STEK's previous one. ``counts``:
    (area, right id) -> households the rules say "yes" for; ``households``: area -> households.
    Each right's counts over the areas are suppressed (``boundary.publish``) before they are
    stored: the true small counts are never kept."""
    from stek.core.privacy import boundary
    from stek.rights.catalogue import RIGHTS

    from .models import AreaRightsEstimate

    AreaRightsEstimate.objects.filter(stek=stek).delete()
    areas = sorted(households)
    rows = []
    for right in RIGHTS:
        cells = {a: counts.get((a, right.id), 0) for a in areas}
        shown = boundary.publish(cells).cells
        rows += [
            AreaRightsEstimate(
                stek=stek,
                area=a,
                right=right.id,
                households=households[a],
                entitled=shown[a],
                estimated_for=when,
            )
            for a in areas
        ]
    AreaRightsEstimate.objects.bulk_create(rows)
    return len(rows)
