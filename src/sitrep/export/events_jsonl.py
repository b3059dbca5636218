"""`sitrep export events --format jsonl`: one contract record (export.records) per line."""
from __future__ import annotations

import contextlib
import json
import sys

from sitrep.errors import ExportError
from sitrep.export.records import event_record
from sitrep.export.selection import select_events


def write_jsonl(store, output: str, **filters) -> int:
    """Write the stored events (optionally filtered, see select_events) to `output` ('-' is
    stdout); return how many were written."""
    events = select_events(store, **filters)
    try:
        with (contextlib.nullcontext(sys.stdout) if output == "-"
              else open(output, "w", encoding="utf-8")) as fh:
            for ev in events:
                fh.write(json.dumps(event_record(ev), ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc}") from exc
    return len(events)
