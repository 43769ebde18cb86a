"""Every write of participation: cleaned values in, core's ServiceError out (a model's own
validation, e.g. the personal-data scanner, raises Django's ValidationError)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.codes import unused_code
from stek.core.enums import AuditAction
from stek.core.services import ServiceError

from .enums import IdeaCategory, IdeaSource, IdeaState, MeetingState, OptionPictogram, VoteSource
from .models import Idea, IdeaSettings, Meeting, Option, Vote

# Letters and digits that are not easily confused when read from a screen (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
PAPER_MAX = 1000  # one pile of hand-counted ballots


# --- ideas ---------------------------------------------------------------------------------
def publishes_directly(stek):
    """Does ``stek`` publish new ideas at once? No by default (pre-moderated)."""
    return IdeaSettings.objects.filter(stek=stek, publish_directly=True).exists()


@transaction.atomic
def set_publish_directly(*, actor, stek, publish_directly):
    settings_, _created = IdeaSettings.objects.update_or_create(
        stek=stek, defaults={"publish_directly": bool(publish_directly)}
    )
    audit.record(
        actor, AuditAction.CHANGED,
        "ideeën " + ("meteen gepubliceerd" if publish_directly else "eerst nagelezen"),
        stek=stek,
    )  # fmt: skip
    return settings_


def submit_idea(*, stek, text, source, category=""):
    """A new idea: waits for a worker's approval (pre-moderation) before anyone sees it, unless
    the STEK publishes ideas directly. The text is scanned for personal data either way."""
    if source not in IdeaSource.values:
        raise ServiceError(_("Onbekende bron."))
    if category and category not in IdeaCategory.values:
        raise ServiceError(_("Onbekende soort."), field="category")
    text = " ".join((text or "").split())
    if not text:
        raise ServiceError(_("Schrijf je idee op."), field="text")
    idea = Idea(stek=stek, text=text, category=category or "", source=source)
    if publishes_directly(stek):
        idea.state = IdeaState.PUBLISHED
    idea.full_clean(exclude=["stek"])
    idea.save()
    return idea


def _check_state(idea, allowed, message):
    if idea.state not in allowed:
        raise ServiceError(message)


@transaction.atomic
def publish_idea(*, actor, idea):
    _check_state(idea, [IdeaState.NEW], _("Dit idee is al behandeld."))
    idea.state = IdeaState.PUBLISHED
    idea.save(update_fields=["state"])
    audit.record(actor, AuditAction.CHANGED, f"idee #{idea.pk} gepubliceerd", stek=idea.stek)
    return idea


def _answer(idea, answer, empty_message):
    answer = (answer or "").strip()
    if not answer:
        raise ServiceError(empty_message, field="answer")
    idea.answer = answer
    idea.decided_on = timezone.localdate()
    idea.full_clean(exclude=["stek", "merged_into", "signal", "dossier"])
    idea.save(update_fields=["state", "answer", "decided_on"])  # a link made meanwhile stays


@transaction.atomic
def decline_idea(*, actor, idea, reason):
    """Declined, with a reason that visitors read on the board."""
    _check_state(
        idea,
        [IdeaState.NEW, IdeaState.PUBLISHED, IdeaState.IN_COUNCIL],
        _("Over dit idee is al beslist."),
    )
    idea.state = IdeaState.DECLINED
    _answer(idea, reason, _("Schrijf waarom het niet kan."))
    audit.record(actor, AuditAction.CHANGED, f"idee #{idea.pk} niet aanvaard", stek=idea.stek)
    return idea


@transaction.atomic
def accept_idea(*, actor, idea, what_was_done):
    """Accepted, with what was done; only an idea visitors could already see."""
    _check_state(
        idea,
        [IdeaState.PUBLISHED, IdeaState.IN_COUNCIL],
        _("Publiceer het idee eerst, of er is al over beslist."),
    )
    idea.state = IdeaState.ACCEPTED
    _answer(idea, what_was_done, _("Schrijf wat er gedaan is."))
    audit.record(actor, AuditAction.CHANGED, f"idee #{idea.pk} aanvaard", stek=idea.stek)
    return idea


@transaction.atomic
def merge_idea(*, actor, idea, into):
    """A duplicate: it is counted with ``into`` and not shown on its own."""
    if into is None or into.stek_id != idea.stek_id:
        raise ServiceError(_("Kies een idee van deze STEK."), field="into")
    if into.pk == idea.pk:
        raise ServiceError(_("Een idee kan niet met zichzelf samengaan."), field="into")
    if into.state == IdeaState.MERGED:
        raise ServiceError(_("Dat idee is zelf al samengevoegd."), field="into")
    _check_state(idea, [IdeaState.NEW, IdeaState.PUBLISHED], _("Dit idee kan niet meer samengaan."))
    idea.state, idea.merged_into = IdeaState.MERGED, into
    idea.save(update_fields=["state", "merged_into"])
    Idea.objects.filter(merged_into=idea).update(merged_into=into)
    audit.record(actor, AuditAction.CHANGED, f"idee #{idea.pk} bij #{into.pk}", stek=idea.stek)
    return idea


@transaction.atomic
def link_idea(*, actor, idea, signal=None, dossier=None):
    """The signal or dossier the idea fed (advocacy): a signal of this STEK, a dossier of its
    network."""
    if signal is not None and signal.stek_id != idea.stek_id:
        raise ServiceError(_("Dit signaal hoort niet bij deze STEK."), field="signal")
    if dossier is not None and dossier.network_id != idea.stek.network_id:
        raise ServiceError(_("Dit dossier hoort niet bij dit netwerk."), field="dossier")
    idea.signal, idea.dossier = signal, dossier
    idea.save(update_fields=["signal", "dossier"])
    audit.record(actor, AuditAction.CHANGED, f"idee #{idea.pk} gekoppeld", stek=idea.stek)
    return idea


# --- council meetings ------------------------------------------------------------------------
def _new_code():  # 31^6 codes
    return unused_code(
        CODE_ALPHABET, CODE_LENGTH, lambda code: Meeting.objects.filter(code=code).exists()
    )


def normal_code(value):
    return "".join(c for c in str(value or "").upper() if c.isalnum())[: CODE_LENGTH + 2]


@transaction.atomic
def create_meeting(*, actor, stek, title, held_on, quorum=None):
    meeting = Meeting(stek=stek, title=(title or "").strip(), held_on=held_on, quorum=quorum)
    meeting.code = _new_code()
    meeting.full_clean(exclude=["stek"])
    meeting.save()
    audit.record(actor, AuditAction.CREATED, f"bezoekersraad #{meeting.pk}", stek=stek)
    return meeting


@transaction.atomic
def add_option(*, actor, meeting, idea=None, label="", pictogram=OptionPictogram.OTHER):
    """An option on the ballot: an idea (it goes to the council) or a free option."""
    if meeting.state != MeetingState.DRAFT:
        raise ServiceError(_("De stemming is al begonnen: de keuzes liggen vast."))
    if pictogram not in OptionPictogram.values:
        raise ServiceError(_("Kies een pictogram uit de lijst."), field="pictogram")
    if idea is not None:
        if idea.stek_id != meeting.stek_id:
            raise ServiceError(_("Dit idee hoort niet bij deze STEK."), field="idea")
        if idea.state not in (IdeaState.PUBLISHED, IdeaState.IN_COUNCIL):
            raise ServiceError(_("Alleen een gepubliceerd idee kan naar de raad."), field="idea")
        label = (label or "").strip() or idea.text[:200]
    label = (label or "").strip()
    if not label:
        raise ServiceError(_("Schrijf de keuze op, of kies een idee."), field="label")
    position = meeting.options.count() + 1
    option = Option(meeting=meeting, idea=idea, label=label, pictogram=pictogram, position=position)
    option.full_clean(exclude=["meeting", "idea"])
    option.save()
    if idea is not None and idea.state == IdeaState.PUBLISHED:
        idea.state = IdeaState.IN_COUNCIL
        idea.save(update_fields=["state"])
    audit.record(
        actor, AuditAction.CHANGED, f"bezoekersraad #{meeting.pk} keuze", stek=meeting.stek
    )
    return option


@transaction.atomic
def open_meeting(*, actor, meeting):
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state != MeetingState.DRAFT:
        raise ServiceError(_("Deze stemming is al geopend."))
    if meeting.options.count() < 2:
        raise ServiceError(_("Er zijn minstens twee keuzes nodig."))
    meeting.state = MeetingState.OPEN
    meeting.save(update_fields=["state"])
    audit.record(actor, AuditAction.CHANGED, f"bezoekersraad #{meeting.pk} open", stek=meeting.stek)
    return meeting


@transaction.atomic
def close_meeting(*, actor, meeting, now=None):
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state != MeetingState.OPEN:
        raise ServiceError(_("Deze stemming is niet open."))
    meeting.state, meeting.closed_at = MeetingState.CLOSED, now or timezone.now()
    meeting.save(update_fields=["state", "closed_at"])
    audit.record(
        actor, AuditAction.CHANGED, f"bezoekersraad #{meeting.pk} dicht", stek=meeting.stek
    )
    return meeting


def _open_option(meeting, option):
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state != MeetingState.OPEN:
        raise ServiceError(_("De stemming is niet open."))
    if option is None or option.meeting_id != meeting.pk:
        raise ServiceError(_("Kies een van de keuzes."), field="option")
    return meeting


def cast_vote(*, meeting, option, source, device=""):
    """One vote. On a phone, ``device`` is the keyed hash of the device cookie: one vote per
    device (the unique constraint decides, also for two taps at once)."""
    if source not in (VoteSource.TABLET, VoteSource.PHONE):
        raise ServiceError(_("Onbekende manier van stemmen."))
    if source == VoteSource.PHONE and not device:
        raise ServiceError(_("Zonder cookie kunnen we je stem niet tellen."))
    try:
        with transaction.atomic():
            meeting = _open_option(meeting, option)
            return Vote.objects.create(
                meeting=meeting, option=option, source=source, device=device, count=1
            )
    except IntegrityError:
        raise ServiceError(_("Je hebt al gestemd met dit toestel. Dank je!")) from None


@transaction.atomic
def add_paper_ballots(*, actor, meeting, counts):
    """Hand-counted paper ballots: ``counts`` maps options of this meeting to a number."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.state != MeetingState.OPEN:
        raise ServiceError(_("Papieren stemmen tel je bij zolang de stemming open is."))
    piles = [(o, n) for o, n in counts.items() if n]
    if any(o.meeting_id != meeting.pk for o, _n in piles):
        raise ServiceError(_("Kies een van de keuzes."))
    if any(not 0 < n <= PAPER_MAX for _o, n in piles):
        raise ServiceError(_("Een aantal is van 0 tot %(max)s.") % {"max": PAPER_MAX})
    if not piles:
        raise ServiceError(_("Vul minstens bij één keuze een aantal in."))
    Vote.objects.bulk_create(
        Vote(meeting=meeting, option=o, source=VoteSource.PAPER, count=n) for o, n in piles
    )
    total = sum(n for _o, n in piles)
    audit.record(
        actor, AuditAction.CREATED, f"bezoekersraad #{meeting.pk} {total} papieren stemmen",
        stek=meeting.stek,
    )  # fmt: skip
    return total


# --- reading ---------------------------------------------------------------------------------
def votes_cast(meeting):
    """How many votes were cast: the one figure shown (to staff) while the vote is open."""
    return meeting.votes.aggregate(n=Sum("count"))["n"] or 0


@dataclass
class OptionResult:
    option: Option
    votes: int
    top: bool = False


@dataclass
class Results:
    rows: list
    total: int
    quorum: int | None

    @property
    def quorum_met(self):
        return self.quorum is None or self.total >= self.quorum


def results(meeting):
    """Votes per option, or None while the vote is not closed (hidden from everyone, staff
    too, so that nobody is swayed by a count half-way)."""
    if meeting.state != MeetingState.CLOSED:
        return None
    per_option = dict(
        meeting.votes.values("option").annotate(n=Sum("count")).values_list("option", "n")
    )
    rows = [OptionResult(option=o, votes=per_option.get(o.pk, 0)) for o in meeting.options.all()]
    best = max((r.votes for r in rows), default=0)
    for row in rows:
        row.top = best > 0 and row.votes == best
    return Results(rows=rows, total=sum(r.votes for r in rows), quorum=meeting.quorum)
