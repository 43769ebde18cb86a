"""Every write of the rota, and the reading of its slots (ADR 0012). Writes take cleaned
values and raise core's ``ServiceError``.

A slot is a role in one session: a need of an activity (role × count) on a date the agenda's
occurrences say the activity takes place. There is no table of slots."""

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from stek.agenda.occurrences import occurrences
from stek.core import audit
from stek.core.enums import AuditAction, MembershipRole
from stek.core.models import Membership
from stek.core.services import ServiceError, assign

from . import ical
from .enums import AllowanceKind, ReserveStatus, TakeStatus
from .models import (
    AllowancePayment,
    CalendarFeed,
    KilometreClaim,
    ReminderSent,
    ReserveEntry,
    Role,
    ShiftNeed,
    ShiftTake,
    VolunteerRecord,
)

HORIZON_DAYS = 14


def starts_at(day, start_time):
    return timezone.make_aware(datetime.combine(day, start_time))


@dataclass
class Slot:
    occurrence: object
    need: ShiftNeed
    takes: list = field(default_factory=list)  # ShiftTakes with status taken
    held: int = 0  # places offered to someone of the reserve list, not yet answered

    @property
    def role(self):
        return self.need.role

    @property
    def date(self):
        return self.occurrence.date

    @property
    def taken(self):
        return len(self.takes)

    @property
    def open(self):
        return max(self.need.count - self.taken - self.held, 0)

    on_reserve = False

    @property
    def starts_at(self):
        return starts_at(self.occurrence.date, self.occurrence.start_time)

    @property
    def partner_gap(self):
        """A role for a partner's worker that no worker of that partner took."""
        role = self.need.role
        if not role.needs_partner:
            return False
        return not any(fits_partner(t.membership, role) for t in self.takes)

    @property
    def first_timers(self):
        return [t for t in self.takes if t.first_time]


def fits_partner(membership, role):
    if membership.role == MembershipRole.VOLUNTEER:
        return False
    return role.partner_id is None or membership.organisation_id == role.partner_id


def slots(stek, start, end):
    """Every slot of ``stek`` from ``start`` to ``end`` (inclusive), in session order, with its
    takes; sessions that do not take place (cancelled, moved away) have none."""
    needs = defaultdict(list)
    for need in (
        ShiftNeed.objects.filter(stek=stek, role__is_active=True, activity__is_active=True)
        .select_related("role__partner")
        .order_by("role__name")
    ):
        needs[need.activity_id].append(need)
    if not needs:
        return []
    takes = defaultdict(list)
    for take in ShiftTake.objects.filter(
        stek=stek, date__range=(start, end), status=TakeStatus.TAKEN
    ).select_related("membership__user", "membership__organisation"):
        takes[(take.activity_id, take.date, take.role_id)].append(take)
    held = defaultdict(int)
    for offer in ReserveEntry.objects.filter(
        stek=stek, date__range=(start, end), status=ReserveStatus.OFFERED
    ):
        held[(offer.activity_id, offer.date, offer.role_id)] += 1
    found = []
    for occ in occurrences(stek, start, end):
        if not occ.takes_place:
            continue
        for need in needs.get(occ.activity.pk, ()):
            key = (occ.activity.pk, occ.date, need.role_id)
            found.append(Slot(occ, need, takes[key], held[key]))
    return found


def open_slots(stek, membership, now=None):
    """The slots in the next 14 days that ``membership`` can take: not full, not started, not
    taken by them already, and a partner's place only for a worker of that partner."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    result = []
    for slot in slots(stek, today, today + timedelta(days=HORIZON_DAYS)):
        if slot.open == 0 or slot.starts_at <= now:
            continue
        if any(t.membership_id == membership.pk for t in slot.takes):
            continue
        if slot.role.needs_partner and not fits_partner(membership, slot.role):
            continue
        result.append(slot)
    return result


def my_takes(membership, now=None):
    """The membership's coming takes (status taken), in date order."""
    today = timezone.localdate(now or timezone.now())
    return list(
        ShiftTake.objects.filter(membership=membership, status=TakeStatus.TAKEN, date__gte=today)
        .select_related("activity", "role")
        .order_by("date", "activity__start_time", "role__name")
    )


def _occurrence(stek, activity, day):
    for occ in occurrences(stek, day, day):
        if occ.activity.pk == activity.pk and occ.date == day:
            return occ
    return None


