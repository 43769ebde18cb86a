"""Every write to tenancy data goes through these functions (atomic, audited)."""

import secrets

from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.utils.translation import gettext as _

from . import audit
from .enums import AuditAction, MembershipRole
from .models import Membership, Organisation, Partnership, Stek, User
from .permissions import forget_roles


class ServiceError(Exception):
    """A write that the rules forbid; the message is shown to the user. Every app's services
    raise this one class, so a view, the API or a command catches one.

    ``field``: the input the message is about; a form shows it on that field (``show_refusal``)
    when it has one, at the top otherwise."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def assign(instance, fields):
    """Set cleaned values on ``instance``; returns the many-to-many ones, for ``assign_many``
    after the instance is saved (a many-to-many needs a primary key)."""
    many = {f.name for f in instance._meta.many_to_many}
    later = {}
    for name, value in fields.items():
        if name in many:
            later[name] = value
        else:
            setattr(instance, name, value)
    return later


def assign_many(instance, values):
    for name, value in values.items():
        getattr(instance, name).set(value)


@transaction.atomic
def create_stek(*, actor, network, **fields):
    stek = Stek(network=network, **fields)
    stek.full_clean()
    stek.save()
    audit.record(actor, AuditAction.CREATED, f"STEK {stek.name}", network=network, stek=stek)
    return stek


@transaction.atomic
def update_stek(*, actor, stek, **fields):
    for name, value in fields.items():
        setattr(stek, name, value)
    stek.full_clean()
    stek.save()
    audit.record(actor, AuditAction.CHANGED, f"STEK {stek.name}", stek=stek)
    return stek


@transaction.atomic
def add_partner(*, actor, stek, organisation=None, new_organisation=None, role, contribution=""):
    """Make an existing organisation of the network, or a new one, a partner of ``stek``."""
    if organisation is None:
        organisation = Organisation(network=stek.network, **new_organisation)
        organisation.full_clean()
        organisation.save()
    elif organisation.network_id != stek.network_id:
        raise ServiceError(_("Deze organisatie hoort bij een ander netwerk."))
    partnership, created = Partnership.objects.get_or_create(
        stek=stek,
        organisation=organisation,
        defaults={"role": role, "contribution": contribution},
    )
    if not created:
        if partnership.is_active:
            raise ServiceError(_("%(org)s is al partner van deze STEK.") % {"org": organisation})
        partnership.role, partnership.contribution, partnership.is_active = (
            role,
            contribution,
            True,
        )
    partnership.full_clean()
    partnership.save()
    audit.record(actor, AuditAction.CREATED, f"partner {organisation}", stek=stek)
    return partnership


@transaction.atomic
def update_partner(*, actor, partnership, organisation_fields, role, contribution):
    organisation = partnership.organisation
    for name, value in organisation_fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    partnership.role, partnership.contribution = role, contribution
    partnership.full_clean()
    partnership.save()
    audit.record(actor, AuditAction.CHANGED, f"partner {organisation}", stek=partnership.stek)
    return partnership


@transaction.atomic
def end_partnership(*, actor, partnership):
    """End a partnership. People still active for that organisation must move first."""
    if Membership.objects.filter(
        stek=partnership.stek, organisation=partnership.organisation, is_active=True
    ).exists():
        raise ServiceError(
            _(
                "Er zijn nog mensen actief voor %(org)s in deze STEK. Geef hen eerst een andere "
                "organisatie of zet hen op non-actief."
            )
            % {"org": partnership.organisation}
        )
    partnership.is_active = False
    partnership.save(update_fields=["is_active"])
    audit.record(
        actor, AuditAction.REMOVED, f"partner {partnership.organisation}", stek=partnership.stek
    )
    return partnership


def _check_organisation_partners(stek, organisation):
    if not Partnership.objects.filter(
        stek=stek, organisation=organisation, is_active=True
    ).exists():
        raise ServiceError(_("Kies een organisatie die partner is van deze STEK."))


def _keeps_a_coordinator(stek, excluding):
    return (
        Membership.objects.filter(stek=stek, role=MembershipRole.COORDINATOR, is_active=True)
        .exclude(pk=excluding.pk)
        .exists()
    )


def account_exists(email):
    """Whether someone already has an account with this e-mail address (the page that adds
    a person then asks first, and shows only the address typed, never the account's name)."""
    return User.objects.filter(email__iexact=email.strip()).exists()


def is_active_member(stek, email):
    return Membership.objects.filter(
        stek=stek, user__email__iexact=email.strip(), is_active=True
    ).exists()


@transaction.atomic
def add_member(*, actor, stek, email, full_name, organisation, role, request=None):
    """Give a person a role in ``stek``. A new person gets an e-mail to choose a password."""
    _check_organisation_partners(stek, organisation)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    invited = False
    if user is None and not full_name.strip():
        # an existing account keeps its own name; a new one needs one for its invitation
        raise ServiceError(
            _("Geef een naam: deze persoon heeft nog geen account."), field="full_name"
        )
    if user is None:
        # A random password nobody knows: the person chooses their own through the invitation
        # link, and "forgot password" works for them from day one.
        user = User.objects.create_user(
            email=email, full_name=full_name.strip(), password=secrets.token_urlsafe(32)
        )
        invited = True
    membership = Membership.objects.filter(user=user, stek=stek).first()
    if membership is not None and membership.is_active:
        raise ServiceError(_("%(email)s hoort al bij deze STEK.") % {"email": email})
    if membership is None:
        membership = Membership(user=user, stek=stek)
    membership.organisation, membership.role, membership.is_active = organisation, role, True
    membership.save()
    audit.record(actor, AuditAction.CREATED, f"lid {user.email} ({role})", stek=stek)
    if invited:
        transaction.on_commit(lambda: send_invitation(user, request))
    forget_roles(user)
    return membership, invited


def send_invitation(user, request=None):
    """Send the 'choose your password' link (Django's password-reset token, 3 days)."""
    form = PasswordResetForm(data={"email": user.email})
    if form.is_valid():
        form.save(
            request=request,
            use_https=bool(request and request.is_secure()),
            subject_template_name="registration/invitation_subject.txt",
            email_template_name="registration/invitation_email.txt",
            domain_override=None if request else "localhost:8000",
        )


@transaction.atomic
def update_member(*, actor, membership, organisation, role):
    _check_organisation_partners(membership.stek, organisation)
    if (
        membership.role == MembershipRole.COORDINATOR
        and role != MembershipRole.COORDINATOR
        and not _keeps_a_coordinator(membership.stek, membership)
    ):
        raise ServiceError(_("Een STEK heeft altijd minstens één coördinator."))
    membership.organisation, membership.role = organisation, role
    membership.save(update_fields=["organisation", "role"])
    audit.record(
        actor, AuditAction.CHANGED, f"lid {membership.user.email} ({role})", stek=membership.stek
    )
    forget_roles(membership.user)
    return membership


@transaction.atomic
def deactivate_member(*, actor, membership):
    if membership.role == MembershipRole.COORDINATOR and not _keeps_a_coordinator(
        membership.stek, membership
    ):
        raise ServiceError(_("Een STEK heeft altijd minstens één coördinator."))
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit.record(actor, AuditAction.REMOVED, f"lid {membership.user.email}", stek=membership.stek)
    forget_roles(membership.user)
    return membership


@transaction.atomic
def create_stek_with_coordinator(*, actor, network, stek_fields, coordinator, request=None):
    """A network admin adds a STEK with its first partner and coordinator."""
    stek = create_stek(actor=actor, network=network, **stek_fields)
    partnership = add_partner(
        actor=actor,
        stek=stek,
        organisation=coordinator.get("organisation"),
        new_organisation=coordinator.get("new_organisation"),
        role="trekker",
    )
    membership, invited = add_member(
        actor=actor,
        stek=stek,
        email=coordinator["email"],
        full_name=coordinator["full_name"],
        organisation=partnership.organisation,
        role=MembershipRole.COORDINATOR,
        request=request,
    )
    return stek, membership, invited
