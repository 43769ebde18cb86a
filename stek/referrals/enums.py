from django.db import models
from django.utils.translation import gettext as _g
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


_WHY_NOT = [
    Reason.OPENING_HOURS,
    Reason.DISTANCE,
    Reason.LANGUAGE,
    Reason.COST,
    Reason.DIGITAL_ONLY,
    Reason.TOO_COMPLEX,
    Reason.SHAME_FEAR,
]

# The reasons that fit each closing outcome. "Geholpen" and "Onbekend" take no reason;
# "Nog bezig" is no way to close (the referral stays "aangekomen" while help is under way).
REASONS_FOR = {
    ReferralOutcome.GOT_HELP: [],
    ReferralOutcome.NOT_ELIGIBLE: [Reason.DOCUMENTS_MISSING, Reason.WRONG_SERVICE, Reason.OTHER],
    ReferralOutcome.NO_CAPACITY: [Reason.WAITING_LIST, Reason.OTHER],
    ReferralOutcome.COULD_NOT_REACH: [
        Reason.OPENING_HOURS,
        Reason.DISTANCE,
        Reason.LANGUAGE,
        Reason.DIGITAL_ONLY,
        Reason.TOO_COMPLEX,
        Reason.OTHER,
    ],
    ReferralOutcome.NO_LONGER_NEEDED: [Reason.OTHER],
    ReferralOutcome.REFERRED_ELSEWHERE: [
        Reason.WRONG_SERVICE,
        Reason.WAITING_LIST,
        Reason.LANGUAGE,
        Reason.DISTANCE,
        Reason.COST,
        Reason.OTHER,
    ],
    ReferralOutcome.DID_NOT_GO: [*_WHY_NOT, Reason.DOCUMENTS_MISSING, Reason.OTHER],
    ReferralOutcome.UNKNOWN: [],
}
CLOSING_OUTCOMES = list(REASONS_FOR)


class ClosedVia(models.TextChoices):
    SERVICE = "service", _("door de dienst, met de code")
    VISITOR = "visitor", _("de bezoeker vertelde het")
    WORKER = "worker", _("door de sociaal werker")
    EXPIRY = "expiry", _("verlopen")


class SlipLanguage(models.TextChoices):
    NL = "nl", "Nederlands"
    FR = "fr", "Français"
    EN = "en", "English"


def reason_error(outcome, reason):
    """Why ``reason`` does not go with ``outcome``, in words."""
    outcome_label = ReferralOutcome(outcome).label
    if not REASONS_FOR.get(outcome):
        return _g("Bij \u201c%(outcome)s\u201d hoort geen reden. Laat de reden leeg.") % {
            "outcome": outcome_label
        }
    return _g(
        "\u201c%(reason)s\u201d past niet bij \u201c%(outcome)s\u201d. "
        "Kies een reden die erbij past, of laat de reden leeg."
    ) % {"reason": Reason(reason).label if reason in Reason.values else reason,
         "outcome": outcome_label}  # fmt: skip