def take(*, membership, need, day, now=None):
    """``membership`` takes a place of ``need`` on ``day``. Race-safe: the need is locked and
    the takes counted under the lock; the unique constraint stops a double take."""
    now = now or timezone.now()
    if membership is None or membership.stek_id != need.stek_id or not membership.is_active:
        raise ServiceError(_("Je bent geen lid van deze STEK."))
    role = need.role
    if not role.is_active:
        raise ServiceError(_("Deze rol is er niet meer."))
    if role.needs_partner and not fits_partner(membership, role):
        raise ServiceError(_("Deze plaats is voor een medewerker van een partner."))
    occ = _occurrence(membership.stek, need.activity, day)
    if occ is None or not occ.takes_place:
        raise ServiceError(_("Op die dag is er geen sessie van deze activiteit."))
    if starts_at(day, occ.start_time) <= now:
        raise ServiceError(_("Deze sessie is al begonnen."))
    with transaction.atomic():
        need = ShiftNeed.objects.select_for_update().get(pk=need.pk)
        filled = ShiftTake.objects.filter(
            activity_id=need.activity_id, date=day, role_id=need.role_id, status=TakeStatus.TAKEN
        )
        existing = ShiftTake.objects.filter(
            membership=membership, activity_id=need.activity_id, date=day, role_id=need.role_id
        ).first()
        if existing and existing.status == TakeStatus.TAKEN:
            raise ServiceError(_("Je staat hier al op het rooster."))
        held = ReserveEntry.objects.filter(
            activity_id=need.activity_id, date=day, role_id=need.role_id,
            status=ReserveStatus.OFFERED,
        ).exclude(membership=membership)  # fmt: skip
        if filled.count() + held.count() >= need.count:
            raise ServiceError(_("Deze plaats is net ingenomen. Kies een andere."))
        first_time = not ShiftTake.objects.filter(
            membership=membership, role_id=need.role_id, status=TakeStatus.TAKEN, date__lt=day
        ).exists()
        ReserveEntry.objects.filter(
            membership=membership, activity_id=need.activity_id, date=day, role_id=need.role_id,
            status__in=[ReserveStatus.WAITING, ReserveStatus.OFFERED],
        ).update(status=ReserveStatus.ACCEPTED)  # fmt: skip
        if existing:
            existing.status, existing.given_back_at = TakeStatus.TAKEN, None
            existing.taken_at, existing.first_time = now, first_time
            existing.looking_for_standin = existing.no_show = False
            existing.save()
            return existing
        try:
            with transaction.atomic():
                return ShiftTake.objects.create(
                    stek_id=need.stek_id,
                    membership=membership,
                    activity_id=need.activity_id,
                    date=day,
                    role_id=need.role_id,
                    first_time=first_time,
                    taken_at=now,
                )
        except IntegrityError as error:
            raise ServiceError(_("Je staat hier al op het rooster.")) from error


def assign_place(*, actor, membership, need, day, now=None):
    """The coordinator puts ``membership`` on a place of ``need`` on ``day`` (the same checks
    as taking it oneself: a partner's place only for that partner's worker, not full, not
    started). The person sees it on "Mijn beurten" and can give it back."""
    if membership is None or membership.stek_id != need.stek_id or not membership.is_active:
        raise ServiceError(_("Kies iemand van deze STEK."), field="membership")
    if ShiftTake.objects.filter(
        membership=membership, activity_id=need.activity_id, date=day, role_id=need.role_id,
        status=TakeStatus.TAKEN,
    ).exists():  # fmt: skip
        raise ServiceError(_("Deze persoon staat hier al op het rooster."), field="membership")
    take_ = take(membership=membership, need=need, day=day, now=now)
    audit.record(
        actor, AuditAction.CREATED,
        f"beurt {need.role.name} · {need.activity.title} {day.isoformat()} (ingepland)",
        stek=need.stek,
    )  # fmt: skip
    return take_


