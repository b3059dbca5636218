"""GeoJSON: a FeatureCollection with one Point feature per event that has coordinates.

Each feature's `properties` is the event's export record (the JSONL contract's fields, nested
objects included); `id` is the event id. Events without coordinates are left out (a GeoJSON
feature with a null geometry loads badly in most GIS tools).
"""
from __future__ import annotations

import json

from sitrep.export.common import category, open_text, record, select
from sitrep.models import Event


def feature(ev: Event) -> dict | None:
    p = ev.place
    if p is None or p.latitude is None or p.longitude is None:
        return None
    props = record(ev)
    props["category"] = category(ev)
    return {"type": "Feature", "id": ev.event_id,
            "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
            "properties": props}


def collection(events) -> dict:
    features = [f for f in (feature(ev) for ev in events) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(store, output: str, **filters) -> int:
    data = collection(select(store, **filters))
    with open_text(output) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(data["features"])
