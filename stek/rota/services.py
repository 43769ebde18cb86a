"""Every write of the rota, and the reading of its slots (ADR 0012). Writes take cleaned
values and raise core's ``ServiceError``.

A slot is a role in one session: a need of an activity (role × count) on a date the agenda's
occurrences say the activity takes place. There is no table of slots."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from stek.agenda.occurrences import occurrences
from stek.core import audit
from stek.core.enums import AuditAction, MembershipRole
from stek.core.services import ServiceError, assign

from .enums import TakeStatus
from .models import Role, ShiftNeed, ShiftTake

HORIZON_DAYS = 14


def starts_at(day, start_time):
    return timezone.make_aware(datetime.combine(day, start_time))


@dataclass
class Slot:
    occurrence: object
    need: ShiftNeed
    takes: list = field(default_factory=list)  # ShiftTakes with status taken

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
        return max(self.need.count - self.taken, 0)

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
    found = []
    for occ in occurrences(stek, start, end):
        if not occ.takes_place:
            continue
        for need in needs.get(occ.activity.pk, ()):
            found.append(Slot(occ, need, takes[(occ.activity.pk, occ.date, need.role_id)]))
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
        if filled.count() >= need.count:
            raise ServiceError(_("Deze plaats is net ingenomen. Kies een andere."))
        first_time = not ShiftTake.objects.filter(
            membership=membership, role_id=need.role_id, status=TakeStatus.TAKEN, date__lt=day
        ).exists()
        if existing:
            existing.status, existing.given_back_at = TakeStatus.TAKEN, None
            existing.taken_at, existing.first_time = now, first_time
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


def give_back(*, take, now=None):
    """ "Ik kan niet komen": allowed until the session starts; the place is open again."""
    now = now or timezone.now()
    if take.status != TakeStatus.TAKEN:
        raise ServiceError(_("Deze beurt is al teruggegeven."))
    occ = _occurrence(take.stek, take.activity, take.date)
    start = occ.start_time if occ else take.activity.start_time
    if starts_at(take.date, start) <= now:
        raise ServiceError(_("De sessie is al begonnen. Laat het de coördinator weten."))
    take.status, take.given_back_at = TakeStatus.GIVEN_BACK, now
    take.save(update_fields=["status", "given_back_at"])
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
