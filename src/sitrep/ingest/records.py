"""JSON and JSONL records: one Document per record, keyed by the record's `id`.

Accepted fields: `id`, `text` (or `body`/`content`/`notes`), optional `title`/`headline`,
`published`/`date`, `url`/`link`, `outlet`/`source`/`site`. A JSON file may hold one record, a
list of records, or an object with a list under `articles`/`records`/`items`/`data`. A JSONL
line that does not parse, or is not an object, becomes its own unreadable document and the rest
of the file goes on.
"""
from __future__ import annotations

import json
import os
import re

from sitrep.ingest.dates import parse_date
from sitrep.ingest.html import html_to_text
from sitrep.ingest.page import Draft, text_lines, parse_stretch
from sitrep.ingest.units import Unit
from sitrep.models import DOC_EMPTY, DOC_UNREADABLE

_TEXT = ("text", "body", "content", "notes", "article", "description")
_TITLE = ("title", "headline")
_DATE = ("published", "date", "published_at", "pubDate", "datePublished", "event_date")
_URL = ("url", "link", "canonical_url")
_OUTLET = ("outlet", "source", "site", "publisher", "site_name")
_MARKUP = re.compile(r"</?(p|div|br|article)\b", re.I)


def _first(rec: dict, names) -> object:
    for n in names:
        v = rec.get(n)
        if v not in (None, ""):
            return v
    return None


def record_draft(rec: dict) -> Draft:
    """A record's text goes through the same body reading as a page only when it looks like a
    page (several lines); a one-paragraph record is its own body."""
    text = _first(rec, _TEXT)
    text = text if isinstance(text, str) else "" if text is None else json.dumps(text)
    if _MARKUP.search(text):     # exports that keep the page markup
        text = html_to_text(text)
    title = _first(rec, _TITLE)
    title = str(title).strip() if title else None
    lines = [line for line in text_lines(text)]
    nonblank = [line for line in lines if line]
    if len(nonblank) > 3:
        draft = parse_stretch(lines, title_hint=title)
    else:
        draft = Draft(title=title, text="\n".join(nonblank))
    draft.title = title or (draft.title if len(nonblank) > 3 else None)
    date = parse_date(_first(rec, _DATE))
    if date:
        draft.published, draft.published_how, draft.inferred = date, "record", False
    outlet = _first(rec, _OUTLET)
    draft.outlet = str(outlet) if outlet else draft.outlet
    url = _first(rec, _URL)
    draft.url = str(url) if url else None
    return draft


def _unit(path: str, key: str, kind: str, raw: bytes, rec) -> Unit:
    unit = Unit(key=key, source=f"{path}#{key}", kind=kind, raw=raw, min_chars=1)
    if not isinstance(rec, dict):
        unit.status, unit.reason = DOC_UNREADABLE, f"record is a JSON {type(rec).__name__}, not an object"
        return unit
    unit.drafts = [record_draft(rec)]
    return unit


def _key(rec, fallback: str) -> str:
    if isinstance(rec, dict) and rec.get("id") not in (None, ""):
        return str(rec["id"])
    return fallback


def read_jsonl(path: str, text: str, kind: str = "jsonl") -> list[Unit]:
    name = os.path.basename(path)
    units, seen = [], set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        raw = line.encode("utf-8")
        try:
            if "\x00" in line:
                raise ValueError("NUL byte in line")
            rec = json.loads(line)
        except (ValueError, RecursionError) as exc:
            key = f"{name}:{n}"
            why = getattr(exc, "msg", None) or (str(exc) if isinstance(exc, ValueError) else "nested too deep")
            units.append(Unit(key=key, source=f"{path}#{key}", kind=kind, raw=raw,
                              status=DOC_UNREADABLE, reason=f"line {n}: broken JSON ({why})"))
            continue
        key = _key(rec, f"{name}:{n}")
        if key in seen:          # two records with one id would share a doc_id
            key = f"{key}@{name}:{n}"
        seen.add(key)
        units.append(_unit(path, key, kind, raw, rec))
    if not units:
        units.append(Unit(key=name, source=path, kind=kind, status=DOC_EMPTY, reason="no records"))
    return units


def read_jsonl_bytes(path: str, data: bytes, kind: str = "jsonl") -> list[Unit]:
    """JSON Lines from raw bytes, each line decoded on its own (UTF-8, else cp1252)."""
    lines = []
    for chunk in data.split(b"\n"):
        try:
            lines.append(chunk.decode("utf-8-sig" if not lines else "utf-8"))
        except UnicodeDecodeError:
            lines.append(chunk.decode("cp1252", "replace"))
    return read_jsonl(path, "\n".join(lines), kind)


def read_json(path: str, text: str, kind: str = "json") -> list[Unit]:
    name = os.path.basename(path)
    try:
        data = json.loads(text)
    except RecursionError:
        return [Unit(key=name, source=path, kind=kind, raw=text.encode("utf-8", "replace"),
                     status=DOC_UNREADABLE, reason="JSON nested too deep")]
    except ValueError as exc:
        # Some ".json" files are really JSON Lines.
        if text.lstrip().startswith("{") and "\n{" in text:
            return read_jsonl(path, text, kind)
        return [Unit(key=name, source=path, kind=kind, raw=text.encode("utf-8"),
                     status=DOC_UNREADABLE, reason=f"broken JSON ({exc})")]
    if isinstance(data, dict):
        for field in ("articles", "records", "items", "data", "documents"):
            if isinstance(data.get(field), list):
                data = data[field]
                break
    if isinstance(data, dict):
        # a single record: the file is the document, keyed by its id if it has one
        key = _key(data, name)
        unit = _unit(path, key, kind, text.encode("utf-8"), data)
        unit.source = path if key == name else unit.source
        return [unit]
    if not isinstance(data, list):
        return [Unit(key=name, source=path, kind=kind, raw=text.encode("utf-8"), status=DOC_UNREADABLE,
                     reason=f"JSON {type(data).__name__} is not a record or a list of records")]
    if not data:
        return [Unit(key=name, source=path, kind=kind, status=DOC_EMPTY, reason="empty list of records")]
    units, seen = [], set()
    for n, rec in enumerate(data, 1):
        key = _key(rec, f"{name}:{n}")
        if key in seen:
            key = f"{key}@{name}:{n}"
        seen.add(key)
        units.append(_unit(path, key, kind, json.dumps(rec, sort_keys=True).encode("utf-8"), rec))
    return units
