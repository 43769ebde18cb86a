"""The social map: partner organisations' services, where they are and when they are open.

Every text here is published (the social map, the service sheet, the referral slip, the HSDS
export and API, other STEKs of the network), so every text is scanned for personal data. A
service's texts may name its own and the STEK's published contact details (phone, e-mail,
address: ``stek.socialmap.contacts``), nothing else; a topic's name may name nobody. Every text
is bounded. Names and descriptions exist in nl (always) and, when filled in, fr and en.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stek.core.models import Organisation
from stek.core.privacy.validators import no_personal_data_except_contacts
from stek.core.vocabulary import Topic, localized

from .enums import Cost, NoticeKind, ServiceStatus, Visibility
from .hours import validate_opening_hours

DESCRIPTION_MAX = 3000
TEXT_MAX = 2000
_published = [no_personal_data_except_contacts]


def _bounded(limit):
    return [MaxLengthValidator(limit), *_published]


class Location(models.Model):
    """A place where an organisation receives people."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam van de plek"), max_length=200, validators=_published)
    street = models.CharField(_("straat en nummer"), max_length=200)
    postal_code = models.CharField(_("postcode"), max_length=10)
    municipality = models.CharField(_("gemeente"), max_length=100)
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    transport = models.CharField(
        _("bereikbaar met"), max_length=200, blank=True, validators=_published
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self):
        return f"{self.name}, {self.address}"

    @property
    def address(self):
        return f"{self.street}, {self.postal_code} {self.municipality}"

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class ServiceQuerySet(models.QuerySet):
    def in_network(self, network):
        return self.filter(organisation__network=network)

    def active(self):
        return self.filter(status=ServiceStatus.ACTIVE)

    def public(self):
        return self.active().filter(visibility=Visibility.PUBLIC)

    def not_verified_since(self, months=6):
        cutoff = timezone.localdate() - timedelta(days=round(months * 30.44))
        return self.active().filter(
            models.Q(last_verified__lt=cutoff) | models.Q(last_verified=None)
        )


class Service(models.Model):
    """What an organisation offers: the HSDS *service*."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisatie"),
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200, validators=_published)
    name_fr = models.CharField(_("naam (Frans)"), max_length=200, blank=True, validators=_published)
    name_en = models.CharField(
        _("naam (Engels)"), max_length=200, blank=True, validators=_published
    )
    description = models.TextField(
        _("wat de dienst doet"), max_length=DESCRIPTION_MAX,
        validators=_bounded(DESCRIPTION_MAX),
        help_text=_("In eenvoudige woorden, korte zinnen."),
    )  # fmt: skip
    description_fr = models.TextField(
        _("wat de dienst doet (Frans)"), blank=True, max_length=DESCRIPTION_MAX,
        validators=_bounded(DESCRIPTION_MAX),
    )  # fmt: skip
    description_en = models.TextField(
        _("wat de dienst doet (Engels)"), blank=True, max_length=DESCRIPTION_MAX,
        validators=_bounded(DESCRIPTION_MAX),
    )  # fmt: skip
    topics = models.ManyToManyField(Topic, related_name="services", verbose_name=_("thema's"))
    eligibility = models.TextField(
        _("voor wie, en voorwaarden"), blank=True, max_length=TEXT_MAX,
        validators=_bounded(TEXT_MAX),
    )  # fmt: skip
    eligibility_fr = models.TextField(
        _("voor wie (Frans)"), blank=True, max_length=TEXT_MAX, validators=_bounded(TEXT_MAX)
    )
    eligibility_en = models.TextField(
        _("voor wie (Engels)"), blank=True, max_length=TEXT_MAX, validators=_bounded(TEXT_MAX)
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximumleeftijd"), null=True, blank=True)
    cost = models.CharField(_("kost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    fees_description = models.CharField(
        _("uitleg over de kost"), max_length=300, blank=True, validators=_published
    )
    required_documents = models.TextField(
        _("wat meebrengen"), blank=True, max_length=TEXT_MAX, validators=_bounded(TEXT_MAX),
        help_text=_("Eén document per regel."),
    )  # fmt: skip
    access = models.JSONField(_("hoe binnenkomen"), default=list, blank=True)
    application_process = models.TextField(
        _("uitleg over hoe binnenkomen"), blank=True, max_length=TEXT_MAX,
        validators=_bounded(TEXT_MAX),
    )  # fmt: skip
    languages = models.JSONField(_("talen"), default=list, blank=True)
    accessibility = models.CharField(
        _("toegankelijkheid"), max_length=300, blank=True, validators=_published
    )
    locations = models.ManyToManyField(
        Location, related_name="services", blank=True, verbose_name=_("locaties")
    )
    opening_hours = models.CharField(
        _("openingsuren"),
        max_length=255,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_(
            "In de OpenStreetMap-notatie, bv. Mo-Fr 09:00-12:00; Tu 13:30-16:00; PH off "
            "(PH = feestdag)."
        ),
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("website"), blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=15, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    last_verified = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")

    def __str__(self):
        return localized(self, "name")

    @property
    def document_list(self):
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]


class ServiceNotice(models.Model):
    """A holiday, a temporary closure or another notice for a period."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("soort"), max_length=10, choices=NoticeKind.choices)
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))
    message = models.CharField(_("boodschap"), max_length=300, blank=True, validators=_published)

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("mededeling")
        verbose_name_plural = _("mededelingen")

    def __str__(self):
        return f"{self.get_kind_display()} {self.starts_on}–{self.ends_on}"

    @property
    def closes(self):
        return self.kind in (NoticeKind.HOLIDAY, NoticeKind.CLOSURE)
