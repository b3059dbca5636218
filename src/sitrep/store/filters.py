"""A safe WHERE builder for event queries (the web app, the report and the exports share it).

`build_where(filters) -> (sql, params)`: the SQL text is assembled only from the fixed
fragments below (whitelisted columns, `?` placeholders); every value a user typed travels as
a parameter. Unknown filter names are refused, values are length-capped.

Filters (all optional):
    date_from, date_to   YYYY-MM-DD bounds on the event date (inclusive; month dates compare
                         as text, so "2024-01" is within 2024-01-01..2024-01-31 lower bound only)
    country, admin1      exact, case-insensitive
    actor                substring of actor1 or actor2, case-insensitive
    event_type           an ACLED event type, or "diplomatic" for events ACLED does not code
    cameo                CAMEO code prefix ("19" = all fights)
    q                    free text: substring of the summary, location, actors or any claim
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from sitrep.errors import UsageError

MAX_VALUE = 200          # characters per filter value; longer is refused, not cut
DIPLOMATIC = "diplomatic"
FILTERS = ("date_from", "date_to", "country", "admin1", "actor", "event_type", "cameo", "q")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_CAMEO = re.compile(r"^\d{1,4}$")


def _like(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with LIKE's own wildcards made literal."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def clean(filters: Mapping[str, Any]) -> dict[str, str]:
    """The filters that are set, as stripped strings; refuses unknown names and long values."""
    out: dict[str, str] = {}
    for key, value in filters.items():
        if key not in FILTERS:
            raise UsageError(f"unknown filter {key!r}; filters: {', '.join(FILTERS)}")
        if value is None:
            continue
        value = str(value).strip()
        if not value:
            continue
        if len(value) > MAX_VALUE:
            raise UsageError(f"filter {key} is longer than {MAX_VALUE} characters")
        if key in ("date_from", "date_to") and not _DATE.match(value):
            raise UsageError(f"filter {key} must be YYYY-MM-DD, YYYY-MM or YYYY")
        if key == "cameo" and not _CAMEO.match(value):
            raise UsageError("filter cameo must be 1 to 4 digits")
        out[key] = value
    return out


def build_where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """WHERE text (without the keyword; "" when nothing is set) and its parameters."""
    f = clean(filters)
    parts: list[str] = []
    params: list[Any] = []
    if "date_from" in f:
        parts.append("date >= ?")
        params.append(f["date_from"])
    if "date_to" in f:
        parts.append("date <= ?")
        # a bare month or year as upper bound includes all of it
        params.append(f["date_to"] + ("-99" if len(f["date_to"]) < 10 else ""))
    if "country" in f:
        parts.append("LOWER(country) = ?")
        params.append(f["country"].lower())
    if "admin1" in f:
        parts.append("LOWER(admin1) = ?")
        params.append(f["admin1"].lower())
    if "actor" in f:
        parts.append("(LOWER(actor1) LIKE ? ESCAPE '\\' OR LOWER(actor2) LIKE ? ESCAPE '\\')")
        params += [_like(f["actor"])] * 2
    if "event_type" in f:
        if f["event_type"].lower() == DIPLOMATIC:
            parts.append("event_type IS NULL")
        else:
            parts.append("LOWER(event_type) = ?")
            params.append(f["event_type"].lower())
    if "cameo" in f:
        parts.append("cameo LIKE ?")
        params.append(f["cameo"] + "%")
    if "q" in f:
        cols = ("summary", "location", "actor1", "actor2", "country", "admin1")
        ors = [f"LOWER({c}) LIKE ? ESCAPE '\\'" for c in cols]
        ors.append("event_id IN (SELECT c.event_id FROM claims c "
                   "WHERE LOWER(c.text) LIKE ? ESCAPE '\\' OR LOWER(c.outlet) LIKE ? ESCAPE '\\')")
        parts.append("(" + " OR ".join(ors) + ")")
        params += [_like(f["q"])] * (len(cols) + 2)
    return " AND ".join(parts), params
