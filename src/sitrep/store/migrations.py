"""Numbered, append-only schema migrations (portable SQL: SQLite and PostgreSQL).

Each record's full content sits in a JSON `data` column; the other columns are the keys and
the fields people filter on. A new optional record field needs no migration; a new filter
column does. Never edit a migration that has shipped: add the next one.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial", [
        """CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL,
            args TEXT,
            counts TEXT
        )""",
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            size BIGINT NOT NULL DEFAULT 0,
            sha256 TEXT,
            duplicate_of TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0,
            processed INTEGER NOT NULL DEFAULT 0,
            run_id TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX documents_sha ON documents (sha256)",
        "CREATE INDEX documents_status ON documents (status)",
        """CREATE TABLE articles (
            article_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
            document TEXT NOT NULL,
            idx INTEGER NOT NULL,
            title TEXT,
            published TEXT,
            outlet TEXT,
            url TEXT,
            status TEXT NOT NULL,
            duplicate_of TEXT,
            content_hash TEXT,
            n_chars INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX articles_doc ON articles (doc_id)",
        "CREATE INDEX articles_hash ON articles (content_hash)",
        """CREATE TABLE mentions (
            mention_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
            event_type TEXT,
            sub_event_type TEXT,
            cameo TEXT,
            date TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX mentions_article ON mentions (article_id)",
        """CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            date TEXT,
            date_precision INTEGER,
            event_type TEXT,
            sub_event_type TEXT,
            cameo TEXT,
            goldstein REAL,
            actor1 TEXT,
            actor2 TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            latitude REAL,
            longitude REAL,
            fatalities_best INTEGER,
            n_sources INTEGER NOT NULL DEFAULT 0,
            summary TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX events_date ON events (date)",
        "CREATE INDEX events_country ON events (country)",
        """CREATE TABLE claims (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            mention_id TEXT NOT NULL,
            document TEXT NOT NULL,
            article INTEGER NOT NULL,
            outlet TEXT,
            published TEXT,
            attributed_to TEXT,
            text TEXT NOT NULL,
            PRIMARY KEY (event_id, mention_id)
        )""",
        """CREATE TABLE links (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            target TEXT NOT NULL,
            cue TEXT,
            PRIMARY KEY (event_id, type, target)
        )""",
    ]),
    (2, "runs record their owning process", [
        "ALTER TABLE runs ADD COLUMN owner TEXT",
    ]),
    (3, "indexes for fusing in date order", [
        # mentions read in date order, a fetch at a time (Store.iter_mentions)
        "CREATE INDEX mentions_date ON mentions (date, mention_id)",
        # the event already written that holds a mention (a link cue naming it)
        "CREATE INDEX claims_mention ON claims (mention_id)",
        # the copies of the articles of the events just fused (Store.copies)
        "CREATE INDEX articles_duplicate_of ON articles (duplicate_of)",
    ]),
]


def latest_version() -> int:
    return MIGRATIONS[-1][0]
