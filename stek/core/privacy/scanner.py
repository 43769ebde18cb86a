"""Find personal data in free text.

``scan(text, lang=None, allow=())`` returns a sorted list of ``Finding(start, end, kind)`` with
kind one of ``KINDS``. Structured identifiers are found by pattern and verified by checksum
(python-stdnum, phonenumbers); e-mail addresses also when lightly disguised ("an punt claes at
skynet punt be"); birth dates, licence plates and case numbers by pattern after a cue word.
Names and street addresses come from three detectors: deduce (Dutch patterns and lists),
cue-based patterns (civilities, "je m'appelle", kinship words, street words followed by a house
number), and a lookup of the Statbel first- and family-name tables that belgian-deduce ships
(names common in Brussels and Flanders that deduce's Dutch lists lack). Organisation names,
saints' names of institutions, rights, places and dates are deliberately not reported.
``find_personal_data(text, lang)`` is the older name of ``scan``.

Linear time: deduce's context annotator extends name annotations one token per round and
re-scans all of them each round, which is quadratic on text like "Jan Jan Jan ..."; the rounds
are capped (``_MAX_CONTEXT_ROUNDS``: a name has at most a handful of parts) and deduce is fed
the text in chunks of at most ``_CHUNK`` characters cut at sentence ends, so the time grows
linearly with the length.

deduce takes seconds to load; the ``Deduce`` object and the name tables are built once per
process (``warm_up``), before a gunicorn --preload fork so the workers share them.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import threading
import types
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.be import ssn

from .allowlist import (
    ALLOWED_PHRASES,
    ALLOWED_TERMS,
    CONTACT_PREPOSITIONS,
    CONTACT_VERBS,
    INSTITUTION_WORDS,
    LANGUAGE_WORDS,
    NAME_CUES,
    NAME_PREPOSITIONS,
    PERSON_VERBS,
    POSSESSIVES_AFTER,
    STOP_CAPITALISED,
)

log = logging.getLogger(__name__)

KINDS = (
    "national_number",
    "iban",
    "phone",
    "email",
    "person_name",
    "address",
    "birth_date",
    "plate",
    "case_number",
)


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    kind: str

    def __post_init__(self):
        # deduce's offsets are numpy integers when spans merge: plain ints from here on.
        object.__setattr__(self, "start", int(self.start))
        object.__setattr__(self, "end", int(self.end))

    def as_dict(self):
        return {"kind": self.kind, "start": self.start, "end": self.end}


# --- the deduce singleton and the name tables -----------------------------------------------
_deduce = None
_names = None
_deduce_lock = threading.Lock()
_MAX_CONTEXT_ROUNDS = 3
_CHUNK = 600


def _bounded_annotate(self, text, annotations, _round=0):
    """deduce's ContextAnnotator._annotate with at most ``_MAX_CONTEXT_ROUNDS`` rounds."""
    original = annotations.copy()
    for context_pattern in self.pattern:
        annotations = self._apply_context_pattern(text, annotations, context_pattern)
    if self.iterative and _round + 1 < _MAX_CONTEXT_ROUNDS:
        import docdeid as dd

        changed = dd.AnnotationSet(annotations.difference(original))
        annotations = dd.AnnotationSet(annotations.intersection(original))
        if changed:
            annotations.update(self._annotate(text, changed, _round + 1))
    return annotations


def _bound_context_annotators(group):
    from deduce.annotator import ContextAnnotator
    from docdeid.process import DocProcessorGroup

    for processor in group._processors.values():
        if isinstance(processor, DocProcessorGroup):
            _bound_context_annotators(processor)
        elif isinstance(processor, ContextAnnotator):
            processor._annotate = types.MethodType(_bounded_annotate, processor)


