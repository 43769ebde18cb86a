"""The published contact details a STEK may write in its service texts and activities.

A service's own phone, e-mail and address, and those of the STEK and its partners, are public
by design: they may appear in a service's texts and in an activity's texts (its contact line).
Nothing else that identifies someone may. ``published_contacts(stek)`` gathers them:

- the STEK's own: public phone, public e-mail, street address;
- what the apps register with ``contact_source`` (core imports no app): the social map adds the
  phones and e-mail addresses of its partners' public services and their locations' addresses.

Phones are listed in every way people write them (09 210 10 10, +32 9 210 10 10,
0032 9 210 10 10), addresses with and without their postcode and municipality, so the
scanner's comparison (digits for phones, lower case for e-mail, casefolded words for
addresses) matches however the text writes them.

``ContactsAllowedForm`` is a form mixin: its validation runs inside ``allowing(...)`` with the
form's ``allowed_contacts``; a service passes the same set to its own ``full_clean``.
"""

import phonenumbers

from .validators import allowing

_sources = []


def contact_source(func):
    """Register ``func(stek, organisations) -> iterable of strings`` (decorator)."""
    if func not in _sources:
        _sources.append(func)
    return func


def phone_variants(number):
    """A phone number as people write it: national, international, E.164, 00-prefixed."""
    number = (number or "").strip()
    if not number:
        return []
    variants = {number}
    try:
        parsed = phonenumbers.parse(number, "BE")
    except phonenumbers.NumberParseException:
        return sorted(variants)
    fmt = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(parsed, fmt.NATIONAL)
    international = phonenumbers.format_number(parsed, fmt.INTERNATIONAL)
    e164 = phonenumbers.format_number(parsed, fmt.E164)
    variants |= {national, international, e164, "00" + e164[1:]}
    return sorted(variants)


def address_variants(street, postal_code="", municipality=""):
    """An address as people write it: the street alone, and with postcode and municipality."""
    street = (street or "").strip()
    place = " ".join(p for p in ((postal_code or "").strip(), (municipality or "").strip()) if p)
    if not street:
        return []
    variants = {street}
    if place:
        variants |= {f"{street}, {place}", f"{street} {place}"}
        if municipality:
            variants |= {f"{street}, {municipality.strip()}", f"{street} {municipality.strip()}"}
    return sorted(variants)


def contact_strings(*, phones=(), emails=(), addresses=()):
    """The allowed strings for these phones, e-mail addresses and (street, postcode,
    municipality) addresses."""
    out = set()
    for phone in phones:
        out.update(phone_variants(phone))
    out.update(e.strip().lower() for e in emails if e and e.strip())
    for address in addresses:
        out.update(address_variants(*address))
    return out


def partner_organisations(stek):
    from stek.core.models import Organisation

    return Organisation.objects.filter(
        partnerships__stek=stek, partnerships__is_active=True
    ).distinct()


def published_contacts(stek, organisations=None):
    """The published contact details of ``stek`` and its active partners (a frozenset of
    strings for ``allowing`` / ``scan(allow=...)``)."""
    if stek is None:
        return frozenset()
    if organisations is None:
        organisations = partner_organisations(stek)
    out = contact_strings(
        phones=[stek.contact_phone],
        emails=[stek.contact_email],
        addresses=[(stek.street, stek.postal_code, stek.municipality)],
    )
    for source in _sources:
        out.update(s for s in source(stek, organisations) if s)
    return frozenset(out)


class ContactsAllowedForm:
    """Mixin for a form whose scanned fields may hold published contact details.

    Set ``self.allowed_contacts`` in ``__init__`` (e.g. ``published_contacts(stek)``);
    ``extra_contacts(cleaned_data)`` may add the object's own details as typed in the form."""

    allowed_contacts = frozenset()

    def extra_contacts(self, cleaned_data):
        return ()

    def clean(self):
        data = super().clean()
        extra = frozenset(self.extra_contacts(data or {}))
        if extra:
            self.allowed_contacts = frozenset(self.allowed_contacts) | extra
        return data

    def full_clean(self):
        with allowing(self.allowed_contacts):
            super().full_clean()

    def _post_clean(self):
        # The ModelForm's model validation runs after clean(): with the form's own details.
        with allowing(self.allowed_contacts):
            super()._post_clean()
