"""Exact and near-duplicate articles, within a run and against the store.

Exact: same normalised text (Article.content_hash). Near: the Jaccard similarity of the two
articles' word 5-gram shingles is at least settings.near_duplicate_threshold (the same wire
story carried by two outlets differs in a headline, a sign-off or a word here and there), and
the two do not name a different place, party or number at the same spot of their aligned
wording (variants.swapped: two reports written from one template are not copies). The
original is the one seen first: stored articles before new ones, and within a run the input
order, which discover.expand makes stable (sorted paths). Duplicates are kept with status
duplicate and duplicate_of pointing at the original, never dropped.

Stored originals are indexed from store.articles("ok") the first time `check` needs them; an
inverted index from shingle to article keeps the comparison to articles sharing text.
"""
from __future__ import annotations

import dataclasses
import zlib
from collections import Counter

from sitrep.ingest.build import normalise
from sitrep.ingest.variants import swapped
from sitrep.models import DOC_DUPLICATE, DOC_OK, Article, Document

SHINGLE = 5     # words per shingle: long enough that shared phrases of topic vocabulary
                # ("the Pakistani foreign ministry said") do not make two reports look alike


def shingles(text: str) -> frozenset[int]:
    words = normalise(text).split()
    if len(words) < SHINGLE:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
                     for i in range(len(words) - SHINGLE + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class Deduper:
    """`check(doc, articles, store)` marks duplicates; originals are remembered for later docs."""

    def __init__(self, known_hashes: dict[str, str], settings):
        self.known: dict[str, str] = dict(known_hashes)     # content_hash -> original article_id
        self.threshold = settings.near_duplicate_threshold
        self.sets: dict[str, frozenset[int]] = {}            # article_id -> shingles
        self.keys: dict[str, str] = {}                       # article_id -> document key
        self.texts: dict[str, str] = {}                      # article_id -> text
        # shingle -> the article holding it, a list once several do: most shingles are one
        # article's, and a string is not an object the garbage collector has to walk
        self.postings: dict[int, str | list[str]] = {}
        self._loaded = False

    def _remember(self, art: Article, sh: frozenset[int] | None = None) -> None:
        sh = shingles(art.text) if sh is None else sh
        self.known.setdefault(art.content_hash, art.article_id)
        self.sets[art.article_id] = sh
        self.keys[art.article_id] = art.document
        self.texts[art.article_id] = art.text
        postings, aid = self.postings, art.article_id
        for s in sh:
            held = postings.get(s)
            if held is None:
                postings[s] = aid
            elif type(held) is str:
                postings[s] = [held, aid]
            else:
                held.append(aid)

    def _load(self, store) -> None:
        if self._loaded or store is None:
            return
        self._loaded = True
        for art in store.articles(status=DOC_OK):
            if art.article_id not in self.sets:
                self._remember(art)

    def _near(self, sh: frozenset[int], doc_id: str, text: str) -> tuple[str, float] | None:
        overlap = Counter()     # every stored article sharing a shingle, once per shared shingle
        for held in map(self.postings.get, sh):
            if type(held) is str:
                overlap[held] += 1
            elif held:
                overlap.update(held)
        best = None
        for aid, _ in overlap.most_common(20):
            if aid.split(":")[0] == doc_id:       # an earlier version of this same input
                continue
            score = jaccard(sh, self.sets[aid])
            if score >= self.threshold and (best is None or score > best[1]) \
                    and swapped(text, self.texts[aid]) is None:
                best = (aid, score)
        return best

    def check(self, doc: Document, articles: list[Article], store=None) -> tuple[Document, list[Article]]:
        self._load(store)
        out, reasons = [], []
        for art in articles:
            if art.status != DOC_OK:
                out.append(art)
                continue
            orig = self.known.get(art.content_hash)
            if orig and orig.split(":")[0] != doc.doc_id:
                reasons.append((orig, f"same text as {self._name(orig)}"))
                out.append(dataclasses.replace(art, status=DOC_DUPLICATE, duplicate_of=orig))
                continue
            sh = shingles(art.text)
            near = self._near(sh, doc.doc_id, art.text)
            if near:
                reasons.append((near[0], f"near duplicate of {self._name(near[0])} "
                                         f"(shingle Jaccard {near[1]:.2f})"))
                # an exact copy of this copy then points straight at the same original
                self.known.setdefault(art.content_hash, near[0])
                out.append(dataclasses.replace(art, status=DOC_DUPLICATE, duplicate_of=near[0]))
                continue
            self._remember(art, sh)
            out.append(art)
        if doc.status == DOC_OK and out and not any(a.status == DOC_OK for a in out) and reasons:
            orig_article, why = reasons[0]
            doc = dataclasses.replace(doc, status=DOC_DUPLICATE, reason=why,
                                      duplicate_of=orig_article.split(":")[0])
        return doc, out

    def _name(self, article_id: str) -> str:
        key = self.keys.get(article_id, article_id)
        index = article_id.rsplit(":", 1)[-1]
        return f"{key} (article {index})"
