"""sitrep.extract.prescan: the cheap tests before costly regexes never skip a match."""
from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.prescan import FOLDS_TO_ASCII, ByInitial, by_initial, folded, needs, present


def test_folds_to_ascii_lists_every_character_re_i_folds_onto_an_ascii_letter():
    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert found == set(FOLDS_TO_ASCII)


def test_folded_and_present():
    assert folded("Shelling in KHOST") == "shelling in khost"
    assert folded("Jalālābād") == "jalālābād"
    assert folded("\u212ailled") is None          # Kelvin sign: re.I reads it as "k"
    killed, dead = needs("killed"), needs("dead", "died")
    assert present("Two were KILLED", (killed, dead)) == {killed}
    assert present("nobody was hurt", (killed, dead)) == set()
    assert present("\u212aILLED", (killed, dead)) is None      # cannot tell: run the regex
    assert re.search("killed", "\u212aILLED", re.I)


# ---------------------------------------------------------------- property: pre-tests are necessary

PIECES = ["killed", "KILLED", "Killed", "dead", "de", "ad", " ", ", ", "\u212a", "i", "\u0131",
          "\u0130", "s", "\u017f", "lled", "é", "Ünal", "4", "died", "-", "\n", "ſlain", "slain"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_pretest_that_finds_nothing_means_the_regex_finds_nothing(text):
    words = ("killed", "dead", "slain")
    pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    test = needs(*words)
    found = present(text, (test,))
    if found is not None and test not in found:
        assert not pattern.search(text)


# ---------------------------------------------------------------- ByInitial

WORDS = ["islamic state", "is", "isis", "kata'ib hezbollah", "al-shabaab", "al shabaab", "army",
         "armed men", "sahel", "éléments", "Øst", "police", "3rd brigade", "soldier",
         "\u017ftreet"]     # a long s: re.I matches it to "street"


def _pattern(prefix=r"(?<![\w-])", suffix=r"(?:s|es)?(?![\w-])", flags=re.I, words=WORDS):
    words = sorted(words, key=len, reverse=True)
    return re.compile(prefix + "(" + "|".join(re.escape(w) for w in words) + ")" + suffix, flags)


def _spans(it):
    return [(m.span(), m.group(0), m.group(1)) for m in it]


def test_by_initial_finds_what_finditer_finds():
    pattern = _pattern()
    fast = ByInitial.of(pattern)
    assert isinstance(fast, ByInitial)
    for text in ["Islamic State fighters and ISIS; the army's armed men", "al-Shabaab/al Shabaab, Sahel",
                 "ÉLÉMENTS of the 3rd Brigade; øst; \u212aata'ib Hezbollah", "police-run", "soldiers,soldieres",
                 "", "is-is", "xisis isisx", "Police\u0130s", "the Street"]:
        assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text)), text


def test_by_initial_keeps_patterns_of_another_shape():
    assert by_initial(re.compile(r"(?<![\w-])(a|b+)\b")) is not None
    assert not isinstance(ByInitial.of(re.compile(r"(?<![\w-])(a|b+)\b")), ByInitial)   # not escaped words
    assert not isinstance(ByInitial.of(re.compile(r"(?:x|y)")), ByInitial)              # no known opening
    assert not isinstance(ByInitial.of(re.compile(r"\b(-x|y)\b")), ByInitial)            # starts with no letter
    assert isinstance(ByInitial.of(_pattern(prefix=r"\b", suffix=r"s?\b")), ByInitial)
    p = _pattern()
    assert by_initial(p) is by_initial(p)


alphabet = st.sampled_from(["is", "IS", "Is", "is ", "lamic", " state", "ar", "my", "armed", " men", "\u212a",
                            "\u0130", "\u0131", "ſ", "é", "É", "léments", "Øst", "øst", "-", "s", "es", " ",
                            "3rd", " brigade", "police", "al", "-shabaab", " shabaab", "'", "x", "\n",
                            "street", "Street"])


@settings(max_examples=400, deadline=None)
@given(st.lists(alphabet, max_size=14).map("".join))
def test_by_initial_equals_finditer_on_any_text(text):
    for pattern in (_pattern(), _pattern(prefix=r"\b", suffix=r"s?\b"), _pattern(flags=0)):
        assert _spans(ByInitial.of(pattern).finditer(text)) == _spans(pattern.finditer(text))


def test_by_initial_refuses_a_bar_outside_the_group_and_ascii_patterns():
    words = r"(?<![\w-])(army|police)"
    assert not isinstance(ByInitial.of(re.compile(words + r"|xyz")), ByInitial)      # "xyz" inside words
    assert isinstance(ByInitial.of(re.compile(words + r"(?:s|es)?(?![|\w])")), ByInitial)
    assert isinstance(ByInitial.of(re.compile(words + r"[^]|]?\b")), ByInitial)
    assert not isinstance(ByInitial.of(re.compile(words + r"\b", re.ASCII)), ByInitial)
    p = re.compile(words + r"|xyz", re.I)
    text = "policexyz army"
    assert _spans(by_initial(p).finditer(text)) == _spans(p.finditer(text))
