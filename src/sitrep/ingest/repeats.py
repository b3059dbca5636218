"""Furniture found by repetition across the pages of one run.

A site prints the same tagline, newsletter plug or "Continue reading" line on every page; no
cue list knows them all. Before the run, short lines that are not sentences are counted per
page; one that appears on at least MIN_PAGES pages (and on at least a fifth of them) is that
site's furniture: it is never a headline and is dropped from bodies. Lines ending like a
sentence are never counted, so a quotation shared by two copies of a wire story stays.
"""
from __future__ import annotations

import os
from collections import Counter
from typing import Iterable

from sitrep.ingest.boilerplate import body_shaped, clean_line, ends_sentence, words
from sitrep.ingest.decode import InputError, decode, read_bytes, sniff_binary
from sitrep.ingest.discover import Found

MIN_PAGES = 3
MIN_SHARE = 0.2
# Pages read twice cost little next to the NLP stage; very large files are skipped here.
MAX_SCAN_BYTES = 2 * 1024 * 1024
_PAGE_EXT = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ""}


def _page_lines(path: str) -> set[str]:
    try:
        raw = read_bytes(path, MAX_SCAN_BYTES)
        if not raw.strip() or sniff_binary(raw):
            return set()
        text, _ = decode(raw)
    except (InputError, OSError, ValueError):
        return set()
    if "<" in text[:2000] and os.path.splitext(path)[1].lower() in (".html", ".htm", ".xhtml", ".shtml"):
        from sitrep.ingest.html import page_lines
        lines = page_lines(text)
    else:
        lines = [clean_line(line) for line in text.splitlines()]
    return {line for line in lines
            if line and words(line) <= 12 and not ends_sentence(line) and not body_shaped(line)}


def site_furniture(found: Iterable[Found]) -> frozenset[str]:
    pages = [f.path for f in found if not f.status
             and os.path.splitext(f.path)[1].lower() in _PAGE_EXT]
    if len(pages) < MIN_PAGES:
        return frozenset()
    counts: Counter[str] = Counter()
    for path in pages:
        counts.update(_page_lines(path))
    floor = max(MIN_PAGES, MIN_SHARE * len(pages))
    return frozenset(line for line, n in counts.items() if n >= floor)