def _read_lines(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def _name_tables():
    """First names and family names: Statbel's 2025 tables from belgian-deduce when installed
    (read as text files; belgian-deduce's own pipeline is not loaded), with deduce's lists."""
    tables = {"first": set(), "family": set()}
    sources = []
    spec = importlib.util.find_spec("belgian_deduce")
    if spec and spec.submodule_search_locations:
        sources.append(Path(list(spec.submodule_search_locations)[0]) / "data/lookup/src/names")
    spec = importlib.util.find_spec("deduce")
    if spec and spec.submodule_search_locations:
        sources.append(Path(list(spec.submodule_search_locations)[0]) / "data/lookup/src/names")
    for root in sources:
        for key, folder in (("first", "lst_first_name"), ("family", "lst_surname")):
            path = root / folder / "items.txt"
            if path.exists():
                tables[key] |= {w.lower() for w in _read_lines(path)}
    common = _read_lines(Path(__file__).parent / "data" / "common_words.txt")
    as_words = _read_lines(Path(__file__).parent / "data" / "names_as_words.txt")
    common |= ALLOWED_TERMS | STOP_CAPITALISED | INSTITUTION_WORDS | NAME_CUES
    never = (
        ALLOWED_TERMS | STOP_CAPITALISED | INSTITUTION_WORDS | NAME_CUES | _MONTH_WORDS
    ) | LANGUAGE_WORDS
    return {
        "common": frozenset(common),
        "as_words": frozenset(as_words),
        "first": frozenset(w for w in tables["first"] if len(w) > 1 and w not in common),
        # with the first names that are also ordinary words ("will", "lies", "tom"): a name
        # only when a verb of a person follows ("Will heeft de sleutels", "tom zegt")
        "first_all": frozenset(w for w in tables["first"] if len(w) > 2 and w not in never),
        # first names no dictionary knows as a word ("olena", "rachida", "dimitri"): a name also
        # in lower case in the middle of a sentence, without a cue
        "first_strict": frozenset(
            w
            for w in tables["first"]
            if len(w) > 2 and w not in never and w not in common and w not in as_words
        ),
        "family": frozenset(w for w in tables["family"] if len(w) > 2 and w not in common),
    }


def _get_deduce():
    global _deduce, _names
    if _deduce is None:
        with _deduce_lock:
            if _deduce is None:
                from deduce import Deduce

                log.info("Loading the personal-data scanner (deduce)...")
                deduce = Deduce()
                _bound_context_annotators(deduce.processors)
                _names = _name_tables()
                _deduce = deduce
                log.info("Personal-data scanner ready.")
    return _deduce


def warm_up():
    """Load deduce and the name tables now (blocking). Safe to call many times."""
    _get_deduce()


def warm_up_in_background():
    threading.Thread(target=warm_up, name="privacy-warm-up", daemon=True).start()


# --- structured identifiers -----------------------------------------------------------------
_NN_RE = re.compile(r"(?<![\w.])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[-. ]?(\d{3})[-. ]?(\d{2})(?![\w])")
_IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?"
)
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w])"
)
# "an punt claes at skynet punt be", "k.dubois (at) proximus.be", "x arobase gmail point com"
_DOT = r"(?:\.|[ ]?[(\[](?:dot|punt|point)[)\]][ ]?|[ ](?:punt|dot|point)[ ])"
_AT = r"(?:[ ]?[(\[{](?:at|@|arobase|apenstaartje)[)\]}][ ]?|[ ](?:at|arobase|apenstaartje)[ ]|@)"
_TLD = (
    r"(?:be|com|net|org|eu|fr|nl|de|lu|uk|info|io|me|biz|ma|tr|pl|ro|cd|brussels|vlaanderen|"
    r"gent|edu|gov)"
)
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?i)(?<![\w.+-])[a-z0-9_%+-]+(?:" + _DOT + r"[a-z0-9_%+-]+){0,3}" + _AT
    + r"[a-z0-9-]+(?:" + _DOT + r"[a-z0-9-]+){0,3}" + _DOT + _TLD + r"(?![\w])"
)  # fmt: skip


def _national_numbers(text):
    for m in _NN_RE.finditer(text):
        if ssn.is_valid("".join(m.groups())):
            yield Finding(m.start(), m.end(), "national_number")


_ACCOUNT_CUE_RE = re.compile(
    r"(?i)\b(?:iban|rekening(?:nummer)?|bankrekening|rek\.?|compte(?:[ ]bancaire)?|"
    r"n°[ ]de[ ]compte|account(?:[ ]number)?|bank[ ]account)\b[^\n\d]{0,12}$"
)
_BE_ACCOUNT_RE = re.compile(r"(?i)be\d{2}(?:[ ]?\d{4}){3}")


def _iban_checksum(candidate):
    """ISO 13616's mod-97 check of an IBAN, without the country's own account check (python-
    stdnum also checks a Belgian account's last two digits, which a typed IBAN can fail)."""
    compact = candidate.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit()):
        return False
    if not compact.isalnum():
        return False
    digits = "".join(str(int(c, 36)) for c in compact[4:] + compact[:4])
    return int(digits) % 97 == 1


def _ibans(text):
    for m in _IBAN_RE.finditer(text):
        candidate = m.group(0)
        if _BE_ACCOUNT_RE.fullmatch(candidate) and _ACCOUNT_CUE_RE.search(
            text[max(0, m.start() - 30) : m.start()]
        ):
            yield Finding(m.start(), m.end(), "iban")  # after "rekening": even with a typo
            continue
        # The pattern is greedy: shorten by whole groups until the checksum holds.
        while len(candidate.replace(" ", "")) >= 15:
            if stdnum_iban.is_valid(candidate.upper()) or _iban_checksum(candidate):
                yield Finding(m.start(), m.start() + len(candidate), "iban")
                break
            candidate = candidate[: candidate.rstrip().rfind(" ")] if " " in candidate else ""


