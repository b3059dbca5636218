"""Name keys shared by the gazetteer build and its lookups.

A key is the name with accents removed, lower-cased, apostrophes dropped and every other
run of punctuation or space turned into one space ("Sa'dah" -> "sadah", "Nord-Kivu" ->
"nord kivu"). The same folding is used by ACLED-style evaluations, so two spellings
that compare equal there also meet here.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = "'’‘ʻʼ`´"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Words that only say what kind of division a name is; stripping them lets "Khost
# province", "Province of Khost" and "Khost" share a key. Chosen from the feature words
# that news and GeoNames attach to admin names.
GENERIC_WORDS = frozenset("""
province provinces provincial governorate governorates state region district districts
county municipality oblast rayon rayonu raion division prefecture department departement
departamento estado provincia muhafazat muhafazah wilayah wilaya city town village
area territory""".split())


def key(name: str | None) -> str:
    """The lookup key of a name ("" for nothing)."""
    if not name:
        return ""
    if type(name) is str:
        return _key(name)
    return _key(str(name))


@functools.lru_cache(maxsize=100_000)
def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = _NON_ALNUM.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def core_key(name: str | None) -> str:
    """The key without generic division words ("khost province" -> "khost")."""
    words = [w for w in key(name).split() if w not in GENERIC_WORDS]
    return " ".join(words) if words else key(name)


def ascii_name(name: str) -> str:
    """The name without diacritics, keeping case and punctuation ("Ḩaḑramawt" -> "Hadramawt")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("‘", "").replace("’", "'").replace("ʻ", "'")
