"""Crash safety: `sitrep analyze` killed with SIGKILL mid-run leaves a consistent store, and a
re-run finishes the work with no duplicates and the same result as one clean run.

The corpus is many short generated text files, so the test does not depend on how well
extraction works: it compares the killed-and-resumed store with a clean one, row for row.
"""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from reliability_corpus import short_report
from reliability_helpers import (SITREP, assert_store_consistent, db_query, run_sitrep,
                                 sitrep_env)

N_DOCS = 1200
KILL_AFTER = 40          # documents stored before the kill
WAIT_CAP = 600           # seconds to wait for the first documents (a cap, not an assertion)


def _write_corpus(folder, n: int = N_DOCS) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"report-{i:05d}.txt").write_text(short_report(i))


def _n_documents(db) -> int:
    try:
        return db_query(db, "SELECT COUNT(*) FROM documents")[0][0]
    except sqlite3.Error:        # not created or not migrated yet
        return 0


def _snapshot(db) -> dict:
    q = lambda sql: sorted(db_query(db, sql))  # noqa: E731
    return {
        "documents": q("SELECT doc_id, key, status, sha256, duplicate_of, n_articles, processed "
                       "FROM documents"),
        "articles": q("SELECT article_id, doc_id, status, duplicate_of, content_hash, n_chars "
                      "FROM articles"),
        "mentions": q("SELECT mention_id, article_id, event_type, date FROM mentions"),
        "events": q("SELECT event_id, date, event_type, n_sources FROM events"),
        "claims": q("SELECT event_id, mention_id FROM claims"),
    }


