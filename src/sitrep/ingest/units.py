"""`Unit`: one future Document (a file, or one record/item inside a file) before it gets ids.

Readers return units; `sitrep.ingest.build` turns each into exactly one Document plus its
Articles. A unit either carries drafts (the articles found) or a status and reason saying why
it has none.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.ingest.page import Draft


@dataclass
class Unit:
    key: str                      # exported `document`: file name or record id
    source: str                   # path, plus "#<key>" for a record inside a file
    kind: str                     # txt, html, jsonl, json, rss, atom, with "gz+" when compressed
    raw: bytes | None = None      # the bytes this unit came from (sha256, size); None if never read
    drafts: list[Draft] = field(default_factory=list)
    status: str | None = None     # set when the unit failed before articles (missing, unreadable, ...)
    reason: str = ""
    min_chars: int | None = None  # override of settings.min_article_chars (records are short by design)