_SERVICE_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,  # 0800
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.UAN,  # 078
    }
)


def _phones(text):
    for m in phonenumbers.PhoneNumberMatcher(text, "BE", leniency=phonenumbers.Leniency.VALID):
        if phonenumbers.number_type(m.number) in _SERVICE_TYPES:
            continue  # 0800 or 078: a service's number, never a person's
        yield Finding(m.start, m.end, "phone")


def _emails(text):
    for m in _EMAIL_RE.finditer(text):
        yield Finding(m.start(), m.end(), "email")
    for m in _OBFUSCATED_EMAIL_RE.finditer(text):
        yield Finding(m.start(), m.end(), "email")


# --- birth dates, licence plates, case numbers ------------------------------------------------
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|january|february|march|may|june|july|august|october|"
    r"jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|déc|janv|févr|avr|juil)\.?"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)"
    r"|\d{1,2}(?:er|e|ste|de|st|nd|rd|th)?[ ]" + _MONTHS + r"[ ](?:\d{4}|'\d{2})"
    r"|" + _MONTHS + r"[ ]\d{1,2}(?:st|nd|rd|th)?,?[ ]\d{4})"
)
_BIRTH_CUE = (
    r"(?:geboren|geb\.|geboortedatum|geboortedag|née?|né\(e\)|née|date de naissance|"
    r"naissance|born|date of birth|d\.o\.b\.?|dob)"
)
_BIRTH_DATE_RE = re.compile(
    r"(?i)(?:\b" + _BIRTH_CUE + r"|(?<![nN])°)(?:[^.;\n\d]{0,30}?[ :(])?[ ]?(" + _DATE + r")"
)
_PLATE_RE = re.compile(
    r"(?<![\w-])(?:[1-9]-[A-Za-z]{3}-\d{3}|[1-9][A-Z]{3}\d{3}|[A-Z]{3}-\d{3}|\d{3}-[A-Z]{3}|"
    r"[A-Z]{2}-\d{3}-[A-Z]{2}|[A-Z]{2}-\d{2}-[A-Z]{2})"
    r"(?![\w-])"
)
_CASE_CUE = (
    r"(?:dossiernummer|dossiernr\.?|dossier|rolnummer|rolnr\.?|refertenummer|referentienummer|"
    r"klantnummer|klantnr\.?|klantennummer|cliëntnummer|contractnummer|polisnummer|"
    r"numéro[ ]client|n°[ ]client|numéro[ ]de[ ]client|client[ ]reference|client[ ]number|"
    r"customer[ ]number|customer[ ]reference|account[ ]reference|réf\.?|ref\.?|refnr\.?|"
    r"ean(?:-?code)?|code[ ]ean|"
    r"referentie|kenmerk|zaaknummer|n°[ ]de[ ]dossier|no[ ]de[ ]dossier|numéro[ ]de[ ]dossier|"
    r"référence(?:[ ]du[ ]dossier)?|numéro[ ]de[ ]rôle|case[ ]number|case[ ]no\.?|"
    r"file[ ]number|file[ ]no\.?|reference[ ]number)"
)
_CASE_FILLER = (
    r"(?:[ ]?(?::|n°|nr\.?|nummer|number|no\.?|numéro|du|de|van|het|bij|the|at|"
    r"OCMW|CPAS|OCMW's|SAJ|SPJ|CAW|JR|VDAB|Actiris|RVA|ONEM|FOD|SPF)[ ]?){0,3}"
)
_CASE_WORDS = r"(?:[ ][A-Za-zà-ÿ'’]{2,20}){0,3}"  # "dossiernummer schuldbemiddeling SB-2024-0317"
_CASE_RE = re.compile(
    r"(?i:\b" + _CASE_CUE + r")" + _CASE_FILLER + _CASE_WORDS + _CASE_FILLER
    + r"[ ]?((?:[A-Z]{2,5}[ /-]?){0,2}\d(?:[\d./-]|[ ](?=\d{2}))*\d"
    + r"(?:/[A-Z]{1,2}|[/-][A-Z]{2,4}[/-]\d+)?)(?![\w])"
)  # fmt: skip
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_PLAIN_DATE_RE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})")


def _birth_dates(text):
    for m in _BIRTH_DATE_RE.finditer(text):
        yield Finding(m.start(1), m.end(1), "birth_date")


def _plates(text):
    for m in _PLATE_RE.finditer(text):
        yield Finding(m.start(), m.end(), "plate")


def _case_numbers(text):
    for m in _CASE_RE.finditer(text):
        ident = m.group(1)
        if (
            sum(c.isdigit() for c in ident) < 3
            or _PLAIN_DATE_RE.fullmatch(ident)
            or _YEAR_RE.fullmatch(ident)  # "dossier sinds 2019"
        ):
            continue
        yield Finding(m.start(1), m.end(1), "case_number")


