"""Accuracy gate: the shared scorer's figures must not drop below the pinned floors.

Runs the real pipeline (`sitrep analyze` + `sitrep export`) on the demo corpus and on a slice
of ACLED notes from ../shared (present in CI, absent on users' machines: skipped there), scores
them with ../shared/eval/score.py and compares with `tests/accuracy_floors.json`. The floors
are the figures measured when they were last raised, less a small margin for noise; raise
them when the pipeline improves, never lower them to make a change pass.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared, pytest.mark.slow]

FLOORS = json.loads((pathlib.Path(__file__).parents[1] / "accuracy_floors.json").read_text())
SITREP = [sys.executable, "-c", "import sys; from sitrep.cli import main; main(sys.argv[1:])"]


def _run(*args: str) -> None:
    res = subprocess.run([*SITREP, *args], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]


def _score(shared: pathlib.Path, *args: str) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), *args, "--json"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def _ratio(pair) -> float:
    hit, total = pair
    return hit / total if total else 1.0


@pytest.fixture(scope="module")
def corpus_score(shared_dir, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gate-corpus")
    db = str(tmp / "s.db")
    _run("analyze", str(shared_dir / "corpus" / "iran-pakistan-2024"), "--db", db, "--quiet")
    _run("export", "events", "--db", db, "--format", "jsonl", "--output", str(tmp / "events.jsonl"))
    _run("export", "articles", "--db", db, "--format", "jsonl", "--output", str(tmp / "articles.jsonl"))
    return _score(shared_dir, "corpus", "--gold", str(shared_dir / "eval" / "seeds.gold.yaml"),
                  "--events", str(tmp / "events.jsonl"), "--articles", str(tmp / "articles.jsonl"))


@pytest.fixture(scope="module")
def notes_score(shared_dir, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gate-notes")
    spec = FLOORS["notes"]
    gold, docs = tmp / "gold.jsonl", tmp / "notes.jsonl"
    n = 0
    with open(shared_dir / "data" / "acled-dev.jsonl", encoding="utf-8") as fh, \
            open(gold, "w", encoding="utf-8") as g, open(docs, "w", encoding="utf-8") as d:
        for line in fh:
            row = json.loads(line)
            if row["dataset"] != spec["dataset"]:
                continue
            g.write(line)
            d.write(json.dumps({"id": row["uid"], "text": row["notes"]}, ensure_ascii=False) + "\n")
            n += 1
            if n >= spec["limit"]:
                break
    db = str(tmp / "n.db")
    _run("analyze", str(docs), "--db", db, "--quiet")
    _run("export", "events", "--db", db, "--format", "jsonl", "--output", str(tmp / "events.jsonl"))
    return _score(shared_dir, "notes", "--gold", str(gold), "--events", str(tmp / "events.jsonl"))


def test_corpus_articles_meet_floors(corpus_score):
    for name, floor in FLOORS["corpus_articles"].items():
        assert _ratio(corpus_score["articles"][name]) >= floor, (name, corpus_score["articles"][name])


def test_corpus_events_meet_floors(corpus_score):
    spec = FLOORS["corpus_events"]
    assert corpus_score["f1"] >= spec["f1"], corpus_score["detail"]
    assert corpus_score["events"]["duplicates"] <= spec["max_duplicates"], corpus_score["detail"]["duplicates"]
    for name, floor in spec["attributes"].items():
        assert _ratio(corpus_score["attributes"][name]) >= floor, (name, corpus_score["attributes"][name])
    assert corpus_score["links"][0] >= spec["links"], corpus_score["links"]


def test_notes_meet_floors(notes_score):
    overall = notes_score["overall"]
    for name, floor in FLOORS["notes"]["fields"].items():
        assert _ratio(overall[name]) >= floor, (name, overall[name])
