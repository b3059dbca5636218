"""Group mentions into events without ever putting two contradicting mentions in one event.

    clusters(features) -> list[list[Features]]      each list sorted by anchor_key, the
                                                    clusters sorted by their first member

Why not plain connected components of the "same event" relation: that relation is not
transitive. A report with no place, a province only, or a week/month date is compatible with
events in different villages on different days, and as a link between them it chained hundreds
of unrelated reports into one event. So mentions are split by how much they pin down:

  specific  (see `is_specific`) a district or town and a single day for violence and
            demonstrations; a single day and both sides for statements. Two specific mentions
            that agree are hard to mistake for two events, and two that contradict are never
            bridged by one that says less.
  vague     everything else.

and grouped in three steps, each a function of the set of mentions (canonical order = anchor_key,
ties on score broken by that order), so any input order gives the same events:

  1. specific mentions: connected components over pairs scoring THRESHOLD or more. Components
     only grow as mentions are added, so a new article never splits specific mentions that were
     one event - unless the new component holds a contradiction (towns 20 km apart chained to
     one 40 km away, day-precise dates chained across the one-day tolerance). Such a component
     is split by constrained agglomeration: the links between mentions that contradict no
     member first, then best-scoring pair first; two groups merge only if no mention of one
     contradicts a mention of the other. So mentions no contradiction touches stay one event,
     and the split decides only where the contradicting ones go.
  2. vague mentions join groups, never merge them: each picks the one group it is compatible
     with in full and tied to by its best pair (a group already holding a mention of its own
     article first: within one article a vague "the attack" is about the attack the article
     describes). Rounds repeat so a vague mention can reach a group through one that joined in
     the round before; within a round, a group takes its candidates best first and skips any
     that contradict one it just took.
  3. vague mentions no group took form groups among themselves by constrained agglomeration.
  4. violence and demonstrations reported with no place at all ("the strikes by Iran") wait
     until every group is formed, then join as in step 2, the group holding the most mentions
     of their own article first (inside one article they are tied by the agent as well,
     see compat.anchored); those left form groups among themselves. A report that says
     neither where nor whom cannot tell two events of one agent apart, so it never decides
     which groups form.

A link is a pair scoring THRESHOLD or more that is identified (the same article, or evidence
of identity across articles, see sitrep.fuse.identity). A pair of different articles that
scores enough but shares nothing distinctive is a `vouched` link: in steps 2-4 a vague mention
may use it only when the group already holds a mention of its own article, which tells what
the vague report is about ("the attacks killed nine" in an article about one strike).

In no step does a mention join a group holding an `apart` report: one of another article,
placed in the same province or finer, naming a different particular place (see _apart); a
report naming none ("near the city") could otherwise chain them. In step 1 a component holding
such a pair is split as one holding a contradiction is.

A vague mention may move to a better group when a later article brings one: its place in an
event was never more than the best guess among compatible events.

Pairs are only scored inside a family and a date window (blocking), so the work grows with the
number of mentions per day rather than with the square of the corpus; a pair never scored is in
different families or has dates that do not overlap, which is a contradiction.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sitrep.fuse.compat import THRESHOLD, weigh
from sitrep.fuse.features import Features
from sitrep.fuse.identity import places_differ

_ONE_DAY = dt.timedelta(days=1)


def anchor_key(f: Features) -> tuple:
    """Stable order of mentions: earliest published report first, then by position. The first
    member of a cluster (its anchor) names the event, so later articles keep the id. Undated
    reports sort first: most new articles carry a date, and then they never take an anchor
    from an event named after an undated page. A report with no window at all (no date of its
    own, no publication date) sorts last: it meets only its own article (candidate_pairs), so
    it leaves its event as soon as another article joins, and as the anchor it would take the
    event's name with it."""
    m = f.mention
    return (f.window is None, m.published or "", m.document, m.article_index, m.start,
            m.mention_id)


def is_specific(f: Features) -> bool:
    """A mention that pins its event down: one day, and a district or town where the place
    tells events apart, or both sides where the actors do. A province is not enough: ACLED
    codes many events a day in one province, and the notes that named only a province were
    the bridges between protests in different cities."""
    if f.span is None or f.span[0] != f.span[1]:
        return False
    if f.located:
        return f.level >= 3
    m = f.mention
    return m.actor1 is not None and m.actor2 is not None


def _sweep(idx: list[int], feats: list[Features]):
    """Pairs whose date windows come within a day of overlapping."""
    dated = sorted(idx, key=lambda i: feats[i].window)
    for pos, i in enumerate(dated):
        end = feats[i].window[1] + _ONE_DAY
        for j in dated[pos + 1:]:
            if feats[j].window[0] > end:
                break
            yield i, j