# --- addresses ------------------------------------------------------------------------------
_NL_STREET_SUFFIX = (
    r"straat|str\.|str|laan|lei|plein|steenweg|stwg\.|weg|dreef|kaai|vest|dijk|baan|hof|park|"
    r"markt|wegel|pad|singel|berg|veld|ring|gracht|kade|dam|meers|wijk|hoek|heide|akker|"
    r"boulevard|square"
)
_NUMBER = r"\d{1,4}(?:[ ]?[a-zA-Z](?![\w]))?(?:(?:[ ]?(?:bus|b\.|/)[ ]?)\d{1,4}[a-zA-Z]?)?"
_NL_ADDRESS_RE = re.compile(
    r"\b(?:(?:Sint|Onze|Lieve|Heilige|Oude|Nieuwe|Grote|Kleine|Korte|Lange|Hoge|Lage|Koning|"
    r"Koningin|Prins|Prinses)[- ])*"
    r"[A-Za-z][\w'-]*(?:" + _NL_STREET_SUFFIX + r")(?![\w]),?[ ]" + _NUMBER + r"(?![\w])"
)
_FR_STREET_WORDS = (
    r"rue|avenue|av\.|av|chaussée|chée|ch\.|boulevard|bd|bld|place|pl\.|chemin|allée|quai|square|"
    r"impasse|clos|drève|rempart|galerie|parvis|passage|sentier|route|cité"
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
    if lang in (None, "en"):
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
    r"madame|monsieur|Mevr\.|Mr\.?|Mrs\.?|Ms\.?|Miss|[Dd]e heer)[ ])"
    r"(" + _CAP + r"(?:[ -]" + _SURNAME + r")*)"
)
_INTRO_RE = re.compile(
    r"(?i:\b(?:je m'appelle|il s'appelle|elle s'appelle|s'appelle|my name is|is called|"
    r"heet|mijn naam is|haar naam is|zijn naam is|called))[ ]+(" + _CAP + r"(?:[ ]" + _CAP + r")*)"
)
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*")
_PARTICLES = frozenset(
    "van de der den ten ter vande le la du des d' el al ben bin abou abu ibn ould da di dos".split()
)
_SAINT_RE = re.compile(r"(?i)^(?:sint|saint|sainte|st|ste|san|santa|heilige)(?:-|$)")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n(]\s*|^\s*-\s*|\s-\s)$")
_COORDINATION = frozenset({"en", "et", "and", "&", "of", "ou", "or"})
_CIVILITIES = frozenset(
    """mevrouw meneer mevr mijnheer dhr mvr mw madame monsieur mme mlle mademoiselle mr mrs ms
    miss""".split()
)
_MONTH_WORDS = frozenset(re.findall(r"[a-zéèûô]{3,}", _MONTHS)) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday easter christmas".split()
)
_ELISION_RE = re.compile(r"^(?:l|d|qu)['’]", re.IGNORECASE)


def _is_allowed(span_text):
    tokens = [t for t in re.split(r"[\s,.;:()]+", span_text) if t]
    meaningful = [t for t in tokens if t[:1].isupper()]
    if not meaningful:
        return True
    return all(
        t.lower() in ALLOWED_TERMS
        or t.lower() in STOP_CAPITALISED
        or t.lower() in INSTITUTION_WORDS
        or _SAINT_RE.match(t)
        for t in meaningful
    )


def _cue_names(text):
    for m in _CIVILITY_RE.finditer(text):  # the civility is part of the name: "Madame Dubois"
        if not _is_allowed(m.group(1)):
            yield Finding(m.start(), m.end(), "person_name")
    for m in _INTRO_RE.finditer(text):  # "je m'appelle Karim": only the name
        if not _is_allowed(m.group(1)):
            yield Finding(m.start(1), m.end(1), "person_name")


def _institution_before(text, start):
    """ "AZ Jan Palfijn", "Maison Médicale Marconi", "Buurthuis Sint-Jan": an institution."""
    window = re.split(r"[,;:!?()\n]|[.][ ]", text[max(0, start - 40) : start])[-1]
    before = _WORD_RE.findall(window)[-2:]  # in the same clause: "room 4, mrs. nowak" is a name
    return any(_ELISION_RE.sub("", w).lower() in INSTITUTION_WORDS for w in before)


_SAINT_BEFORE_RE = re.compile(r"(?i)\b(?:st|ste|sint|saint|sainte)\.?[ ]$")
# one word that is an organisation by its ending: "Vredegerecht", "Koning Boudewijnstichting"
_ORGANISATION_SUFFIX_RE = re.compile(
    r"(?i)\w{3,}(?:stichting|gerecht|rechtbank|fonds|centrum|ziekenhuis|kliniek|school|dienst|"
    r"platform|schakels|werking|vereniging|bureau|loket|huis)$"
)
_ABBREVIATION_AFTER_RE = re.compile(r"\.[A-Za-z]{1,3}\.")
_INSTITUTION_AFTER = frozenset(
    """ziekenhuis kliniek hospital hôpital hopital clinic clinique school stichting foundation
    fondation fonds instituut institute centrum centre center vzw asbl""".split()
)


