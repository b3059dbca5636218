"""1. Ingest: inputs -> Document + Articles.  (placeholder: the ingest issue replaces this)

Contract used by sitrep.pipeline:
    iter_documents(paths, settings) -> Iterator[tuple[Document, list[Article]]]
        exactly one Document per input (file, or record of a JSONL/feed file), whatever its fate
    Deduper(known_hashes, settings).check(doc, articles, store) -> (doc, articles)
        marks exact/near duplicate documents and articles, pointing to their originals
"""
from __future__ import annotations

import hashlib
import os
from typing import Iterator, Sequence

from sitrep.models import Article, Document


def iter_documents(paths: Sequence[str], settings) -> Iterator[tuple[Document, list[Article]]]:
    for path in paths:
        files = [path] if os.path.isfile(path) else sorted(
            os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)
        for f in files:
            raw = open(f, "rb").read()
            sha = hashlib.sha256(raw).hexdigest()
            doc_id = hashlib.sha1(os.path.abspath(f).encode()).hexdigest()[:16]
            text = raw.decode("utf-8", "replace")
            art = Article(article_id=f"{doc_id}:0", doc_id=doc_id, document=os.path.basename(f),
                          index=0, title=text.splitlines()[0] if text else None, text=text,
                          content_hash=sha)
            yield Document(doc_id, os.path.basename(f), f, "ok", kind="txt", size=len(raw),
                           sha256=sha, n_articles=1), [art]


class Deduper:
    def __init__(self, known_hashes: dict[str, str], settings):
        self.known = dict(known_hashes)

    def check(self, doc, articles, store):
        return doc, articles
