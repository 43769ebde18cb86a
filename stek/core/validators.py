"""Field validators for tenancy data (not visitors: staff and organisations)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.be import vat


def validate_kbo_number(value):
    """A Belgian enterprise number (KBO/BCE), e.g. 0403.170.701."""
    if value and not vat.is_valid(value):
        raise ValidationError(
            _("Dit is geen geldig ondernemingsnummer (KBO). Voorbeeld: 0403.170.701."),
            code="invalid_kbo",
        )


def normalise_kbo_number(value):
    return vat.compact(value) if value else ""


def format_kbo_number(value):
    return f"{value[:4]}.{value[4:7]}.{value[7:]}" if value and len(value) == 10 else value


def validate_phone_number(value):
    """A Belgian or international phone number (a STEK's or organisation's public line)."""
    if not value:
        return
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Dit is geen geldig telefoonnummer. Voorbeeld: 09 123 45 67 of +32 9 123 45 67."),
            code="invalid_phone",
        )


def normalise_phone_number(value):
    """The number in international form; a ``ValidationError`` (never phonenumbers'
    ``NumberParseException``) when it is not a valid number, e.g. "geen" or "-1"."""
    if not value:
        return ""
    validate_phone_number(value)
    number = phonenumbers.parse(value, "BE")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_language_list(value):
    """A comma list of language codes of settings.LANGUAGES, at least one: "nl,fr"."""
    from django.conf import settings

    supported = {code for code, _name in settings.LANGUAGES}
    codes = [c.strip() for c in (value or "").split(",") if c.strip()]
    if not codes:
        raise ValidationError(_("Kies minstens één taal."))
    unknown = [c for c in codes if c not in supported]
    if unknown:
        raise ValidationError(
            _("Deze taal kennen we niet: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