def give_back(*, take, now=None):
    """ "Ik kan niet komen": allowed until the session starts; the place is open again."""
    now = now or timezone.now()
    if take.status != TakeStatus.TAKEN:
        raise ServiceError(_("Deze beurt is al teruggegeven."))
    occ = _occurrence(take.stek, take.activity, take.date)
    start = occ.start_time if occ else take.activity.start_time
    if starts_at(take.date, start) <= now:
        raise ServiceError(_("De sessie is al begonnen. Laat het de coördinator weten."))
    with transaction.atomic():
        take.status, take.given_back_at = TakeStatus.GIVEN_BACK, now
        take.looking_for_standin = False
        take.save(update_fields=["status", "given_back_at", "looking_for_standin"])
        offer_next(take.stek, take.activity, take.date, take.role, now=now)
    return take


# The reserve list: a full slot's waiting people; a place given back goes to the first.


def _session_start(stek, activity, day):
    occ = _occurrence(stek, activity, day)
    return starts_at(day, occ.start_time if occ else activity.start_time)


def join_reserve(*, membership, need, day, now=None):
    """Put ``membership`` on the reserve list of a full slot."""
    now = now or timezone.now()
    if membership is None or membership.stek_id != need.stek_id or not membership.is_active:
        raise ServiceError(_("Je bent geen lid van deze STEK."))
    if need.role.needs_partner and not fits_partner(membership, need.role):
        raise ServiceError(_("Deze plaats is voor een medewerker van een partner."))
    occ = _occurrence(membership.stek, need.activity, day)
    if occ is None or not occ.takes_place:
        raise ServiceError(_("Op die dag is er geen sessie van deze activiteit."))
    if starts_at(day, occ.start_time) <= now:
        raise ServiceError(_("Deze sessie is al begonnen."))
    key = {"activity_id": need.activity_id, "date": day, "role_id": need.role_id}
    with transaction.atomic():
        ShiftNeed.objects.select_for_update().get(pk=need.pk)
        if ShiftTake.objects.filter(membership=membership, status=TakeStatus.TAKEN, **key).exists():
            raise ServiceError(_("Je staat hier al op het rooster."))
        filled = ShiftTake.objects.filter(status=TakeStatus.TAKEN, **key).count()
        held = ReserveEntry.objects.filter(status=ReserveStatus.OFFERED, **key).count()
        if filled + held < need.count:
            raise ServiceError(_('Er is nog plaats: tik op "Ik kom".'))
        entry, created = ReserveEntry.objects.get_or_create(
            membership=membership, **key, defaults={"stek_id": need.stek_id, "joined_at": now}
        )
        if not created:
            if entry.status in (ReserveStatus.WAITING, ReserveStatus.OFFERED):
                raise ServiceError(_("Je staat al op de reservelijst."))
            entry.status, entry.joined_at, entry.offered_at = ReserveStatus.WAITING, now, None
            entry.save()
    return entry


def leave_reserve(*, entry, now=None):
    """Off the reserve list; an offer not taken goes to the next one waiting."""
    if entry.status not in (ReserveStatus.WAITING, ReserveStatus.OFFERED):
        raise ServiceError(_("Je staat niet meer op deze reservelijst."))
    with transaction.atomic():
        was_offered = entry.status == ReserveStatus.OFFERED
        entry.status = ReserveStatus.DECLINED if was_offered else ReserveStatus.LEFT
        entry.save(update_fields=["status"])
        if was_offered:
            offer_next(entry.stek, entry.activity, entry.date, entry.role, now=now)
    return entry


def offer_next(stek, activity, day, role, now=None):
    """Offer a free place of this slot to the first one waiting (e-mail and "Mijn beurten").
    Returns the entry offered, or None."""
    now = now or timezone.now()
    if _session_start(stek, activity, day) <= now:
        return None
    need = ShiftNeed.objects.filter(activity=activity, role=role).first()
    if need is None:
        return None
    key = {"activity": activity, "date": day, "role": role}
    filled = ShiftTake.objects.filter(status=TakeStatus.TAKEN, **key).count()
    held = ReserveEntry.objects.filter(status=ReserveStatus.OFFERED, **key).count()
    if filled + held >= need.count:
        return None
    entry = (
        ReserveEntry.objects.filter(status=ReserveStatus.WAITING, **key)
        .select_related("membership__user", "membership__stek")
        .order_by("joined_at", "pk")
        .first()
    )
    if entry is None:
        return None
    entry.status, entry.offered_at = ReserveStatus.OFFERED, now
    entry.save(update_fields=["status", "offered_at"])
    user = entry.membership.user
    if user.email:
        context = {"entry": entry, "name": user.full_name, "stek": stek}
        subject = _("Er is een plaats vrij: %(role)s op %(day)s") % {
            "role": role.name,
            "day": date_format(day, "l j F"),
        }
        transaction.on_commit(
            lambda: send_mail(
                subject,
                render_to_string("rota/email/offer.txt", context),
                None,
                [user.email],
                fail_silently=True,
            )  # fmt: skip
        )
    return entry


