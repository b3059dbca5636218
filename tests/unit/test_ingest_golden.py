"""Golden tests: ingest of the hand-written inputs in tests/golden/ingest/inputs must match
tests/golden/ingest/expected (regenerate with `python scripts/update_golden.py ingest` and
review the diff)."""
from __future__ import annotations

import importlib.util
import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "ingest"


def _script():
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "scripts" / "update_golden.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def snapshot():
    return _script().ingest_snapshot(GOLDEN / "inputs")


def _expected_names():
    return sorted(p.name[:-5] for p in (GOLDEN / "expected").glob("*.json"))


def test_every_input_has_a_golden_file(snapshot):
    assert sorted(snapshot) == _expected_names()


@pytest.mark.parametrize("name", _expected_names())
def test_golden(snapshot, name):
    expected = json.loads((GOLDEN / "expected" / f"{name}.json").read_text("utf-8"))
    assert snapshot[name] == expected, f"ingest of {name} changed; rerun scripts/update_golden.py ingest"


def test_golden_covers_the_statuses_and_signals(snapshot):
    # the fixture set is meant to exercise these; guard against a fixture silently changing
    docs = [d for docs in snapshot.values() for d in docs]
    statuses = {d["status"] for d in docs}
    assert {"ok", "empty", "unreadable", "not_text", "duplicate"} <= statuses
    hows = {a["published_how"] for d in docs for a in d["articles"]}
    assert {"dateline", "meta", "record", "feed", "inferred", "none"} <= hows
    assert len(snapshot["teaser_page.txt"][0]["articles"]) == 3      # repeated-headline split
    assert len(snapshot["stamp_page.txt"][0]["articles"]) == 2       # blank line + stamp split
