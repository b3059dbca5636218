"""Expand the paths given on the command line into input files, accounting for each one.

Files are taken as given; folders are walked recursively in sorted order (so runs are
repeatable); globs are expanded (`**` included). A path that does not exist, a glob that
matches nothing and a folder that cannot be listed each come back as an error entry, so they
get a document row like any other input.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import Iterator, Sequence

from sitrep.models import DOC_MISSING, DOC_UNREADABLE

_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Found:
    path: str
    status: str | None = None     # set for inputs that cannot even be opened
    reason: str = ""


def _walk(folder: str) -> Iterator[Found]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames.sort()
        for f in sorted(filenames):
            yield Found(os.path.join(dirpath, f))
        while errors:
            yield _error(errors.pop(0))
    while errors:
        yield _error(errors.pop(0))


def _error(exc: OSError) -> Found:
    path = exc.filename or "?"
    if isinstance(exc, PermissionError):
        return Found(path, DOC_UNREADABLE, "folder cannot be read: permission denied")
    return Found(path, DOC_UNREADABLE, f"folder cannot be read: {exc.strerror or exc}")


def expand(paths: Sequence[str]) -> Iterator[Found]:
    """Every input under `paths`, each absolute path once, in a stable order."""
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            found = _walk(given)
        elif os.path.lexists(given):
            found = iter([Found(given)])
        elif _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                found = iter([Found(given, DOC_MISSING, "no file matches this pattern")])
            else:
                found = (f for m in matches
                         for f in (_walk(m) if os.path.isdir(m) else [Found(m)]))
        else:
            found = iter([Found(given, DOC_MISSING, "no such file or folder")])
        for item in found:
            key = os.path.abspath(item.path)
            if key in seen:
                continue
            seen.add(key)
            yield item
