"""6. Store: SQLite by default (one file), PostgreSQL for many writers.

`open_store(url)` picks the backend from the URL: a path or `sqlite:///path` gives SQLite,
`postgresql://...` gives PostgreSQL (needs `sitrep[postgres]`).
"""
from __future__ import annotations

from sitrep.store.base import Store
from sitrep.store.sqlite import SQLiteStore


def open_store(url: str | None = None, *, readonly: bool = False) -> Store:
    url = url or "sitrep.db"
    if url.startswith(("postgresql://", "postgres://")):
        from sitrep.store.postgres import PostgresStore  # optional extra
        return PostgresStore(url, readonly=readonly)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteStore(url, readonly=readonly)


__all__ = ["Store", "SQLiteStore", "open_store"]
