from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    OPEN = "open", _("Open: nog niet aangekomen")
    ARRIVED = "arrived", _("Aangekomen bij de dienst")
    CLOSED = "closed", _("Afgesloten")
    EXPIRED = "expired", _("Verlopen zonder antwoord")


class ReferralOutcome(models.TextChoices):
    GOT_HELP = "got_help", _("Geholpen")
    PENDING = "pending", _("Nog bezig (bv. aanvraag loopt)")
    NOT_ELIGIBLE = "not_eligible", _("Geen recht op deze hulp")
    NO_CAPACITY = "no_capacity", _("Geen plaats of wachtlijst")
    COULD_NOT_REACH = "could_not_reach", _("Kon de dienst niet bereiken")
    NO_LONGER_NEEDED = "no_longer_needed", _("Niet meer nodig")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Doorverwezen naar een andere dienst")
    DID_NOT_GO = "did_not_go", _("Niet gegaan")
    UNKNOWN = "unknown", _("Onbekend")


class Reason(models.TextChoices):
    """Why it did not (fully) work out: a code, never free text about the person."""

    DOCUMENTS_MISSING = "documents_missing", _("Documenten ontbraken")
    WRONG_SERVICE = "wrong_service", _("Verkeerde dienst voor deze vraag")
    WAITING_LIST = "waiting_list", _("Wachtlijst")
    OPENING_HOURS = "opening_hours", _("Openingsuren pasten niet")
    DISTANCE = "distance", _("Te ver of moeilijk bereikbaar")
    LANGUAGE = "language", _("Taal")
    COST = "cost", _("Te duur")
    DIGITAL_ONLY = "digital_only", _("Alleen digitaal of online")
    TOO_COMPLEX = "too_complex", _("Uitleg of formulier te moeilijk")
    SHAME_FEAR = "shame_fear", _("Schaamte of angst")
    OTHER = "other", _("Andere reden")


class ClosedVia(models.TextChoices):
    SERVICE = "service", _("door de dienst, met de code")
    VISITOR = "visitor", _("de bezoeker vertelde het")
    WORKER = "worker", _("door de sociaal werker")
    EXPIRY = "expiry", _("verlopen")


class SlipLanguage(models.TextChoices):
    NL = "nl", "Nederlands"
    FR = "fr", "Français"
    EN = "en", "English"
