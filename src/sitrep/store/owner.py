"""Which process owns a run, so a later run can tell a dead `running` row from a live one.

A run killed outright (SIGKILL, power loss) cannot record its own end. Its row names the
host, pid and the kernel's start time of that pid (so a recycled pid does not pass for it);
when a later run on the same host finds that process gone it marks the row `interrupted`.
Rows from other hosts (a shared PostgreSQL store) are left as they are: their liveness
cannot be checked from here."""
from __future__ import annotations

import os
import socket


def _start_ticks(pid: int) -> str:
    """Field 22 of /proc/PID/stat (start time since boot), or '' where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read().decode("ascii", "replace")
    except OSError:
        return ""
    # the command name (field 2) is in parentheses and may contain spaces
    return stat.rsplit(")", 1)[-1].split()[19]


def current() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_ticks(pid)}"


def is_gone(owner: str | None) -> bool:
    """True only when `owner` names a process on this host that no longer runs."""
    if not owner:
        return False
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    pid, ticks = int(parts[1]), parts[2]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # alive, owned by another user
    return bool(ticks) and _start_ticks(pid) not in ("", ticks)
