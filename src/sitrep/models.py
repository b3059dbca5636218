"""Typed records that flow between sitrep's stages.

    Document  one input (a file, or one record of a JSONL/feed file) and what became of it
    Article   one news article cut out of a Document (a page can hold several)
    Mention   one event as one sentence of one article reports it (extract stage)
    Event     mentions fused across articles: one real-world event (fuse stage)
    Claim     what one source report says about an Event (kept per report)

Records are frozen dataclasses. `to_dict` / `from_dict` turn them into plain JSON-able
dicts and back (the store keeps each record's dict in a JSON column, so adding an optional
field to a record needs no migration).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

# Statuses of an input document (every input gets exactly one).
DOC_OK = "ok"
DOC_EMPTY = "empty"
DOC_UNREADABLE = "unreadable"
DOC_NOT_TEXT = "not_text"
DOC_DUPLICATE = "duplicate"
DOC_TOO_LARGE = "too_large"
DOC_NOT_NEWS = "not_news"
DOC_MISSING = "missing"
DOC_STATUSES = (DOC_OK, DOC_EMPTY, DOC_UNREADABLE, DOC_NOT_TEXT, DOC_DUPLICATE,
                DOC_TOO_LARGE, DOC_NOT_NEWS, DOC_MISSING)

# ACLED actor types (inter codes 1..8, see ACTOR_INTER).
ACTOR_TYPES = ("state_forces", "rebel_group", "political_militia", "identity_militia",
               "rioters", "protesters", "civilians", "external", "government")
ACTOR_INTER = {"state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3,
               "identity_militia": 4, "rioters": 5, "protesters": 6, "civilians": 7, "external": 8}


@dataclass(frozen=True)
class Document:
    """One input and its fate. `key` is what exports call `document`: the file name, or the
    JSONL record id."""
    doc_id: str                 # stable id: hash of (source path, record key)
    key: str                    # file name or record id, as exported
    source: str                 # full path (plus "#<record>" for records inside a file)
    status: str                 # one of DOC_STATUSES
    reason: str = ""            # why, for anything but ok
    kind: str = ""              # txt, html, json, jsonl, rss, atom, gz+...
    size: int = 0               # bytes read
    sha256: str | None = None   # of the raw bytes
    duplicate_of: str | None = None   # doc_id of the original, for status duplicate
    n_articles: int = 0


@dataclass(frozen=True)
class Article:
    """One article cut out of a document."""
    article_id: str             # f"{doc_id}:{index}"
    doc_id: str
    document: str               # Document.key
    index: int                  # 0-based position inside the document
    title: str | None
    text: str                   # body text, boilerplate removed, paragraphs joined by "\n"
    published: str | None = None        # YYYY-MM-DD
    published_how: str = ""             # meta, dateline, record, feed, inferred, none
    published_inferred: bool = False
    outlet: str | None = None
    url: str | None = None
    status: str = DOC_OK                # ok, duplicate, empty, not_news
    duplicate_of: str | None = None     # article_id of the original
    content_hash: str = ""              # for exact/near duplicate detection
    language: str | None = "en"


@dataclass(frozen=True)
class Actor:
    name: str                   # canonical name
    country: str | None = None  # ISO 3166 alpha-3
    type: str | None = None     # one of ACTOR_TYPES
    actor_id: str | None = None # registry key, when it came from the registry
    text: str | None = None     # the words in the sentence


@dataclass(frozen=True)
class Place:
    name: str                   # location name, GeoNames spelling
    country: str | None = None  # country name (GeoNames/ACLED spelling)
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None    # ACLED 1 town, 2 near town / part of region, 3 region
    feature: str | None = None          # city, admin1, admin2, country, region
    geonameid: int | None = None
    text: str | None = None             # the words in the sentence


@dataclass(frozen=True)
class Figure:
    """A reported count (killed or injured) with its vagueness."""
    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: str | None = None    # "at least", "nearly", "dozens", ...
    text: str | None = None         # the words it came from
    victims: str | None = None      # who they were ("three women and four children")


@dataclass(frozen=True)
class LinkCue:
    """A cue in the text that this event answers another ("in retaliation for ...")."""
    type: str                   # retaliation_for, response_to, follows, protest_at
    cue: str                    # the cue words
    target_text: str | None = None      # words naming the earlier event, if any
    target_mention: str | None = None   # mention id of the earlier event, if found in the article
    days_after: int | None = None       # "a day after" -> 1


@dataclass(frozen=True)
class Mention:
    """One event as one sentence of one article reports it."""
    mention_id: str             # f"{article_id}:{start}:{n}"
    article_id: str
    document: str
    article_index: int
    sentence: str
    start: int                  # character offsets of the sentence in Article.text
    end: int
    trigger: str                # the words that made it an event
    event_type: str | None      # ACLED event type; None for non-violent interactions ACLED skips
    sub_event_type: str | None
    cameo: str                  # CAMEO code
    goldstein: float | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    associated: tuple[Actor, ...] = ()
    place: Place | None = None
    date: str | None = None     # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: int = 1     # ACLED time_precision: 1 day, 2 week, 3 month or coarser
    date_text: str | None = None
    fatalities: Figure | None = None
    injuries: Figure | None = None
    attributed_to: str | None = None    # who makes the claim ("Iranian media")
    modality: str = "asserted"          # asserted, denied, alleged, hypothetical, planned, question
    links: tuple[LinkCue, ...] = ()
    outlet: str | None = None
    published: str | None = None
    confidence: float = 1.0
    rule: str = ""              # which rule family produced it
    version: str = ""           # data/rule version (sitrep.data version)


@dataclass(frozen=True)
class Range:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Copy:
    """Another stored copy of a report (an input marked duplicate of the claim's article):
    the same report seen again, e.g. a mirror or a wire story carried by a second outlet."""
    document: str
    article: int
    article_id: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Claim:
    """What one source report says about an event."""
    mention_id: str
    document: str
    article: int
    article_id: str
    outlet: str | None
    published: str | None
    text: str                   # the evidence sentence
    attributed_to: str | None
    fatalities: Figure | None = None
    injuries: Figure | None = None
    start: int = 0
    end: int = 0
    modality: str = "asserted"  # asserted, denied or alleged (a denial, an accusation are claims too)
    copies: tuple[Copy, ...] = ()   # where the same report also appeared (not independent)


@dataclass(frozen=True)
class Dispute:
    """A contradiction between reports."""
    field: str                  # fatalities, injuries, actor2, place, date, ...
    sides: tuple[dict, ...]     # each {"value": ..., "sources": [claim mention ids / outlets], "attributed_to": ...}
    note: str = ""


@dataclass(frozen=True)
class Link:
    type: str                   # retaliation_for, response_to, follows, protest_at
    event: str                  # id of the earlier event
    cue: str = ""
    evidence: str | None = None # mention id whose sentence carries the cue


@dataclass(frozen=True)
class Event:
    event_id: str
    date: str | None
    date_precision: int
    event_type: str | None
    sub_event_type: str | None
    cameo: str
    goldstein: float | None
    actor1: Actor | None
    actor2: Actor | None
    associated: tuple[Actor, ...] = ()
    place: Place | None = None
    fatalities: Range = field(default_factory=Range)
    injuries: Range = field(default_factory=Range)
    claims: tuple[Claim, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    links: tuple[Link, ...] = ()
    mention_ids: tuple[str, ...] = ()
    summary: str = ""


# ---------------------------------------------------------------- dict conversion

_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}    # per class: its fields, None if no dataclass


def field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a record class, None for a class that is no dataclass; worked out
    once per class (the store writes thousands of records)."""
    names = _FIELD_NAMES.get(cls, ())
    if names == ():     # first time this class is seen
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) \
            if dataclasses.is_dataclass(cls) else None
    return names


