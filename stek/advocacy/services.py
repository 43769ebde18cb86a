"""Every write of signals and dossiers (atomic; dossier changes are audited)."""

from datetime import date

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.core import audit
from stek.core.dates import monday_of, month_of
from stek.core.enums import AuditAction
from stek.core.models import Network, Stek
from stek.core.privacy import boundary
from stek.core.services import ServiceError
from stek.core.vocabulary import Barrier, Topic, split_synonyms

from . import publication
from .enums import STEP_ORDER, DossierOutcome, DossierStep, Signing
from .models import (
    Addressee,
    Dossier,
    DossierAction,
    DossierStek,
    FrozenMonth,
    Signal,
    SignalBarrier,
    StepEntry,
    Testimony,
)

UNDO_SALT = "stek.advocacy.undo"
UNDO_SECONDS = 15 * 60


# Signals ---------------------------------------------------------------------------------


@transaction.atomic
def register_signal(
    *, stek, kind, life_domain="", topic=None, barriers=(), quote="", quote_consent=False,
    source="direct", today=None,
):  # fmt: skip
    """One signal for the week of ``today``, counted in the month of ``today``; no moment (no
    day) and no person is stored."""
    if topic is not None:
        if not Topic.objects.for_network(stek.network_id).filter(pk=topic.pk).exists():
            raise ServiceError(_("Dit onderwerp hoort niet bij dit netwerk."))
        life_domain = life_domain or topic.life_domain
    if quote and not quote_consent:  # the one check (the constraint only backs it up)
        raise ServiceError(_("Vraag eerst de toestemming van de bezoeker."), field="quote_consent")
    unknown = set(barriers) - set(Barrier.values)
    if unknown:
        raise ServiceError(_("Onbekende drempel: %(b)s") % {"b": ", ".join(sorted(unknown))})
    day = today or timezone.localdate()
    signal = Signal(
        stek=stek,
        week=monday_of(day),
        month=month_of(day),  # the month of the day of entry, never the day itself
        kind=kind,
        life_domain=life_domain,
        topic=topic,
        quote=quote.strip(),
        quote_consent=bool(quote) and quote_consent,
        source=source,
    )
    signal.full_clean()
    signal.save()
    SignalBarrier.objects.bulk_create(
        SignalBarrier(signal=signal, barrier=b) for b in sorted(set(barriers))
    )
    return signal


def undo_token(signal):
    return signing.dumps({"signal": signal.pk, "stek": signal.stek_id}, salt=UNDO_SALT)


@transaction.atomic
def undo_signal(*, stek, token):
    """Remove a signal just registered, with the token shown after registering it."""
    try:
        data = signing.loads(token, salt=UNDO_SALT, max_age=UNDO_SECONDS)
    except signing.BadSignature as error:
        raise ServiceError(_("Ongedaan maken kan niet meer: het is te lang geleden.")) from error
    if data.get("stek") != stek.pk:
        raise ServiceError(_("Dit signaal hoort niet bij deze STEK."))
    deleted, _rows = Signal.objects.filter(pk=data.get("signal"), stek=stek).delete()
    if not deleted:
        raise ServiceError(_("Dit signaal is al weg."))


def freeze_network_months(*, network, today=None):
    """Freeze the counts of every completed month of ``network`` that is not frozen yet, from
    January of the year of its first signal (or this year) on, over the STEKs active now. The
    network publication reads a frozen month from then on and never again from the signals
    (ADR 0006). Months already frozen are left alone, so running it twice changes nothing.
    Returns how many months it froze."""
    today = today or timezone.localdate()
    first = Signal.objects.filter(stek__network=network).order_by("week").first()
    start = date(min(first.week.year if first else today.year, today.year), 1, 1)
    done = set(FrozenMonth.objects.filter(network=network).values_list("month", flat=True))
    months = [m for m in boundary.grid_months(today, start) if m not in done]
    if not months:
        return 0
    steks = list(Stek.objects.filter(network=network, is_active=True))
    by_month = {month: {family: {} for family in publication.FAMILIES} for month in months}
    for family in publication.FAMILIES:
        for (key, month), n in publication.live_counts(steks, family, months).items():
            by_month[month][family][key] = n
    with transaction.atomic():
        FrozenMonth.objects.bulk_create(
            [
                FrozenMonth(network=network, month=month, counts=publication.freeze(counts))
                for month, counts in by_month.items()
            ],
            ignore_conflicts=True,  # two runs at once: the first one's counts stand
        )
        publication.signals_changed()  # bulk_create sends no post_save: read the frozen months
    return len(months)


def freeze_all_networks(today=None):
    """``freeze_network_months`` for every network; {network name: months frozen}."""
    return {
        network.name: freeze_network_months(network=network, today=today)
        for network in Network.objects.order_by("pk")
    }


@transaction.atomic
def create_topic(*, actor, stek, name, life_domain, synonyms=""):
    """A topic of the STEK's network, next to the built-in ones, with the everyday words the
    social map's search finds it by (``synonyms``, comma-separated)."""
    from django.utils.text import slugify

    code = slugify(name)[:50].replace("-", "_") or "onderwerp"
    taken = set(Topic.objects.for_network(stek.network_id).values_list("code", flat=True))
    base, n = code, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    existing = Topic.objects.for_network(stek.network_id).filter(name__iexact=name.strip())
    if existing.exists():
        raise ServiceError(_("Dit onderwerp bestaat al."))
    topic = Topic(
        network=stek.network,
        code=code,
        name=name.strip(),
        life_domain=life_domain,
        synonyms=", ".join(split_synonyms(synonyms)),
    )
    topic.full_clean()
    topic.save()
    audit.record(actor, AuditAction.CREATED, f"onderwerp {topic.name}", stek=stek)
    return topic


