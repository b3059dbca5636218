"""A run killed outright stays `running` until a later run on the same host finds its process gone."""
import os
import socket
import subprocess
import sys

from sitrep.store import open_store, owner


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_this_process_is_not_gone():
    assert not owner.is_gone(owner.current())


def test_a_finished_process_is_gone():
    assert owner.is_gone(f"{socket.gethostname()}:{_dead_pid()}:1")


def test_a_recycled_pid_is_gone():
    # our own pid, but recorded with another start time: a different process had it
    assert owner.is_gone(f"{socket.gethostname()}:{os.getpid()}:0")


def test_other_hosts_and_unreadable_owners_are_left_alone():
    for value in (None, "", "nonsense", f"not-{socket.gethostname()}:{_dead_pid()}:1",
                  f"{socket.gethostname()}:abc:1"):
        assert not owner.is_gone(value)


def test_next_run_marks_dead_runs_interrupted_and_keeps_live_ones(tmp_path):
    s = open_store(str(tmp_path / "r.db"))
    s.migrate()
    with s.transaction():
        for run_id, who in (("dead", f"{socket.gethostname()}:{_dead_pid()}:1"),
                            ("elsewhere", "another-host:1:1"), ("alive", owner.current())):
            s.execute("INSERT INTO runs (run_id, started, status, owner) VALUES (?, ?, ?, ?)",
                      (run_id, "2026-01-01T00:00:00+00:00", "running", who))
    s.start_run("next", {})
    status = dict(s.query("SELECT run_id, status FROM runs"))
    assert status == {"dead": "interrupted", "elsewhere": "running", "alive": "running",
                      "next": "running"}
