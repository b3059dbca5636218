"""Links from a later event to the earlier one it answers ("in retaliation for", "in response
to", "a day after", "in protest at"), read from the mentions' LinkCue records.

    resolve_links(events, members) -> list[Event]     the same events with `links` filled

A cue is resolved, in order:
  1. through `target_mention`: the event holding that mention (extraction found the earlier
     event in the same article);
  2. a retaliation/response naming no mention, and no actor or place of an earlier event:
     the other side's latest violence against this event's side within ANSWER_WINDOW,
     corroborated events first (see `_answered`);
  3. otherwise by scoring every earlier event (its first possible day before the later
     event's first possible day):
       words of `target_text` naming its kind ("suicide bombing", "missile strikes"), its
       actors or its place                                          up to 1 per word kind
       the same pair of sides reversed (A hit B, now B answers A)   1.5 (retaliation/response/protest)
       the same sides in the same roles (for "follows")             1.0
       exactly `days_after` days earlier                            1.0
       violence for a retaliation by violence, or for a protest     0.5 (else -0.5)
     the best score wins (the most recent event on ties); nothing is linked without at least
     one of these kinds of evidence.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from sitrep.fuse.features import (SUB_EVENT_GROUP, VIOLENT_TYPES, Features, date_span, norm,
                                   words)
from sitrep.models import Event, Link, LinkCue

# Words that name an event's kind in a cue's target text, and which sub-event types or groups
# they fit. Chosen from the ACLED/CAMEO definitions (taxonomy reference), not from any corpus.
KIND_WORDS = {
    "suicide": {"Suicide bomb"}, "bombing": {"explosive"}, "bomb": {"explosive"},
    "blast": {"explosive"}, "explosion": {"explosive"}, "ied": {"explosive"},
    "missile": {"remote"}, "missiles": {"remote"}, "rocket": {"remote"}, "rockets": {"remote"},
    "shelling": {"remote"}, "artillery": {"remote"}, "drone": {"remote"}, "airstrike": {"remote"},
    "airstrikes": {"remote"}, "strike": {"remote"}, "strikes": {"remote"}, "raid": {"remote", "direct"},
    "clash": {"direct"}, "clashes": {"direct"}, "gunfight": {"direct"}, "ambush": {"direct"},
    "attack": {"violent"}, "attacks": {"violent"}, "killing": {"violent"}, "killings": {"violent"},
    "assault": {"violent"}, "massacre": {"direct"},
}
RESPONSE_TYPES = ("retaliation_for", "response_to", "protest_at")

# How long a retaliation may wait and still answer an attack no report names. States answer
# within days to weeks; a month bounds it like the report window of undated mentions.
ANSWER_WINDOW = dt.timedelta(days=31)


def _earlier(c: Features, e: Features) -> bool:
    return bool(c.span and e.span and c.span[0] < e.span[0])


def _kind_score(cue_words: set[str], c: Features) -> float:
    m = c.mention
    tags = {m.sub_event_type, SUB_EVENT_GROUP.get(m.sub_event_type or "")}
    if m.event_type in VIOLENT_TYPES:
        tags.add("violent")
    hits = [KIND_WORDS[w] for w in cue_words if w in KIND_WORDS]
    if not hits:
        return 0.0
    return 1.0 if any(h & tags for h in hits) else -1.0


def _name_score(cue_words: set[str], c: Features, event: Event) -> float:
    names = [a.name for a in (event.actor1, event.actor2, *event.associated) if a]
    place = event.place
    if place:
        names += [place.name, place.admin1, place.country]
    named = set().union(*(words(n) for n in names if n)) if names else set()
    return min(1.0, 0.5 * len(cue_words & named))


def _sides(event: Event) -> tuple[set, set]:
    agent = {event.actor1.country} if event.actor1 and event.actor1.country else set()
    target = {event.actor2.country} if event.actor2 and event.actor2.country else set()
    if event.place and event.place.iso3 and event.event_type in VIOLENT_TYPES:
        target.add(event.place.iso3)
    return agent, target


def _side_score(cue: LinkCue, later: Event, earlier: Event) -> float:
    la, lt = _sides(later)
    ea, et = _sides(earlier)
    if cue.type in RESPONSE_TYPES:
        return 1.5 if (ea & lt) and (la & et) and not (la & ea) else 0.0
    return 1.0 if (ea & la) and (et & lt) else 0.0


def _class_score(cue: LinkCue, later: Event, earlier: Event) -> float:
    """Violence answers violence: a retaliatory strike answers a strike, not the statements
    made in between; a protest or a recall protests at violence."""
    earlier_violent = earlier.event_type in VIOLENT_TYPES
    if cue.type == "protest_at":
        return 0.5 if earlier_violent else 0.0
    if cue.type in ("retaliation_for", "response_to"):
        return 0.5 if earlier_violent == (later.event_type in VIOLENT_TYPES) else -0.5
    return 0.0


def _days_score(cue: LinkCue, c: Features, e: Features) -> float:
    if cue.days_after is None or not (c.span and e.span):
        return 0.0
    return 1.0 if (e.span[0] - c.span[0]).days == cue.days_after else 0.0


def _answered(cue: LinkCue, i: int, events: list[Event], anchors: list[Features],
              cue_words: set[str]) -> int | None:
    """A retaliation or response that does not say what it answers answers the other side's
    latest violence against it: among violent events that ended before this one began, at
    most ANSWER_WINDOW earlier, whose agent is on the side this event targets (and, better,
    whose target is on this event's side: the same two sides reversed), the corroborated
    ones (two reports or more) first, then the most recent, then the most reported. A kind
    the cue names ("the suicide bombing") must fit."""
    later, start = events[i], anchors[i].span[0] if anchors[i].span else None
    if cue.type not in ("retaliation_for", "response_to") or start is None:
        return None
    la, lt = _sides(later)
    best, best_key = None, None
    for j, ev in enumerate(events):
        span = anchors[j].span
        if j == i or span is None or ev.event_type not in VIOLENT_TYPES:
            continue
        if not (span[1] <= start and span[0] < start and start - span[1] <= ANSWER_WINDOW):
            continue
        ea, et = _sides(ev)
        if not (ea & lt) or (ea & la) or _kind_score(cue_words, anchors[j]) < 0:
            continue
        sources = len({c.article_id for c in ev.claims})
        key = (bool(et & la), sources >= 2, span[1], sources, ev.event_id)
        if best_key is None or key > best_key:
            best, best_key = j, key
    return best


def _resolve(cue: LinkCue, i: int, events: list[Event], anchors: list[Features],
             by_mention: dict[str, int]) -> int | None:
    j = by_mention.get(cue.target_mention or "", i)
    if j != i and not _earlier(anchors[i], anchors[j]):     # never link forward in time
        return j
    cue_words = set(norm(cue.target_text).split()) if cue.target_text else set()
    named = any(_name_score(cue_words, anchors[j], ev) > 0 for j, ev in enumerate(events)
                if j != i and _earlier(anchors[j], anchors[i]))
    if not cue.target_mention and not named:
        j = _answered(cue, i, events, anchors, cue_words)
        if j is not None:
            return j
    best, best_key = None, None
    for j, ev in enumerate(events):
        if j == i or not _earlier(anchors[j], anchors[i]):
            continue
        evidence = (_kind_score(cue_words, anchors[j]) + _name_score(cue_words, anchors[j], ev),
                    _side_score(cue, events[i], ev), _days_score(cue, anchors[j], anchors[i]))
        if not any(x > 0 for x in evidence):
            continue
        total = sum(evidence) + _class_score(cue, events[i], ev)
        key = (total, anchors[j].span[0], ev.event_id)
        if best_key is None or key > best_key:
            best, best_key = j, key
    return best if best_key and best_key[0] > 0 else None


def resolve_links(events: list[Event], members: list[list[Features]]) -> list[Event]:
    """`members[i]` are the mentions of `events[i]`; the date used for time order is the
    event's own (a Features of its chosen date), so one late-dated report does not reorder."""
    anchors = [dataclasses.replace(ms[0], span=date_span(ev.date, ev.date_precision))
               for ev, ms in zip(events, members)]
    by_mention = {f.mention.mention_id: i for i, ms in enumerate(members) for f in ms}
    out = []
    for i, ev in enumerate(events):
        links: dict[tuple[str, str], Link] = {}
        for f in members[i]:
            if f.mention.modality != "asserted":
                continue
            for cue in f.mention.links:
                j = _resolve(cue, i, events, anchors, by_mention)
                if j is not None:
                    links.setdefault((cue.type, events[j].event_id),
                                     Link(cue.type, events[j].event_id, cue.cue, f.mention.mention_id))
        out.append(dataclasses.replace(ev, links=tuple(links[k] for k in sorted(links))))
    return out
