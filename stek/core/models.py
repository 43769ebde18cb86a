"""Tenancy: networks, STEKs, partner organisations, people and their roles; the audit log.

No model here, or anywhere in stek, has a field for a visitor's identity. Users are staff and
volunteers, who log in; visitors never do.
"""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import (
    AuditAction,
    MembershipRole,
    NetworkRole,
    OrganisationKind,
    PartnershipRole,
    StekKind,
)
from .privacy import no_personal_data
from .validators import (
    format_kbo_number,
    validate_kbo_number,
    validate_language_list,
    validate_phone_number,
)
from .vocabulary import Topic  # noqa: F401  (a model of core, defined with the shared vocabulary)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in: a volunteer, worker, coordinator or network member."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Network(models.Model):
    """A network of STEKs (a regional institute, a city): sees aggregates only."""

    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("korte naam"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("netwerk")
        verbose_name_plural = _("netwerken")

    def __str__(self):
        return self.name


class Stek(models.Model):
    """One STEK practice: a meeting place run by a partnership."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="steks")
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(
        _("korte naam"),
        unique=True,
        help_text=_("Komt in de webadressen, bv. de-wissel. Kleine letters, cijfers en -."),
    )
    kind = models.CharField(
        _("soort werking"), max_length=30, choices=StekKind.choices, default=StekKind.OTHER
    )
    street = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True)
    service_area = models.TextField(
        _("werkingsgebied"),
        blank=True,
        max_length=2000,
        validators=[no_personal_data, MaxLengthValidator(2000)],
        help_text=_("Welke buurt of wijken de STEK bedient. Geen namen of adressen van mensen."),
    )
    contact_email = models.EmailField(_("publiek e-mailadres"), blank=True)
    contact_phone = models.CharField(
        _("publiek telefoonnummer"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_active = models.BooleanField(_("actief"), default=True)
    count_rights_shown = models.BooleanField(
        _("tel welke rechten de rechtencheck vindt"),
        default=False,
        help_text=_(
            "Telt per week hoe vaak de rechtencheck van deze STEK elk recht als 'waarschijnlijk' "
            "of 'misschien' toont. Enkel aantallen: nooit antwoorden of iets over de persoon."
        ),
    )
    public_languages = models.CharField(
        _("talen van de publieke pagina's"),
        max_length=30,
        default="nl",
        validators=[validate_language_list],
        help_text=_(
            "Het programma, de affiche en de hulp in de buurt tonen deze talen. Een bezoeker "
            "krijgt de taal van zijn telefoon als die erbij is, anders de eerste taal."
        ),
    )
    first_language = models.CharField(
        _("eerste taal"),
        max_length=5,
        default="nl",
        choices=settings.LANGUAGES,
        help_text=_(
            "Voor het scherm aan de ingang, de gedeelde tablet en wie een andere taal heeft."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("STEK")
        verbose_name_plural = _("STEKs")

    def __str__(self):
        return self.name

    @property
    def public_language_codes(self):
        """The public languages as codes, the first language first: ["fr", "nl"]."""
        codes = [c.strip() for c in (self.public_languages or "").split(",") if c.strip()]
        return list(dict.fromkeys([self.first_language or settings.LANGUAGE_CODE, *codes]))

    def clean(self):
        super().clean()
        codes = [c.strip() for c in (self.public_languages or "").split(",") if c.strip()]
        if self.first_language and codes and self.first_language not in codes:
            raise ValidationError(
                {
                    "first_language": _(
                        "De eerste taal moet ook een taal van de publieke pagina's zijn."
                    )
                }
            )

    @property
    def name_after_brand(self):
        """The name as the header shows it after the word STEK, so that a name that starts with
        it ("STEK Alfa") does not read "STEK STEK Alfa" (and is shortened once on a phone)."""
        first, _space, rest = (self.name or "").strip().partition(" ")
        return rest.strip() if first.upper() == "STEK" and rest.strip() else self.name

    @property
    def address(self):
        place = " ".join(p for p in (self.postal_code, self.municipality) if p)
        return ", ".join(p for p in (self.street, place) if p)

    def address_with(self, place):
        """A place in or at the STEK with the STEK's full address and town, for a calendar or a
        map: "Buurthuis De Kring, Kerkstraat 1, 9000 Gent". A place that already holds the
        address, or that is the street itself ("Kerkstraat 1"), is not said twice."""
        place, address = (place or "").strip(), self.address.strip()
        if not place or address.casefold() in place.casefold():
            return place or address
        if place.casefold() in address.casefold():
            return address
        return ", ".join(p for p in (place, address) if p)


class Organisation(models.Model):
    """A partner organisation; it may take part in several STEKs of its network."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="organisations")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(
        _("beschrijving"),
        blank=True,
        max_length=3000,
        validators=[no_personal_data, MaxLengthValidator(3000)],
    )
    kind = models.CharField(_("soort"), max_length=30, choices=OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)
    kbo_number = models.CharField(
        _("ondernemingsnummer (KBO)"),
        max_length=10,
        blank=True,
        validators=[validate_kbo_number],
        help_text=_("Tien cijfers, bv. 0403.170.701."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnerorganisatie")
        verbose_name_plural = _("partnerorganisaties")
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="organisation_unique_name")
        ]

    def __str__(self):
        return self.name

    @property
    def kbo_display(self):
        return format_kbo_number(self.kbo_number)


class Partnership(models.Model):
    """An organisation's part in one STEK."""

    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(
        _("rol in de STEK"),
        max_length=20,
        choices=PartnershipRole.choices,
        default=PartnershipRole.PARTNER,
    )
    contribution = models.TextField(
        _("wat de organisatie inbrengt"),
        blank=True,
        max_length=2000,
        validators=[no_personal_data, MaxLengthValidator(2000)],
        help_text=_(
            "Bv. 'permanentie elke dinsdag, lokaal, kookploeg'. Zet er geen namen, "
            "telefoonnummers, adressen of andere gegevens van personen in."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    started_on = models.DateField(_("sinds"), default=timezone.localdate)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("partnerschap")
        verbose_name_plural = _("partnerschappen")
        constraints = [
            models.UniqueConstraint(fields=["stek", "organisation"], name="partnership_unique")
        ]

    def __str__(self):
        return f"{self.organisation} @ {self.stek}"


class Membership(models.Model):
    """A person's role in one STEK, on behalf of one partner organisation."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="memberships")
    stek = models.ForeignKey(Stek, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=MembershipRole.choices)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__full_name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "stek"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) @ {self.stek}"


class NetworkMembership(models.Model):
    user = models.ForeignKey(
        "core.User", on_delete=models.CASCADE, related_name="network_memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=NetworkRole.choices)

    class Meta:
        verbose_name = _("netwerklidmaatschap")
        verbose_name_plural = _("netwerklidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="network_membership_unique")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) @ {self.network}"


class AuditEvent(models.Model):
    """Who viewed or exported data across STEKs, or changed tenancy data, and when."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        "core.User", null=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    network = models.ForeignKey(Network, null=True, blank=True, on_delete=models.SET_NULL)
    stek = models.ForeignKey(Stek, null=True, blank=True, on_delete=models.SET_NULL)
    target = models.CharField(max_length=200)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target}"
