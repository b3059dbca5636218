"""What the event writers, the report and the web app share: one query, one record shape.

`select(store, **filters)` is the one query (filters as in sitrep.store.filters);
`record(event)` is the export contract's JSON shape (the JSONL writer's `event_record` when it
is there, else the same fields built here); `category(event)` names the colour group used by
every picture.
"""
from __future__ import annotations

import contextlib
import sys
from typing import IO, Any, Iterator

from sitrep.models import Actor, Event, to_dict
from sitrep.store.filters import build_where

# Colour groups: the six ACLED event types, plus the interactions ACLED does not code, split
# as GDELT's quad classes split CAMEO: roots 01-09 cooperation, 10-20 conflict.
VERBAL_CONFLICT = "Diplomatic: conflict"
VERBAL_COOPERATION = "Diplomatic: cooperation"
CATEGORIES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots",
              "Protests", "Strategic developments", VERBAL_CONFLICT, VERBAL_COOPERATION)


def select(store, limit: int | None = None, offset: int = 0, **filters) -> list[Event]:
    where, params = build_where(filters)
    return store.events(where, params, limit=limit, offset=offset)


def category(event: Event) -> str:
    if event.event_type:
        return event.event_type
    root = (event.cameo or "")[:2]
    if root.isdigit():
        return VERBAL_COOPERATION if int(root) < 10 else VERBAL_CONFLICT
    return VERBAL_COOPERATION if (event.goldstein or 0) >= 0 else VERBAL_CONFLICT


def _actor(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "type": actor.type}


def _own_record(ev: Event) -> dict[str, Any]:
    p = ev.place
    return {
        "id": ev.event_id,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "actor1": _actor(ev.actor1),
        "actor2": _actor(ev.actor2),
        "associated_actors": [_actor(a) for a in ev.associated],
        "country": p.country if p else None,
        "iso3": p.iso3 if p else None,
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "location": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "fatalities": to_dict(ev.fatalities),
        "injuries": to_dict(ev.injuries),
        "sources": [{"document": c.document, "article": c.article, "outlet": c.outlet,
                     "published": c.published, "text": c.text, "attributed_to": c.attributed_to,
                     "fatalities": to_dict(c.fatalities), "injuries": to_dict(c.injuries)}
                    for c in ev.claims],
        "links": [{"type": ln.type, "event": ln.event, "cue": ln.cue} for ln in ev.links],
        "disputes": [to_dict(d) for d in ev.disputes],
        "summary": ev.summary,
    }


def record(event: Event) -> dict[str, Any]:
    """The export contract's JSON object for one event (plus `iso3`/`summary` when absent)."""
    try:
        from sitrep.export.records import event_record
    except ImportError:
        return _own_record(event)
    out = dict(event_record(event))
    p = event.place
    out.setdefault("iso3", p.iso3 if p else None)
    out.setdefault("summary", event.summary)
    out.setdefault("geo_precision", p.geo_precision if p else None)
    return out


@contextlib.contextmanager
def open_text(output: str, newline: str | None = None) -> Iterator[IO[str]]:
    """The output file for writing text, or stdout for '-'."""
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
