"""Which stored events a listing or export shows, on top of the shared WHERE builder
(sitrep.store.filters) so the CLI table, the JSONL writer and the web views filter alike.

    select_events(store, country=, event_type=, since=, until=, limit=, **filters) -> list[Event]

The CLI's names map onto the builder's: since/until -> date_from/date_to; `event_type` is an
ACLED event type, "diplomatic", a CAMEO code prefix ("19", "161") or an ACLED sub-event type;
`country` a country name or an ISO3 code. Other keyword filters go to the builder unchanged.
"""
from __future__ import annotations

from sitrep.models import Event
from sitrep.store.filters import build_where

_EVENT_TYPES = {"battles", "explosions/remote violence", "violence against civilians", "riots",
                "protests", "strategic developments", "diplomatic"}


def select_events(store, country: str | None = None, event_type: str | None = None,
                  since: str | None = None, until: str | None = None,
                  limit: int | None = None, **filters) -> list[Event]:
    filters = dict(filters)
    if since:
        filters["date_from"] = since
    if until:
        filters["date_to"] = until
    post_type = post_iso3 = None
    if event_type:
        t = event_type.strip()
        if t.isdigit():
            filters["cameo"] = t
        elif t.lower() in _EVENT_TYPES:
            filters["event_type"] = t
        else:
            post_type = t.lower()          # a sub-event type: not a filter column
    if country:
        c = country.strip()
        if len(c) == 3 and c.isalpha() and c.isupper():
            post_iso3 = c                  # the events table keeps the name; ISO3 is in the record
        else:
            filters["country"] = c
    where, params = build_where(filters)
    post = post_type or post_iso3
    events = store.events(where, params, limit=None if post else limit)
    if post_type:
        events = [e for e in events if (e.sub_event_type or "").lower() == post_type]
    if post_iso3:
        events = [e for e in events if e.place is not None and e.place.iso3 == post_iso3]
    return events[:limit] if limit else events
