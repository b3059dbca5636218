"""Shared fixtures. Tests that need ../shared skip with a reason where it is absent;
tests that need the spaCy model are marked `model`."""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run ("make test" passes or fails because of
# the code, never because of the draw); `pytest --hypothesis-profile explore` draws new ones,
# more of them, for hunting bugs. A failure found that way becomes a plain test of its own.
settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)
settings.load_profile("default")

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


@pytest.fixture(scope="session")
def extractor(nlp):
    from sitrep.extract import Extractor
    return Extractor(None, nlp=nlp)


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


# ---------------------------------------------------------------- browser (one per session)
# Shared by tests/browser and tests/reliability: Playwright's sync API allows one running
# instance per process, so every browser test takes this fixture.
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


def _install_chromium() -> str | None:
    """None when Chromium is there (after installing it if needed), else why not."""
    if os.path.exists(CHROMIUM):
        return None
    if not shutil.which("apt-get"):
        return f"{CHROMIUM} missing and no apt-get to install it"
    if os.geteuid() != 0:
        return f"{CHROMIUM} missing; installing it needs root (apt-get install chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"],
                ["apt-get", "install", "-y", "--no-install-recommends", "chromium",
                 "chromium-driver"]):
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{' '.join(cmd)} failed: {exc}"
        if done.returncode != 0:
            return f"{' '.join(cmd)} failed: {(done.stderr or done.stdout)[-300:]}"
    return None if os.path.exists(CHROMIUM) else f"{CHROMIUM} still missing after apt-get"


@pytest.fixture(scope="session")
def browser():
    reason = _install_chromium()
    if reason:
        _unavailable(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (Python) is not installed: pip install 'sitrep[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
