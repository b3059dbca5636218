"""Start `sitrep serve` in a child process on a free loopback port and wait until it answers.

Used by the load-test script and the tests that drive the app over real HTTP (browser,
reliability); the server is stopped (by its own pid only) when the block ends."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import IO, Iterator, Sequence


class ServeError(RuntimeError):
    """The server exited or did not answer in time."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except (OSError, urllib.error.URLError):
        return False


@contextlib.contextmanager
def running_server(db: str | os.PathLike, *, startup_cap: float = 120, log: IO | None = None,
                   env: dict[str, str] | None = None,
                   command: Sequence[str] | None = None) -> Iterator[str]:
    """Yield the base URL of `sitrep serve --db DB` once `/openapi.json` answers.

    `log` receives the server's output (default: discarded); `command` replaces the
    `sitrep` executable (default: this interpreter running sitrep's CLI)."""
    port = free_port()
    cmd = list(command or [sys.executable, "-c", "from sitrep.cli import main; main()"])
    proc = subprocess.Popen([*cmd, "serve", "--db", os.fspath(db), "--host", "127.0.0.1",
                             "--port", str(port)],
                            stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_cap
        while not _answers(base + "/openapi.json"):
            if proc.poll() is not None:
                raise ServeError(f"sitrep serve exited with status {proc.returncode}")
            if time.monotonic() > deadline:
                raise ServeError(f"sitrep serve did not answer on {base} within {startup_cap:.0f}s")
            time.sleep(0.2)
        yield base
    finally:
        stop_process(proc)
