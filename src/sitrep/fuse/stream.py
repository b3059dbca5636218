"""Fusion in date order: the same events as `fuse(all mentions)`, with memory held by the
mentions that may still meet, not by the corpus.

    fuse_ordered(feats, windowless, holds, written) -> Iterator[Event]   the core, below
    fuse_in_order(mentions) -> list[Event]        the core over a list (tests, reference)
    fuse_store(store, fetch_size) -> int          the core over a store, events written as
                                                  they are finished (sitrep.pipeline)

Why the result is identical. Every step of cluster.py relates two mentions only through a pair
that `compat.weigh` found compatible, and pairs are only scored inside blocking (same family,
the same country or one with no place, date windows within a day of overlapping; a mention
with no window meets only its own article). So the connected components of the compatible
pairs never influence each other: clustering each alone gives the clusters of the whole (the
rounds of cluster._attach_vague and the passes of cluster._agglomerate stop in a component
as soon as nothing changes in it, which is when they stop for it in the whole). Mentions come
in order of the first day of their window; a component is finished once the next mention
starts more than a day after the last day of every member's window (`reach`), as no later
mention can pair with it.

Links (links.py) are resolved against the events of the whole run, not of one component: a
cue may name an event of any earlier date. So each finished event leaves a small
`links.Target` (no mentions, no claims), and an event with link cues waits until no
unfinished component can still produce an earlier event (`low`). A cue naming a mention that
no finished event holds yet waits for the end of the run (it may be a later one, see
links._resolve: undated events can be named in either direction).

Reports with no window at all (no date, no publication day) meet only their own article
(cluster.candidate_pairs), whatever the dates of its other reports: they are read first and
kept, and their component stays open until the last report of their article in the same
family has come (`holds`).

What is not bounded: one component of compatible reports (a month-precise or undated report
is compatible with a month of days; a chain of vague reports spans as long as it keeps going),
the link targets (one small record per event), the reports with no window, and the events
whose cue names a mention not yet fused.
"""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from sitrep.errors import StoreError
from sitrep.fuse.build import build_event
from sitrep.fuse.cluster import anchor_key, clusters
from sitrep.fuse.compat import weigh
from sitrep.fuse.features import DEFAULT_DAY_SLACK, Features, date_span, usable, windows
from sitrep.fuse.links import Target, cues, links_for
from sitrep.models import Event, Mention

if TYPE_CHECKING:
    from sitrep.store import Store

_ONE_DAY = dt.timedelta(days=1)
_NEVER = dt.date.min
_OPEN = dt.date.max


def _channel(f: Features) -> tuple:
    """The blocking key of a report: its family, and for located families its country ("" for
    none)."""
    return (f.family, f.country or "") if f.located else (f.family, None)


def _channels(f: Features, open_keys: Iterable[tuple]) -> list[tuple]:
    """The blocking keys of the reports `f` may be scored with (cluster.candidate_pairs): its
    own, those with no country for a report with one, every country for one with none."""
    if not f.located:
        return [(f.family, None)]
    if f.country:
        return [(f.family, f.country), (f.family, "")]
    return [k for k in open_keys if k[0] == f.family and k[1] is not None]


def _compatible(a: Features, b: Features) -> bool:
    a, b = sorted((a, b), key=anchor_key)      # as cluster._Pairs scores them
    return weigh(a, b)[0]


class _Components:
    """Union-find over the reports not yet fused, each root holding its members, the last
    day a later report may pair with one of them (`reach`) and the first day of their windows
    (`low`: no event of the component can be dated before it)."""

    def __init__(self):
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[Features]] = {}
        self.nodes: dict[int, list[int]] = {}
        self.reach: dict[int, dt.date] = {}
        self.low: dict[int, dt.date] = {}
        self.by_reach: list[tuple[dt.date, int]] = []
        self.by_low: list[tuple[dt.date, int]] = []
        self._ids = itertools.count()

    def add(self, f: Features, reach: dt.date, low: dt.date) -> int:
        n = next(self._ids)
        self.parent[n], self.members[n], self.nodes[n] = n, [f], [n]
        self.reach[n], self.low[n] = reach, low
        heapq.heappush(self.by_reach, (reach, n))
        heapq.heappush(self.by_low, (low, n))
        return n

    def root(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: int, b: int) -> None:
        a, b = self.root(a), self.root(b)
        if a == b:
            return
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        self.nodes[a] += self.nodes.pop(b)
        self.reach[a] = max(self.reach[a], self.reach.pop(b))
        self.low[a] = min(self.low[a], self.low.pop(b))
        heapq.heappush(self.by_reach, (self.reach[a], a))
        heapq.heappush(self.by_low, (self.low[a], a))

    def finished(self, start: dt.date) -> Iterator[list[Features]]:
        """Pop the components no report starting on `start` or later can pair with."""
        while self.by_reach and self.by_reach[0][0] < start:
            reach, r = heapq.heappop(self.by_reach)
            if r in self.members and self.parent[r] == r and self.reach[r] == reach:
                del self.reach[r], self.low[r]
                for n in self.nodes.pop(r):
                    del self.parent[n]
                yield self.members.pop(r)

    def lowest(self) -> dt.date:
        """The first day an event of an unfinished component may have."""
        while self.by_low:
            low, r = self.by_low[0]
            if r in self.low and self.low[r] == low:
                return low
            heapq.heappop(self.by_low)
        return _OPEN


