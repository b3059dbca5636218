"""Publication dates for undated articles, from related dated articles.

A captured page often loses its date line (the two undated pages of the demo corpus have none),
yet the same collection usually holds other reports of the same story. A reader dates such an
article by those: sitrep does the same, and marks the date inferred (`published_how =
"related"`). Without an anchor, "on Tuesday" or "this morning" cannot be resolved at all.

Relatedness is the Jaccard similarity of the capitalised names two texts state (`names_of`;
a word that opens a sentence, a quotation, a bracket or a line is no name: language.is_name).
Calibration on the demo corpus and hand-made pairs: reports of one story share 0.16-0.21 of
their names (20+ names), reports on the same conflict from another year 0.12-0.13, unrelated stories from one outlet under 0.08; so 0.15 with at least 15 shared
names. (Read by is_name, which also leaves out words after a colon, quotation mark, bracket or
line break, the demo corpus pairs over 0.1 score 0.004-0.03 higher than they did; no inferred
date changed.) A candidate is refused when the undated article itself names a full date later than
the candidate's publication date (it cannot have been published before what it reports).

The inferrer sees a window of upcoming documents plus a bounded memory of recent dated
articles, so it works while streaming and costs memory bounded by `memory`, not the corpus.
It runs in the parent before any engine dispatches work, so every engine sees the same dates.
"""
from __future__ import annotations

import dataclasses
import re
from collections import deque

from sitrep.ingest.dates import find_dates
from sitrep.ingest.dedupe import jaccard
from sitrep.ingest.language import is_name
from sitrep.models import DOC_OK, Article, Document

MIN_JACCARD = 0.15
MIN_SHARED = 15

_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")


def names_of(text: str) -> frozenset[str]:
    """The capitalised words a text states, those opening a sentence left out (language.is_name)."""
    return frozenset(m.group() for m in _CAPITALISED.finditer(text) if is_name(text, m.start()))


class RelatedDates:
    def __init__(self, memory: int = 2000):
        self.recent: deque[tuple[frozenset, str]] = deque(maxlen=memory)

    def infer(self, window: list[tuple[Document, list[Article]]]) -> list[tuple[Document, list[Article]]]:
        dated = [(names_of(a.text), a.published) for _, arts in window for a in arts
                 if a.status == DOC_OK and a.published]
        candidates = list(self.recent) + dated
        out = []
        for doc, arts in window:
            new = []
            for a in arts:
                if a.status == DOC_OK and not a.published and candidates:
                    a = self._date(a, names_of(a.text), candidates)
                new.append(a)
            out.append((doc, new))
        self.recent.extend(dated)
        return out

    @staticmethod
    def _date(article: Article, mine: frozenset, candidates) -> Article:
        related = []
        for theirs, published in candidates:
            if len(mine & theirs) >= MIN_SHARED and (score := jaccard(mine, theirs)) >= MIN_JACCARD:
                related.append((score, published))
        if not related:         # nothing to date it by: its own dates need not be read
            return article
        latest_named = max((d for d, _, _ in find_dates(article.text)), default=None)
        # ties of score: the later date, deterministically
        best = max((key for key in related
                    if not (latest_named and latest_named.isoformat() > key[1])), default=None)
        if best is None:
            return article
        return dataclasses.replace(article, published=best[1], published_how="related",
                                   published_inferred=True)
