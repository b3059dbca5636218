"""What the event writers, the report and the web app share: one query, one record shape.

`select(store, **filters)` is the one query (filters as in sitrep.store.filters);
`record(event)` is the export contract's JSON shape (the JSONL writer's `event_record` plus
`iso3`/`summary`); `category(event)` names the colour group used by
every picture.
"""
from __future__ import annotations

import contextlib
import sys
from typing import IO, Any, Iterator

from sitrep.errors import ExportError
from sitrep.export.records import event_record
from sitrep.models import Event
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


def record(event: Event) -> dict[str, Any]:
    """The export contract's JSON object for one event (plus `iso3`/`summary` when absent)."""
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
    try:
        fh = open(output, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from None
    with fh:
        yield fh
