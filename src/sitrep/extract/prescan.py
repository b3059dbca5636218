"""Cheap, exact shortcuts for costly regexes; none changes a match.

`needs` / `present`: a test to run before a case-insensitive regex: does the text contain one
of the words the regex cannot match without?

    KILLED = needs("killed", "dead")                 # once, next to the regex
    found = present(text, (KILLED, ...))             # once per text
    if found is None or KILLED in found: ...run the regex...

For a pattern compiled with re.I, an ASCII word in it matches the text exactly where the
lower-cased word occurs in the lower-cased text, except for four characters outside ASCII
that re.I folds onto ASCII letters; for a text holding one of them `present` answers None
(unknown: run every regex), so no match is ever skipped.

`required_literal(pattern)`: the longest run of plain characters every match holds, for a
pre-test of the same kind (under re.I `in` on the `folded` text, else on the text itself).

`by_initial(pattern).finditer(text)`: the matches of a long word-list regex (actor aliases,
country names), looked for only where a word starts and only among the words that begin with
the letter there (ByInitial).
"""
from __future__ import annotations

import functools
import re

# Every character above U+007F that a re.I pattern of ASCII letters matches ("İ", "ı", "ſ" and
# the Kelvin sign); tests/unit/test_prescan.py checks the list against all of Unicode.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def folded(text: str) -> str | None:
    """`text` lower-cased, or None when it holds a character of FOLDS_TO_ASCII."""
    if not text.isascii() and not FOLDS_TO_ASCII.isdisjoint(text):
        return None
    return text.lower()


class Needs:
    """A pre-test: `search(low)` is true when the lower-cased text holds one of `words`. (What
    a regex of the escaped words joined by "|" finds; `in` looks for each word faster than
    the regex tries every word at every position.)"""
    __slots__ = ("words",)

    def __init__(self, words: tuple[str, ...]):
        self.words = words

    def search(self, low: str) -> bool:
        for w in self.words:    # (= any(w in low for w in self.words), without a generator)
            if w in low:
                return True
        return False

    def __repr__(self) -> str:
        return f"needs{self.words!r}"


def needs(*words: str) -> Needs:
    """A pre-test finding any of `words` (lower-case ASCII, as they are spelt in the regex)."""
    if not words or any(not w.isascii() or w != w.lower() for w in words):
        raise ValueError(f"pre-test words must be lower-case ASCII: {words}")
    return Needs(tuple(words))


def present(text: str, tests) -> set | None:
    """Which of the pre-tests `tests` (`needs`, or any compiled regex) find a word in `text`;
    None when that cannot be told exactly (see `folded`)."""
    low = folded(text)
    if low is None:
        return None
    return {t for t in tests if t.search(low)}


def required_literal(pattern: re.Pattern) -> str:
    """The longest run of plain characters that every match of `pattern` holds as written
    (lower-cased under re.I, for a test on `folded` text); "" when there is none, or it is not
    ASCII. Read from re's own parse of the pattern: its top-level items are what a match goes
    through, in order, so a run of literals among them is in every match ("\\bhours after\\s+"
    holds "hours after"; a top-level alternation holds none)."""
    from re import _constants, _parser     # (CPython's parser: the reading re itself makes)
    if not isinstance(pattern.pattern, str):
        return ""
    runs, run = [], []
    for op, arg in _parser.parse(pattern.pattern, pattern.flags):
        if op is _constants.LITERAL:
            run.append(chr(arg))
        else:
            runs.append("".join(run))
            run = []
    best = max(runs + ["".join(run)], key=len)
    if not best.isascii():
        return ""
    return best.lower() if pattern.flags & re.I else best


# ---------------------------------------------------------------- word-list regexes

