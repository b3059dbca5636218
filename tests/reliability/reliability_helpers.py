"""Helpers for the reliability tests: run the real `sitrep` command in a subprocess, start
`sitrep serve` on a free loopback port, and check a store for consistency.

These tests treat sitrep as a black box wherever they can (the CLI and HTTP), so they hold
whichever way each stage is implemented.
"""
from __future__ import annotations

import contextlib
import os
import pathlib
import sqlite3
import subprocess
import sys
from typing import Iterator

import pytest

# The console script installed next to the interpreter running the tests (the venv's).
SITREP = str(pathlib.Path(sys.executable).with_name("sitrep"))

# Upper bound for one CLI call; a hang is reported as a failure instead of stalling CI.
CLI_TIMEOUT = 600


def sitrep_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "COLUMNS": "200"})
    env.pop("SITREP_DB", None)
    env.update(extra)
    return env


def run_sitrep(*args: str, prefix: tuple[str, ...] = (), timeout: int = CLI_TIMEOUT,
               **kwargs) -> subprocess.CompletedProcess:
    """Run `sitrep ARGS...` to completion, capturing text output."""
    return subprocess.run([*prefix, SITREP, *args], capture_output=True, text=True,
                          errors="replace", timeout=timeout, env=sitrep_env(), **kwargs)


def has_command(name: str) -> bool:
    """Whether `sitrep NAME --help` exists (a stage not built yet is skipped, not failed)."""
    proc = run_sitrep(name, "--help", timeout=120)
    return proc.returncode == 0


def db_query(db: str | os.PathLike, sql: str, params: tuple = ()) -> list[tuple]:
    """Read a store with a separate read-only connection (as another process would)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def assert_store_consistent(db: str | os.PathLike) -> None:
    """The invariants a killed or concurrent run must never break."""
    assert db_query(db, "PRAGMA integrity_check") == [("ok",)]
    assert db_query(db, "PRAGMA foreign_key_check") == []
    orphans = db_query(db, "SELECT a.article_id FROM articles a LEFT JOIN documents d "
                           "ON d.doc_id = a.doc_id WHERE d.doc_id IS NULL")
    assert orphans == [], f"articles without a document: {orphans[:5]}"
    orphans = db_query(db, "SELECT m.mention_id FROM mentions m LEFT JOIN articles a "
                           "ON a.article_id = m.article_id WHERE a.article_id IS NULL")
    assert orphans == [], f"mentions without an article: {orphans[:5]}"
    # A processed document has exactly the articles it says it has.
    short = db_query(db, "SELECT d.doc_id, d.n_articles, COUNT(a.article_id) FROM documents d "
                         "LEFT JOIN articles a ON a.doc_id = d.doc_id WHERE d.processed = 1 "
                         "GROUP BY d.doc_id HAVING COUNT(a.article_id) <> d.n_articles")
    assert short == [], f"documents whose articles are missing (doc, said, found): {short[:5]}"
    bad_ok = db_query(db, "SELECT doc_id FROM documents WHERE processed = 1 AND status = 'ok' "
                          "AND n_articles = 0")
    assert bad_ok == [], f"ok documents without articles: {bad_ok[:5]}"
    orphans = db_query(db, "SELECT c.event_id FROM claims c LEFT JOIN events e "
                           "ON e.event_id = c.event_id WHERE e.event_id IS NULL")
    assert orphans == [], f"claims without an event: {orphans[:5]}"


@contextlib.contextmanager
def serving(db: str | os.PathLike, startup_cap: float = 120) -> Iterator[str]:
    """`sitrep serve --db DB --port P` on 127.0.0.1; yields the base URL once it answers."""
    from sitrep.web.local import ServeError, running_server

    with open(os.path.join(os.path.dirname(os.fspath(db)), "serve.log"), "a+") as log:
        try:
            with running_server(db, startup_cap=startup_cap, log=log, env=sitrep_env(),
                                command=[SITREP]) as base:
                yield base
        except ServeError as exc:
            log.seek(0)
            pytest.fail(f"{exc}:\n{log.read()[-2000:]}")


def get_routes(base: str) -> list[str]:
    """GET routes without path parameters, from the app's OpenAPI document."""
    import httpx

    spec = httpx.get(base + "/openapi.json", timeout=10).json()
    out = []
    for path, ops in spec.get("paths", {}).items():
        if "get" in ops and "{" not in path:
            out.append(path)
    return sorted(out)
