"""Browser fixtures: headless Chromium from Debian driven by Playwright for Python.

The `browser` fixture (tests/conftest.py) installs Debian's Chromium when it is missing.
`server` starts `sitrep serve` on a free loopback port and stops it afterwards.
"""
from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "fixtures"))
import sample_events  # noqa: E402

ARTIFACTS = pathlib.Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> pathlib.Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> str:
    from sitrep.store import open_store
    path = str(tmp_path_factory.mktemp("browser") / "sample.db")
    with open_store(path) as s:
        s.migrate()
        sample_events.fill(s)
    return path


@pytest.fixture(scope="session")
def server(sample_db, tmp_path_factory):
    pytest.importorskip("uvicorn")
    from sitrep.web.local import ServeError, running_server
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log_path, "w+") as log:
        try:
            with running_server(sample_db, startup_cap=60, log=log) as base:
                yield base
        except ServeError as exc:
            log.seek(0)
            pytest.fail(f"{exc}: {log.read()[-500:]}")
