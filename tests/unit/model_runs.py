"""Run the real Extractor on one example text (tests marked `model`)."""
from __future__ import annotations

from sitrep.models import Article


def article(text: str, published: str | None = "2024-03-05", aid: str = "doc:0") -> Article:
    return Article(article_id=aid, doc_id="doc", document="doc.txt", index=0, title="t", text=text,
                   published=published)


def mentions_of(extractor, text: str, **kw):
    """The mentions the extractor finds in `text`, read as one article."""
    a = article(text, **kw)
    return extractor.extract([a])[a.article_id]