def fuse_ordered(feats: Iterable[Features], windowless: Iterable[Features],
                 holds: dict[tuple[str, str], dt.date],
                 written: Callable[[str], str | None]) -> Iterator[Event]:
    """Events from usable reports: `feats` with a window, in order of its first day;
    `windowless` those with none; `holds[(article_id, family)]` the first day of the last
    windowed report of that article and family; `written(mention_id)` the id of an event
    already yielded holding that mention (the caller's store). Events come out final, links
    included, in no particular order."""
    comps = _Components()
    live: dict[tuple, list[tuple[dt.date, int, Features]]] = defaultdict(list)
    loners: dict[tuple[str, str], list[tuple[int, Features]]] = defaultdict(list)
    targets: dict[str, Target] = {}
    held: dict[str, str] = {}            # mention id -> id of an event not yet yielded
    waiting: list[tuple[dt.date, int, Event, list[Features]]] = []    # by first day
    at_end: list[tuple[Event, list[Features]]] = []
    order = itertools.count()

    for f in sorted(windowless, key=anchor_key):
        key = (f.mention.article_id, f.family)
        n = comps.add(f, holds.get(key, _NEVER), _OPEN)
        for m, g in loners[key]:
            if _compatible(f, g):
                comps.union(n, m)
        loners[key].append((n, f))

    def find(mention_id: str) -> Target | None:
        event_id = held.get(mention_id) or written(mention_id)
        return targets.get(event_id) if event_id else None

    def resolvable(ev: Event, members: list[Features]) -> bool:
        return all(find(cue.target_mention) is not None
                   for cue, _ in cues(members) if cue.target_mention)

    def finish(ev: Event, members: list[Features]) -> Event:
        ev = links_for(ev, targets[ev.event_id], members, targets.values(), find)
        for f in members:
            held.pop(f.mention.mention_id, None)
        return ev

    def fuse_component(group: list[Features]) -> Iterator[Event]:
        for cluster in clusters(group):
            ev = build_event(cluster)
            if ev is None:
                continue
            targets[ev.event_id] = Target.of(ev, cluster)
            if not cues(cluster):
                yield ev
                continue
            for f in cluster:
                held[f.mention.mention_id] = ev.event_id
            span = targets[ev.event_id].span
            heapq.heappush(waiting, (span[0] if span else _NEVER, next(order), ev, cluster))

    def release(frontier: dt.date) -> Iterator[Event]:
        """Events with cues whose earlier events are all built (none can start before
        `frontier`); those naming a mention no event holds yet wait for the end."""
        while waiting and waiting[0][0] <= frontier:
            _, _, ev, members = heapq.heappop(waiting)
            if resolvable(ev, members):
                yield finish(ev, members)
            else:
                at_end.append((ev, members))

    day = _NEVER
    for f in feats:
        start, end = f.window
        if start < day:
            raise ValueError(f"{f.mention.mention_id}: reports must come in date order")
        if start != day:        # a new first day: drop the reports no later one can meet
            day = start
            for key in list(live):
                live[key] = [x for x in live[key] if x[0] >= start]
                if not live[key]:
                    del live[key]
            for group in comps.finished(start):
                yield from fuse_component(group)
            yield from release(min(start, comps.lowest()))
        n = comps.add(f, end + _ONE_DAY, start)
        partners = [(m, g) for key in _channels(f, live) for _, m, g in live.get(key, ())]
        partners += loners.get((f.mention.article_id, f.family), ())
        for m, g in partners:   # a pair already in one component needs no score
            if comps.root(n) != comps.root(m) and _compatible(f, g):
                comps.union(n, m)
        live[_channel(f)].append((end + _ONE_DAY, n, f))
    for group in comps.finished(_OPEN):
        yield from fuse_component(group)
    yield from release(_OPEN)
    for ev, members in at_end:
        yield finish(ev, members)


def _split(mentions: Iterable[Mention]) -> tuple[list[Features], list[Features]]:
    windowed, windowless = [], []
    for m in mentions:
        if usable(m):
            f = Features.of(m)
            (windowed if f.window else windowless).append(f)
    return windowed, windowless


def holds_of(feats: Iterable[Features]) -> dict[tuple[str, str], dt.date]:
    out: dict[tuple[str, str], dt.date] = {}
    for f in feats:
        key = (f.mention.article_id, f.family)
        out[key] = max(out.get(key, _NEVER), f.window[0])
    return out


