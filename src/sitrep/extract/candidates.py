"""Cheap candidate filter run BEFORE the statistical model: only paragraphs that contain a word
able to start a trigger pattern go through spaCy (plus each article's first paragraph, whose
dateline and lead name the article's country). The regex matches word prefixes, so it errs on
the side of recall ("killed" passes for "kill"); precision is the trigger matcher's job."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract.triggers import filter_words

# A paragraph longer than this is cut at sentence ends so one batch item stays small.
MAX_CHUNK_CHARS = 3000


@dataclass(frozen=True)
class Chunk:
    article_id: str
    start: int          # offset of the chunk in Article.text
    text: str
    lead: bool          # the article's first paragraph (kept even without a trigger word)


@functools.lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern:
    stems = set()
    for w in filter_words():
        w = w.rstrip("~")
        if len(w) < 3:
            continue
        # drop a final silent e so "pledge" also finds "pledging"
        stems.add(w[:-1] if len(w) > 4 and w.endswith("e") else w)
    words = sorted(stems, key=len, reverse=True)
    # irregular forms the prefix match cannot reach
    words += ["shot", "fought", "struck", "stole", "stolen", "slew", "slain", "hid", "met", "held",
              "overran", "drove", "fled", "shelled", "dead", "died", "toll", "bodies", "casualt", "fatalit"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.I)


def paragraphs(text: str):
    """(start, paragraph) for every non-blank line-separated paragraph of an article."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def _split_long(start: int, para: str):
    if len(para) <= MAX_CHUNK_CHARS:
        yield start, para
        return
    cut = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z“\"])", para):
        if m.start() - cut > MAX_CHUNK_CHARS * 0.6:
            yield start + cut, para[cut:m.start()]
            cut = m.end()
    if cut < len(para):
        yield start + cut, para[cut:]


def is_candidate(text: str) -> bool:
    return trigger_regex().search(text) is not None


def candidate_chunks(article_id: str, text: str) -> list[Chunk]:
    """The parts of an article worth parsing, in order."""
    out = []
    for n, (start, para) in enumerate(paragraphs(text)):
        for s, piece in _split_long(start, para):
            lead = n == 0 and s == start
            if lead or is_candidate(piece):
                out.append(Chunk(article_id, s, piece, lead))
    return out
