"""Is this English news text? A stopword-ratio check, cheap and dependency-free.

English prose has 35-55% function words; other Latin-script languages share few of these
(their own "the/of/and" differ), and non-Latin scripts have none. 0.15 separated English news
from French, German, Spanish, Turkish and Urdu samples with a wide margin both ways; short
texts (under 25 words) are not judged because a headline-like snippet can fall either side.
"""
from __future__ import annotations

import re

STOPWORDS = frozenset("""
a about after against all also an and any are as at be been before being between both but by
can could did do does during each for from had has have he her his how i if in into is it its
more most my no not of on one or other our out over said says she should so some such than
that the their them then there these they this those through to under up was we were what
when where which while who will with would you
""".split())

MIN_WORDS = 25
MIN_RATIO = 0.15


def stopword_ratio(text: str) -> tuple[float, int]:
    words = re.findall(r"\w+", text.lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in STOPWORDS) / len(words), len(words)


def not_english(text: str) -> str | None:
    """A reason when `text` does not read as English, else None."""
    ratio, n = stopword_ratio(text)
    if n < MIN_WORDS:
        return None
    if ratio < MIN_RATIO:
        return f"not English news text (stopword ratio {ratio:.2f} < {MIN_RATIO})"
    return None
