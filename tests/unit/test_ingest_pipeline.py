"""Ingest through `sitrep analyze`: idempotent re-runs, new files add only themselves, and the
command line (missing paths, error lines, the articles table, the articles export)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

BODY = ("Gunmen attacked a police post on the edge of the town on Tuesday night, killing two "
        "officers and wounding a third, the provincial police chief said on Wednesday. "
        "Reinforcements were sent to the area and a search for the attackers was under way.")


class NoExtractor:
    """The extraction stage is not under test here (and loads a model); ingest is."""

    def __init__(self, settings):
        pass

    def extract(self, articles):
        return {}


@pytest.fixture(autouse=True)
def _no_extraction(monkeypatch):
    import sitrep.extract
    monkeypatch.setattr(sitrep.extract, "Extractor", NoExtractor)


def sitrep(*args):
    from sitrep.cli import _register, cli
    _register()
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def snapshot(db):
    con = sqlite3.connect(db)
    try:
        docs = con.execute("SELECT doc_id, status, reason, sha256, data FROM documents ORDER BY doc_id").fetchall()
        arts = con.execute("SELECT article_id, status, duplicate_of, data FROM articles ORDER BY article_id").fetchall()
    finally:
        con.close()
    return docs, arts


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Police post attacked on edge of town\n\nUpdated 4 March 2023\n\n" + BODY)
    (d / "b.txt").write_text("Police post attacked on edge of town\n\n" + BODY)   # exact copy of a's body
    (d / "empty.txt").write_text("")
    (d / "r.jsonl").write_text(json.dumps({"id": "r1", "text": BODY.replace("two", "three"),
                                           "title": "Record"}) + "\n{broken\n")
    return d


def test_rerun_changes_nothing_and_new_file_adds_only_itself(tmp_path, corpus):
    db = str(tmp_path / "s.db")
    first = sitrep("analyze", str(corpus), "--db", db, "--quiet")
    assert first.exit_code == 0, first.output
    before = snapshot(db)
    assert len(before[0]) == 5
    again = sitrep("analyze", str(corpus), "--db", db, "--quiet")
    assert again.exit_code == 0
    assert snapshot(db) == before
    (corpus / "c.txt").write_text("Aid convoy reaches besieged city after talks\n\n"
                                  "A convoy of twelve lorries carrying food and medical supplies reached a "
                                  "besieged city on Friday, the first to get through since fighting closed "
                                  "the main road in January, the United Nations said on Saturday.")
    sitrep("analyze", str(corpus), "--db", db, "--quiet")
    after = snapshot(db)
    assert set(before[0]) < set(after[0]) and len(after[0]) == len(before[0]) + 1
    assert set(before[1]) < set(after[1]) and len(after[1]) == len(before[1]) + 1


def test_missing_path_is_one_line_and_the_run_goes_on(tmp_path, corpus):
    db = str(tmp_path / "s.db")
    result = sitrep("analyze", str(tmp_path / "no-such-dir"), str(corpus), "--db", db, "--quiet")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "no-such-dir" in line]
    assert len(lines) == 1 and "missing" in lines[0]
    assert "Traceback" not in result.output
    statuses = [r[1] for r in snapshot(db)[0]]
    assert statuses.count("missing") == 1 and statuses.count("ok") == 2


def test_articles_table_and_exports(tmp_path, corpus):
    db = str(tmp_path / "s.db")
    sitrep("analyze", str(corpus), "--db", db, "--quiet")
    table = sitrep("articles", "--db", db)
    assert table.exit_code == 0
    out = table.output
    assert "status" in out and "Police post attacked on edge of town" in out and "2023-03-04" in out
    assert "duplicate" in out and "inputs without articles" in out and "empty file" in out
    assert "r.jsonl:2" in out and "broken JSON" in out

    jl = tmp_path / "a.jsonl"
    assert sitrep("export", "articles", "--db", db, "--format", "jsonl", "--output", str(jl)).exit_code == 0
    rows = [json.loads(line) for line in jl.read_text().splitlines()]
    assert {"document", "article", "title", "published", "outlet", "url", "status",
            "published_how", "published_inferred"} <= set(rows[0])
    by_doc = {r["document"]: r for r in rows}
    assert by_doc["a.txt"]["published"] == "2023-03-04" and by_doc["a.txt"]["published_how"] == "dateline"
    assert by_doc["b.txt"]["status"] == "duplicate" and by_doc["b.txt"]["duplicate_of"] == "a.txt#0"

    cv = tmp_path / "a.csv"
    assert sitrep("export", "articles", "--db", db, "--format", "csv", "--output", str(cv)).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(cv.read_text())))) == len(rows)


def test_errors_are_one_line_without_traceback(tmp_path):
    import subprocess
    import sys
    exe = [sys.executable, "-c", "import sys; from sitrep.cli import main; main(sys.argv[1:])"]
    r = subprocess.run(exe + ["articles", "--db", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert r.returncode != 0 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    db = str(tmp_path / "s.db")
    (tmp_path / "x.txt").write_text("Police post attacked on edge of town\n\n" + BODY)
    sitrep("analyze", str(tmp_path / "x.txt"), "--db", db, "--quiet")
    r = subprocess.run(exe + ["export", "articles", "--db", db, "--output", str(tmp_path / "x.txt" / "dir" / "f.jsonl")],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "Traceback" not in r.stderr and "cannot write" in r.stderr


def test_demo_corpus_shows_every_input(tmp_path, demo_dir):
    if not demo_dir.exists():
        pytest.skip("no demo corpus")
    db = str(tmp_path / "demo.db")
    work = tmp_path / "demo"
    shutil.copytree(demo_dir, work)
    assert sitrep("analyze", str(work), "--db", db, "--quiet").exit_code == 0
    docs, arts = snapshot(db)
    statuses = sorted(r[1] for r in docs)
    assert {"ok", "duplicate", "empty", "unreadable", "not_news"} <= set(statuses)
    assert sum(1 for r in arts if r[1] == "duplicate") >= 2           # exact copy + wire copy
