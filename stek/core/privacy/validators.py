"""A validator that blocks saving free text that contains personal data.

Two validators:

- ``no_personal_data``: nothing that identifies a person, ever (signals, dossiers, notices...).
- ``no_personal_data_except_contacts``: the same, except the published contact details that
  the code around the save declares with ``allowing(...)`` (the STEK's, its partners' and the
  service's own phone, e-mail and address; see ``contacts.published_contacts``). Without such a
  block it is exactly ``no_personal_data``.

A text is scanned once per save: the form, the ModelForm's ``full_clean`` and the service's
``full_clean`` all ask ``scan_once``, which keeps the findings of the last texts in a small
memo keyed on a hash of (text, language, allowed strings). The memo holds no text: only the
digest and the offsets and kinds found. Same input, same findings, so the memo is safe.
"""

import contextvars
import hashlib
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..memo import Lru
from . import scanner

KIND_LABELS = {
    "national_number": _("rijksregisternummer"),
    "iban": _("rekeningnummer (IBAN)"),
    "phone": _("telefoonnummer"),
    "email": _("e-mailadres"),
    "person_name": _("naam van een persoon"),
    "address": _("adres"),
    "birth_date": _("geboortedatum"),
    "plate": _("nummerplaat"),
    "case_number": _("dossiernummer"),
}


def describe_findings(text, findings):
    """Human-readable list: 'telefoonnummer: “0470 12 34 56”'."""
    return [f"{KIND_LABELS.get(f.kind, f.kind)}: “{text[f.start : f.end]}”" for f in findings]


# --- published contact details the code around a save allows --------------------------------
_allowed = contextvars.ContextVar("stek_privacy_allowed", default=frozenset())


@contextmanager
def allowing(strings):
    """Within this block, ``no_personal_data_except_contacts`` lets exactly these strings
    (published phones, e-mail addresses, addresses) through. Blocks nest and add up."""
    extra = frozenset(s.strip() for s in strings or () if s and s.strip())
    token = _allowed.set(_allowed.get() | extra)
    try:
        yield
    finally:
        _allowed.reset(token)


def allowed_now():
    return _allowed.get()


# --- scanning once ---------------------------------------------------------------------------
def _raw_scan(text, lang, allow):
    """One real scan (the function a counting spy wraps in the tests)."""
    return list(scanner.scan(text, lang=lang, allow=tuple(sorted(allow))))


_memo = Lru(256)


def _key(text, lang, allow):
    h = hashlib.sha256()
    for part in (lang or "", text, *sorted(allow)):  # length-prefixed: no two inputs collide
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.digest()


def scan_once(text, lang="nl", allow=()):
    """The findings in ``text``; a text already scanned with the same language and allowed
    strings is not scanned again (one scan per save, however many layers validate it)."""
    allow = frozenset(allow)
    findings = _memo.get_or_compute(
        _key(text, lang, allow), lambda: tuple(_raw_scan(text, lang, allow))
    )
    return list(findings)


def clear_memo():
    _memo.clear()


def current_language():
    lang = (get_language() or "nl")[:2]
    return lang if lang in ("nl", "fr", "en") else "nl"


# What the scanner checks, said the same way in the help texts and in the error: any
# person (a visitor, a worker, a volunteer), not only visitors.
MESSAGE = _(
    "Deze tekst bevat persoonsgegevens. Een STEK bewaart hier geen namen, telefoonnummers, "
    "adressen of andere gegevens van personen, ook niet van medewerkers. Haal dit weg: %(items)s"
)
# The texts the programme, the poster, the screen and the social map publish (contacts=True).
PUBLIC_MESSAGE = _(
    "Deze tekst is openbaar: iedereen kan hem lezen. Daarom mogen er geen persoonsgegevens in: "
    "geen namen, telefoonnummers, adressen of andere gegevens van personen, ook niet van "
    "medewerkers. Alleen de contactgegevens van de STEK en haar partners mogen erin. "
    "Haal dit weg: %(items)s"
)


@deconstructible
class NoPersonalDataValidator:
    """Reject text with findings; the message names each piece to remove.

    ``contacts=True``: let through the published contact details allowed by the code around
    the save (``allowing``)."""

    code = "personal_data"
    max_scanned = 20_000  # every scanned field is bounded far below this; a safety net

    def __init__(self, lang=None, contacts=False):
        self.lang = lang
        self.contacts = contacts

    def __call__(self, value):
        if not value:
            return
        text = str(value)
        if len(text) > self.max_scanned:
            raise ValidationError(
                _("Deze tekst is te lang (meer dan %(max)s tekens). Maak hem korter."),
                code="too_long_to_scan",
                params={"max": self.max_scanned},
            )
        lang = self.lang if self.lang in ("nl", "fr", "en") else current_language()
        allow = _allowed.get() if self.contacts else frozenset()
        findings = scan_once(text, lang=lang, allow=allow)
        if findings:
            raise ValidationError(
                PUBLIC_MESSAGE if self.contacts else MESSAGE,
                code=self.code,
                params={"items": "; ".join(describe_findings(text, findings))},
            )

    def __eq__(self, other):
        return (
            isinstance(other, NoPersonalDataValidator)
            and self.lang == other.lang
            and self.contacts == other.contacts
        )

    def __hash__(self):
        return hash((self.lang, self.contacts))


no_personal_data = NoPersonalDataValidator()
no_personal_data_except_contacts = NoPersonalDataValidator(contacts=True)
