"""PostgreSQL backend (`sitrep[postgres]`): the same store and migrations as SQLite, for
several `sitrep analyze` processes (and readers) sharing one database.

What several writers need, and how it is done here:
  - migrations: two processes starting at once must not both create the tables, so the
    whole migration runs under a session advisory lock (DDL is transactional in PostgreSQL:
    the second process waits, then finds the schema current);
  - documents: `put_document` is delete + insert keyed by doc_id; two writers storing the same
    document would both delete nothing and then collide on the primary key, so each takes a
    transaction advisory lock on the doc_id first (different documents never wait);
  - events: fusion reads every mention (a server-side cursor, `iter_query`) and replaces
    every event, so one fuser at a time (`lock_events`, a transaction advisory lock, taken
    again by `clear_events`); the last run to fuse sees all that the others committed.
Connections run in autocommit mode and `transaction()` issues BEGIN itself, so a read
outside a transaction never leaves a session "idle in transaction" holding a snapshot.
"""
from __future__ import annotations

import functools
import re
import zlib

from sitrep.errors import StoreError, require
from sitrep.store.base import Store

# Advisory lock keys: (class, object) pairs of int4; the class keeps sitrep's locks apart
# from any other application's locks on the same server.
_LOCK_CLASS = 0x5173  # "sitrep"
_LOCK_MIGRATE = 1
_LOCK_EVENTS = 2
_LOCK_DOCUMENT_CLASS = _LOCK_CLASS + 1


def _doc_lock_key(doc_id: str) -> int:
    # crc32 folded into the signed int4 range; a collision only makes two documents wait
    # for each other, never wrong.
    return zlib.crc32(doc_id.encode("utf-8")) - 2**31


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s`, and a literal `%` -> `%%`, outside quoted text.

    DDL, so that migrations.py stays one portable text and both backends give the same output:
      - SQLite's REAL is an 8-byte float, PostgreSQL's a 4-byte one (33.123456 would come back
        as 33.12346): REAL columns become DOUBLE PRECISION;
      - SQLite compares text byte by byte, PostgreSQL by the database's locale ("a" < "B" in
        en-US, "B" < "a" in SQLite): TEXT columns get COLLATE "C", so every ORDER BY, and so
        every export, comes out in the same order on both (and LIKE 'prefix%' can use an
        index)."""
    out = []
    quote = None
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    text = "".join(out)
    if re.match(r"\s*(CREATE|ALTER)\s+TABLE\b", text, re.IGNORECASE):
        text = re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)
        text = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', text)
    return text


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, *, readonly: bool = False):
        psycopg = require("psycopg", "The PostgreSQL store", "postgres")
        self.url = _redact(url)
        self.readonly = readonly
        self._psycopg = psycopg
        self._cursors = 0       # names each server-side cursor uniquely
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=30)
            if readonly:
                # enforced by the server, not just by this class
                self.conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {self.url}: {exc}") from exc

    # ------------------------------------------------------------ plumbing
    def _sql(self, sql: str) -> str:
        return translate(sql)

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _has_table(self, name: str) -> bool:
        rows = self.query("SELECT 1 FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND table_name = ?", (name,))
        return bool(rows)

    def _json_field(self, name: str) -> str:
        return f"(data::json ->> '{name}')"     # the data column is TEXT holding JSON

    def iter_query(self, sql, params=(), fetch_size=500):
        """A server-side cursor: psycopg's ordinary cursor would fetch the whole result into
        memory first. Outside a transaction it is declared WITH HOLD (the server keeps the
        result once the implicit transaction ends)."""
        self._cursors += 1
        idle = self.conn.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE
        with self.conn.cursor(name=f"sitrep_rows_{self._cursors}", withhold=idle) as cur:
            cur.itersize = fetch_size
            cur.execute(self._sql(sql), tuple(params))
            while rows := cur.fetchmany(fetch_size):
                yield from rows

    def _xact_lock(self, cls: int, key: int) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?, ?)", (cls, key))

    # ------------------------------------------------------------ writers
    def migrate(self) -> int:
        if self.readonly:
            return super().migrate()
        self.execute("SELECT pg_advisory_lock(?, ?)", (_LOCK_CLASS, _LOCK_MIGRATE))
        try:
            return super().migrate()
        finally:
            self.execute("SELECT pg_advisory_unlock(?, ?)", (_LOCK_CLASS, _LOCK_MIGRATE))

    def put_document(self, doc, articles=(), mentions=(), run_id=None) -> None:
        self._xact_lock(_LOCK_DOCUMENT_CLASS, _doc_lock_key(doc.doc_id))
        super().put_document(doc, articles, mentions, run_id=run_id)

    def lock_events(self) -> None:
        self._xact_lock(_LOCK_CLASS, _LOCK_EVENTS)

    def clear_events(self) -> None:
        self.lock_events()  # held until the caller's transaction ends; re-taking it is free
        super().clear_events()


def _redact(url: str) -> str:
    """The URL without its password, for messages and `store.url`."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)
