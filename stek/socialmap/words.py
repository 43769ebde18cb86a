"""Words as the social map's search compares them: without accents or case, and by their
stem, so that "energie" finds "Énergie" and "Energiefactuur", "schulden" finds "schuld" and
"dettes" finds "dette" (issue 16, ADR 0014).

A text is cut into words at everything that is not a letter or a digit (as PostgreSQL's
parser does); a word is written without accents and in lower case (``normalize``). A search
word is tried as itself and as its Dutch, French and English stems (``alternatives``); it
matches a text when one of the text's words *begins* with one of them (``matches``). The
PostgreSQL search does the same in SQL (``to_tsvector('simple', unaccent(...))`` against
``stem:*`` prefixes), SQLite calls ``sqlite_match`` as its function ``stek_match``, so the
two agree.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MIN_STEM = 4  # a shorter stem says too little ("det" would find "detail")
MAX_WORDS = 8  # a search of more words is cut: each word is one condition in SQL
_WORD_RE = re.compile(r"[^\W_]+")
# letters unaccent writes as two (or plain) that NFKD leaves alone
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
                            "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"})  # fmt: skip
_STEMMERS = [snowballstemmer.stemmer(lang) for lang in ("dutch_porter", "french", "english")]


def normalize(text):
    """``text`` without accents, in lower case: "Énergie" → "energie"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    """The normalised words of ``text``: "d'Énergie-factuur" → ["d", "energie", "factuur"]."""
    return _WORD_RE.findall(normalize(text))


def written_words(text):
    """The words of ``text`` as written, in lower case: "Énergie-factuur" → ["énergie",
    "factuur"] (what a suggestion shows)."""
    return _WORD_RE.findall((text or "").lower())


@lru_cache(maxsize=4096)
def alternatives(word):
    """The prefixes that find a normalised ``word``: itself and its stems of at least
    ``MIN_STEM`` letters, without one that begins with another (that one finds more)."""
    found = {word}
    for stemmer in _STEMMERS:
        stem = stemmer.stemWord(word)
        if len(stem) >= MIN_STEM and word.startswith(stem[:MIN_STEM]):
            found.add(stem)
    return tuple(sorted(a for a in found if not any(b != a and a.startswith(b) for b in found)))


def query_words(text):
    """The search's words, each once, at most ``MAX_WORDS``."""
    return list(dict.fromkeys(words(text)))[:MAX_WORDS]


def matches(text_words, prefixes):
    """Does one of ``text_words`` begin with one of ``prefixes``?"""
    return any(w.startswith(p) for w in text_words for p in prefixes)


def sqlite_match(pattern, *texts):
    """SQLite's ``stek_match(pattern, text, ...)``: 1 when a word of one of ``texts`` begins
    with one of the space-separated prefixes of ``pattern``."""
    prefixes = (pattern or "").split()
    return int(any(matches(words(t), prefixes) for t in texts if t))
