"""5. Fuse: mentions from every stored article -> Events with claims, ranges, disputes, links.

    fuse(mentions) -> list[Event]     deterministic, order-independent, idempotent

    features.py  what is compared about one mention (date span, type family, place levels, actors)
    compat.py    whether two mentions can be one event, and how well they agree
    identity.py  across articles, the positive evidence that they are one (place, party, toll)
    places.py    one place or two (names, gazetteer entries, distance)
    cluster.py   groups with no contradicting pair: specific reports by components, vague
                 ones join the best compatible group and never bridge two
    build.py     one Event per group: fields by vote, one Claim per report, stable id
    figures.py   fatality/injury low-best-high and the disputes between reports
    links.py     retaliation/response links from the mentions' cues, later -> earlier
    stream.py    the same events from mentions read in date order: fuse_store(store)

    with_copies(events, copies)   each claim lists the stored duplicates of its article

After each run the pipeline fuses all stored mentions again and replaces the stored events
with the result, so a new batch widens existing events instead of duplicating them; event ids
come from each event's earliest report that stands as an event on its own
(build.naming_report) and survive that replacement. It does so with `stream.fuse_store`:
mentions come from the store a fetch at a time in order of their date windows, each group of
mutually reachable reports (connected by compatible pairs, see stream.py) is fused once no
later report can reach it, and its events are written at once. The result is exactly
`fuse(all mentions)` (a property test and the evaluation exports check it). Memory is bounded
by the reports of one such group plus the reports whose windows are still open, not by the
corpus; what still grows with the corpus is one small link target per event (links.Target,
as a cue may name any earlier event), and the few reports with no date and no publication day.
"""
from __future__ import annotations

import dataclasses

from sitrep.fuse.build import build_event
from sitrep.fuse.cluster import clusters
from sitrep.fuse.features import Features
from sitrep.fuse.links import resolve_links
from sitrep.models import Copy, Event, Mention


def fuse(mentions: list[Mention]) -> list[Event]:
    # the same mention stored twice (a re-run) must not count as a second report
    unique = {m.mention_id: m for m in mentions}
    feats = [Features.of(unique[k]) for k in sorted(unique)]
    events, members = [], []
    for group in clusters([f for f in feats if f.usable]):
        event = build_event(group)
        if event is not None:
            events.append(event)
            members.append(group)
    events = resolve_links(events, members)
    return sorted(events, key=lambda e: (e.date or "", e.event_id))


def with_copies(events: list[Event], copies: dict[str, list[Copy]]) -> list[Event]:
    """Attach to each claim the inputs ingest marked as duplicates of its article (a mirror, a
    wire story carried again): where else the same report appeared. They are not independent
    reports, so they change no figure, dispute or source count."""
    if not copies:
        return events
    out = []
    for ev in events:
        if not any(c.article_id in copies for c in ev.claims):
            out.append(ev)
            continue
        claims = tuple(dataclasses.replace(c, copies=tuple(copies[c.article_id]))
                       if c.article_id in copies else c for c in ev.claims)
        out.append(dataclasses.replace(ev, claims=claims) if claims != ev.claims else ev)
    return out