def my_offers(membership, now=None):
    """Places offered to ``membership`` from a reserve list, still open (before the start)."""
    now = now or timezone.now()
    offers = ReserveEntry.objects.filter(
        membership=membership, status=ReserveStatus.OFFERED, date__gte=timezone.localdate(now)
    ).select_related("activity", "role", "stek")
    return [o for o in offers if _session_start(o.stek, o.activity, o.date) > now]


def my_reserves(membership, now=None):
    today = timezone.localdate(now or timezone.now())
    return list(
        ReserveEntry.objects.filter(
            membership=membership, status=ReserveStatus.WAITING, date__gte=today
        ).select_related("activity", "role")
    )


def accept_offer(*, entry, now=None):
    """One tap: the offered place becomes the person's take."""
    now = now or timezone.now()
    if entry.status != ReserveStatus.OFFERED:
        raise ServiceError(_("Deze plaats wordt je niet meer aangeboden."))
    if _session_start(entry.stek, entry.activity, entry.date) <= now:
        raise ServiceError(_("Deze sessie is al begonnen."))
    need = ShiftNeed.objects.get(activity=entry.activity, role=entry.role)
    return take(membership=entry.membership, need=need, day=entry.date, now=now)


def places(stek, membership, now=None):
    """What the open-places page shows ``membership``, from one read of the slots: the open
    slots, the full ones (for the reserve list, each with ``on_reserve``) and the stand-ins
    asked for by others, as (slot, take)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    waiting = {
        (e.activity_id, e.date, e.role_id)
        for e in ReserveEntry.objects.filter(
            membership=membership,
            date__gte=today,
            status__in=[ReserveStatus.WAITING, ReserveStatus.OFFERED],
        )  # fmt: skip
    }
    found = {"open": [], "full": [], "standins": []}
    for slot in slots(stek, today, today + timedelta(days=HORIZON_DAYS)):
        if slot.starts_at <= now:
            continue
        if slot.role.needs_partner and not fits_partner(membership, slot.role):
            continue
        if any(t.membership_id == membership.pk for t in slot.takes):
            continue
        found["standins"] += [(slot, t) for t in slot.takes if t.looking_for_standin]
        if slot.open:
            found["open"].append(slot)
        else:
            slot.on_reserve = (slot.occurrence.activity.pk, slot.date, slot.role.pk) in waiting
            found["full"].append(slot)
    return found


def full_slots(stek, membership, now=None):
    return places(stek, membership, now)["full"]


def standin_requests(stek, membership, now=None):
    """Others' takes in the next 14 days that look for a stand-in and ``membership`` may take."""
    return [take for _slot, take in places(stek, membership, now)["standins"]]


# Stand-ins: "Zoek een vervanger" shows the take on others' open list; one tap takes it over.


def ask_standin(*, take, now=None):
    now = now or timezone.now()
    if take.status != TakeStatus.TAKEN:
        raise ServiceError(_("Deze beurt is al teruggegeven."))
    if _session_start(take.stek, take.activity, take.date) <= now:
        raise ServiceError(_("De sessie is al begonnen. Laat het de coördinator weten."))
    take.looking_for_standin = True
    take.save(update_fields=["looking_for_standin"])
    return take


def cancel_standin(*, take):
    take.looking_for_standin = False
    take.save(update_fields=["looking_for_standin"])
    return take


