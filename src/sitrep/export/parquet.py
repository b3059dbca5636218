"""Parquet (needs `sitrep[parquet]`): one row per event.

Scalar fields are typed columns (actors flattened to `actor1_name`, `actor1_country`, ...,
fatalities and injuries to `_low`/`_best`/`_high`); the nested lists (`associated_actors`,
`sources`, `links`, `disputes`) are JSON text columns, since their shapes vary from event to
event and every Parquet reader can parse JSON.
"""
from __future__ import annotations

import json

from sitrep.errors import require
from sitrep.export.common import category, record, select

NESTED = ("associated_actors", "sources", "links", "disputes")
_SCALARS = [("id", "string"), ("date", "string"), ("date_precision", "int32"),
            ("event_type", "string"), ("sub_event_type", "string"), ("category", "string"),
            ("cameo", "string"), ("goldstein", "float64")]
_ACTOR = [("name", "string"), ("country", "string"), ("type", "string")]
_PLACE = [("country", "string"), ("iso3", "string"), ("admin1", "string"), ("admin2", "string"),
          ("location", "string"), ("latitude", "float64"), ("longitude", "float64"),
          ("geo_precision", "int32")]
_RANGES = ("fatalities", "injuries")


def flat(rec: dict) -> dict:
    """An export record as one flat row (the inverse is `unflat`)."""
    out = {k: rec.get(k) for k, _ in _SCALARS + _PLACE}
    for side in ("actor1", "actor2"):
        actor = rec.get(side) or {}
        for k, _ in _ACTOR:
            out[f"{side}_{k}"] = actor.get(k)
    for r in _RANGES:
        rng = rec.get(r) or {}
        for k in ("low", "best", "high"):
            out[f"{r}_{k}"] = rng.get(k)
    for k in NESTED:
        out[k] = json.dumps(rec.get(k) or [], ensure_ascii=False)
    out["summary"] = rec.get("summary")
    return out


def unflat(row: dict) -> dict:
    rec = {k: row.get(k) for k, _ in _SCALARS + _PLACE}
    rec.pop("category", None)
    for side in ("actor1", "actor2"):
        vals = {k: row.get(f"{side}_{k}") for k, _ in _ACTOR}
        rec[side] = vals if any(v is not None for v in vals.values()) else None
    for r in _RANGES:
        rec[r] = {k: row.get(f"{r}_{k}") for k in ("low", "best", "high")}
    for k in NESTED:
        rec[k] = json.loads(row[k]) if row.get(k) else []
    rec["summary"] = row.get("summary")
    return rec


def schema():
    pa = require("pyarrow", "Parquet export", "parquet")
    fields = [(k, t) for k, t in _SCALARS + _PLACE]
    fields += [(f"{s}_{k}", t) for s in ("actor1", "actor2") for k, t in _ACTOR]
    fields += [(f"{r}_{k}", "int64") for r in _RANGES for k in ("low", "best", "high")]
    fields += [(k, "string") for k in NESTED] + [("summary", "string")]
    return pa.schema([(k, getattr(pa, t)()) for k, t in fields])


def write_parquet(store, output: str, **filters) -> int:
    pa = require("pyarrow", "Parquet export", "parquet")
    pq = require("pyarrow.parquet", "Parquet export", "parquet")
    rows = []
    for ev in select(store, **filters):
        rec = record(ev)
        rec["category"] = category(ev)
        rows.append(flat(rec))
    table = pa.Table.from_pylist(rows, schema=schema())
    if output == "-":
        raise ValueError("Parquet is binary: give a file name, not '-'")
    pq.write_table(table, output, compression="zstd")
    return len(rows)
