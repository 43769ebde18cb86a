"""Find personal data in free text.

``find_personal_data(text, lang)`` returns a sorted list of ``Finding(kind, start, end)`` with
kind one of ``KINDS``. Structured identifiers are found by pattern and verified by checksum
(python-stdnum, phonenumbers); names and street addresses by deduce (made for Dutch; with the
filters here it serves French and English notes too) and by cue-based patterns (civilities,
"je m'appelle", Dutch, French and English street words followed by a house number).
Organisation names, rights, places and dates are deliberately not reported.

deduce takes seconds to load; the ``Deduce`` object is built once per process (``warm_up``).
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.be import ssn

from .allowlist import ALLOWED_TERMS, STOP_CAPITALISED

log = logging.getLogger(__name__)

KINDS = ("national_number", "iban", "phone", "email", "person_name", "address")


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    kind: str

    def as_dict(self):
        return {"kind": self.kind, "start": self.start, "end": self.end}


# --- the deduce singleton -------------------------------------------------------------------
_deduce = None
_deduce_lock = threading.Lock()


def _get_deduce():
    global _deduce
    if _deduce is None:
        with _deduce_lock:
            if _deduce is None:
                from deduce import Deduce

                log.info("Loading the personal-data scanner (deduce)...")
                _deduce = Deduce()
                log.info("Personal-data scanner ready.")
    return _deduce


def warm_up():
    """Load deduce now (blocking). Safe to call many times."""
    _get_deduce()


def warm_up_in_background():
    threading.Thread(target=warm_up, name="privacy-warm-up", daemon=True).start()


# --- structured identifiers -----------------------------------------------------------------
_NN_RE = re.compile(r"(?<![\w.])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[-. ]?(\d{3})[-. ]?(\d{2})(?![\w])")
_IBAN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?")
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w])"
)


def _national_numbers(text):
    for m in _NN_RE.finditer(text):
        if ssn.is_valid("".join(m.groups())):
            yield Finding(m.start(), m.end(), "national_number")


def _ibans(text):
    for m in _IBAN_RE.finditer(text):
        candidate = m.group(0)
        # The pattern is greedy: shorten by whole groups until the checksum holds.
        while len(candidate.replace(" ", "")) >= 15:
            if stdnum_iban.is_valid(candidate):
                yield Finding(m.start(), m.start() + len(candidate), "iban")
                break
            candidate = candidate[: candidate.rstrip().rfind(" ")] if " " in candidate else ""


def _phones(text):
    for m in phonenumbers.PhoneNumberMatcher(text, "BE", leniency=phonenumbers.Leniency.VALID):
        yield Finding(m.start, m.end, "phone")


def _emails(text):
    for m in _EMAIL_RE.finditer(text):
        yield Finding(m.start(), m.end(), "email")


# --- addresses ------------------------------------------------------------------------------
_NL_STREET_SUFFIX = (
    r"straat|laan|lei|plein|steenweg|weg|dreef|kaai|vest|dijk|baan|hof|park|markt|wegel|pad|"
    r"singel|berg|veld|ring|gracht|kade|dam|meers|wijk|hoek|heide|akker|boulevard|square"
)
_NUMBER = r"\d{1,4}(?:[ ]?[a-zA-Z](?![\w]))?(?:(?:[ ]?(?:bus|b\.|/)[ ]?)\d{1,4}[a-zA-Z]?)?"
_NL_ADDRESS_RE = re.compile(
    r"\b(?:(?:Sint|Onze|Lieve|Heilige|Oude|Nieuwe|Grote|Kleine|Korte|Lange|Hoge|Lage)[- ])*"
    r"[A-Z][\w'-]*(?:" + _NL_STREET_SUFFIX + r")\b,?[ ]" + _NUMBER + r"(?![\w])"
)
_FR_STREET_WORDS = (
    r"rue|avenue|av\.|chaussée|chée|boulevard|bd|place|chemin|allée|quai|square|impasse|clos|"
    r"drève|rempart|galerie|parvis|passage|sentier|route|cité"
)
_FR_ADDRESS_RE = re.compile(
    r"(?i:\b(?:" + _FR_STREET_WORDS + r"))[ ]+(?:(?:de|du|des|la|le|l'|d'|aux|au)[ ]*)*"
    r"[A-ZÀ-Ý][\w'-]*(?:[ ](?:(?:de|du|des|la|le|l'|d'|et)[ ]*)*[A-ZÀ-Ý][\w'-]*){0,4}"
    r",?[ ](?:n°[ ]?)?" + _NUMBER + r"(?![\w])"
)
_EN_ADDRESS_RE = re.compile(
    r"\b\d{1,4}[a-zA-Z]?,?[ ](?:[A-Z][\w'-]*[ ]){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|"
    r"Square|Place|Boulevard|Drive)\b"
)


def _addresses(text, lang):
    patterns = [_NL_ADDRESS_RE, _FR_ADDRESS_RE]  # Brussels notes mix both languages
    if lang == "en":
        patterns.append(_EN_ADDRESS_RE)
    for pattern in patterns:
        for m in pattern.finditer(text):
            yield Finding(m.start(), m.end(), "address")


# --- names ----------------------------------------------------------------------------------
_CAP = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"
_PARTICLE = r"(?:van|de|der|den|van de|van der|van den|ten|ter|vande|le|la|du|des|d'|el|al|ben)"
_SURNAME = r"(?:" + _PARTICLE + r"[ ])*(?:" + _PARTICLE.title() + r"[ ])*" + _CAP
_CIVILITY_RE = re.compile(
    r"\b(?:(?:Madame|Monsieur|Mademoiselle|Mme\.?|Mlle\.?|M\.|Mevrouw|Meneer|mevrouw|meneer|"
    r"Mevr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|[Dd]e heer)[ ])"
    r"(" + _CAP + r"(?:[ -]" + _SURNAME + r")*)"
)
_INTRO_RE = re.compile(
    r"(?i:\b(?:je m'appelle|il s'appelle|elle s'appelle|s'appelle|my name is|is called|"
    r"heet|mijn naam is|haar naam is|zijn naam is|called))[ ]+(" + _CAP + r"(?:[ ]" + _CAP + r")*)"
)


def _is_allowed(span_text):
    tokens = [t for t in re.split(r"[\s,.;:()]+", span_text) if t]
    meaningful = [t for t in tokens if t[:1].isupper()]
    if not meaningful:
        return True
    return all(t.lower() in ALLOWED_TERMS or t.lower() in STOP_CAPITALISED for t in meaningful)


def _cue_names(text):
    for m in _CIVILITY_RE.finditer(text):  # the civility is part of the name: "Madame Dubois"
        if not _is_allowed(m.group(1)):
            yield Finding(m.start(), m.end(), "person_name")
    for m in _INTRO_RE.finditer(text):  # "je m'appelle Karim": only the name
        if not _is_allowed(m.group(1)):
            yield Finding(m.start(1), m.end(1), "person_name")


_DEDUCE_OFF = {
    "dates",
    "ages",
    "identifiers",
    "phone_numbers",
    "email_addresses",
    "urls",
    "institutions",
}


def _trim_name(text, start, end):
    """Narrow a name span: no leading lowercase or common words ("te Gent", "Bel Jan"), and
    stop at an allowed term ("Sophie van het Groeipakket" -> "Sophie")."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while tokens and (
        not text[tokens[0][0]].isupper() or text[slice(*tokens[0])].lower() in STOP_CAPITALISED
    ):
        tokens.pop(0)
    for i, (a, b) in enumerate(tokens[1:], start=1):
        if text[a:b].strip(",.;:").lower() in ALLOWED_TERMS:
            tokens = tokens[:i]
            break
    while tokens and not text[tokens[-1][0]].isupper():
        tokens.pop()
    if not tokens:
        return None
    return tokens[0][0], tokens[-1][1]