def take_over(*, take, membership, now=None):
    """``membership`` stands in for ``take``: the take is handed over in one step."""
    now = now or timezone.now()
    if membership is None or membership.stek_id != take.stek_id or not membership.is_active:
        raise ServiceError(_("Je bent geen lid van deze STEK."))
    if take.membership_id == membership.pk:
        raise ServiceError(_("Dit is je eigen beurt."))
    if take.role.needs_partner and not fits_partner(membership, take.role):
        raise ServiceError(_("Deze plaats is voor een medewerker van een partner."))
    if _session_start(take.stek, take.activity, take.date) <= now:
        raise ServiceError(_("Deze sessie is al begonnen."))
    key = {"activity_id": take.activity_id, "date": take.date, "role_id": take.role_id}
    with transaction.atomic():
        current = ShiftTake.objects.select_for_update().get(pk=take.pk)
        if current.status != TakeStatus.TAKEN or not current.looking_for_standin:
            raise ServiceError(_("Iemand anders nam deze beurt al over."))
        mine = ShiftTake.objects.filter(membership=membership, **key).first()
        if mine and mine.status == TakeStatus.TAKEN:
            raise ServiceError(_("Je staat hier al op het rooster."))
        current.status, current.given_back_at = TakeStatus.GIVEN_BACK, now
        current.looking_for_standin = False
        current.save(update_fields=["status", "given_back_at", "looking_for_standin"])
        first_time = not ShiftTake.objects.filter(
            membership=membership, role_id=take.role_id, status=TakeStatus.TAKEN,
            date__lt=take.date,
        ).exists()  # fmt: skip
        ReserveEntry.objects.filter(
            membership=membership, status__in=[ReserveStatus.WAITING, ReserveStatus.OFFERED],
            **key,
        ).update(status=ReserveStatus.ACCEPTED)  # fmt: skip
        if mine:
            mine.status, mine.given_back_at, mine.taken_at = TakeStatus.TAKEN, None, now
            mine.first_time, mine.looking_for_standin, mine.no_show = first_time, False, False
            mine.save()
            return mine
        return ShiftTake.objects.create(
            stek_id=take.stek_id, membership=membership, first_time=first_time, taken_at=now,
            **key,
        )  # fmt: skip


def recent_takes(stek, today=None, days=7):
    """The takes of the last ``days`` days up to today, for noting who did not come."""
    today = today or timezone.localdate()
    return list(
        ShiftTake.objects.filter(
            stek=stek, status=TakeStatus.TAKEN, date__range=(today - timedelta(days=days), today)
        )
        .select_related("membership__user", "activity", "role")
        .order_by("-date", "activity__start_time")
    )


@transaction.atomic
def set_no_show(*, actor, take, no_show):
    """The coordinator notes that someone did not come. Nothing follows from it: no points, no
    blocking; only the coordinator's planning shows it."""
    take.no_show = bool(no_show)
    take.save(update_fields=["no_show"])
    audit.record(
        actor, AuditAction.CHANGED, f"beurt {take.role.name} · {take.activity.title}",
        stek=take.stek, detail=f"niet gekomen: {'ja' if no_show else 'nee'}",
    )  # fmt: skip
    return take


def panel_context(stek, membership):
    """What the STEK home page's panel shows: empty when the STEK has no needs yet."""
    if not ShiftNeed.objects.filter(stek=stek).exists():
        return {}
    return {
        "has_rota": True,
        "open_count": sum(s.open for s in open_slots(stek, membership)),
        "mine_count": len(my_takes(membership)),
    }


# The coordinator: the two weeks at a glance, the roles and the needs.


@dataclass
class SessionPlan:
    occurrence: object
    slots: list

    @property
    def short(self):
        """Slots with places nobody took yet."""
        return [s for s in self.slots if s.open]

    @property
    def partner_gaps(self):
        return [s for s in self.slots if s.partner_gap]

    @property
    def first_timers(self):
        return [t for s in self.slots for t in s.first_timers]


def planning(stek, today=None, days=HORIZON_DAYS):
    """[(date, [SessionPlan])] for the next ``days`` days: each session with its slots."""
    today = today or timezone.localdate()
    per_day = {}
    for slot in slots(stek, today, today + timedelta(days=days - 1)):
        sessions = per_day.setdefault(slot.date, {})
        key = slot.occurrence.activity.pk
        if key not in sessions:
            sessions[key] = SessionPlan(slot.occurrence, [])
        sessions[key].slots.append(slot)
    return [(day, list(sessions.values())) for day, sessions in sorted(per_day.items())]


def _check_partner(stek, partner):
    if (
        partner is not None
        and not stek.partnerships.filter(organisation=partner, is_active=True).exists()
    ):
        raise ServiceError(_("Deze organisatie is geen partner van deze STEK."), field="partner")


def _check_name(stek, name, role=None):
    taken = Role.objects.filter(stek=stek, name__iexact=name)
    if role is not None:
        taken = taken.exclude(pk=role.pk)
    if taken.exists():
        raise ServiceError(_("Er is al een rol met deze naam."), field="name")


