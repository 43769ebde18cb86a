"""Find personal data in free text.

``find_personal_data(text, lang)`` returns a sorted list of ``Finding(kind, start, end)`` with
kind one of ``KINDS``. Structured identifiers are found by pattern and verified by checksum
(python-stdnum, phonenumbers); names and street addresses in Dutch text by deduce, and in French
and English text by cue-based patterns (civilities, street words, first names from deduce's
lookup lists). Organisation names, rights, places and dates are deliberately not reported.

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
_CAP_WORD_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+")


def _is_allowed(span_text):
    tokens = [t for t in re.split(r"[\s,.;:()]+", span_text) if t]
    meaningful = [t for t in tokens if t[:1].isupper()]
    if not meaningful:
        return True
    return all(t.lower() in ALLOWED_TERMS or t.lower() in STOP_CAPITALISED for t in meaningful)


def _cue_names(text):
    for pattern in (_CIVILITY_RE, _INTRO_RE):
        for m in pattern.finditer(text):
            if not _is_allowed(m.group(1)):
                yield Finding(m.start(), m.end(), "person_name")


def _first_name_names(text, deduce):
    """First names from deduce's lookup list, with a following capitalised surname if any.

    Used for French and English text, where deduce's Dutch rules do not apply. A lone first
    name counts only when it is not a common word of the sentence start.
    """
    first_names = deduce.lookup_structs["first_name"]
    for m in _CAP_WORD_RE.finditer(text):
        word = m.group(0)
        if word.lower() in ALLOWED_TERMS or word.lower() in STOP_CAPITALISED:
            continue
        if word not in first_names:
            continue
        end = m.end()
        follow = re.match(r"[ ](" + _SURNAME + r")", text[end:])
        if follow and not _is_allowed(follow.group(1)):
            end += follow.end()
        yield Finding(m.start(), end, "person_name")


def _deduce_findings(text, deduce):
    doc = deduce.deidentify(text, enabled={"names", "locations"})
    for ann in doc.annotations:
        tag = ann.tag
        span = text[ann.start_char : ann.end_char]
        if "persoon" in tag or "patient" in tag:
            # drop a leading lowercase word deduce sometimes takes along ("te Gent")
            lead = re.match(r"(?:[a-z]+[ ])+", span)
            start = ann.start_char + (lead.end() if lead else 0)
            if _is_allowed(text[start : ann.end_char]):
                continue
            yield Finding(start, ann.end_char, "person_name")
        elif "locatie" in tag and re.search(r"\d", span) and not re.fullmatch(r"[\d ]+", span):
            yield Finding(ann.start_char, ann.end_char, "address")


# --- putting it together --------------------------------------------------------------------
_PRIORITY = {k: i for i, k in enumerate(KINDS)}


def _resolve_overlaps(findings):
    """Keep one finding per region: identifiers first, then the longest span."""
    ordered = sorted(findings, key=lambda f: (_PRIORITY[f.kind], -(f.end - f.start), f.start))
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
    ]
    if lang == "nl":
        findings.extend(_deduce_findings(text, deduce))
    else:
        findings.extend(_first_name_names(text, deduce))
    return _resolve_overlaps(findings)
