"""Every write in the agenda goes through these functions."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from stek.core import audit, versions
from stek.core.enums import AuditAction
from stek.core.privacy.contacts import published_contacts
from stek.core.privacy.validators import allowing
from stek.core.services import ServiceError, assign, assign_many

from .enums import ChangeKind
from .models import Activity, Pause, Session, SessionChange, TallyCategory, TallyCount, TapKey
from .occurrences import agenda_changed

DEFAULT_CATEGORIES = ("Volwassene", "Kind")


def _tally_name(stek_id):
    return f"agenda:tally:{stek_id}"


def tally_version(stek_id):
    """The version of the STEK's counts and counting categories: renewed by every tap that
    counted and when a category or a counted session is saved or deleted (``apps.py``)."""
    return versions.current(_tally_name(stek_id))


def tally_changed(stek_id):
    if stek_id is not None:
        versions.bump(_tally_name(stek_id))


def add_default_categories(stek):
    """The two categories every STEK starts with, made when the STEK is made (a signal, see
    apps.py; migration 0004 made them for the STEKs that existed before)."""
    for order, label in enumerate(DEFAULT_CATEGORIES):
        TallyCategory.objects.get_or_create(stek=stek, label=label, defaults={"order": order})


def categories_for(stek):
    """The STEK's active tally categories (a read: GET never writes, ADR 0011)."""
    return list(TallyCategory.objects.filter(stek=stek, is_active=True))


def session_for(stek, activity, day):
    """The countable session of ``activity`` (None: the STEK open) on ``day``, made by the
    first tap that counts in it (a POST)."""
    session, _created = Session.objects.get_or_create(stek=stek, activity=activity, date=day)
    return session


def sessions_of(stek, day):
    """{activity id or None: session} of the sessions already counted on ``day`` (a read)."""
    return {s.activity_id: s for s in Session.objects.filter(stek=stek, date=day)}


class TapResult:
    """What a tap did: the new ``count``; ``changed`` (False for −1 at zero or a repeat);
    ``repeat`` (this key was already counted: a retry of a tap that reached us before)."""

    __slots__ = ("count", "changed", "repeat")

    def __init__(self, count, changed, repeat=False):
        self.count, self.changed, self.repeat = count, changed, repeat

    def __iter__(self):  # (count, changed), as before keys existed
        return iter((self.count, self.changed))


@transaction.atomic
def tap(*, session, category, delta, key=None):
    """Add one visitor (+1) or take one back (−1). Never below zero; concurrent taps are
    serialised by the database (ADR 0002).

    ``key`` (a UUID the device made for this tap) makes the tap idempotent: the key is inserted
    in the same transaction as the count, and a second tap with the same key (a retry after a
    lost response) changes nothing. Two retries at the same moment are settled by the primary
    key: the second insert waits for the first transaction and then fails."""
    if delta not in (1, -1):
        raise ServiceError("a tap is +1 or -1")
    if category.stek_id != session.stek_id:
        raise ServiceError(_("Deze categorie hoort niet bij deze STEK."))
    counter, _created = TallyCount.objects.get_or_create(session=session, category=category)
    if key is not None:
        try:
            with transaction.atomic():
                TapKey.objects.create(key=key, day=session.date)
        except IntegrityError:
            count = TallyCount.objects.values_list("count", flat=True).get(pk=counter.pk)
            return TapResult(count, False, repeat=True)
    rows = TallyCount.objects.filter(pk=counter.pk)
    if delta < 0:
        rows = rows.filter(count__gt=0)
    changed = rows.update(count=F("count") + delta)
    if changed:
        tally_changed(session.stek_id)  # an update() sends no signal
    count = TallyCount.objects.values_list("count", flat=True).get(pk=counter.pk)
    return TapResult(count, bool(changed))


def purge_tap_keys(today):
    """Forget the keys of taps before yesterday (a retry comes within seconds or minutes; the
    day before stays for a tablet that was offline overnight). Returns how many went."""
    deleted, _rows = TapKey.objects.filter(day__lt=today - timedelta(days=1)).delete()
    return deleted


def totals(session):
    """{category_id: count} and the session's total; a session not counted yet (None) has
    none."""
    if session is None:
        return {}, 0
    per_category = dict(session.counts.values_list("category_id", "count"))
    return per_category, sum(per_category.values())