def _normal(text):
    return " ".join(text.lower().split())


def _in_allowed_phrase(text, f):
    window_start = max(0, f.start - 30)
    raw = text[window_start : f.end + 30].lower()
    if re.search(r"\s\s|[^\S ]", raw):  # odd spacing: compare the span alone
        return _normal(text[f.start : f.end]) in ALLOWED_PHRASES
    for phrase in ALLOWED_PHRASES:
        at = raw.find(phrase)
        while at != -1:
            end = at + len(phrase)
            whole = not raw[end : end + 1].isalpha() and not raw[at - 1 : at].isalpha()
            if whole and window_start + at <= f.start and f.end <= window_start + end:
                return True  # "grace à", not "grace and"
            at = raw.find(phrase, at + 1)
    return False


def _institution_after(text, end):
    """ "Jan Yperman ziekenhuis", "Queen Fabiola children's hospital": an institution."""
    after = _WORD_RE.findall(text[end : end + 40])[:2]
    return any(w.lower() in _INSTITUTION_AFTER for w in after)


def _plausible_name(text, f):
    """Last check on a name from any detector: not an acronym ("JAC"), not a month beside a
    number ("3 May 2025"), not a saint's name of a place ("St Peter's"), not an institution."""
    span = text[f.start : f.end]
    words = _WORD_RE.findall(span)
    if not words:
        return False
    if len(words) == 1:
        w = words[0]
        if w.isupper() and len(w) <= 5:
            return False
        near = text[max(0, f.start - 3) : f.end + 3]
        if w.lower() in _MONTH_WORDS and re.search(r"\d", near):
            return False
    if _SAINT_BEFORE_RE.search(text[max(0, f.start - 7) : f.start]):
        return False
    if words[0].lower() in INSTITUTION_WORDS:  # "Foyer Laekenois", "Queen Fabiola"
        return False
    if any(_SAINT_RE.match(w) or w.lower() in ALLOWED_TERMS for w in span.split("-")[1:]):
        return False  # "Gent-Sint-Pieters", a station
    if len(words) == 1 and words[0].lower() in LANGUAGE_WORDS:
        before = _WORD_RE.findall(text[max(0, f.start - 20) : f.start])[-1:]
        if before and before[0].lower() in _LANGUAGE_CONTEXT:
            return False  # "cursus Frans", "les in het Frans"
    if len(words) == 1 and _ORGANISATION_SUFFIX_RE.search(words[0]):  # "Vredegerecht"
        return False
    if _ABBREVIATION_AFTER_RE.match(text[f.end : f.end + 4]):  # "Ger.W.", "B.S."
        return False
    if _in_allowed_phrase(text, f):  # "Maria Middelares", "Jan Yperman"
        return False
    return not _institution_before(text, f.start) and not _institution_after(text, f.end)


def _family_with_particles(words, i, family):
    """How many words from ``i`` make a family name with particles in the tables ("van den
    broeck", "de clercq"), or 0."""
    for size in (4, 3, 2):
        if i + size <= len(words):
            joined = " ".join(w.group(0).lower() for w in words[i : i + size])
            if joined in family:
                return size
    return 0


_LANGUAGE_CONTEXT = frozenset(
    "het 't in en cursus les lessen taalles cours de du le en of in speaks spreekt parle".split()
)
_ADJECTIVES = frozenset("petit petite grand grande kleine grote little big jeune oude".split())
_AFTER_CALL = frozenset("back terug".split())

_AFTER_INITIAL_NAME = (
    _COORDINATION | PERSON_VERBS | POSSESSIVES_AFTER | frozenset("uit van from of de du".split())
)


def _family_ending(words, i, size, names):
    """A family name with particles found at ``i`` ends in a word that is no ordinary word or
    role ("de clercq", not "de man van de vzw")."""
    last = words[i + size - 1].group(0).lower()
    return last not in NAME_CUES and last not in names["as_words"] and last not in STOP_CAPITALISED


def _family_after_particles(words, i, family):
    """Is the first word after the particles at ``i`` capitalised or a family name?"""
    j = i
    while j < len(words) and words[j].group(0).lower() in _PARTICLES:
        j += 1
    if j == i or j >= len(words):
        return False
    word = words[j].group(0)
    return word.lower() not in PERSON_VERBS and (word[:1].isupper() or word.lower() in family)


