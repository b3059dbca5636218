"""RSS 2.0 / RSS 1.0 (RDF) and Atom feed files: one Document per item or entry.

The item key is `<file name>:<n>` (1-based item position), so it is stable and readable; the
feed's title is the outlet, each item's link its URL and pubDate/published its date.
Item bodies come from content:encoded / content, else description / summary.
"""
from __future__ import annotations

import os

import lxml.etree

from sitrep.ingest.dates import parse_date
from sitrep.ingest.html import html_to_text
from sitrep.ingest.page import Draft, parse_stretch, text_lines
from sitrep.ingest.units import Unit
from sitrep.models import DOC_EMPTY, DOC_UNREADABLE

_PARSER = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                               huge_tree=False, remove_comments=True)


def looks_like_feed(text: str) -> str | None:
    head = text.lstrip()[:2000].lower()
    if "<rss" in head or "<rdf:rdf" in head:
        return "rss"
    if "<feed" in head and "atom" in head:
        return "atom"
    return None


def _local(el) -> str:
    return lxml.etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, *names: str) -> str | None:
    for name in names:
        for c in el:
            if _local(c) == name:
                if name == "link" and c.get("href"):
                    if c.get("rel", "alternate") == "alternate":
                        return c.get("href")
                    continue
                text = "".join(c.itertext()).strip()
                if text:
                    return text
    return None


def read_feed(path: str, text: str, kind: str) -> list[Unit]:
    name = os.path.basename(path)
    why = ""
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=_PARSER)
    except lxml.etree.XMLSyntaxError as exc:
        root, why = None, f" ({exc})"
    if root is None:
        return [Unit(key=name, source=path, kind=kind, raw=text.encode("utf-8"),
                     status=DOC_UNREADABLE, reason="broken feed XML" + why)]
    channel = next((c for c in root.iter() if _local(c) in ("channel", "feed")), root)
    outlet = _child(channel, "title")
    items = [el for el in root.iter() if _local(el) in ("item", "entry")]
    if not items:
        return [Unit(key=name, source=path, kind=kind, raw=text.encode("utf-8"),
                     status=DOC_EMPTY, reason="feed has no items")]
    units = []
    for n, item in enumerate(items, 1):
        key = f"{name}:{n}"
        raw = lxml.etree.tostring(item)
        body = _child(item, "encoded", "content") or _child(item, "description", "summary") or ""
        lines = text_lines(html_to_text(body))
        title = _child(item, "title")
        draft = parse_stretch(lines, title_hint=title) if len([x for x in lines if x]) > 3 \
            else Draft(title=title, text="\n".join(x for x in lines if x))
        draft.title = title
        date = parse_date(_child(item, "pubDate", "published", "date", "issued", "updated"))
        if date:
            draft.published, draft.published_how, draft.inferred = date, "feed", False
        draft.outlet = outlet or draft.outlet
        draft.url = _child(item, "link") or _child(item, "guid")
        units.append(Unit(key=key, source=f"{path}#{key}", kind=kind, raw=raw, drafts=[draft]))
    return units
