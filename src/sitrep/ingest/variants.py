"""Two near-identical texts: copies of one report, or two reports written from one template?

Shingle similarity (dedupe.py) cannot tell a wire story an outlet lightly edited (a credit
line, a reporter's name, a sentence added or cut) from two reports of different events
written with the same wording ("... shelled positions in the area of X, Donetsk", once for
each village). What tells them apart is *where* they differ: the words of the two texts are
aligned (difflib), and a spot where each text names a different place, party or victim, or
states a different figure (by value: "31" and "thirty-one" agree, "second day" and "third
day" do not), means different reports. Text only one side has (an added or cut sentence, a
parenthetical, a sign-off) is an edit, and so is a swap inside a credit (byline, "Reporting
by ...", an agency tag): copies differ exactly there.

A name is a capitalised word that does not open a sentence; a capitalised word that opens
one counts when the gazetteer knows it as a place ("Sosnovskoye came under fire" / "Bezimenne
came under fire"). Two names the gazetteer knows as one place ("Kiev" / "Kyiv") are one
outlet's spelling, not another place. The gazetteer is asked only about the few words at a
swapped spot of a pair that already passed the shingle test, so the check costs nothing on
most documents (ingest of the 16,573 ACLED dev notes: 3.0 s before, 3.5 s after, together
with the new language test).

Data: credit cues and wire agency names in data/boilerplate.yaml (credit_cues, agencies),
English number words in data/languages.yaml (english_numbers). Measured on the ACLED dev
notes: 253 near duplicates with the earlier rule (same numbers, 80% of the names), 40 with
this one (the rest differ only by
text one side adds, e.g. "for the 3rd day", which a copy may do too).
"""
from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from sitrep.ingest import boilerplate
from sitrep.ingest.boilerplate import is_byline
from sitrep.ingest.language import english_numbers, is_name

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_SEGMENT = re.compile(r"[^.!?;\n()\[\]]+")
_LINE = re.compile(r"[^\n]+")
GAP = 1         # aligned words that may sit inside one swapped spot


@dataclass(frozen=True)
class Token:
    low: str            # what the alignment compares
    kind: str           # "number", "numword" ("thirty", "third"), "name", "initial"
                        # (capitalised, opens a sentence), "word"
    text: str
    credit: bool        # inside a credit (byline, agency tag): swaps there are edits
    value: int | str | None = None     # of a number or a number word


_ORDINAL = re.compile(r"^0*(\d+)(?:st|nd|rd|th)?$")


def _figure(word: str) -> int | str:
    """The value a figure states: 3 for "03" and "3rd"; others ("120mm") as written."""
    m = _ORDINAL.match(word.lower())
    return int(m.group(1)) if m else word.lower()


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the segments (between sentence ends, semicolons, brackets and line
    breaks) that hold a credit cue, and of byline lines."""
    cues = boilerplate.cues()["credit_cues"]
    spans = [(m.start(), m.end()) for m in _SEGMENT.finditer(text)
             if any(c.search(m.group()) for c in cues)]
    return spans + [(m.start(), m.end()) for m in _LINE.finditer(text) if is_byline(m.group().strip())]


def tokens(text: str) -> list[Token]:
    credits = _credit_spans(text)
    agencies = boilerplate.cues()["agencies"]
    numbers = english_numbers()
    out = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        low, value = word.lower(), None
        if any(map(str.isdigit, word)):
            kind, value = "number", _figure(word)
        elif low in numbers:
            kind, value = "numword", numbers[low]
        elif word[0].isupper():
            kind = "name" if is_name(text, start) else "initial"
        else:
            kind = "word"
        credit = low in agencies or (bool(credits) and any(a <= start < b for a, b in credits))
        out.append(Token(low, kind, word, credit, value))
    return out


@functools.lru_cache(maxsize=64)
def _tokens_of(text: str) -> tuple[Token, ...]:
    """`tokens`, kept for the last texts compared: a new article is compared with each stored
    one that passed the shingle test, and a stored one with each new copy of it."""
    return tuple(tokens(text))


@functools.lru_cache(maxsize=1)
def _gazetteer():
    try:
        from sitrep.geocode import get_gazetteer
        return get_gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer: a sentence-initial word is not a name
        return None


def _places(word: str) -> frozenset:
    """GeoNames ids of the places the gazetteer knows by `word` (empty without a gazetteer)."""
    gaz = _gazetteer()
    if gaz is None:
        return frozenset()
    return frozenset(p.geonameid or (p.name, p.iso3) for p in gaz.lookup(word))


def _is_place(word: str) -> bool:
    return bool(_places(word))


def _spellings(a: Counter, b: Counter) -> bool:
    """Two spellings of one place ("Kiev" / "Kyiv", "Idlib" / "Idleb"): an outlet's style."""
    return len(a) == len(b) == 1 and bool(_places(next(iter(a))) & _places(next(iter(b))))