def counts_of(sessions):
    """{session id: {category id: count}} for ``sessions``, in one query (a read)."""
    counts = {}
    for session_id, category_id, count in TallyCount.objects.filter(
        session__in=sessions
    ).values_list("session_id", "category_id", "count"):
        counts.setdefault(session_id, {})[category_id] = count
    return counts


def stek_total(stek, day):
    return (
        TallyCount.objects.filter(session__stek=stek, session__date=day).aggregate(n=Sum("count"))[
            "n"
        ]
        or 0
    )


@transaction.atomic
def save_activity(*, actor, stek, activity=None, **fields):
    """Create (``activity`` None) or update an activity from cleaned values (the fields of
    ActivityForm; ``organisations`` a list of partner organisations). Its texts may name the
    STEK's and its partners' published contact details (the same set the form allows, so each
    text is scanned once)."""
    activity = activity or Activity()
    activity.stek = stek
    many = assign(activity, fields)
    with allowing(published_contacts(stek)):
        activity.full_clean()
    created = activity.pk is None
    activity.save()
    assign_many(activity, many)
    action = AuditAction.CREATED if created else AuditAction.CHANGED
    audit.record(actor, action, f"activiteit {activity.title}", stek=stek)
    return activity


@transaction.atomic
def change_session(*, actor, activity, day, kind, notice="", new_date=None, new_start=None,
                   new_end=None):  # fmt: skip
    """Cancel or move one session. Replaces an earlier change of the same session."""
    if kind == ChangeKind.MOVED and not (new_date or new_start or new_end):
        raise ServiceError(_("Geef een nieuwe datum of een nieuw uur."), field="new_date")
    change, _created = SessionChange.objects.update_or_create(
        activity=activity,
        date=day,
        defaults={
            "kind": kind,
            "notice": notice,
            "new_date": new_date if kind == ChangeKind.MOVED else None,
            "new_start_time": new_start if kind == ChangeKind.MOVED else None,
            "new_end_time": new_end if kind == ChangeKind.MOVED else None,
        },
    )
    change.full_clean(exclude=["activity"])
    audit.record(actor, AuditAction.CHANGED, f"sessie {activity.title} {day}", stek=activity.stek)
    return change


@transaction.atomic
def undo_session_change(*, actor, activity, day):
    deleted, _rows = SessionChange.objects.filter(activity=activity, date=day).delete()
    if deleted:
        audit.record(
            actor,
            AuditAction.CHANGED,
            f"sessie {activity.title} {day} hersteld",
            stek=activity.stek,
        )
    return bool(deleted)


def deactivate_activity(*, actor, activity):
    Activity.objects.filter(pk=activity.pk).update(is_active=False)
    agenda_changed(activity.stek_id)  # an update() sends no signal
    audit.record(actor, AuditAction.REMOVED, f"activiteit {activity.title}", stek=activity.stek)


@transaction.atomic
def add_pause(*, actor, stek, label, start, end, activity=None):
    """A period without sessions: for ``activity``, or for the whole STEK (None)."""
    if activity is not None and activity.stek_id != stek.pk:
        raise ServiceError(_("Deze activiteit hoort niet bij deze STEK."), field="activity")
    pause = Pause(stek=stek, label=label, start=start, end=end, activity=activity)
    pause.full_clean()
    pause.save()
    audit.record(actor, AuditAction.CREATED, f"pauze {pause.label}", stek=stek)
    return pause


@transaction.atomic
def remove_pause(*, actor, pause):
    audit.record(actor, AuditAction.REMOVED, f"pauze {pause.label}", stek=pause.stek)
    pause.delete()


@transaction.atomic
def add_category(*, actor, stek, label, order=0):
    """A visitor category; its label is unique in the STEK ("kind" and "Kind" are one)."""
    label = label.strip()
    if TallyCategory.objects.filter(stek=stek, label__iexact=label).exists():
        raise ServiceError(_("Deze STEK heeft al een categorie met die naam."), field="label")
    category = TallyCategory(stek=stek, label=label, order=order)
    category.full_clean()
    category.save()
    audit.record(actor, AuditAction.CREATED, f"telcategorie {category.label}", stek=stek)
    return category


@transaction.atomic
def toggle_category(*, actor, category):
    """Stop or resume counting a category; its past counts stay."""
    category.is_active = not category.is_active
    category.save(update_fields=["is_active"])
    audit.record(actor, AuditAction.CHANGED, f"telcategorie {category.label}", stek=category.stek)
    return category