def candidate_pairs(feats: list[Features]):
    """Index pairs worth scoring: same family, date windows within a day of overlapping, and
    for violence and demonstrations the same country or one with no place (places in two
    countries are a veto, so those pairs need no score); a mention with no window at all (no
    date, no publication date) only meets its own article."""
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        by_family[f.family].append(i)
    for idx in by_family.values():
        dated = [i for i in idx if feats[i].window]
        if feats[idx[0]].located:
            blocks: dict[str, list[int]] = defaultdict(list)
            for i in dated:
                blocks[feats[i].country or ""].append(i)
            loose = blocks.pop("", [])
            for country in sorted(blocks):
                for i, j in _sweep(blocks[country] + loose, feats):
                    if feats[i].country or feats[j].country:
                        yield i, j      # pairs of two placeless mentions come once, below
            yield from _sweep(loose, feats)
        else:
            yield from _sweep(dated, feats)
        by_article: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_article[feats[i].mention.article_id].append(i)
        for i in idx:
            if not feats[i].window:
                for j in by_article[feats[i].mention.article_id]:
                    if j != i and (feats[j].window or j > i):
                        yield i, j


class _Pairs:
    """The scored pairs: which may share an event (`ok`), the links strong enough to, and the
    `vouched` links: pairs of different articles that agree well enough but share nothing
    distinctive (sitrep.fuse.identity), usable only by a vague report whose own article is
    already in the event (see _attach_vague, _agglomerate)."""

    def __init__(self, feats: list[Features]):
        self.compatible: set[tuple[int, int]] = set()
        self.links: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.vouched: dict[int, list[tuple[float, int]]] = defaultdict(list)
        self.apart: set[tuple[int, int]] = set()
        for i, j in candidate_pairs(feats):
            i, j = min(i, j), max(i, j)
            compatible, score, identified = weigh(feats[i], feats[j])
            if not compatible:
                continue
            self.compatible.add((i, j))
            if _apart(feats[i], feats[j]):
                self.apart.add((i, j))
            if score is not None and score >= THRESHOLD:
                held = self.links if identified else self.vouched
                held[i].append((score, j))
                held[j].append((score, i))

    def ok(self, i: int, j: int) -> bool:
        return i == j or (min(i, j), max(i, j)) in self.compatible

    def together(self, i: int, j: int) -> bool:
        """i and j may be one event: compatible, and not `apart`."""
        return self.ok(i, j) and (min(i, j), max(i, j)) not in self.apart

    def fits(self, i: int, group: list[int]) -> bool:
        """i may join the group: it may be one event with each member."""
        return all(self.together(i, j) for j in group)


def _apart(a: Features, b: Features) -> bool:
    """Reports of two articles, each placed in a province or finer, that name two different
    particular places in it ("in the area of X, the city" / "... of Y, the city"): no evidence
    makes them one event (sitrep.fuse.identity), and one that names neither ("near the city")
    chained a day's shelling of several villages into one event. Reports placed only in a
    country are not held apart: the unplaced words they name are too often not places."""
    return (a.located and a.mention.article_id != b.mention.article_id
            and min(a.level, b.level) >= 2 and places_differ(a, b))


def _components(idx: list[int], pairs: _Pairs) -> list[list[int]]:
    members = set(idx)
    seen: set[int] = set()
    out = []
    for start in idx:
        if start in seen:
            continue
        seen.add(start)
        comp, todo = [], [start]
        while todo:
            i = todo.pop()
            comp.append(i)
            for _, j in pairs.links[i]:
                if j in members and j not in seen:
                    seen.add(j)
                    todo.append(j)
        out.append(sorted(comp))
    return out


def _agglomerate(idx: list[int], pairs: _Pairs, feats: list[Features] | None = None,
                 clear: frozenset[int] = frozenset()) -> list[list[int]]:
    """Constrained agglomeration: links best first (ties in canonical order), two groups merge
    only when every cross pair is compatible. Links between two `clear` mentions come before
    all others (see _group_specific). Given `feats`, vouched links count too once one side's
    group holds a mention of the other side's article; passes repeat until nothing merges, so
    which links count does not depend on the order they come in."""
    members = set(idx)
    group = {i: i for i in idx}
    held = {i: [i] for i in idx}

    def later(i: int, j: int) -> bool:
        return not (i in clear and j in clear)

    links = sorted((later(i, j), -s, i, j, False) for i in idx for s, j in pairs.links[i]
                   if i < j and j in members)
    if feats is not None:
        links = sorted(links + [(later(i, j), -s, i, j, True) for i in idx
                                for s, j in pairs.vouched[i] if i < j and j in members])

    def vouched_for(i: int, j: int) -> bool:
        return (_holds_article(feats, held[group[j]], feats[i].mention.article_id)
                or _holds_article(feats, held[group[i]], feats[j].mention.article_id))

    todo, merged = links, True
    while todo and merged:
        waiting, merged = [], False
        for link in todo:
            _, _, i, j, weak = link
            gi, gj = group[i], group[j]
            if gi == gj:
                continue
            if weak and not vouched_for(i, j):
                waiting.append(link)
                continue
            if not all(pairs.fits(x, held[gj]) for x in held[gi]):
                continue    # groups only grow, so this pair stays apart
            keep, gone = min(gi, gj), max(gi, gj)
            for x in held[gone]:
                group[x] = keep
            held[keep] += held.pop(gone)
            merged = True
        todo = waiting
    return [sorted(g) for g in held.values()]