def _lookup_names(text, names):
    """Names from the Statbel tables: a capitalised first name ("Dorota poetst..."), a first
    name followed by family-name parts ("Mbuyi Kabongo"), and a lower-case first name after a
    cue or at the start of a sentence ("mijn nicht lotte", "kevin van de buren hielp")."""
    first, family, first_all = names["first"], names["family"], names["first_all"]
    first_strict, as_words = names["first_strict"], names["as_words"]
    words = list(_WORD_RE.finditer(text))
    previous_was_name = False
    i = 0
    while i < len(words):
        m = words[i]
        w = m.group(0)
        low = w.lower()
        capital = w[:1].isupper()
        before = text[max(0, m.start() - 40) : m.start()].rsplit(" ", 1)[-1]
        initial = bool(_SENTENCE_END.search(text[max(0, m.start() - 3) : m.start()])) or (
            m.start() == 0
        )
        prev = words[i - 1].group(0).lower() if i else ""
        prev2 = words[i - 2].group(0).lower() if i > 1 else ""
        # the next word, only when a single space separates it ("kamer 12 heeft" has none)
        nxt_word = (
            words[i + 1].group(0).lower()
            if i + 1 < len(words) and text[m.end() : words[i + 1].start()] == " "
            else ""
        )
        role_cued = (
            prev in NAME_CUES
            or (prev == "les" and prev2 == "chez")
            # "zoon van marc", "la fille de rachida", "the daughter of gloria"
            or (
                prev in ("van", "de", "du", "of", "d")
                and prev2 in NAME_CUES
                and text[words[i - 2].end() : words[i - 1].start()] == " "
            )
        )
        cued = (
            role_cued
            or (previous_was_name and prev in _COORDINATION)
            or (prev in CONTACT_PREPOSITIONS and prev2 in CONTACT_VERBS)
        )
        particle_start = low in _PARTICLES  # "de" is also in "De Lijn": particles go on
        language = low in LANGUAGE_WORDS and prev in _LANGUAGE_CONTEXT  # "cursus Frans"
        if (
            _SAINT_RE.match(w)
            or "@" in before
            or (low in ALLOWED_TERMS and not particle_start)
            or language
            or (low in _ADJECTIVES and not capital)  # "la maman du petit"
        ):
            previous_was_name = False
            i += 1
            continue
        parts = low.split("-")
        is_first = low in first or (
            len(parts) > 1
            and parts[0] in first
            and not any(p in ALLOWED_TERMS or _SAINT_RE.match(p) for p in parts)
        )
        dotted = bool(i) and text[words[i - 1].end() : m.start()] == ". "
        after_civility = prev in _CIVILITIES or (prev == "m" and dotted)  # "m. lejeune"
        initial_letter = (  # "j. peeters", "a. mertens", "d. nowak"
            dotted
            and len(prev) == 1
            and (i < 2 or text[words[i - 2].end() : words[i - 1].start()] in (" ", "", ". "))
            and low in family
            and low not in as_words
            and low not in PERSON_VERBS
        )
        multi = _family_with_particles(words, i, family) if low in _PARTICLES else 0
        family_cued = (  # "bij de janssens", "les ndiaye", "the okafor family"
            low in family
            and low not in as_words
            and (
                (prev in ("de", "les") and (prev2 in ("bij", "chez", "avec", "van") or i == 1))
                or (prev == "the" and nxt_word in ("family", "familie"))
            )
        ) or (
            prev == "the"
            and nxt_word in ("family", "familie")
            and low not in names["common"]
            and low not in as_words
            and not (low in ALLOWED_TERMS or low in INSTITUTION_WORDS or low in LANGUAGE_WORDS)
        )
        if initial_letter or family_cued:
            hit = True
        elif after_civility and low in _PARTICLES:
            # "meneer de smet", "mevrouw van den broeck"; not "mevrouw van de derde verdieping"
            hit = bool(multi) or _family_after_particles(words, i, family)
        elif (
            after_civility
            and low not in STOP_CAPITALISED
            and low not in ALLOWED_TERMS
            and low not in PERSON_VERBS  # "meneer heeft", "mevr stond"
        ):
            hit = True  # "mevrouw yilmaz", "madame lefèvre"
        elif multi and (initial or cued) and _family_ending(words, i, multi, names):
            hit = True  # "van den broeck heeft ...", "de clercq en haar dochter"
        elif is_first:
            hit = (
                capital
                or cued
                # at a sentence start; a name that is also a word ("amber alert on the news")
                # only before "en", "uit", a verb: "fatma en haar man", "grace uit eritrea"
                or (initial and (low not in as_words or nxt_word in _AFTER_INITIAL_NAME))
                or prev in NAME_PREPOSITIONS
                or low in first_strict
                or nxt_word in PERSON_VERBS
            )
        elif low in first_all and prev in CONTACT_VERBS and nxt_word in _AFTER_CALL:
            hit = True  # "call ben back", "bel dirk terug"
        elif low in first_all and role_cued:
            hit = True  # "de zoon van marc"
        elif (
            low in first_all
            and nxt_word in PERSON_VERBS | POSSESSIVES_AFTER
            and (capital or initial or cued)
        ):
            hit = True  # "Will heeft de sleutels", "tom zegt", "griet haar geboortedatum"
        elif (low in first_all or low in first) and _family_with_particles(words, i + 1, family):
            hit = True  # "dirk van hecke"
        else:  # a family name alone only after a cue: "buurman Kowalczyk", "verhuurder peeters"
            hit = low in family and (capital and cued or role_cued and low not in as_words)
        if low in PERSON_VERBS and not (capital and not initial):
            hit = False  # "the landlord said he ...": a verb, not "Said"
        if not hit:
            previous_was_name = previous_was_name and low in _COORDINATION
            i += 1
            continue
        # extend over family-name parts: capitalised words (or lower case after a lower-case
        # first name) and particles, on one line
        j = i + multi - 1 if multi else i
        if after_civility and low in _PARTICLES:
            while j + 1 < len(words) and words[j + 1].group(0).lower() in _PARTICLES:
                j += 1
            j = min(j + 1, len(words) - 1)  # the word after the particles: "de smet"
        while j + 1 < len(words):
            nxt = words[j + 1]
            gap = text[words[j].end() : nxt.start()]
            t = nxt.group(0)
            tl = t.lower()
            if gap not in (" ", "-") or tl in ALLOWED_TERMS or _SAINT_RE.match(t):
                break
            if tl in PERSON_VERBS:  # "de smet woont": the verb ends the name
                break
            if tl in _PARTICLES and j + 2 < len(words):
                after = words[j + 2].group(0)
                if after[:1].isupper() or (not capital and after.lower() in family):
                    j += 1
                    continue
                break
            if t[:1].isupper() or (not capital and tl in family and tl not in first):
                if t[:1].isupper() and tl in STOP_CAPITALISED:
                    break
                j += 1
                continue
            break
        # a trailing particle is not part of the name
        while j > i and words[j].group(0).lower() in _PARTICLES:
            j -= 1
        start, end = m.start(), words[j].end()
        if not _institution_before(text, start) and not (capital and _is_allowed(text[start:end])):
            yield Finding(start, end, "person_name")
        previous_was_name = True
        i = j + 1


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
        not text[tokens[0][0]].isupper()
        or text[slice(*tokens[0])].lower() in STOP_CAPITALISED
        or _SAINT_RE.match(text[slice(*tokens[0])])
    ):
        tokens.pop(0)
    for i, (a, b) in enumerate(tokens[1:], start=1):
        word = text[a:b].strip(",.;:")
        if word.lower() in ALLOWED_TERMS or _SAINT_RE.match(word):
            tokens = tokens[:i]
            break
    while tokens and not text[tokens[-1][0]].isupper():
        tokens.pop()
    if not tokens:
        return None
    return tokens[0][0], tokens[-1][1]


