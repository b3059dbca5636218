"""The one query behind /events, /events.json, /events.geojson and /events.csv.

`EventQuery` is the parsed, bounded request (filters plus limit/offset); `run(store, q)`
returns the page of events and the total that matched. Filters go through
sitrep.store.filters.build_where (whitelisted columns, `?` parameters only).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from sitrep.models import Event
from sitrep.store.filters import FILTERS, build_where

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000        # one page never holds more (a bounded response, whatever the store size)
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class EventQuery:
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    cameo: str | None = None
    q: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def filters(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k in FILTERS and v not in (None, "")}

    def querystring(self, **change) -> str:
        """The query string of this query (with some values changed), for links and fetches."""
        values = {**self.filters(), "limit": self.limit, "offset": self.offset, **change}
        values = {k: v for k, v in values.items()
                  if v not in (None, "") and not (k == "offset" and not v)
                  and not (k == "limit" and v == DEFAULT_LIMIT)}
        return urlencode(values)


def run(store, q: EventQuery) -> tuple[list[Event], int]:
    where, params = build_where(q.filters())
    sql = "SELECT COUNT(*) FROM events" + (" WHERE " + where if where else "")
    total = int(store.query(sql, params)[0][0])
    events = store.events(where, params, limit=q.limit, offset=q.offset)
    return events, total


def choices(store) -> dict[str, list[str]]:
    """Values offered in the filter form's lists."""
    def distinct(column: str) -> list[str]:   # column names are fixed here, never user input
        rows = store.query(f"SELECT DISTINCT {column} FROM events WHERE {column} IS NOT NULL "
                           f"ORDER BY {column}")
        return [r[0] for r in rows]
    return {"country": distinct("country"), "admin1": distinct("admin1"),
            "event_type": distinct("event_type")}
