"""Units -> Document + Articles: stable ids, content hashes and statuses.

doc_id is a hash of the absolute path and the record key, so the same input gets the same id
on every run (the pipeline uses it with sha256 to skip unchanged inputs). An article's status
is ok, empty (too short to be an article) or not_news (not English news text); the document's
status sums them up: ok when any article is ok.
"""
from __future__ import annotations

import hashlib
import os
import re

from sitrep.ingest.language import not_english
from sitrep.ingest.page import Draft
from sitrep.ingest.units import Unit
from sitrep.models import DOC_EMPTY, DOC_NOT_NEWS, DOC_OK, Article, Document


def _bytes(text: str) -> bytes:
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:          # lone surrogates from JSON "\ud800" escapes
        return text.encode("utf-8", "replace")


def doc_id_for(source_path: str, key: str) -> str:
    return hashlib.sha256(_bytes(f"{os.path.abspath(source_path)}\x00{key}")).hexdigest()[:16]


# C0 and C1 control characters other than tab and newline: article text has no use for
# them, and printed raw they can drive a terminal (set its title, move the cursor).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str | None) -> str | None:
    """Text the database and exports can always encode: file-name bytes that are not UTF-8
    (kept by the OS as surrogates) and lone surrogates become U+FFFD or "?". Paths keep their
    other characters (a user must find the file again); consoles escape them when printing."""
    return None if text is None else _bytes(text).decode("utf-8", "replace")


def clean_text(text: str | None) -> str | None:
    """Article text, titles and outlets: `printable`, and control characters (terminal escape
    sequences included) dropped."""
    text = printable(text)
    return None if text is None else _CONTROLS.sub("", text)


_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Text reduced to lower-case words: what two copies of one story share."""
    return " ".join(_WORD.findall((text or "").lower()))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def _article(doc_id: str, key: str, index: int, draft: Draft, min_chars: int) -> tuple[Article, str]:
    status, reason = DOC_OK, ""
    if len(draft.text) < min_chars:
        status = DOC_EMPTY
        reason = f"article {index}: {len(draft.text)} characters of body text, under {min_chars} (settings.min_article_chars)"
    else:
        why = not_english(draft.text)
        if why:
            status, reason = DOC_NOT_NEWS, f"article {index}: {why}"
    art = Article(
        article_id=f"{doc_id}:{index}", doc_id=doc_id, document=key, index=index,
        title=clean_text(draft.title), text=clean_text(draft.text),
        published=draft.published.isoformat() if draft.published else None,
        published_how=draft.published_how if draft.published else "none",
        published_inferred=bool(draft.inferred and draft.published),
        outlet=clean_text(draft.outlet), url=clean_text(draft.url), status=status,
        content_hash=content_hash(draft.text),
        language="en" if status == DOC_OK else None)
    return art, reason


def build(unit: Unit, settings, file_path: str) -> tuple[Document, list[Article]]:
    """Exactly one Document (and its Articles) for one unit."""
    doc_id = doc_id_for(file_path, unit.key)
    unit.key, unit.source, unit.reason = printable(unit.key), printable(unit.source), printable(unit.reason)
    raw = unit.raw
    sha = hashlib.sha256(raw).hexdigest() if raw is not None else None
    size = len(raw) if raw is not None else 0
    if unit.status:
        return Document(doc_id, unit.key, unit.source, unit.status, unit.reason, unit.kind, size,
                        sha), []
    if not unit.drafts:
        return Document(doc_id, unit.key, unit.source, DOC_EMPTY, "no article text found",
                        unit.kind, size, sha), []
    min_chars = unit.min_chars if unit.min_chars is not None else settings.min_article_chars
    built = [_article(doc_id, unit.key, i, d, min_chars) for i, d in enumerate(unit.drafts)]
    articles = [a for a, _ in built]
    statuses = {a.status for a in articles}
    if DOC_OK in statuses:
        status, reason = DOC_OK, ""
    elif statuses == {DOC_NOT_NEWS}:
        status, reason = DOC_NOT_NEWS, built[0][1]
    else:
        status, reason = DOC_EMPTY, next(r for a, r in built if a.status == DOC_EMPTY)
    return Document(doc_id, unit.key, unit.source, status, reason, unit.kind, size, sha,
                    n_articles=len(articles)), articles