def _chunks(text, size=_CHUNK):
    """(offset, piece) pieces of at most about ``size`` characters, cut after a sentence end
    or at a space, so deduce never sees a long text at once."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
        if cut < size // 3:
            cut = window.rfind(" ")
        if cut < size // 3:
            cut = size - 1
        yield start, text[start : start + cut + 1]
        start += cut + 1
    yield start, text[start:]


def _lone_word_surname(text, start, end):
    """A single capitalised word that deduce knows as a surname but that is also an ordinary
    word ("Keuken", "Tuin", "Hulp in de Keuken"): a task or a place, not a person, unless a cue
    says otherwise ("buurman Keuken", "mevrouw Tuin", "Keuken heeft gebeld") or a first name
    or a particle stands before it ("Jan Keuken", "van der Tuin")."""
    span = text[start:end]
    names = _names or {}
    low = span.lower()
    if not _WORD_RE.fullmatch(span) or low not in names.get("as_words", ()):
        return False
    if low in names.get("first", ()):
        return False
    before = _WORD_RE.findall(text[max(0, start - 60) : start])
    while before and before[-1].lower() in _PARTICLES:  # "van der Tuin", but "in de Keuken"
        if before[-1][:1].isupper():
            return False
        before.pop()
        if not before or before[-1][:1].isupper():
            return False
    prev = before[-1].lower() if before else ""
    prev2 = before[-2].lower() if len(before) > 1 else ""
    cue = NAME_CUES | _CIVILITIES | CONTACT_VERBS | CONTACT_PREPOSITIONS | NAME_PREPOSITIONS
    if prev in cue or prev2 in NAME_CUES or prev2 in CONTACT_VERBS:
        return False
    if before and before[-1][:1].isupper() and prev in names.get("first_all", ()):
        return False
    after = _WORD_RE.findall(text[end : end + 30])[:1]
    return not (after and after[0].lower() in PERSON_VERBS | POSSESSIVES_AFTER)


def _deduce_findings(text, deduce):
    """Names and street addresses by deduce. Its Dutch name lists and patterns also serve
    French text well, once sentence-initial words and allowed terms are filtered out."""
    for offset, piece in _chunks(text):
        if not piece.strip():
            continue
        doc = deduce.deidentify(piece, disabled=_DEDUCE_OFF)
        for ann in doc.annotations:
            tag = ann.tag
            a, b = int(ann.start_char) + offset, int(ann.end_char) + offset
            span = text[a:b]
            if "persoon" in tag or "patient" in tag:
                trimmed = _trim_name(text, a, b)
                if (
                    trimmed is None
                    or _is_allowed(text[trimmed[0] : trimmed[1]])
                    or _institution_before(text, trimmed[0])
                    or _lone_word_surname(text, *trimmed)
                ):
                    continue
                yield Finding(trimmed[0], trimmed[1], "person_name")
            elif "locatie" in tag and re.search(r"\d", span) and not re.fullmatch(r"[\d ]+", span):
                yield Finding(a, b, "address")


# --- putting it together --------------------------------------------------------------------
_IDENTIFIERS = {"national_number", "iban", "phone", "email", "birth_date", "plate", "case_number"}
_MERGEABLE = {"address", "person_name"}
# equal spans: the kind found after a cue wins ("ref. UIT-118" is a case number, not a plate)
_PRIORITY = {
    kind: n
    for n, kind in enumerate(
        ("national_number", "iban", "email", "phone", "birth_date", "case_number", "plate")
    )
}


def _resolve_overlaps(findings):
    """Keep one finding per region: verified identifiers first, then the longest; overlapping
    names (or addresses) found by two detectors are merged into one."""
    ordered = sorted(
        set(findings),
        key=lambda f: (
            f.kind not in _IDENTIFIERS,
            -(f.end - f.start),
            _PRIORITY.get(f.kind, len(_PRIORITY)),  # a tie goes the same way every run
            f.start,
        ),
    )
    kept = []
    for f in ordered:
        overlapping = [k for k in kept if k.start < f.end and f.start < k.end]
        if not overlapping:
            kept.append(f)
        elif f.kind in _MERGEABLE and all(k.kind == f.kind for k in overlapping):
            for k in overlapping:
                kept.remove(k)
            start = min([f.start] + [k.start for k in overlapping])
            end = max([f.end] + [k.end for k in overlapping])
            kept.append(Finding(start, end, f.kind))
    return sorted(kept)


def _digits(value):
    return re.sub(r"\D", "", value)


def _phone_key(value):
    """The number in E.164 form ("+3292241890" for "09 224 18 90" and "0032 9 224 18 90"),
    or its digits when it does not parse."""
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        return _digits(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _address_key(value):
    return " ".join(re.sub(r"[,;]", " ", value).casefold().split())


def _drop_allowed(text, findings, allow):
    """Drop findings whose text is one of the allowed (published) contact details: phones
    compared as numbers (in E.164 form), e-mail addresses in lower case, anything else
    casefolded with whitespace collapsed."""
    allow = [a for a in allow if a and a.strip()]
    if not allow:
        return findings
    phones = {_phone_key(a) for a in allow if len(_digits(a)) >= 6}
    emails = {a.strip().lower() for a in allow if "@" in a}
    words = {_address_key(a) for a in allow}
    kept = []
    for f in findings:
        span = text[f.start : f.end]
        if f.kind == "phone" and _phone_key(span) in phones:
            continue
        if f.kind == "email" and span.strip().lower() in emails:
            continue
        if f.kind not in ("phone", "email") and _address_key(span) in words:
            continue
        kept.append(f)
    return kept


def scan(text, lang=None, allow=()):
    """Return the personal data found in ``text`` as a sorted list of ``Finding``.

    ``lang`` ("nl", "fr", "en" or None for any) only widens the street patterns; ``allow`` is
    an iterable of published contact details (phones, e-mail addresses, addresses) whose
    findings are dropped."""
    if not text or not text.strip():
        return []
    if lang is not None and lang not in ("nl", "fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    deduce = _get_deduce()
    findings = [
        *_national_numbers(text),
        *_ibans(text),
        *_emails(text),
        *_phones(text),
        *_birth_dates(text),
        *_plates(text),
        *_case_numbers(text),
        *_addresses(text, lang),
        *_cue_names(text),
        *_lookup_names(text, _names),
        *_deduce_findings(text, deduce),
    ]
    findings = [f for f in findings if f.kind != "person_name" or _plausible_name(text, f)]
    return _drop_allowed(text, _resolve_overlaps(findings), allow)


def find_personal_data(text, lang="nl", allow=()):
    """The older name of ``scan``."""
    return scan(text, lang=lang, allow=allow)
