"""Event -> the plain record of the export contract (shared/eval README, "The event record").

    event_record(event) -> dict     one JSON-able dict per event, fields in contract order

Every event exporter (JSONL here; CSV, GeoJSON, the web views) builds on this one function, so
the formats cannot drift apart.
"""
from __future__ import annotations

from typing import Any

from sitrep.models import Actor, Claim, Dispute, Event, Figure, Range


def actor_record(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "type": actor.type}


def range_record(r: Range) -> dict:
    return {"low": r.low, "best": r.best, "high": r.high}


def figure_record(f: Figure | None) -> dict | None:
    """What one report says: its own low/best/high plus the words ("at least nine")."""
    if f is None:
        return None
    return {"low": f.low, "best": f.best, "high": f.high, "qualifier": f.qualifier,
            "text": f.text, "victims": f.victims}


def source_record(c: Claim) -> dict:
    return {"document": c.document, "article": c.article, "outlet": c.outlet,
            "published": c.published, "text": c.text, "attributed_to": c.attributed_to,
            "fatalities": figure_record(c.fatalities), "injuries": figure_record(c.injuries),
            "modality": c.modality, "mention_id": c.mention_id}


def source_records(c: Claim) -> list[dict]:
    """The claim's report, then each stored copy of it (a mirror, the same wire story at another
    outlet): same words and figures, its own document, outlet and date, and `copy_of` naming
    the report it repeats, so counts of independent reports can leave copies out."""
    first = source_record(c)
    out = [first]
    for cp in c.copies:
        out.append(dict(first, document=cp.document, article=cp.article, outlet=cp.outlet,
                        published=cp.published, mention_id=None,
                        copy_of={"document": c.document, "article": c.article}))
    return out


def independent(sources: list[dict]) -> list[dict]:
    """The sources that are reports of their own (copies left out)."""
    return [s for s in sources if not s.get("copy_of")]


def dispute_record(d: Dispute, claims: dict[str, Claim]) -> dict:
    """Each side names its reports as {document, article, outlet, attributed_to}."""
    sides = []
    for side in d.sides:
        refs = [claims[m] for m in side.get("sources", []) if m in claims]
        sides.append({
            "value": side.get("value"),
            "text": side.get("text"),
            "attributed_to": list(side.get("attributed_to", [])),
            "sources": [{"document": c.document, "article": c.article, "outlet": c.outlet,
                         "attributed_to": c.attributed_to, "mention_id": c.mention_id}
                        for c in refs],
        })
    return {"field": d.field, "note": d.note, "sides": sides}


def event_record(event: Event) -> dict[str, Any]:
    p = event.place
    claims = {c.mention_id: c for c in event.claims}
    return {
        "id": event.event_id,
        "date": event.date,
        "date_precision": event.date_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "actor1": actor_record(event.actor1),
        "actor2": actor_record(event.actor2),
        "associated_actors": [actor_record(a) for a in event.associated],
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "location": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "fatalities": range_record(event.fatalities),
        "injuries": range_record(event.injuries),
        "sources": [rec for c in event.claims for rec in source_records(c)],
        "links": [{"type": ln.type, "event": ln.event} for ln in event.links],
        "disputes": [dispute_record(d, claims) for d in event.disputes],
        "summary": event.summary,
    }