def to_dict(record: Any) -> Any:
    """A record (or list/tuple of them) as plain JSON-able data."""
    names = field_names(type(record))
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (list, tuple)):
        return [to_dict(r) for r in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


_DECODERS: dict[type, tuple[tuple[str, Any], ...]] = {}    # per class: (field, converter)


def _identity(value: Any) -> Any:
    return value


def _to_float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


def _converter(tp: Any):
    """A function turning JSON data into a value of type `tp` (None stays None), worked out
    once per type: the store decodes thousands of records per run, and asking `typing` about
    each field of each record took most of the decoding time."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _converter(args[0]) if args else _identity
    if origin in (tuple, list):
        args = typing.get_args(tp)
        inner = _converter(args[0]) if args else _identity
        make = tuple if origin is tuple else list
        if inner is _identity:
            return lambda value: None if value is None else make(value)
        return lambda value: None if value is None else make(
            None if v is None else inner(v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda value: from_dict(tp, value) if isinstance(value, dict) else value
    if tp is float:
        return _to_float
    return _identity


def _decoder(cls: type) -> tuple[tuple[str, Any], ...]:
    fields = _DECODERS.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = _DECODERS[cls] = tuple((f.name, _converter(hints[f.name]))
                                        for f in dataclasses.fields(cls))
    return fields


def from_dict(cls: type, data: dict) -> Any:
    """Rebuild a record from `to_dict` output; unknown keys are ignored, missing ones default."""
    kwargs = {}
    for name, convert in _decoder(cls):
        if name in data:
            value = data[name]
            kwargs[name] = None if value is None else convert(value)
    return cls(**kwargs)