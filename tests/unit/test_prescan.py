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


# ByInitial's word starts skip the first two characters no word begins with (no word here begins
# outside ASCII, so the lookahead is on): case-sensitively for a case-sensitive pattern, with both
# cases under re.I, and never a character outside ASCII (the Kelvin sign is "k" under re.I)
ASCII_WORDS = ["islamic state", "is", "isis", "kata'ib hezbollah", "al-shabaab", "army", "ISWAP", "Sahel",
               "police", "3rd brigade", "street"]


def test_by_initial_skips_the_starts_no_word_has():
    fast = ByInitial.of(_pattern(words=ASCII_WORDS, flags=0))
    assert not fast._starts.match("Police") and not fast._starts.match("Army") and fast._starts.match("army")
    assert fast._starts.match("ISWAP") and fast._starts.match("éléments")
    fast = ByInitial.of(_pattern(words=ASCII_WORDS))
    assert fast._starts.match("Police") and fast._starts.match("\u212aata") and not fast._starts.match("xisis")
    assert fast._starts.match("ISIS") and not fast._starts.match("Iraq")     # no word begins "ir"
    assert fast._starts.match("i\u017f")       # a long s: re.I reads it as "s"
    assert ByInitial.of(_pattern())._starts.match("xisis")     # a word beginning outside ASCII: every start
    text = "\u212aata'ib Hezbollah and ISWAP in the Sahel; iswap, Police-run, xisis"
    for pattern in (_pattern(words=ASCII_WORDS), _pattern(words=ASCII_WORDS, flags=0)):
        assert _spans(ByInitial.of(pattern).finditer(text)) == _spans(pattern.finditer(text))
    assert [m.group(1) for m in ByInitial.of(_pattern(words=ASCII_WORDS)).finditer(text)][0] == "\u212aata'ib Hezbollah"


@settings(max_examples=400, deadline=None)
@given(st.lists(alphabet, max_size=14).map("".join))
def test_by_initial_with_ascii_words_equals_finditer_on_any_text(text):
    for pattern in (_pattern(words=ASCII_WORDS), _pattern(prefix=r"\b", suffix=r"s?\b", words=ASCII_WORDS),
                    _pattern(words=ASCII_WORDS, flags=0), _pattern(words=["ISWAP", "IS", "Al", "al", "3rd"], flags=0),
                    _pattern(words=ASCII_WORDS + ["x", "eé"]), _pattern(words=ASCII_WORDS + ["x", "eé"], flags=0)):
        assert _spans(ByInitial.of(pattern).finditer(text)) == _spans(pattern.finditer(text))


def test_needs_search_finds_any_of_its_words():
    test = needs("killed", "dead")
    assert test.search("two dead") and test.search("killed") and not test.search("wounded")
    assert not needs("x").search("")
