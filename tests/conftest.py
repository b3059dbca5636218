"""Shared fixtures. Tests that need ../shared skip with a reason where it is absent;
tests that need the spaCy model are marked `model`."""
from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"needs the shared evaluation material at {SHARED} (present in CI only)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import load_pipeline
    return load_pipeline()


@pytest.fixture()
def store(tmp_path):
    from sitrep.store import open_store
    s = open_store(str(tmp_path / "test.db"))
    s.migrate()
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_dir() -> pathlib.Path:
    return ROOT / "examples" / "demo"
