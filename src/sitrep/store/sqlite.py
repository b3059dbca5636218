"""SQLite backend: one file, WAL mode so readers (`sitrep serve`) work while a run writes."""
from __future__ import annotations

import os
import pathlib
import sqlite3
import time

from sitrep.errors import StoreError
from sitrep.store.base import Store


class SQLiteStore(Store):
    placeholder = "?"

    def __init__(self, path: str, *, readonly: bool = False):
        self.url = path
        self.readonly = readonly
        try:
            if readonly:
                if not os.path.exists(path):
                    raise StoreError(f"no database at {path}")
                # as_uri() percent-encodes '#', '?' and '%': pasted raw, they would cut the
                # path short and drop mode=ro (opening, even creating, another file)
                uri = pathlib.Path(path).absolute().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            else:
                parent = os.path.dirname(os.path.abspath(path))
                os.makedirs(parent, exist_ok=True)
                self.conn = sqlite3.connect(path, timeout=30, check_same_thread=False,
                                            isolation_level=None)
                _set_wal(self.conn)
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            self.conn.execute("SELECT COUNT(*) FROM sqlite_master")   # "file is not a database"
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc

    def _begin(self) -> None:
        # isolation_level=None: we open the transaction ourselves, IMMEDIATE so that two
        # writers queue instead of failing half-way.
        self.conn.execute("BEGIN IMMEDIATE")

    def _has_table(self, name: str) -> bool:
        rows = self.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return bool(rows)


def _set_wal(conn: sqlite3.Connection, wait: float = 30.0) -> None:
    """Switch to WAL. SQLite answers "database is locked" at once, without its busy handler,
    while another process is switching the same new file, so retry for up to `wait` seconds
    (seen with two `sitrep analyze` starting together on a fresh database)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
