"""A validator that blocks saving free text that contains personal data."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .scanner import find_personal_data

KIND_LABELS = {
    "national_number": _("rijksregisternummer"),
    "iban": _("rekeningnummer (IBAN)"),
    "phone": _("telefoonnummer"),
    "email": _("e-mailadres"),
    "person_name": _("naam van een persoon"),
    "address": _("adres"),
}


def describe_findings(text, findings):
    """Human-readable list: 'telefoonnummer: “0470 12 34 56”'."""
    return [f"{KIND_LABELS[f.kind]}: “{text[f.start : f.end]}”" for f in findings]


@deconstructible
class NoPersonalDataValidator:
    """Reject text with findings; the message names each piece to remove."""

    code = "personal_data"

    def __init__(self, lang=None):
        self.lang = lang

    def __call__(self, value):
        if not value:
            return
        lang = self.lang or (get_language() or "nl")[:2]
        findings = find_personal_data(str(value), lang=lang if lang in ("nl", "fr", "en") else "nl")
        if findings:
            raise ValidationError(
                _(
                    "Deze tekst bevat persoonsgegevens. Een STEK bewaart niets dat een bezoeker "
                    "herkenbaar maakt. Haal dit weg: %(items)s"
                ),
                code=self.code,
                params={"items": "; ".join(describe_findings(str(value), findings))},
            )

    def __eq__(self, other):
        return isinstance(other, NoPersonalDataValidator) and self.lang == other.lang


no_personal_data = NoPersonalDataValidator()
