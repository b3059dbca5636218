"""The store's behaviour on both backends: SQLite (a temp file) and PostgreSQL (a real server
this module starts on loopback from the Debian package, installing it when missing).

The PostgreSQL cases skip with a reason only where no server can be started and we are not
root (so cannot install one) and not under CI; under CI=true they fail instead, so a green CI
always means they ran.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import pytest

from sitrep.models import Actor, Article, Document, Event, Mention, Range
from sitrep.store import open_store
from sitrep.store.migrations import latest_version
from sitrep.web.local import free_port


# ---------------------------------------------------------------- a throwaway PostgreSQL server

def _pg_bindir() -> str | None:
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    dirs = [d for d in dirs if os.path.exists(os.path.join(d, "initdb"))]
    if dirs:
        return dirs[-1]
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _install_postgres() -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, env=env,
                   capture_output=True)


def _cannot(reason: str):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a fresh cluster's `postgres` database; stopped and removed at the end.
    SITREP_TEST_POSTGRES_URL points the tests at an existing server instead."""
    given = os.environ.get("SITREP_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    root = os.geteuid() == 0
    bindir = _pg_bindir()
    if bindir is None:
        if not root:
            _cannot("PostgreSQL is not installed and installing it needs root")
        try:
            _install_postgres()
        except (OSError, subprocess.CalledProcessError) as exc:
            _cannot(f"apt-get install postgresql failed: {exc}")
        bindir = _pg_bindir()
        if bindir is None:
            _cannot("PostgreSQL installed but initdb not found")
    # root cannot run postgres: the cluster belongs to the `postgres` user the package creates.
    # Not under pytest's tmp_path: its parents are 0700 root, which that user cannot traverse.
    tmp = tempfile.mkdtemp(prefix="sitrep-pg-")
    as_user = ["runuser", "-u", "postgres", "--"] if root else []
    if root:
        shutil.chown(tmp, "postgres")
    data, log, port = os.path.join(tmp, "data"), os.path.join(tmp, "server.log"), free_port()
    # durability off: these databases live for one test session
    opts = (f"-k {tmp} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off")
    try:
        subprocess.run(as_user + [f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust",
                                  "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60",
                                  "-o", opts, "start"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(tmp, ignore_errors=True)
        _cannot(f"cannot start a PostgreSQL server: {exc} {detail.decode(errors='replace')[-500:]}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_user + [f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture()
def postgres_url(postgres_server):
    """A new, empty database on the session's server for each test."""
    import psycopg
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        # name made here, not from input; a linguistic default collation where the server
        # has ICU, as many real servers have, so the tests see what byte order would hide
        try:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                         "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
        except psycopg.Error:
            conn.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture()
def store(store_url):
    s = open_store(store_url)
    s.migrate()
    yield s
    s.close()


# ---------------------------------------------------------------- records

def _doc(i, sha="x"):
    return Document(doc_id=f"d{i}", key=f"f{i}.txt", source=f"/in/f{i}.txt", status="ok", sha256=sha)


def _art(i, text="body"):
    return Article(article_id=f"d{i}:0", doc_id=f"d{i}", document=f"f{i}.txt", index=0,
                   title="T", text=text, content_hash=f"h{i}")


def _mention(i, n=0):
    return Mention(mention_id=f"d{i}:0:0:{n}", article_id=f"d{i}:0", document=f"f{i}.txt",
                   article_index=0, sentence="Gunmen killed 3 (100%?) people.", start=0, end=31,
                   trigger="killed", event_type="Violence against civilians",
                   sub_event_type="Attack", cameo="180", goldstein=-9.0, date="2024-01-16")


# ---------------------------------------------------------------- behaviour on both backends

def test_migrate_is_idempotent_and_creates_every_table(store):
    assert store.migrate() == latest_version()
    assert store.schema_version() == latest_version()
    for table in ("documents", "articles", "mentions", "events", "claims", "links", "runs",
                  "schema_migrations"):
        assert store._has_table(table), table
    assert not store._has_table("no_such_table")


def test_put_document_replaces_previous_version(store):
    with store.transaction():
        store.put_document(_doc(1), [_art(1)], [_mention(1, 0), _mention(1, 1)])
    with store.transaction():
        store.put_document(_doc(1, sha="y"), [_art(1, "new body")], [_mention(1, 0)])
    counts = store.counts()
    assert (counts["documents"], counts["articles"], counts["mentions"]) == (1, 1, 1)
    doc, processed = store.get_document("d1")
    assert doc.sha256 == "y" and processed
    assert store.articles()[0].text == "new body"
    assert store.mentions() == [_mention(1, 0)]   # '%' and '?' inside values survive


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_document(_doc(2), [_art(2)], [_mention(2)])
            raise RuntimeError("crash")
    assert store.counts()["documents"] == 0 and store.counts()["articles"] == 0
    with store.transaction():   # the connection is usable afterwards
        store.put_document(_doc(3), [_art(3)])
    assert store.counts()["documents"] == 1


def test_lookups_by_sha_and_hash(store):
    with store.transaction():
        store.put_document(_doc(1, sha="same"), [_art(1)])
        store.put_document(_doc(2, sha="same"), [_art(2)])
    assert store.find_by_sha("same", exclude_doc="d2") == "d1"
    assert store.find_by_sha("other") is None
    assert store.article_hashes() == {"h1": "d1:0", "h2": "d2:0"}


def test_events_round_trip_filters_and_prefix_lookup(store):
    ev1 = Event("abc_def123", "2024-01-16", 1, "Battles", "Armed clash", "190", -10.0,
                Actor("A", "PAK", "state_forces"), Actor("B"), fatalities=Range(1, 2, 3))
    ev2 = Event("abcxdef999", "2024-01-17", 1, None, None, "041", 1.0, Actor("C"), None)
    with store.transaction():
        store.replace_events([ev1, ev2])
    assert store.events() == [ev1, ev2]
    assert store.events("cameo = ?", ["190"]) == [ev1]
    assert store.events(limit=1, offset=1) == [ev2]
    assert store.event("abc_") == ev1          # '_' is a literal, not a wildcard
    assert store.event("abc") is None          # ambiguous prefix
    assert store.event("abc%") is None and store.event("zzz") is None
    with store.transaction():
        assert store.replace_events([ev2]) == 1
    assert store.events() == [ev2]


def test_text_sorts_the_same_on_both_backends(store):
    """Byte order, as SQLite sorts: listings and exports do not depend on the backend."""
    names = ["/in/B.txt", "/in/a.txt", "/in/_x.txt", "/in/A.txt", "/in/é.txt"]
    with store.transaction():
        for i, src in enumerate(names):
            store.put_document(Document(doc_id=f"d{i}", key=src, source=src, status="ok"))
    assert [d.source for d in store.documents()] == sorted(names)


def test_runs_are_recorded(store):
    store.start_run("r1", {"paths": ["x"]})
    store.finish_run("r1", "ok", {"documents": 1})
    assert store.query("SELECT status FROM runs WHERE run_id = ?", ("r1",)) == [("ok",)]


def test_readonly_store_refuses_writes(store_url):
    open_store(store_url).migrate()
    ro = open_store(store_url, readonly=True)
    with pytest.raises(Exception):
        with ro.transaction():
            pass
    with pytest.raises(Exception):   # the server/driver refuses too, not just the class
        ro.execute("DELETE FROM documents")
    ro.close()


def test_concurrent_writers_lose_nothing(store_url):
    """Four writers with their own connections, each storing 40 documents (half of them
    ids the others also write), all at once: every row lands, no writer fails."""
    open_store(store_url).migrate()
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def writer(w: int):
        try:
            s = open_store(store_url)
            s.migrate()
            start.wait()
            for i in range(40):
                n = w * 1000 + i if i % 2 else i   # even i: the same doc ids in every writer
                with s.transaction():
                    s.put_document(_doc(n), [_art(n)], [_mention(n, 0), _mention(n, 1)])
            s.close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    counts = open_store(store_url).counts()
    assert counts["documents"] == 20 + 4 * 20
    assert counts["articles"] == counts["documents"]
    assert counts["mentions"] == 2 * counts["documents"]


@pytest.mark.slow
def test_two_analyze_processes_into_one_store(store_url, tmp_path):
    """Two `sitrep analyze` processes on different folders, started together: both finish,
    every document is stored once, and the last fusion saw them all."""
    folders = []
    for p in range(2):
        folder = tmp_path / f"in{p}"
        folder.mkdir()
        for i in range(6):
            (folder / f"r{p}_{i}.txt").write_text(
                f"Report {p}-{i}\n\nPolice said gunmen attacked a checkpoint in town {i} on "
                f"Monday, killing {i + 1} officers, in an attack claimed by no group. " * 3)
        folders.append(folder)
    cmd = [sys.executable, "-c", "from sitrep.cli import main; main()", "analyze", "--quiet", "--db", store_url]
    procs = [subprocess.Popen(cmd + [str(f)], stderr=subprocess.PIPE, text=True) for f in folders]
    deadline = time.monotonic() + 300
    for proc in procs:
        _, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
        assert proc.returncode == 0, err
    s = open_store(store_url, readonly=True)
    assert len(s.documents()) == 12
    runs = s.query("SELECT status FROM runs")
    assert sorted(r[0] for r in runs) == ["ok", "ok"]
    # one fusion ran after both writers were done with their documents
    assert s.counts()["events"] == len(s.events())
    s.close()


def test_fusion_streams_from_the_store_to_the_events_of_fusing_everything(store):
    """Fusion reads mentions in date order a fetch at a time (a server-side cursor on
    PostgreSQL, the publication day read from the JSON), looks up the events it wrote in the
    same transaction and the copies of their articles: the events are those of fusing all
    mentions at once."""
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "unit"))
    from test_fuse_stream import odd_mentions, put_all

    from sitrep.fuse import fuse, with_copies
    from sitrep.fuse.stream import fuse_store
    put_all(store, odd_mentions(), copies=[("mirror.txt", "a.txt:0")])
    expected = with_copies(fuse(store.mentions()), store.copies())
    with store.transaction():
        store.lock_events()
        assert fuse_store(store, fetch_size=2) == len(expected)
    assert {e.event_id: e for e in store.events()} == {e.event_id: e for e in expected}
    ids = [m.mention_id for m in store.iter_mentions("day", fetch_size=2)]
    assert len(ids) == 5                                # "2024-01-10" < "2024-01-16" < ...
    assert [i.split(":")[0] for i in ids[:2]] == ["c.txt", "a.txt"]
    ids = [m.mention_id for m in store.iter_mentions("month", fetch_size=2)]
    assert [i.split(":")[0] for i in ids] == ["e.txt", "d.txt"]      # "2024" < "2024-03"
    undated = [m.mention_id for m in store.iter_mentions("undated", fetch_size=2)]
    # by publication day; b.txt's report has none: fusion reads it apart (mentions_where)
    assert [i.split(":")[0] for i in undated] == ["c.txt"]