def fuse_in_order(mentions: Iterable[Mention]) -> list[Event]:
    """`fuse(mentions)`, computed the streaming way (what fuse_store does over a store)."""
    unique = {m.mention_id: m for m in mentions}
    windowed, windowless = _split(unique.values())
    windowed.sort(key=lambda f: f.window[0])
    article_ids = {f.mention.article_id for f in windowless}
    holds = holds_of(f for f in windowed if f.mention.article_id in article_ids)
    out: list[Event] = []
    home: dict[str, str] = {}

    for ev in fuse_ordered(windowed, windowless, holds, home.get):
        out.append(ev)
        home.update((mid, ev.event_id) for mid in ev.mention_ids)
    return sorted(out, key=lambda e: (e.date or "", e.event_id))


# Rows per fetch from the store: large enough that a round trip is cheap next to parsing the
# rows, small next to the mentions of a day in a large backfill.
FETCH_SIZE = 500
# Events written per batch (one query for the copies of their articles).
WRITE_BATCH = 200
# How far before its date text the window of a day- or week-precise mention may start: three
# days (week precision, features.DEFAULT_DAY_SLACK). The reorder buffer holds that many days
# of mentions. Month-precise ones are read apart: their window starts on the first day of the
# month or year their text begins with.
_DAY_LAG = max(dt.timedelta(days=3), DEFAULT_DAY_SLACK)
ZERO = dt.timedelta(0)


def fuse_store(store: "Store", fetch_size: int = FETCH_SIZE) -> int:
    """Replace the stored events with the fusion of every stored mention, reading mentions a
    fetch at a time in date order and writing events as they are finished. Call inside the
    transaction that holds the events lock (sitrep.pipeline.run): until it commits, readers
    see the old events, and a crash leaves them whole."""
    from sitrep.fuse import with_copies

    # 1. the reports that cannot be placed by the store's order: a date text that names no
    #    day (features.date_span gives none; the report counts as undated) and undated
    #    reports with no publication day - few, read whole
    aside = [mid for mid, date, published in store.mention_dates()
             if date_span(date) is None
             and (date is not None or date_span((published or "")[:10]) is None)]
    windowed_aside, windowless = _split(store.mentions_where(mention_ids=aside))
    windowed_aside.sort(key=lambda f: f.window[0])
    article_ids = {f.mention.article_id for f in windowless}
    more, _ = _split(store.mentions_where(article_ids=article_ids, skip=set(aside)))
    holds = holds_of(more + [f for f in windowed_aside if f.mention.article_id in article_ids])

    # 2. the rest in order of the first day of their windows: three ordered reads merged,
    #    each keyed by a lower bound of the windows that follow it
    def keyed(kind: str, lag: dt.timedelta, chars: int = 10):
        for m in store.iter_mentions(kind, fetch_size=fetch_size):
            text = date_span(m.date[:chars]) if m.date else None
            if (text is None and m.date) or not usable(m):
                continue        # read aside in step 1, or takes no part
            window = windows(m)[1]
            if window is not None:      # those with none were read in step 1
                yield (text[0] - lag if text else window[0]), Features.of(m)

    merged = heapq.merge(_monotone(keyed("day", _DAY_LAG)),
                         _monotone(keyed("month", ZERO, chars=7)),     # "2024-01-31" -> "2024-01"
                         _monotone(keyed("undated", ZERO)),
                         ((f.window[0], f) for f in windowed_aside if f.usable),
                         key=lambda x: x[0])
    feats = _by_first_day(merged)

    # 3. fuse and write
    store.clear_events()
    written, batch = 0, []

    def flush() -> None:
        nonlocal written
        if batch:
            copies = store.copies({c.article_id for ev in batch for c in ev.claims})
            written += store.add_events(with_copies(batch, copies))
            batch.clear()

    def event_of(mention_id: str) -> str | None:
        flush()
        return store.event_of_mention(mention_id)

    for ev in fuse_ordered(feats, windowless, holds, event_of):
        batch.append(ev)
        if len(batch) >= WRITE_BATCH:
            flush()
    flush()
    return written


def _monotone(items: Iterable[tuple[dt.date, Features]]) -> Iterator[tuple[dt.date, Features]]:
    """The store's order, checked: each key is a lower bound of the windows that follow."""
    last = _NEVER
    for key, f in items:
        if key < last or f.window[0] < key:
            raise StoreError(f"mention {f.mention.mention_id} is out of date order "
                             f"({f.window[0]} after {last}): fusion cannot stream this store")
        last = key
        yield key, f


def _by_first_day(items: Iterable[tuple[dt.date, Features]]) -> Iterator[Features]:
    """Exact order of the first day of each window, from items whose keys are lower bounds of
    it, in key order: an item is let out once no later key can be smaller than its day."""
    heap: list[tuple[dt.date, int, Features]] = []
    for n, (key, f) in enumerate(items):
        while heap and heap[0][0] <= key:
            yield heapq.heappop(heap)[2]
        heapq.heappush(heap, (f.window[0], n, f))
    while heap:
        yield heapq.heappop(heap)[2]