def _spelled(words: list[int]) -> int:
    """The value of a run of number words: [30, 1] -> 31, [2, 100] -> 200."""
    total = current = 0
    for v in words:
        if v in (100, 1000, 1_000_000):
            current = max(current, 1) * v
            if v > 100:
                total, current = total + current, 0
        else:
            current += v
    return total + current


def _identifying(span: Sequence[Token]) -> tuple[Counter, Counter]:
    """The figures and the names a stretch of text states (credits left out), each as many
    times as stated ("(03/02)" and "(02/02)" differ)."""
    figures, names, run = Counter(), Counter(), []
    for t in (*span, Token("", "word", "", False)):
        if t.kind == "numword" and not t.credit:
            run.append(t.value)
            continue
        if run:
            figures[_spelled(run)] += 1
            run = []
        if t.credit:
            continue
        if t.kind == "number":
            figures[t.value] += 1
        elif t.kind == "name" or (t.kind == "initial" and _is_place(t.text)):
            names[t.low] += 1
    return figures, names


def _spots(ops: list[tuple]) -> list[tuple[int, int, int, int]]:
    """Places where the texts differ: runs of edits with at most GAP aligned words between
    them ("of Donetsk Airport" / "of Staromykhaylivka, Donetsk" is one swap, aligned as an
    insertion, one shared word and a deletion)."""
    spots: list[list[int]] = []
    last_end = None
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        if spots and last_end is not None and i1 - last_end[0] <= GAP and j1 - last_end[1] <= GAP:
            spots[-1][1], spots[-1][3] = i2, j2
        else:
            spots.append([i1, i2, j1, j2])
        last_end = (i2, j2)
    return [tuple(s) for s in spots]


def swapped(a: str, b: str) -> str | None:
    """Where `a` and `b` state a different number or name at the same spot of otherwise
    aligned text, say so ("'Sosnovskoye' where the other has 'Bezimenne'"); None when they
    differ only by edits a copy undergoes (text one side adds or cuts, swaps in credits)."""
    ta, tb = _tokens_of(a), _tokens_of(b)
    matcher = difflib.SequenceMatcher(None, [t.low for t in ta], [t.low for t in tb], autojunk=False)
    for i1, i2, j1, j2 in _spots(matcher.get_opcodes()):
        if i1 == i2 or j1 == j2:
            continue                    # text only one side has
        (nums_a, names_a), (nums_b, names_b) = _identifying(ta[i1:i2]), _identifying(tb[j1:j2])
        other_number = nums_a - nums_b and nums_b - nums_a
        other_name = names_a - names_b and names_b - names_a \
            and not _spellings(names_a - names_b, names_b - names_a)
        if other_number or other_name:
            return f"{' '.join(t.text for t in ta[i1:i2])!r} where the other has " \
                   f"{' '.join(t.text for t in tb[j1:j2])!r}"
    return None