class ByInitial:
    """`finditer` of a word-list regex, PREFIX(w1|w2|...)SUFFIX, with the same matches, cheaper.

    Python's re tries every alternative of such a group at every word start (under re.I it
    cannot skip one by its first letter), so a list of a few hundred names costs ~60 us a
    sentence. Here the regex is run only at the positions where a word starts (PREFIX then a
    word character) with two characters some alternative can begin with (_initials_ahead), and
    with only the alternatives that can begin with the character there, in their original
    order: the alternative re would pick at that position is the same.
    A position with a character outside ASCII gets the whole regex, as does an alternative that
    begins outside ASCII (it is kept in every group), so case folding never loses a match.
    """

    # zero-width openings that only look behind: every match starts where one of these holds
    PREFIXES = (r"(?<![\w-])", r"(?<!\w)", r"\b")

    def __init__(self, pattern: re.Pattern, prefix: str, words: list[str], suffix: str):
        self.pattern = pattern

        def compiled(ws):
            return re.compile(prefix + "(" + "|".join(re.escape(w) for w in ws) + ")" + suffix,
                              pattern.flags).match
        foreign = [w for w in words if not w[0].isascii()]
        groups: dict[str, list[str]] = {}
        for w in words:
            groups.setdefault(w[0].lower(), [])
        self._starts = re.compile(prefix + _initials_ahead(pattern, words, foreign) + r"\w", pattern.flags)
        self._by_char = {c: compiled([w for w in words if w[0].lower() == c or not w[0].isascii()])
                         for c in groups if c.isascii()}
        self._foreign_only = compiled(foreign) if foreign else None
        self._whole = pattern.match

    @classmethod
    def of(cls, pattern: re.Pattern):
        """A ByInitial for `pattern` when it has that shape (every alternative a re.escape'd
        word starting with a word character), else `pattern` itself."""
        text = pattern.pattern
        if pattern.flags & re.ASCII or not isinstance(text, str):
            return pattern      # (the word starts are found with Unicode \w)
        for prefix in cls.PREFIXES:
            if not text.startswith(prefix + "(") or text.startswith(prefix + "(?"):
                continue
            body = text[len(prefix) + 1:]
            end = _group_end(body)
            if end is None:
                continue
            words = [re.sub(r"\\(.)", r"\1", alt, flags=re.S) for alt in _split_alternatives(body[:end])]
            suffix = body[end + 1:]
            if _top_level_bar(suffix):
                return pattern  # "PREFIX(...)|other": matches that need not start a word
            if not words or any(not w or not re.match(r"\w", w[0]) for w in words) or \
                    prefix + "(" + "|".join(re.escape(w) for w in words) + ")" + suffix != text:
                continue
            return cls(pattern, prefix, words, suffix)
        return pattern

    def finditer(self, text: str):
        end = 0
        for start in self._starts.finditer(text):
            p = start.start()
            if p < end:
                continue
            c = text[p]
            if c.isascii():
                match = self._by_char.get(c.lower(), self._foreign_only)
                if match is None:
                    continue
            else:
                match = self._whole
            m = match(text, p)
            if m:
                yield m
                end = m.end()


def _initials_ahead(pattern: re.Pattern, words: list[str], foreign: list[str]) -> str:
    """A lookahead for ByInitial's word starts: only where the first two characters can begin
    one of the words (elsewhere no group matches), and wherever the first is outside ASCII (it
    gets the whole regex). Read case-sensitively ("(?-i:...)"), with both cases of each ASCII
    letter under re.I (re.I folds an ASCII letter only onto its other case and onto the
    characters of FOLDS_TO_ASCII, outside ASCII, which every character class here lets pass).
    A word of one character, or one whose second is outside ASCII, leaves any second character
    open. With words that begin outside ASCII any ASCII character may begin a match (re.I
    folds "ſ" onto "s"): no lookahead."""
    if foreign:
        return ""
    fold = bool(pattern.flags & re.I)

    def variants(ch: str) -> set[str]:
        return {ch, ch.lower(), ch.upper()} if fold else {ch}

    def chars(cs) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"

    seconds: dict[str, set | None] = {}     # first character -> the second ones (None: any)
    for w in words:
        first = w[0].lower() if fold else w[0]
        if len(w) < 2 or not w[1].isascii():
            seconds[first] = None
        elif seconds.get(first, set()) is not None:
            seconds.setdefault(first, set()).update(variants(w[1]))
    branches = [chars(variants(first)) + ("" if second is None else "(?:" + chars(second) + "|[^\\x00-\\x7f])")
                for first, second in sorted(seconds.items())]
    return "(?=(?-i:" + "|".join(branches + ["[^\\x00-\\x7f]"]) + "))"


def _group_end(body: str) -> int | None:
    """Index of the unescaped ")" closing a group of escaped words, or None."""
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == ")":
            return i
        if c in "([":
            return None     # not a plain list of escaped words
        i += 1
    return None


def _top_level_bar(rx: str) -> bool:
    """Whether `rx` has a "|" outside every group and character class."""
    depth, in_class, i = 0, False, 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if rx[i + 1:i + 2] == "^":
                i += 1
            if rx[i + 1:i + 2] == "]":
                i += 1      # "[]...]", "[^]...]": a literal "]" first
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _split_alternatives(group: str) -> list[str]:
    out, cur, i = [], [], 0
    while i < len(group):
        c = group[i]
        if c == "\\":
            cur.append(group[i:i + 2])
            i += 2
            continue
        if c == "|":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


@functools.lru_cache(maxsize=32)
def by_initial(pattern: re.Pattern):
    """ByInitial.of(pattern), made once per compiled pattern."""
    return ByInitial.of(pattern)
