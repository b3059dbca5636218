import pytest

from sitrep.models import Article, Document, Event, Actor, Range
from sitrep.store import open_store
from sitrep.store.migrations import latest_version


def _doc(i, sha="x"):
    return Document(doc_id=f"d{i}", key=f"f{i}.txt", source=f"/tmp/f{i}.txt", status="ok", sha256=sha)


def _art(i):
    return Article(article_id=f"d{i}:0", doc_id=f"d{i}", document=f"f{i}.txt", index=0,
                   title="T", text="body", content_hash=f"h{i}")


def test_migrate_is_idempotent(tmp_path):
    s = open_store(str(tmp_path / "a.db"))
    assert s.migrate() == latest_version()
    assert s.migrate() == latest_version()
    tables = {r[0] for r in s.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "articles", "mentions", "events", "claims", "links", "runs"} <= tables


def test_put_document_replaces_previous_version(store):
    with store.transaction():
        store.put_document(_doc(1), [_art(1)])
    with store.transaction():
        store.put_document(_doc(1, sha="y"), [_art(1)])
    assert store.counts()["documents"] == 1 and store.counts()["articles"] == 1
    assert store.get_document("d1")[0].sha256 == "y"


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_document(_doc(2), [_art(2)])
            raise RuntimeError("crash")
    assert store.counts()["documents"] == 0 and store.counts()["articles"] == 0


def test_events_round_trip_and_prefix_lookup(store):
    ev = Event("abcdef123", "2024-01-16", 1, "Battles", "Armed clash", "190", -10.0,
               Actor("A", "PAK", "state_forces"), Actor("B"), fatalities=Range(1, 2, 3))
    with store.transaction():
        store.replace_events([ev])
    assert store.events() == [ev]
    assert store.event("abcdef") == ev
    assert store.event("zzz") is None


def test_readonly_store_refuses_writes(tmp_path):
    path = str(tmp_path / "r.db")
    open_store(path).migrate()
    ro = open_store(path, readonly=True)
    with pytest.raises(Exception):
        with ro.transaction():
            pass