def _deduce_findings(text, deduce):
    """Names and street addresses by deduce. Its Dutch name lists and patterns also serve
    French text well, once sentence-initial words and allowed terms are filtered out."""
    doc = deduce.deidentify(text, disabled=_DEDUCE_OFF)
    for ann in doc.annotations:
        tag = ann.tag
        span = text[ann.start_char : ann.end_char]
        if "persoon" in tag or "patient" in tag:
            trimmed = _trim_name(text, ann.start_char, ann.end_char)
            if trimmed is None or _is_allowed(text[trimmed[0] : trimmed[1]]):
                continue
            yield Finding(trimmed[0], trimmed[1], "person_name")
        elif "locatie" in tag and re.search(r"\d", span) and not re.fullmatch(r"[\d ]+", span):
            yield Finding(ann.start_char, ann.end_char, "address")


# --- putting it together --------------------------------------------------------------------
_IDENTIFIERS = {"national_number", "iban", "phone", "email"}


def _resolve_overlaps(findings):
    """Keep one finding per region: checksum-verified identifiers first, then the longest."""
    ordered = sorted(
        findings, key=lambda f: (f.kind not in _IDENTIFIERS, -(f.end - f.start), f.start)
    )
    kept = []
    for f in ordered:
        overlapping = [k for k in kept if k.start < f.end and f.start < k.end]
        if not overlapping:
            kept.append(f)
        elif f.kind == "address" and all(k.kind == "address" for k in overlapping):
            # merge address spans found by two detectors (deduce and our patterns)
            for k in overlapping:
                kept.remove(k)
            start = min([f.start] + [k.start for k in overlapping])
            end = max([f.end] + [k.end for k in overlapping])
            kept.append(Finding(start, end, "address"))
    return sorted(kept)


def find_personal_data(text, lang="nl"):
    """Return the personal data found in ``text`` as a sorted list of ``Finding``."""
    if not text or not text.strip():
        return []
    if lang not in ("nl", "fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    deduce = _get_deduce()
    findings = [
        *_national_numbers(text),
        *_ibans(text),
        *_emails(text),
        *_phones(text),
        *_addresses(text, lang),
        *_cue_names(text),
        *_deduce_findings(text, deduce),
    ]
    return _resolve_overlaps(findings)
