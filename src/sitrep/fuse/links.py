"""Links from a later event to the earlier one it answers ("in retaliation for", "in response
to", "a day after", "in protest at"), read from the mentions' LinkCue records.

    resolve_links(events, members) -> list[Event]     the same events with `links` filled
    Target.of(event, members)                         what resolution reads of an event: a
                                                      small record, so a streaming fusion
                                                      (sitrep.fuse.stream) can keep one per
                                                      earlier event without its mentions
    links_for(event, target, members, targets, find)  one event's links, `targets` the
                                                      candidates, `find` mention id -> Target

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
     one of these kinds of evidence. No look-back bounds this step: an event of any earlier
     date may win, so a streaming fusion keeps a Target of every event it has built.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass
from typing import Callable, Collection

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


@dataclass(frozen=True, slots=True)
class Target:
    """An event as link resolution sees it, earlier or later. `span` is the event's own date
    (not its reports'), `tags` the kind of its first report in anchor order (what a cue's kind
    words are matched against), `named` the words of its actors and place. Tuples of interned
    strings, no sets: a streaming fusion keeps one per event of the run (about 0.5 KB each,
    measured with tracemalloc on 14,760 events; 1.8 KB with frozensets and no slots)."""
    event_id: str
    span: tuple[dt.date, dt.date] | None
    tags: tuple[str, ...]
    named: tuple[str, ...]
    agent: tuple[str, ...]
    target: tuple[str, ...]
    violent: bool
    sources: int

    @classmethod
    def of(cls, event: Event, members: list[Features]) -> "Target":
        m = members[0].mention
        tags = {m.sub_event_type, SUB_EVENT_GROUP.get(m.sub_event_type or "")}
        if m.event_type in VIOLENT_TYPES:
            tags.add("violent")
        names = [a.name for a in (event.actor1, event.actor2, *event.associated) if a]
        place = event.place
        if place:
            names += [place.name, place.admin1, place.country]
        named = set().union(*(words(n) for n in names if n))
        agent, target = _sides(event)
        return cls(event.event_id, date_span(event.date, event.date_precision), _interned(tags),
                   _interned(named), _interned(agent), _interned(target),
                   event.event_type in VIOLENT_TYPES, len({c.article_id for c in event.claims}))


def _interned(values) -> tuple[str, ...]:
    return tuple(sorted(sys.intern(v) for v in values if v))


def _meet(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(x in b for x in a)


def _earlier(c: Target, e: Target) -> bool:
    return bool(c.span and e.span and c.span[0] < e.span[0])


def _kind_score(cue_words: set[str], c: Target) -> float:
    hits = [KIND_WORDS[w] for w in cue_words if w in KIND_WORDS]
    if not hits:
        return 0.0
    return 1.0 if any(not h.isdisjoint(c.tags) for h in hits) else -1.0


def _name_score(cue_words: set[str], c: Target) -> float:
    return min(1.0, 0.5 * len(cue_words.intersection(c.named)))


def _sides(event: Event) -> tuple[set, set]:
    agent = {event.actor1.country} if event.actor1 and event.actor1.country else set()
    target = {event.actor2.country} if event.actor2 and event.actor2.country else set()
    if event.place and event.place.iso3 and event.event_type in VIOLENT_TYPES:
        target.add(event.place.iso3)
    return agent, target


def _side_score(cue: LinkCue, later: Target, earlier: Target) -> float:
    la, lt = later.agent, later.target
    ea, et = earlier.agent, earlier.target
    if cue.type in RESPONSE_TYPES:
        return 1.5 if _meet(ea, lt) and _meet(la, et) and not _meet(la, ea) else 0.0
    return 1.0 if _meet(ea, la) and _meet(et, lt) else 0.0


def _class_score(cue: LinkCue, later: Target, earlier: Target) -> float:
    """Violence answers violence: a retaliatory strike answers a strike, not the statements
    made in between; a protest or a recall protests at violence."""
    if cue.type == "protest_at":
        return 0.5 if earlier.violent else 0.0
    if cue.type in ("retaliation_for", "response_to"):
        return 0.5 if earlier.violent == later.violent else -0.5
    return 0.0


def _days_score(cue: LinkCue, c: Target, e: Target) -> float:
    if cue.days_after is None or not (c.span and e.span):
        return 0.0
    return 1.0 if (e.span[0] - c.span[0]).days == cue.days_after else 0.0


def _answered(cue: LinkCue, later: Target, targets: Collection[Target],
              cue_words: set[str]) -> Target | None:
    """A retaliation or response that does not say what it answers answers the other side's
    latest violence against it: among violent events that ended before this one began, at
    most ANSWER_WINDOW earlier, whose agent is on the side this event targets (and, better,
    whose target is on this event's side: the same two sides reversed), the corroborated
    ones (two reports or more) first, then the most recent, then the most reported. A kind
    the cue names ("the suicide bombing") must fit."""
    start = later.span[0] if later.span else None
    if cue.type not in ("retaliation_for", "response_to") or start is None:
        return None
    la, lt = later.agent, later.target
    best, best_key = None, None
    for ev in targets:
        span = ev.span
        if ev.event_id == later.event_id or span is None or not ev.violent:
            continue
        if not (span[1] <= start and span[0] < start and start - span[1] <= ANSWER_WINDOW):
            continue
        ea, et = ev.agent, ev.target
        if not _meet(ea, lt) or _meet(ea, la) or _kind_score(cue_words, ev) < 0:
            continue
        key = (_meet(et, la), ev.sources >= 2, span[1], ev.sources, ev.event_id)
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best


def _resolve(cue: LinkCue, later: Target, targets: Collection[Target],
             find: Callable[[str], Target | None]) -> Target | None:
    named_event = find(cue.target_mention) if cue.target_mention else None
    if named_event is not None and named_event.event_id != later.event_id \
            and not _earlier(later, named_event):     # never link forward in time
        return named_event
    cue_words = set(norm(cue.target_text).split()) if cue.target_text else set()
    earlier = [ev for ev in targets if ev.event_id != later.event_id and _earlier(ev, later)]
    named = any(_name_score(cue_words, ev) > 0 for ev in earlier)
    if not cue.target_mention and not named:
        answered = _answered(cue, later, targets, cue_words)
        if answered is not None:
            return answered
    best, best_key = None, None
    for ev in earlier:
        evidence = (_kind_score(cue_words, ev) + _name_score(cue_words, ev),
                    _side_score(cue, later, ev), _days_score(cue, ev, later))
        if not any(x > 0 for x in evidence):
            continue
        total = sum(evidence) + _class_score(cue, later, ev)
        key = (total, ev.span[0], ev.event_id)
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best if best_key and best_key[0] > 0 else None


def cues(members: list[Features]) -> list[tuple[LinkCue, str]]:
    """The link cues of an event's asserted reports, with the mention each came from."""
    return [(cue, f.mention.mention_id) for f in members if f.mention.modality == "asserted"
            for cue in f.mention.links]


def links_for(event: Event, later: Target, members: list[Features],
              targets: Collection[Target], find: Callable[[str], Target | None]) -> Event:
    """`event` with its links: each cue of its members resolved among `targets` (every event
    that may be earlier; later ones are ignored), `find` giving the event holding a mention."""
    links: dict[tuple[str, str], Link] = {}
    for cue, mention_id in cues(members):
        found = _resolve(cue, later, targets, find)
        if found is not None:
            links.setdefault((cue.type, found.event_id),
                             Link(cue.type, found.event_id, cue.cue, mention_id))
    return dataclasses.replace(event, links=tuple(links[k] for k in sorted(links)))


def resolve_links(events: list[Event], members: list[list[Features]]) -> list[Event]:
    """`members[i]` are the mentions of `events[i]`; the date used for time order is the
    event's own (a Features of its chosen date), so one late-dated report does not reorder."""
    targets = [Target.of(ev, ms) for ev, ms in zip(events, members)]
    by_mention = {f.mention.mention_id: t for t, ms in zip(targets, members) for f in ms}
    return [links_for(ev, t, ms, targets, by_mention.get)
            for ev, t, ms in zip(events, targets, members)]
