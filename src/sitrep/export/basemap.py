"""The offline basemap: Natural Earth country borders from the `world-atlas` TopoJSON files
(fetched at install time by scripts/fetch_assets.py), decoded to GeoJSON here and cut down to
the countries around the events, so the report stays small and needs no network.

`basemap(events_bbox)` returns a GeoJSON FeatureCollection (or None when the asset is missing:
the report then says so and draws markers without borders).
"""
from __future__ import annotations

import functools
import json
import pathlib
from typing import Iterable

ASSETS = pathlib.Path(__file__).resolve().parent / "assets"
DETAILED = "countries-50m.json"
COARSE = "countries-110m.json"
MIN_SPAN = 16.0     # degrees: a view never narrower than this (a single event still shows context)
PAD = 0.35          # fraction of the span added around the events


@functools.lru_cache(maxsize=2)
def _topology(name: str) -> dict | None:
    path = ASSETS / name
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def available() -> bool:
    return (ASSETS / DETAILED).is_file() or (ASSETS / COARSE).is_file()


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat arcs (TopoJSON quantised arcs are delta-encoded)."""
    t = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if t:
            (sx, sy), (tx, ty) = t["scale"], t["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(p[0], p[1]) for p in arc]
        out.append(pts)
    return out


def _ring(indexes: Iterable[int], arcs) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts[1:] if ring else pts)
    # unwrap across the antimeridian so a ring never jumps from +180 to -180
    out: list[list[float]] = []
    shift = 0.0
    prev = None
    for lon, lat in ring:
        if prev is not None:
            if lon + shift - prev > 180:
                shift -= 360
            elif lon + shift - prev < -180:
                shift += 360
        prev = lon + shift
        point = [round(prev, 2), round(lat, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _polygons(geom: dict, arcs) -> list[list[list[list[float]]]]:
    if geom.get("type") == "Polygon":
        return [[_ring(r, arcs) for r in geom["arcs"]]]
    if geom.get("type") == "MultiPolygon":
        return [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
    return []


def view(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the (lon, lat) points, padded, never too narrow."""
    pts = list(points)
    if not pts:
        return (25.0, 5.0, 90.0, 50.0)   # no coordinates at all: a default regional frame
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_x = max(max(lons) - min(lons), MIN_SPAN) * (0.5 + PAD)
    half_y = max(max(lats) - min(lats), MIN_SPAN * 0.6) * (0.5 + PAD)
    return (cx - half_x, max(cy - half_y, -80.0), cx + half_x, min(cy + half_y, 80.0))


def _clip(ring: list[list[float]], bbox) -> list[list[float]]:
    """Sutherland-Hodgman clip of a ring to a rectangle (keeps files small around far-off
    coasts; the clipped edges lie outside the drawn frame)."""
    w, s, e, n = bbox
    edges = ((0, w, True), (0, e, False), (1, s, True), (1, n, False))
    pts = ring
    for axis, limit, keep_above in edges:
        if not pts:
            break
        inside = (lambda p: p[axis] >= limit) if keep_above else (lambda p: p[axis] <= limit)
        out = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur) != inside(prev):
                t = (limit - prev[axis]) / ((cur[axis] - prev[axis]) or 1e-12)
                cut = [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])]
                cut[axis] = limit
                out.append([round(cut[0], 2), round(cut[1], 2)])
            if inside(cur):
                out.append(cur)
            prev = cur
        pts = out
    return pts


def _intersects(ring_sets, bbox) -> bool:
    w, s, e, n = bbox
    for poly in ring_sets:
        for ring in poly[:1]:
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            if xs and min(xs) <= e and max(xs) >= w and min(ys) <= n and max(ys) >= s:
                return True
    return False


def basemap(bbox: tuple[float, float, float, float], detailed: bool = True) -> dict | None:
    """Countries whose outline touches bbox (west, south, east, north), as GeoJSON."""
    names = (DETAILED, COARSE) if detailed else (COARSE, DETAILED)
    topo = next((t for t in (_topology(n) for n in names) if t), None)
    if topo is None:
        return None
    arcs = _arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = _polygons(geom, arcs)
        polys = [p for p in polys if _intersects([p], bbox)]
        margin = (bbox[0] - 5, bbox[1] - 5, bbox[2] + 5, bbox[3] + 5)
        polys = [[r for r in (_clip(ring, margin) for ring in p) if len(r) >= 3] for p in polys]
        polys = [p for p in polys if p]
        if not polys:
            continue
        features.append({"type": "Feature", "id": geom.get("id"),
                         "properties": {"name": (geom.get("properties") or {}).get("name")},
                         "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    return {"type": "FeatureCollection", "bbox": list(bbox), "features": features}


def for_records(records: Iterable[dict]) -> dict | None:
    pts = [(r["longitude"], r["latitude"]) for r in records
           if r.get("longitude") is not None and r.get("latitude") is not None]
    return basemap(view(pts))
