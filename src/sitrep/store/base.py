"""The store's logic, shared by the SQLite and PostgreSQL backends.

SQL here is written once with `?` placeholders (every value is a parameter, never pasted into
the text); a backend translates the placeholder style and supplies the connection.
Writes happen inside `transaction()`: a crash mid-run leaves each document either fully
stored (document row, its articles and mentions, `processed = 1`) or not at all.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
from typing import Any, Collection, Iterable, Iterator, Sequence

from sitrep.errors import StoreError
from sitrep.models import Article, Copy, Document, Event, Mention, field_names, from_dict
from sitrep.store import owner
from sitrep.store.migrations import MIGRATIONS, latest_version


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields, for the JSON encoder to write (nested records come back here)."""
    names = field_names(type(record))
    if names is None:
        raise TypeError(f"{type(record).__name__} is not JSON serializable")
    own = getattr(record, "__dict__", None)
    if own is not None and len(own) == len(names):
        return own      # a dataclass's __init__ sets each field there, and nothing else
    return {name: getattr(record, name) for name in names}


# The text of json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True), written by the
# C encoder in one pass, without building to_dict's copy of every nested record first (half
# the time of storing a mention or an event).
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_fields)


def _json(record: Any) -> str:
    return _ENCODER.encode(record)


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    """Values for `IN (...)` lists of at most `size` parameters (SQLite allows 999 by default
    in old builds)."""
    for i in range(0, len(values), size):
        yield list(values[i:i + size])


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """Backend-independent store. Subclasses set up `self.conn` and `placeholder`."""

    placeholder = "?"
    url: str = ""
    readonly: bool = False

    # ------------------------------------------------------------ plumbing
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        cur = self.conn.cursor()
        cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def iter_query(self, sql: str, params: Iterable[Any] = (),
                   fetch_size: int = 500) -> Iterator[tuple]:
        """The rows of a query, `fetch_size` at a time: memory holds one fetch, not the result
        (PostgreSQL overrides with a server-side cursor; SQLite steps through the rows)."""
        cur = self.conn.cursor()
        try:
            cur.execute(self._sql(sql), tuple(params))
            while rows := cur.fetchmany(fetch_size):
                yield from rows
        finally:
            cur.close()

    def _json_field(self, name: str) -> str:
        """SQL for a top-level field of the JSON `data` column (a fixed name, not input)."""
        return f"json_extract(data, '$.{name}')"

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Store"]:
        if self.readonly:
            raise StoreError(f"{self.url} is open read-only")
        try:
            self._begin()
            yield self
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def _begin(self) -> None:  # pragma: no cover - backends override when needed
        pass

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ schema
    def _has_table(self, name: str) -> bool:  # backend-specific
        raise NotImplementedError

    def schema_version(self) -> int:
        if not self._has_table("schema_migrations"):
            return 0
        rows = self.query("SELECT MAX(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    def migrate(self) -> int:
        """Apply the migrations not yet applied; return the schema version."""
        current = self.schema_version()
        if current > latest_version():
            raise StoreError(f"{self.url} has schema version {current}, newer than this sitrep "
                             f"({latest_version()}); upgrade sitrep")
        if current == latest_version():
            return current
        if self.readonly:
            raise StoreError(f"{self.url} needs migrating but is open read-only")
        with self.transaction():
            # again, now that this transaction holds the write lock (SQLite) or the migration
            # lock (PostgreSQL): another process may have migrated in between
            current = self.schema_version()
            if current >= latest_version():
                return current
            if current == 0:
                self.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                             "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)")
            for version, name, statements in MIGRATIONS:
                if version <= current:
                    continue
                for stmt in statements:
                    self.execute(stmt)
                self.execute("INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
                             (version, name, _now()))
        return latest_version()

    # ------------------------------------------------------------ runs
    def start_run(self, run_id: str, args: dict) -> None:
        """Record a new run, first marking runs whose process died unrecorded as interrupted."""
        with self.transaction():
            for old_id, old_owner in self.query(
                    "SELECT run_id, owner FROM runs WHERE status = 'running'"):
                if owner.is_gone(old_owner):
                    self.execute("UPDATE runs SET status = ?, finished = ? WHERE run_id = ?",
                                 ("interrupted", _now(), old_id))
            self.execute("INSERT INTO runs (run_id, started, status, args, owner) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (run_id, _now(), "running", json.dumps(args, default=str), owner.current()))

    def finish_run(self, run_id: str, status: str, counts: dict) -> None:
        with self.transaction():
            self.execute("UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                         (_now(), status, json.dumps(counts), run_id))

    # ------------------------------------------------------------ documents and articles
    def get_document(self, doc_id: str) -> tuple[Document, bool] | None:
        """The stored document and whether its processing finished."""
        rows = self.query("SELECT data, processed FROM documents WHERE doc_id = ?", (doc_id,))
        if not rows:
            return None
        return from_dict(Document, json.loads(rows[0][0])), bool(rows[0][1])

    def find_by_sha(self, sha256: str, exclude_doc: str | None = None) -> str | None:
        rows = self.query("SELECT doc_id FROM documents WHERE sha256 = ? AND doc_id <> ? "
                          "AND status = 'ok' ORDER BY doc_id LIMIT 1", (sha256, exclude_doc or ""))
        return rows[0][0] if rows else None

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and everything derived from it (call inside a transaction)."""
        self.execute("DELETE FROM mentions WHERE article_id IN "
                     "(SELECT article_id FROM articles WHERE doc_id = ?)", (doc_id,))
        self.execute("DELETE FROM articles WHERE doc_id = ?", (doc_id,))
        self.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def put_document(self, doc: Document, articles: Iterable[Article] = (),
                     mentions: Iterable[Mention] = (), run_id: str | None = None) -> None:
        """Store a document with its articles and mentions, replacing any earlier version.
        Call inside a transaction so the three land together."""
        if self.query("SELECT 1 FROM documents WHERE doc_id = ?", (doc.doc_id,)):
            # articles and mentions exist only under their document (foreign keys): with no
            # document row there is nothing to delete, and one lookup costs less than three
            self.delete_document(doc.doc_id)
        self.execute(
            "INSERT INTO documents (doc_id, key, source, status, reason, kind, size, sha256, "
            "duplicate_of, n_articles, processed, run_id, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, doc.key, doc.source, doc.status, doc.reason, doc.kind, doc.size,
             doc.sha256, doc.duplicate_of, doc.n_articles, 1, run_id, _json(doc)))
        self.executemany(
            "INSERT INTO articles (article_id, doc_id, document, idx, title, published, outlet, url, "
            "status, duplicate_of, content_hash, n_chars, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.article_id, a.doc_id, a.document, a.index, a.title, a.published, a.outlet, a.url,
              a.status, a.duplicate_of, a.content_hash, len(a.text), _json(a)) for a in articles])
        self.executemany(
            "INSERT INTO mentions (mention_id, article_id, event_type, sub_event_type, cameo, date, data) "
            "VALUES (?,?,?,?,?,?,?)",
            [(m.mention_id, m.article_id, m.event_type, m.sub_event_type, m.cameo, m.date, _json(m))
             for m in mentions])

    def documents(self, status: str | None = None) -> list[Document]:
        sql = "SELECT data FROM documents"
        params: tuple = ()
        if status:
            sql, params = sql + " WHERE status = ?", (status,)
        rows = self.query(sql + " ORDER BY source", params)
        return [from_dict(Document, json.loads(r[0])) for r in rows]

    def articles(self, status: str | None = None) -> list[Article]:
        sql = "SELECT a.data FROM articles a JOIN documents d ON d.doc_id = a.doc_id"
        params: tuple = ()
        if status:
            sql, params = sql + " WHERE a.status = ?", (status,)
        rows = self.query(sql + " ORDER BY d.source, a.idx", params)
        return [from_dict(Article, json.loads(r[0])) for r in rows]

    def article_hashes(self) -> dict[str, str]:
        """content_hash -> article_id of every stored original article."""
        rows = self.query("SELECT content_hash, article_id FROM articles WHERE status = 'ok' "
                          "ORDER BY article_id")
        out: dict[str, str] = {}
        for h, aid in rows:
            out.setdefault(h, aid)
        return out

    def copies(self, originals: Iterable[str] | None = None) -> dict[str, list[Copy]]:
        """original article_id -> the stored articles marked duplicates of it, by input name;
        of every original, or only of `originals`."""
        out: dict[str, list[Copy]] = {}
        sql = ("SELECT article_id, document, idx, duplicate_of, outlet, published, url "
               "FROM articles WHERE status = 'duplicate' AND duplicate_of IS NOT NULL")
        if originals is None:
            rows = self.query(sql + " ORDER BY document, idx, article_id")
        else:
            rows = [r for chunk in _chunks(sorted(set(originals)))
                    for r in self.query(f"{sql} AND duplicate_of IN ({_marks(chunk)})", chunk)]
            rows.sort(key=lambda r: (r[1], r[2], r[0]))
        for article_id, document, idx, original, outlet, published, url in rows:
            out.setdefault(original, []).append(Copy(
                document=document, article=idx, article_id=article_id, outlet=outlet,
                published=published, url=url))
        return out

    # ------------------------------------------------------------ mentions and events
    def mentions(self) -> list[Mention]:
        rows = self.query("SELECT data FROM mentions ORDER BY mention_id")
        return [from_dict(Mention, json.loads(r[0])) for r in rows]

    def iter_mentions(self, kind: str = "day", fetch_size: int = 500) -> Iterator[Mention]:
        """Stored mentions one fetch at a time, for fusion in date order (sitrep.fuse.stream).
        kind "day": dated with day or week precision, "month": dated with month precision or
        coarser, both by date text (YYYY < YYYY-MM < YYYY-MM-DD of one year and month, so by
        the first day they may stand for); "undated": those with a publication day, by it
        (fusion reads those with none apart, with `mentions_where`)."""
        precision = f"COALESCE(CAST({self._json_field('date_precision')} AS INTEGER), 1)"
        pub = self._json_field("published")
        where, order = {
            "day": (f"date IS NOT NULL AND {precision} < 3", "date, mention_id"),
            "month": (f"date IS NOT NULL AND {precision} >= 3", "date, mention_id"),
            "undated": (f"date IS NULL AND {pub} IS NOT NULL", f"{pub}, mention_id"),
        }[kind]
        sql = f"SELECT data FROM mentions WHERE {where} ORDER BY {order}"
        for (data,) in self.iter_query(sql, fetch_size=fetch_size):
            yield from_dict(Mention, json.loads(data))

    def mention_dates(self, fetch_size: int = 5000) -> Iterator[tuple[str, str | None, str | None]]:
        """(mention_id, date, publication day of an undated one) of every mention, one fetch
        at a time."""
        yield from self.iter_query(
            f"SELECT mention_id, date, CASE WHEN date IS NULL THEN {self._json_field('published')} END "
            "FROM mentions", fetch_size=fetch_size)

    def mentions_where(self, mention_ids: Iterable[str] = (), article_ids: Iterable[str] = (),
                       skip: Collection[str] = ()) -> list[Mention]:
        """The mentions with these ids, and every mention of these articles, but those with an
        id in `skip` (the caller holds them already: they are not decoded again)."""
        out: dict[str, Mention] = {}
        for column, values in (("mention_id", mention_ids), ("article_id", article_ids)):
            for chunk in _chunks(sorted(set(values))):
                for mention_id, data in self.query(
                        f"SELECT mention_id, data FROM mentions WHERE {column} IN "
                        f"({_marks(chunk)})", chunk):
                    if mention_id not in skip and mention_id not in out:
                        out[mention_id] = from_dict(Mention, json.loads(data))
        return [out[k] for k in sorted(out)]

    def event_of_mention(self, mention_id: str) -> str | None:
        """The id of the stored event that holds a mention among its claims."""
        rows = self.query("SELECT event_id FROM claims WHERE mention_id = ? ORDER BY event_id "
                          "LIMIT 1", (mention_id,))
        return rows[0][0] if rows else None

    def lock_events(self) -> None:
        """Make this transaction the only one fusing events until it ends. SQLite needs
        nothing: `BEGIN IMMEDIATE` already holds the one write lock; PostgreSQL overrides."""

    def replace_events(self, events: Iterable[Event]) -> int:
        """Replace the fused events with a new set (call inside a transaction)."""
        self.clear_events()
        return self.add_events(events)

    def clear_events(self) -> None:
        """Delete every fused event, its claims and links (inside the transaction that then
        writes the new set with `add_events`: readers see the old set until it commits)."""
        self.execute("DELETE FROM links")
        self.execute("DELETE FROM claims")
        self.execute("DELETE FROM events")

    def add_events(self, events: Iterable[Event], batch: int = 200) -> int:
        """Write events (inside a transaction, after `clear_events`); returns how many. Each
        table takes the rows of `batch` events in one statement, in the order given."""
        n = 0
        events = iter(events)
        while chunk := list(itertools.islice(events, batch)):
            n += len(chunk)
            self.executemany(
                "INSERT INTO events (event_id, date, date_precision, event_type, sub_event_type, cameo, "
                "goldstein, actor1, actor2, country, admin1, location, latitude, longitude, "
                "fatalities_best, n_sources, summary, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [_event_row(ev) for ev in chunk])
            self.executemany(
                "INSERT INTO claims (event_id, mention_id, document, article, outlet, published, "
                "attributed_to, text) VALUES (?,?,?,?,?,?,?,?)",
                [(ev.event_id, c.mention_id, c.document, c.article, c.outlet, c.published,
                  c.attributed_to, c.text)
                 for ev in chunk for c in {c.mention_id: c for c in ev.claims}.values()])
            self.executemany(
                "INSERT INTO links (event_id, type, target, cue) VALUES (?,?,?,?)",
                [(ev.event_id, ln.type, ln.event, ln.cue)
                 for ev in chunk for ln in {(ln.type, ln.event): ln for ln in ev.links}.values()])
        return n

    def events(self, where: str = "", params: Iterable[Any] = (), limit: int | None = None,
               offset: int = 0) -> list[Event]:
        """Events, optionally filtered by a WHERE clause built from `?` placeholders only
        (see sitrep.store.filters for the safe builder)."""
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY date, event_id"
        params = list(params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return [from_dict(Event, json.loads(r[0])) for r in self.query(sql, params)]

    def event(self, event_id: str) -> Event | None:
        rows = self.query("SELECT data FROM events WHERE event_id = ?", (event_id,))
        if not rows:
            # allow a unique prefix, as people copy short ids
            # LIKE has no default escape character in SQLite (PostgreSQL's is '\'): name it
            pattern = (event_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                       + "%")
            rows = self.query("SELECT data FROM events WHERE event_id LIKE ? ESCAPE '\\' "
                              "ORDER BY event_id LIMIT 2", (pattern,))
            if len(rows) != 1:
                return None
        return from_dict(Event, json.loads(rows[0][0]))

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "articles", "mentions", "events", "claims", "links"):
            out[table] = int(self.query(f"SELECT COUNT(*) FROM {table}")[0][0])  # fixed names only
        return out


def _event_row(ev: Event) -> tuple:
    """The events table's columns of one event."""
    place = ev.place
    return (ev.event_id, ev.date, ev.date_precision, ev.event_type, ev.sub_event_type, ev.cameo,
            ev.goldstein, ev.actor1.name if ev.actor1 else None,
            ev.actor2.name if ev.actor2 else None,
            place.country if place else None, place.admin1 if place else None,
            place.name if place else None, place.latitude if place else None,
            place.longitude if place else None, ev.fatalities.best,
            len({(c.document, c.article) for c in ev.claims}), ev.summary, _json(ev))
