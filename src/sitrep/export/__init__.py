"""7. Export: the store's records in the formats people load elsewhere.

`write(kind, fmt, store, output, **filters)` looks the writer up in WRITERS, a table of
"module:function" names so each format lives in its own small module and is imported only
when used (Parquet needs pyarrow, for instance). A writer is called as
`fn(store, output_path, **filters) -> int` (records written).
"""
from __future__ import annotations

import importlib

from sitrep.errors import UsageError

WRITERS: dict[tuple[str, str], str] = {
    ("articles", "jsonl"): "sitrep.export.articles:write_jsonl",
    ("articles", "csv"): "sitrep.export.articles:write_csv",
    ("events", "jsonl"): "sitrep.export.events_jsonl:write_jsonl",
    ("events", "csv"): "sitrep.export.csv_acled:write_csv",
    ("events", "csv-all"): "sitrep.export.csv_acled:write_csv_all",
    ("events", "geojson"): "sitrep.export.geojson:write_geojson",
    ("events", "parquet"): "sitrep.export.parquet:write_parquet",
}


def formats(kind: str) -> list[str]:
    return sorted(f for k, f in WRITERS if k == kind)


def check_output(output: str) -> None:
    """Make the output's folder, or refuse a path that cannot be written with one clear line."""
    import os
    from sitrep.errors import ExportError
    if output == "-":
        return
    if os.path.isdir(output):
        raise ExportError(f"{output} is a directory; give a file name for --output")
    parent = os.path.dirname(os.path.abspath(output))
    try:
        os.makedirs(parent, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror}") from exc


def write(kind: str, fmt: str, store, output: str, **filters) -> int:
    target = WRITERS.get((kind, fmt))
    if target is None:
        raise UsageError(f"cannot export {kind} as {fmt}; formats for {kind}: {', '.join(formats(kind))}")
    check_output(output)
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)(store, output, **filters)
