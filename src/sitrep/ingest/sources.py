"""One input path -> its units, whatever the format; never raises.

Format is decided by extension first and by content when the extension says nothing
(".txt" holding HTML, ".json" holding JSON Lines, a feed saved as ".xml"). Gzip is recognised by
its magic bytes, so a compressed file without ".gz" is still read.
"""
from __future__ import annotations

import os

from sitrep.ingest.decode import InputError, decode, gunzip, is_gzip, read_bytes, sniff_binary
from sitrep.ingest.discover import Found
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import parse_html
from sitrep.ingest.page import parse_text_page
from sitrep.ingest.records import read_json, read_jsonl, read_jsonl_bytes
from sitrep.ingest.units import Unit
from sitrep.models import DOC_EMPTY, DOC_UNREADABLE

_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_FEED_EXT = (".rss", ".atom", ".xml", ".rdf")


def _format(name: str, text: str) -> str:
    ext = os.path.splitext(name.lower())[1]
    head = text.lstrip()[:500].lower()
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in _HTML_EXT:
        return "html"
    feed = looks_like_feed(text)
    if feed:
        return feed
    if head.startswith(("<!doctype html", "<html")) or (ext in _FEED_EXT and "<body" in text[:5000].lower()):
        return "html"
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines[:20]):
        return "jsonl" if len(lines) > 1 else "json"
    return "txt"


def read_units(found: Found, settings, furniture: frozenset[str] = frozenset()) -> list[Unit]:
    path = found.path
    name = os.path.basename(path.rstrip("/")) or path
    if found.status:
        return [Unit(key=name, source=path, kind="", status=found.status, reason=found.reason)]
    try:
        return _read(path, name, settings, furniture)
    except InputError as exc:
        return [Unit(key=name, source=path, kind="", status=exc.status, reason=exc.reason)]
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the run; it is recorded
        return [Unit(key=name, source=path, kind="", status=DOC_UNREADABLE,
                     reason=f"could not be read ({type(exc).__name__}: {exc})")]


def _read(path: str, name: str, settings, furniture: frozenset[str]) -> list[Unit]:
    raw = read_bytes(path, settings.max_bytes)
    data, prefix, inner_name = raw, "", name
    if is_gzip(raw):
        data, prefix = gunzip(raw, settings.max_bytes), "gz+"
        inner_name = name[:-3] if name.lower().endswith(".gz") else name
    elif name.lower().endswith(".gz") and raw:
        raise InputError(DOC_UNREADABLE, "named .gz but not gzip data")
    if not data.strip():
        return [Unit(key=name, source=path, kind=prefix.rstrip("+"), raw=raw, status=DOC_EMPTY,
                     reason="empty file" if not data else "only whitespace")]
    if inner_name.lower().endswith((".jsonl", ".ndjson")):
        # JSON Lines are judged line by line: one bad line (a NUL, bad bytes) is one
        # unreadable record, not a reason to lose the file's good records.
        return read_jsonl_bytes(path, data, prefix + "jsonl")
    why = sniff_binary(data)
    if why:
        return [Unit(key=name, source=path, kind=prefix + "bin", raw=raw, status="not_text", reason=why)]
    text, _encoding = decode(data)
    fmt = _format(inner_name, text)
    kind = prefix + fmt
    if fmt in ("jsonl", "json"):
        units = (read_jsonl if fmt == "jsonl" else read_json)(path, text, kind)
        for u in units:          # a record's raw line is its own bytes; the file's for one-record files
            if u.source == path:
                u.raw = raw if u.raw is not None else None
        return units
    if fmt in ("rss", "atom"):
        return read_feed(path, text, kind)
    drafts = parse_html(text, furniture) if fmt == "html" else parse_text_page(text, furniture)
    return [Unit(key=name, source=path, kind=kind, raw=raw, drafts=drafts)]