def _default_sigint() -> None:
    """In the child before it starts: SIGINT's default action. A shell's background job (and
    some CI runners) starts with SIGINT ignored, Python then keeps it ignored, and the
    interrupt tests would see the run go on to the end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_mid_run(corpus, db, sig, log_path) -> subprocess.Popen:
    """Start analyze, wait until KILL_AFTER documents are stored, send `sig`, wait for exit."""
    log = open(log_path, "w")
    proc = subprocess.Popen([SITREP, "analyze", str(corpus), "--db", str(db), "--quiet",
                             "--batch-size", "8"], stdout=log, stderr=subprocess.STDOUT,
                            env=sitrep_env(), preexec_fn=_default_sigint)
    try:
        deadline = time.monotonic() + WAIT_CAP
        while _n_documents(db) < KILL_AFTER:
            assert proc.poll() is None, "analyze ended before it could be stopped " \
                                        f"(exit {proc.returncode}); see {log_path}"
            assert time.monotonic() < deadline, "no documents stored within the wait cap"
            time.sleep(0.05)
        proc.send_signal(sig)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    return proc


@pytest.mark.slow
@pytest.mark.model
def test_sigkill_mid_run_then_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    db = tmp_path / "killed.db"
    proc = _signal_mid_run(corpus, db, signal.SIGKILL, tmp_path / "killed.log")
    assert proc.returncode == -signal.SIGKILL, "the run finished before the kill landed"

    killed = _n_documents(db)
    assert KILL_AFTER <= killed < N_DOCS, f"{killed} documents stored before the kill"
    assert_store_consistent(db)

    assert db_query(db, "SELECT status FROM runs") == [("running",)]  # it could not say
    resumed = run_sitrep("analyze", str(corpus), "--db", str(db), "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "Traceback" not in resumed.stderr
    assert_store_consistent(db)
    # the re-run found the killed run's process gone and said so
    assert sorted(db_query(db, "SELECT status FROM runs")) == [("interrupted",), ("ok",)]

    clean_db = tmp_path / "clean.db"
    clean = run_sitrep("analyze", str(corpus), "--db", str(clean_db), "--quiet")
    assert clean.returncode == 0, clean.stderr[-3000:]

    got, want = _snapshot(db), _snapshot(clean_db)
    assert len(got["documents"]) == N_DOCS
    assert not [d for d in got["documents"] if d[2] == "duplicate"], \
        "documents of the killed run were stored twice"
    for table in want:
        assert got[table] == want[table], f"{table} differ from a clean run"

    # A third run over the same input changes nothing.
    again = run_sitrep("analyze", str(corpus), "--db", str(db), "--quiet")
    assert again.returncode == 0, again.stderr[-3000:]
    assert _snapshot(db) == want


@pytest.mark.slow
@pytest.mark.model
def test_ctrl_c_mid_run_is_one_line_and_resumable(tmp_path):
    """SIGINT (Ctrl-C): exit 130 with one line and no traceback; the store stays consistent
    and a re-run finishes the work."""
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)     # as many as the SIGKILL test: 300 could all be stored before
                              # the signal landed once analysis got faster
    db = tmp_path / "interrupted.db"
    log = tmp_path / "interrupted.log"
    proc = _signal_mid_run(corpus, db, signal.SIGINT, log)
    output = log.read_text()
    assert proc.returncode == 130, output[-2000:]
    assert "Traceback" not in output
    assert [ln for ln in output.splitlines() if ln.strip()] in (["sitrep: aborted"],
                                                                ["sitrep: interrupted"]), output
    assert _n_documents(db) < N_DOCS
    assert_store_consistent(db)
    resumed = run_sitrep("analyze", str(corpus), "--db", str(db), "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert_store_consistent(db)
    assert db_query(db, "SELECT COUNT(*), COUNT(DISTINCT sha256) FROM documents WHERE "
                        "status = 'ok'") == [(N_DOCS, N_DOCS)]


def _interrupt_group(cmd, log_path, *, after_docs: int | None, db, delay: float = 0.0) -> subprocess.Popen:
    """Start `cmd` in a process group of its own and send SIGINT to the whole group, as Ctrl-C
    in a terminal does (the parent, the fork server and the workers all get it): `after_docs`
    documents stored, or `delay` seconds after the start."""
    import os
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=sitrep_env(),
                            start_new_session=True, preexec_fn=_default_sigint)
    try:
        deadline = time.monotonic() + WAIT_CAP
        if after_docs is None:
            time.sleep(delay)
        while after_docs is not None and _n_documents(db) < after_docs:
            assert proc.poll() is None, f"analyze ended before it could be stopped; see {log_path}"
            assert time.monotonic() < deadline, "no documents stored within the wait cap"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=60)       # a hang here is the failure this guards against
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    return proc


def _group_gone(pgid: int, wait: float = 10.0) -> bool:
    import os
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.model
def test_ctrl_c_to_every_process_of_a_parallel_run(tmp_path):
    """Ctrl-C reaches the `-j 2` parent, its fork server and its workers at once: the run
    ends with one line and exit 130, leaves no process behind and a consistent store, and a
    re-run finishes the work. Once while the fork server loads the pipeline, once mid-run."""
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 600)
    db = tmp_path / "parallel.db"
    cmd = [SITREP, "analyze", str(corpus), "--db", str(db), "--quiet", "-j", "2", "--batch-size", "8"]
    for when in ({"after_docs": None, "delay": 0.4}, {"after_docs": KILL_AFTER}):
        log = tmp_path / "interrupted.log"
        proc = _interrupt_group(cmd, log, db=db, **when)
        output = log.read_text()
        assert proc.returncode == 130, output[-2000:]
        assert "Traceback" not in output, output[-3000:]
        assert [ln for ln in output.splitlines() if ln.strip()] in (["sitrep: aborted"],
                                                                    ["sitrep: interrupted"]), output
        assert _group_gone(proc.pid), "a process of the interrupted run is still alive"
        assert _n_documents(db) < 600
        assert_store_consistent(db)
    resumed = run_sitrep("analyze", str(corpus), "--db", str(db), "--quiet", "-j", "2")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert_store_consistent(db)
    assert db_query(db, "SELECT COUNT(*), COUNT(DISTINCT sha256) FROM documents WHERE "
                        "status = 'ok'") == [(600, 600)]