# Dossiers --------------------------------------------------------------------------------


def _audit(actor, dossier, what, stek=None):
    audit.record(
        actor, AuditAction.CHANGED, f"dossier {dossier.title}", stek=stek or dossier.lead_stek,
        detail=what,
    )  # fmt: skip


@transaction.atomic
def create_dossier(*, actor, stek, topics=(), **fields):
    dossier = Dossier(network=stek.network, lead_stek=stek, **fields)
    dossier.full_clean()
    dossier.save()
    dossier.topics.set(topics)
    StepEntry.objects.create(dossier=dossier, step=DossierStep.NOTICED, owner=actor)
    audit.record(actor, AuditAction.CREATED, f"dossier {dossier.title}", stek=stek)
    return dossier


@transaction.atomic
def update_dossier(*, actor, dossier, topics=None, **fields):
    for name, value in fields.items():
        setattr(dossier, name, value)
    dossier.full_clean()
    dossier.save()
    if topics is not None:
        dossier.topics.set(topics)
    _audit(actor, dossier, "gegevens")
    return dossier


@transaction.atomic
def move_to_step(*, actor, dossier, step, reached_on=None, owner=None, note=""):
    """Record that the dossier reached ``step`` (on a date, carried by a person)."""
    if step not in STEP_ORDER:
        raise ServiceError(_("Onbekende stap."))
    entry, _created = StepEntry.objects.update_or_create(
        dossier=dossier,
        step=step,
        defaults={"reached_on": reached_on or timezone.localdate(), "owner": owner, "note": note},
    )
    entry.full_clean()
    reached = set(dossier.step_entries.values_list("step", flat=True))
    dossier.step = max(reached, key=STEP_ORDER.index)
    dossier.save(update_fields=["step", "updated_at"])
    _audit(actor, dossier, f"stap {step}")
    return entry


@transaction.atomic
def set_outcome(*, actor, dossier, outcome, note=""):
    if outcome not in DossierOutcome.values:
        raise ServiceError(_("Onbekende uitkomst."))
    dossier.outcome, dossier.outcome_note = outcome, note
    dossier.full_clean()
    dossier.save(update_fields=["outcome", "outcome_note", "updated_at"])
    _audit(actor, dossier, f"uitkomst {outcome}")


@transaction.atomic
def invite_steks(*, actor, dossier, steks):
    """Invite other STEKs of the network to co-sign."""
    for stek in steks:
        if stek.network_id != dossier.network_id:
            raise ServiceError(_("Alleen STEKs van hetzelfde netwerk kunnen mee ondertekenen."))
        if stek.pk == dossier.lead_stek_id:
            continue
        DossierStek.objects.get_or_create(dossier=dossier, stek=stek)
    _audit(actor, dossier, "uitnodiging: " + ", ".join(s.name for s in steks))


@transaction.atomic
def answer_invitation(*, actor, dossier, stek, sign):
    signing_row = DossierStek.objects.filter(dossier=dossier, stek=stek).first()
    if signing_row is None:
        raise ServiceError(_("Deze STEK is niet uitgenodigd voor dit dossier."))
    signing_row.status = Signing.SIGNED if sign else Signing.DECLINED
    signing_row.answered_on = timezone.localdate()
    signing_row.save()
    _audit(actor, dossier, f"{stek.name}: {signing_row.status}", stek=stek)
    return signing_row


@transaction.atomic
def add_testimony(*, actor, dossier, stek, text, consent):
    if not consent:  # the one check (the constraint only backs it up)
        raise ServiceError(
            _("Een getuigenis kan alleen met toestemming van de bezoeker."), field="consent"
        )
    testimony = Testimony(dossier=dossier, stek=stek, text=text.strip(), consent=True)
    testimony.full_clean()
    testimony.save()
    _audit(actor, dossier, "getuigenis", stek=stek)
    return testimony


@transaction.atomic
def remove_testimony(*, actor, testimony):
    dossier = testimony.dossier
    testimony.delete()
    _audit(actor, dossier, "getuigenis verwijderd")


@transaction.atomic
def save_addressee(*, actor, dossier, addressee=None, **fields):
    addressee = addressee or Addressee(dossier=dossier)
    for name, value in fields.items():
        setattr(addressee, name, value)
    addressee.full_clean()
    addressee.save()
    _audit(actor, dossier, f"bestemmeling {addressee.body}")
    return addressee


@transaction.atomic
def mark_followed_up(*, actor, addressee):
    addressee.followed_up = True
    addressee.save(update_fields=["followed_up"])
    _audit(actor, addressee.dossier, f"opgevolgd: {addressee.body}")


@transaction.atomic
def add_action(*, actor, dossier, **fields):
    action = DossierAction(dossier=dossier, **fields)
    action.full_clean()
    action.save()
    _audit(actor, dossier, f"actie {action.kind}")
    return action


def steks_to_invite(dossier):
    """The network's other active STEKs not yet invited."""
    invited = dossier.steks.values_list("stek_id", flat=True)
    return (
        Stek.objects.filter(network=dossier.network, is_active=True)
        .exclude(pk=dossier.lead_stek_id)
        .exclude(pk__in=invited)
        .order_by("name")
    )
