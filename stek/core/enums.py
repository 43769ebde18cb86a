from django.db import models
from django.utils.translation import gettext_lazy as _


class StekKind(models.TextChoices):
    NEIGHBOURHOOD_CENTRE = "buurthuis", _("Buurthuis of buurtcentrum")
    WALK_IN_HOUSE = "inloophuis", _("Inloophuis")
    SOCIAL_RESTAURANT = "sociaal_restaurant", _("Sociaal restaurant")
    WELCOME_SPACE = "onthaalruimte", _("Onthaalruimte")
    HOUSING_ESTATE = "woonwijk", _("Ontmoetingsruimte in een sociale woonwijk")
    POVERTY_ASSOCIATION = "vzw_armen", _("Vereniging waar armen het woord nemen")
    BASIC_SERVICE = "basisvoorziening", _("Basisvoorziening")
    OTHER = "andere", _("Andere")


class OrganisationKind(models.TextChoices):
    OCMW = "ocmw", _("OCMW")
    CAW = "caw", _("CAW")
    HEALTH_INSURER = "ziekenfonds", _("Ziekenfonds")
    COMMUNITY_WORK = "opbouwwerk", _("Opbouwwerk")
    SOCIO_CULTURAL = "sociaal_cultureel", _("Sociaal-cultureel werk")
    YOUTH_WORK = "jeugdwerk", _("Jeugdwerk")
    POVERTY_ASSOCIATION = "vzw_armen", _("Vereniging waar armen het woord nemen")
    LOCAL_GOVERNMENT = "lokaal_bestuur", _("Lokaal bestuur")
    OTHER = "andere", _("Andere")


class PartnershipRole(models.TextChoices):
    LEAD = "trekker", _("Trekker")
    PARTNER = "partner", _("Partner")
    HOST = "gastheer", _("Gastheer (locatie)")
    SUPPORT = "ondersteuner", _("Ondersteuner")


class MembershipRole(models.TextChoices):
    VOLUNTEER = "volunteer", _("Vrijwilliger")
    WORKER = "worker", _("Sociaal werker")
    COORDINATOR = "coordinator", _("Coördinator")


ROLE_RANK = {
    MembershipRole.VOLUNTEER: 1,
    MembershipRole.WORKER: 2,
    MembershipRole.COORDINATOR: 3,
}


class NetworkRole(models.TextChoices):
    ANALYST = "analyst", _("Analist")
    ADMIN = "admin", _("Beheerder")


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("bekeken")
    EXPORTED = "exported", _("geëxporteerd")
    CREATED = "created", _("aangemaakt")
    CHANGED = "changed", _("gewijzigd")
    REMOVED = "removed", _("verwijderd")
    IMPORTED = "imported", _("geïmporteerd")
    PURGED = "purged", _("opgeruimd")