def specific_components(feats: list[Features]) -> list[list[Features]]:
    """Step 1 before any split: the components of the specific mentions (for tests that check
    when a new article may split an event)."""
    feats = sorted(feats, key=anchor_key)
    pairs = _Pairs(feats)
    spec = [i for i, f in enumerate(feats) if is_specific(f)]
    return [[feats[i] for i in comp] for comp in _components(spec, pairs)]


def _group_specific(spec: list[int], pairs: _Pairs) -> list[list[int]]:
    """Step 1: components, each split only if it holds a contradiction. The split joins the
    `clear` mentions (those that may be one event with every member of the component) first:
    a contradiction is between the others, so it is theirs to settle. Best first over all of
    them, a later article restating two reports of an earlier event, each with a closer twin
    (the same town on each of two days: one article, so two events), took the earlier reports
    apart, and one of them renamed the event it joined."""
    groups = []
    for comp in _components(spec, pairs):
        clear = frozenset(x for x in comp if pairs.fits(x, comp))
        groups.extend([comp] if len(clear) == len(comp) else _agglomerate(comp, pairs, clear=clear))
    return groups


def _holds_article(feats, members, article: str) -> bool:
    """The group `members` already holds a report of `article` (what lets a vouched link count)."""
    return any(feats[w].mention.article_id == article for w in members)


def _attach_vague(vague: list[int], groups: dict[int, list[int]], feats: list[Features],
                  pairs: _Pairs, by_count: bool = False) -> list[int]:
    """Step 2: vague mentions join groups in rounds; returns those no group took. With
    `by_count` (step 4) a group holding more mentions of the mention's own article ranks
    first: a restatement that names no place is about the event its article reports most."""
    home = {i: gid for gid, g in groups.items() for i in g}
    pending = list(vague)
    while pending:
        offers: dict[int, list[tuple, int]] = defaultdict(list)
        for v in pending:
            article = feats[v].mention.article_id
            best: dict[int, float] = {}
            for score, u in pairs.links[v]:
                gid = home.get(u)
                if gid is not None and score > best.get(gid, float("-inf")):
                    best[gid] = score
            for score, u in pairs.vouched[v]:
                gid = home.get(u)
                if gid is not None and score > best.get(gid, float("-inf")) and \
                        _holds_article(feats, groups[gid], article):
                    best[gid] = score
            own = {gid: sum(feats[u].mention.article_id == article for u in groups[gid])
                   for gid in best}
            ranked = sorted(
                (-own[gid] if by_count else not own[gid], -s, gid)
                for gid, s in best.items() if pairs.fits(v, groups[gid]))
            if ranked:
                offers[ranked[0][2]].append((ranked[0], v))
        taken = set()
        for gid in sorted(offers):
            for _, v in sorted(offers[gid]):
                if pairs.fits(v, groups[gid]):
                    groups[gid].append(v)
                    home[v] = gid
                    taken.add(v)
        if not taken:
            break
        pending = [v for v in pending if v not in taken]
    return pending


def clusters(feats: list[Features]) -> list[list[Features]]:
    if len(feats) == 1:
        return [list(feats)]    # whichever step takes it, a lone mention is its own group
    feats = sorted(feats, key=anchor_key)
    pairs = _Pairs(feats)
    spec = [i for i, f in enumerate(feats) if is_specific(f)]
    placeless = [i for i, f in enumerate(feats) if f.located and f.mention.place is None]
    held_back = set(placeless)
    vague = [i for i, f in enumerate(feats) if not is_specific(f) and i not in held_back]
    groups = {g[0]: g for g in _group_specific(spec, pairs)}
    rest = _attach_vague(vague, groups, feats, pairs)
    groups.update({g[0]: g for g in _agglomerate(rest, pairs, feats)})
    rest = _attach_vague(placeless, groups, feats, pairs, by_count=True)
    out = [sorted(g) for g in groups.values()] + _agglomerate(rest, pairs, feats)
    # members in anchor order; the first member (its anchor) names the event
    return [[feats[i] for i in g] for g in sorted(out)]