@transaction.atomic
def create_role(*, actor, stek, **fields):
    _check_name(stek, fields.get("name", ""))
    _check_partner(stek, fields.get("partner"))
    role = Role(stek=stek)
    assign(role, fields)
    if not role.needs_partner:
        role.partner = None
    role.full_clean(exclude=["stek"])
    role.save()
    audit.record(actor, AuditAction.CREATED, f"rol {role.name}", stek=stek)
    return role


@transaction.atomic
def update_role(*, actor, role, **fields):
    _check_name(role.stek, fields.get("name", role.name), role)
    _check_partner(role.stek, fields.get("partner"))
    assign(role, fields)
    if not role.needs_partner:
        role.partner = None
    role.full_clean(exclude=["stek"])
    role.save()
    audit.record(actor, AuditAction.CHANGED, f"rol {role.name}", stek=role.stek)
    return role


@transaction.atomic
def set_need(*, actor, stek, activity, role, count):
    """Every session of ``activity`` needs ``count`` people in ``role`` (a new need, or the
    count of the existing one changed)."""
    if activity.stek_id != stek.pk or role.stek_id != stek.pk:
        raise ServiceError(_("Deze rol of activiteit hoort niet bij deze STEK."))
    if not 1 <= count <= 50:
        raise ServiceError(_("Kies een aantal van 1 tot 50."), field="count")
    need, created = ShiftNeed.objects.update_or_create(
        activity=activity, role=role, defaults={"stek": stek, "count": count}
    )
    action = AuditAction.CREATED if created else AuditAction.CHANGED
    audit.record(actor, action, f"nodig {role.name} × {count} · {activity.title}", stek=stek)
    return need


@transaction.atomic
def remove_need(*, actor, need):
    audit.record(
        actor, AuditAction.REMOVED, f"nodig {need.role.name} · {need.activity.title}",
        stek=need.stek,
    )  # fmt: skip
    need.delete()


# Sign-in links without a password (signin.py makes and reads them; these are the writes).


def send_signin_link(*, actor, membership, link):
    """E-mail ``link`` to the membership's person and record it."""
    user = membership.user
    context = {
        "name": user.full_name,
        "stek": membership.stek,
        "link": link,
        "days": settings.STEK_SIGNIN_LINK_DAYS,
    }
    send_mail(
        _("Je aanmeldlink voor %(stek)s") % {"stek": membership.stek.name},
        render_to_string("rota/email/signin_link.txt", context),
        None,
        [user.email],
    )
    audit.record(
        actor, AuditAction.CREATED, f"aanmeldlink lid {user.email}",
        stek=membership.stek, detail="per e-mail",
    )  # fmt: skip


def record_printed_signin_link(*, actor, membership):
    audit.record(
        actor, AuditAction.CREATED, f"aanmeldlink lid {membership.user.email}",
        stek=membership.stek, detail="afgedrukt",
    )  # fmt: skip


@transaction.atomic
def revoke_signin_links(*, actor, membership):
    """Every link sent or printed for this person so far stops working (a link's token depends
    on ``last_login``)."""
    user = membership.user
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    audit.record(
        actor, AuditAction.REMOVED, f"aanmeldlink lid {user.email}", stek=membership.stek,
        detail="ingetrokken",
    )  # fmt: skip


def record_signin_with_link(*, user):
    for membership in user.memberships.filter(is_active=True).select_related("stek__network"):
        audit.record(
            user, AuditAction.CHANGED, f"aanmeldlink lid {user.email}", stek=membership.stek,
            detail="gebruikt",
        )  # fmt: skip


# Reminders and the personal iCal feed.

REMINDER_DAYS = 2


