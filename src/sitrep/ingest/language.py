"""Is this English news text? Function words, weighed against other languages. Cheap, no model.

English prose has 35-55% function words; 0.15 separated English news from French, German,
Spanish, Turkish and Urdu samples with a wide margin both ways. Short, telegraphic English
("On 3 June, 4 drone strikes reportedly hit X district, damaging 2 farms. No casualties.")
can fall under it (0.08-0.14 on 7 of 2,000 ACLED notes, 19 of all 16,573), so a low ratio
alone no longer rejects a text. The evidence, in order:

1. Mostly letters of another script (Arabic, Cyrillic, Devanagari, CJK...): not English.
2. Another language's function words (data/languages.yaml) outnumber the English ones, with
   at least MIN_RIVAL of them: not English, and the reason names the language. This also
   judges short texts, which the ratio cannot.
3. Code (more than MAX_CODE of the characters are code punctuation such as braces and "="):
   not English news, however many "if", "for" and "i" it holds.
4. At least MIN_WORDS words and an English ratio of MIN_RATIO: English.
5. Under MIN_RATIO but at least LOW_RATIO, English ahead of every other language, and the
   text shaped like prose (mostly lower-case words, few figures): English. Navigation pages
   (title-case labels) and tables of figures fail the shape.
6. Otherwise a text of MIN_WORDS or more is not English news; a shorter one is not judged.

Capitalised words that do not open a sentence are names and are left out of every count
("Khabb wa ash Shaaf" names a district; it is not a sentence in romanised Arabic).
"""
from __future__ import annotations

import functools
import re

from sitrep.datafiles import read_yaml


MIN_WORDS = 25
MIN_RATIO = 0.15
LOW_RATIO = 0.05    # the telegraphic notes above: 0.08 and up; French/Spanish prose: under 0.05
MIN_RIVAL = 3       # function words another language needs before it can win
MIN_LOWER = 0.4     # share of lower-case words in prose; a navigation bar has few
MAX_FIGURES = 0.35  # share of tokens that are figures; more is a table
MAX_CODE = 0.02     # share of characters that are code punctuation (at most 0.011 in the 16,573
                    # ACLED notes; a line of JavaScript is over 0.05)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\w+")
# what opens a sentence just before a word: a sentence end, a colon or semicolon, a quotation
# mark, a bracket, a line break, or the start of the text
_OPENS = re.compile(r"(?:^|[.!?:;\"“”(\[\n])\s*$")
_CODE = re.compile(r"[{}<>=|\\`]")
_NON_LATIN = re.compile("[\u0250-\U0010ffff]")     # from U+0250 on: not Latin to _latin_share


@functools.lru_cache(maxsize=1)
def _languages() -> dict:
    return read_yaml("languages.yaml")


@functools.lru_cache(maxsize=1)
def english_numbers() -> dict[str, int]:
    """Number words and their values ("thirty" 30, "third" 3): a figure written two ways."""
    return {w: int(v) for w, v in _languages()["english_numbers"].items()}


@functools.lru_cache(maxsize=1)
def function_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    raw = _languages()
    return (frozenset(raw["english"].split()),
            {name: frozenset(words.split()) for name, words in raw["others"].items()})


STOPWORDS = function_words()[0]


def is_name(text: str, start: int) -> bool:
    """The word at `start` is a name: capitalised and not opening a sentence ("Khabb" in
    "clashes in Khabb", not "Police" in ". Police said"). The one reading of it in ingest:
    the language test, copies (variants.py) and related dates (related_dates.py) use it."""
    return text[start:start + 1].isupper() and not _OPENS.search(text[max(0, start - 3):start])


@functools.lru_cache(maxsize=1)
def _word_languages() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The languages, English first, and for each function word the positions of the
    languages that list it: one look-up per word of a text counts it for every language."""
    english, others = function_words()
    names = ("English", *others)
    where: dict[str, list[int]] = {}
    for i, words in enumerate((english, *others.values())):
        for word in words:
            where.setdefault(word, []).append(i)
    return names, {word: tuple(at) for word, at in where.items()}


def _function_hits(text: str) -> list[int]:
    """Per language (in `_word_languages` order), how many of the text's words, names left
    out, are its function words."""
    names, where = _word_languages()
    hits = [0] * len(names)
    for m in _WORD.finditer(text):
        at = where.get(m.group().lower())
        if at and not is_name(text, m.start()):
            for i in at:
                hits[i] += 1
    return hits


def stopword_ratio(text: str) -> tuple[float, int]:
    words = _TOKEN.findall(text.lower())
    if not words:
        return 0.0, 0
    return sum(map(STOPWORDS.__contains__, words)) / len(words), len(words)


def _latin_share(text: str) -> float:
    """Share of the letters that are Latin (below U+0250); 1.0 with no letters."""
    if text.isascii():
        return 1.0
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 1.0
    return (letters - sum(map(str.isalpha, _NON_LATIN.findall(text)))) / letters


def _prose_shaped(text: str) -> bool:
    tokens = _TOKEN.findall(text)
    words = [t for t in tokens if t.isalpha()]
    if not tokens or not words:
        return False
    lower = sum(1 for w in words if w[0].islower()) / len(words)
    figures = sum(1 for t in tokens if any(ch.isdigit() for ch in t)) / len(tokens)
    return lower >= MIN_LOWER and figures <= MAX_FIGURES


def _code_like(text: str) -> bool:
    code = len(_CODE.findall(text))
    return code >= 5 and code / len(text) > MAX_CODE


def not_english(text: str) -> str | None:
    """A reason when `text` does not read as English, else None."""
    if _latin_share(text) < 0.5:
        return "not English news text (mostly a non-Latin script)"
    en, *rivals = _function_hits(text)
    rival_hits = max(rivals)
    rival = _word_languages()[0][1 + rivals.index(rival_hits)]     # the first, on a tie
    if rival_hits >= MIN_RIVAL and rival_hits > en:
        return f"not English news text (reads as {rival}: {rival_hits} of its function words, {en} English)"
    ratio, n = stopword_ratio(text)
    if n < MIN_WORDS:
        return None
    if _code_like(text):
        return "not English news text (code or markup)"
    if ratio >= MIN_RATIO:
        return None
    if ratio >= LOW_RATIO and en > rival_hits and _prose_shaped(text):
        return None
    return f"not English news text (stopword ratio {ratio:.2f} < {MIN_RATIO})"
