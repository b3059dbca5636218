"""Concurrency: `sitrep serve` keeps answering while `sitrep analyze` writes to the same
SQLite store (WAL), and a small bounded load test against it sees no errors.

No timing is asserted: a slow answer passes, an error or a refused request fails.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

import pytest

from reliability_corpus import as_text, short_report
from reliability_helpers import (SITREP, assert_store_consistent, get_routes, run_sitrep,
                                 serving, sitrep_env)

ROOT = pathlib.Path(__file__).resolve().parents[2]
POLL_CAP = 600       # seconds: stop polling if analyze never ends (then the test fails)


def _seed_db(tmp_path) -> pathlib.Path:
    """A store with a few documents, so the server has something to serve from the start."""
    seed = tmp_path / "seed"
    seed.mkdir()
    for name in ("quetta", "gwadar", "kech"):
        (seed / f"{name}.txt").write_text(as_text(name))
    db = tmp_path / "events.db"
    proc = run_sitrep("analyze", str(seed), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return db


@pytest.mark.slow
@pytest.mark.model
def test_serve_answers_while_analyze_writes(tmp_path, need_serve):
    import httpx

    db = _seed_db(tmp_path)
    corpus = tmp_path / "more"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"r{i:04d}.txt").write_text(short_report(1000 + i))

    with serving(db) as base:
        # Every GET route that answers before the write starts must keep answering during it
        # (a route can be 404 by design, e.g. /basemap.json without the optional asset).
        routes = [r for r in get_routes(base) if httpx.get(base + r, timeout=60).status_code == 200]
        assert {"/events", "/events.json"} <= set(routes), routes
        event_ids = [e["event_id"] if "event_id" in e else e.get("id")
                     for e in httpx.get(base + "/events.json", timeout=60).json()["events"]]
        routes += [f"/events/{i}" for i in event_ids[:2] if i]
        log = open(tmp_path / "analyze.log", "w")
        writer = subprocess.Popen([SITREP, "analyze", str(corpus), "--db", str(db), "--quiet",
                                   "--batch-size", "8"], stdout=log, stderr=subprocess.STDOUT,
                                  env=sitrep_env())
        answers: list[tuple[str, int]] = []
        during = 0
        try:
            deadline = time.monotonic() + POLL_CAP
            with httpx.Client(base_url=base, timeout=60) as http:
                while True:
                    running = writer.poll() is None
                    for route in routes:
                        answers.append((route, http.get(route).status_code))
                    during += running
                    if not running or time.monotonic() > deadline:
                        break
                # One more round after the writer finished: the new data is served.
                for route in routes:
                    answers.append((route, http.get(route).status_code))
        finally:
            if writer.poll() is None:
                writer.kill()
            writer.wait()
            log.close()
        assert writer.returncode == 0, (tmp_path / "analyze.log").read_text()[-2000:]
        failures = [a for a in answers if a[1] != 200]
        assert not failures, f"{len(failures)} of {len(answers)} requests failed: {failures[:10]}"
        assert during >= 1, "no request was made while analyze was writing"
    assert_store_consistent(db)


@pytest.mark.slow
@pytest.mark.model
def test_small_load_test_has_no_errors(tmp_path, need_serve):
    db = _seed_db(tmp_path)
    out = tmp_path / "load.json"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "loadtest.py"), "--db", str(db),
                           "--clients", "8", "--requests", "400", "--max-seconds", "120",
                           "--json", str(out)], capture_output=True, text=True, timeout=600,
                          env=sitrep_env())
    assert out.exists(), proc.stdout + proc.stderr
    result = json.loads(out.read_text())
    assert result["errors"] == 0, result["error_kinds"]
    assert result["completed"] > 0
    assert proc.returncode == 0, proc.stdout + proc.stderr