def send_reminders(now=None):
    """E-mail each person their takes of today and the next ``REMINDER_DAYS`` days not
    reminded yet, with an .ics attachment; record every take reminded. Returns
    (people, takes) mailed. Run it twice: nothing goes out twice."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = (
        ShiftTake.objects.filter(
            status=TakeStatus.TAKEN,
            date__range=(today, today + timedelta(days=REMINDER_DAYS)),
            reminder__isnull=True,
            membership__is_active=True,
            membership__user__is_active=True,
        )
        .select_related("activity", "role", "stek", "membership__user")
        .order_by("membership_id", "date", "activity__start_time")
    )
    per_person = defaultdict(list)
    for take in due:
        if starts_at(take.date, take.activity.start_time) > now:
            per_person[take.membership].append(take)
    people = takes = 0
    for membership, mine in per_person.items():
        user = membership.user
        with transaction.atomic():
            # claim the takes first: a second run at the same time finds them claimed
            claimed = []
            for take in mine:
                _sent, created = ReminderSent.objects.get_or_create(
                    take=take, defaults={"sent_at": now}
                )
                if created:
                    claimed.append(take)
            if not claimed or not user.email:
                continue
            message = EmailMessage(
                _("Herinnering: je beurten bij %(stek)s") % {"stek": membership.stek.name},
                render_to_string(
                    "rota/email/reminder.txt",
                    {"name": user.full_name, "stek": membership.stek, "takes": claimed},
                ),
                to=[user.email],
            )
            message.attach("beurten.ics", ical.calendar_of(claimed, membership.stek.name),
                           "text/calendar")  # fmt: skip
            message.send()
        people += 1
        takes += len(claimed)
    return people, takes


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def renew_feed(*, membership):
    """A new secret feed address for ``membership``; the old one stops working. Returns the
    token (shown once: only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.update_or_create(
        membership=membership, defaults={"token_hash": _hash(token), "created_at": timezone.now()}
    )
    audit.record(membership.user, AuditAction.CHANGED, f"agenda-link lid {membership.user.email}",
                 stek=membership.stek, detail="nieuw")  # fmt: skip
    return token


@transaction.atomic
def revoke_feed(*, membership):
    CalendarFeed.objects.filter(membership=membership).delete()
    audit.record(membership.user, AuditAction.REMOVED, f"agenda-link lid {membership.user.email}",
                 stek=membership.stek, detail="ingetrokken")  # fmt: skip


def feed_membership(token):
    """The active membership whose feed ``token`` is, or None."""
    feed = (
        CalendarFeed.objects.filter(
            token_hash=_hash(token or ""),
            membership__is_active=True,
            membership__user__is_active=True,
        )  # fmt: skip
        .select_related("membership__stek")
        .first()
    )
    return feed.membership if feed else None


# Hours and the volunteer law's expense allowance (allowance.py holds the caps).


@transaction.atomic
def record_allowance(*, actor, take, kind, amount):
    """The coordinator records an allowance paid for ``take``. Refused: a take that did not
    take place, a second one for the take, flat rate and real costs mixed in one year for one
    volunteer, a flat rate over the day or the year cap. Returns (payment, warning or "")."""
    from . import allowance

    if take.status != TakeStatus.TAKEN or take.no_show:
        raise ServiceError(_("Voor deze beurt kan je geen vergoeding noteren."))
    if take.date > timezone.localdate():
        raise ServiceError(_("Deze beurt moet nog plaatsvinden."))
    if AllowancePayment.objects.filter(take=take).exists():
        raise ServiceError(_("Voor deze beurt is al een vergoeding genoteerd."))
    if amount is None or amount <= 0:
        raise ServiceError(_("Vul een bedrag groter dan 0 in."), field="amount")
    membership = take.membership
    year = take.date.year
    Membership.objects.select_for_update().get(pk=membership.pk)  # one payment at a time
    this_year = AllowancePayment.objects.filter(membership=membership, date__year=year)
    other = AllowanceKind.REAL if kind == AllowanceKind.FLAT else AllowanceKind.FLAT
    if this_year.filter(kind=other).exists():
        raise ServiceError(
            _("Deze vrijwilliger kreeg dit jaar al %(other)s. De wet laat niet toe om "
              "forfaitaire en werkelijke kosten te mengen in één jaar.")
            % {"other": AllowanceKind(other).label.lower()},
            field="kind",
        )  # fmt: skip
    warning = ""
    if kind == AllowanceKind.FLAT:
        caps = allowance.caps_for(year)
        day_total = this_year.filter(date=take.date).aggregate(s=Sum("amount"))["s"] or 0
        if day_total + amount > caps.day:
            raise ServiceError(
                _("Meer dan het dagmaximum van € %(cap)s.") % {"cap": caps.day}, field="amount"
            )
        year_total = this_year.aggregate(s=Sum("amount"))["s"] or 0
        if year_total + amount > caps.per_year:
            raise ServiceError(
                _("Meer dan het jaarmaximum van € %(cap)s (al betaald: € %(paid)s).")
                % {"cap": caps.per_year, "paid": year_total},
                field="amount",
            )
        if year_total + amount >= caps.per_year * allowance.WARN_SHARE:
            warning = _("Let op: nog € %(left)s tot het jaarmaximum.") % {
                "left": caps.per_year - year_total - amount
            }
    payment = AllowancePayment.objects.create(
        stek=take.stek, membership=membership, take=take, date=take.date, kind=kind,
        amount=amount,
    )  # fmt: skip
    audit.record(
        actor, AuditAction.CREATED, f"vergoeding lid {membership.user.email}", stek=take.stek,
        detail=f"{kind} {amount} op {take.date}",
    )  # fmt: skip
    return payment, warning


MAX_KM_PER_TAKE = 1000  # a typing error ("12000" for "120"), not a trip to a session


@transaction.atomic
def record_kilometres(*, actor, take, km):
    """The coordinator records the kilometres a volunteer drove for ``take``, paid at the
    federal rate of that day. With the flat rate (or no real costs) this year, at most 2.000 km
    a year: a warning from 1.800 km, a refusal beyond. On real costs the km are real costs too
    and the 2.000 km do not apply. Returns (claim, warning or "")."""
    from . import allowance

    if take.status != TakeStatus.TAKEN or take.no_show:
        raise ServiceError(_("Voor deze beurt kan je geen kilometers noteren."))
    if take.date > timezone.localdate():
        raise ServiceError(_("Deze beurt moet nog plaatsvinden."))
    if KilometreClaim.objects.filter(take=take).exists():
        raise ServiceError(_("Voor deze beurt zijn al kilometers genoteerd."))
    if km is None or km <= 0:
        raise ServiceError(_("Vul een aantal kilometers groter dan 0 in."), field="km")
    if km > MAX_KM_PER_TAKE:
        raise ServiceError(
            _("Meer dan %(max)s km voor één beurt? Kijk het aantal na.") % {"max": MAX_KM_PER_TAKE},
            field="km",
        )
    membership = take.membership
    year = take.date.year
    Membership.objects.select_for_update().get(pk=membership.pk)  # one claim at a time
    on_real_costs = AllowancePayment.objects.filter(
        membership=membership, date__year=year, kind=AllowanceKind.REAL
    ).exists()
    before = (
        KilometreClaim.objects.filter(membership=membership, date__year=year).aggregate(
            s=Sum("km")
        )["s"]
        or 0
    )
    warning = ""
    if not on_real_costs:
        cap = allowance.KM_YEAR_CAP
        if before + km > cap:
            raise ServiceError(
                _("Meer dan %(cap)s km in %(year)s (al genoteerd: %(before)s km). Naast de "
                  "forfaitaire vergoeding mag een vrijwilliger hoogstens %(cap)s km per jaar "
                  "aan vervoerskosten krijgen.")
                % {"cap": cap, "year": year, "before": before},
                field="km",
            )  # fmt: skip
        if before + km >= cap * allowance.KM_WARN_SHARE:
            warning = _("Let op: nog %(left)s km tot de %(cap)s km van dit jaar.") % {
                "left": cap - before - km, "cap": cap,
            }  # fmt: skip
    rate = allowance.km_rate_for(take.date)
    claim = KilometreClaim.objects.create(
        stek=take.stek, membership=membership, take=take, date=take.date, km=km,
        rate=rate.rate, amount=allowance.km_amount(km, rate.rate),
    )  # fmt: skip
    audit.record(
        actor, AuditAction.CREATED, f"kilometers lid {membership.user.email}", stek=take.stek,
        detail=f"{km} km × {rate.rate} op {take.date}",
    )  # fmt: skip
    return claim, warning


@transaction.atomic
def set_note_given(*, actor, membership, given, today=None):
    record, _created = VolunteerRecord.objects.get_or_create(membership=membership)
    record.note_given_on = (today or timezone.localdate()) if given else None
    record.save(update_fields=["note_given_on"])
    audit.record(
        actor, AuditAction.CHANGED, f"organisatienota lid {membership.user.email}",
        stek=membership.stek, detail="gegeven" if given else "niet gegeven",
    )  # fmt: skip
    return record
