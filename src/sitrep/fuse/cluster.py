"""Group mentions into events: connected components of the "same event" relation.

    clusters(features) -> list[list[Features]]      each list sorted by anchor_key, the
                                                    clusters sorted by their first member

Why components and not greedy agglomeration with a cluster-wide constraint check: fusion reruns
over every stored mention after each batch, and an event must never be split by a later article.
Components are the one grouping where adding mentions can only add edges, so every earlier group
stays inside one later group; they are also a function of the set of mentions, so any input order
gives the same events. The price is chaining (A~B and B~C join A and C); the pair test in
compat.py is strict enough that a bridge needs one mention compatible on type, date, place and
actors with both sides, which two events in different districts, or with reversed actors, never
share.

Pairs are only scored inside a family and a date window (blocking), so the work grows with the
number of mentions per day rather than with the square of the corpus.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sitrep.fuse.compat import same_event
from sitrep.fuse.features import Features

_ONE_DAY = dt.timedelta(days=1)


def anchor_key(f: Features) -> tuple:
    """Stable order of mentions: earliest published report first, then by position. The first
    member of a cluster (its anchor) names the event, so later articles keep the id. Undated
    reports sort first: most new articles carry a date, and then they never take an anchor
    from an event named after an undated page."""
    m = f.mention
    return (m.published or "", m.document, m.article_index, m.start, m.mention_id)


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def candidate_pairs(feats: list[Features]):
    """Index pairs worth scoring: same family, date windows within a day of overlapping; a
    mention with no window at all (no date, no publication date) only meets its own article."""
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        by_family[f.family].append(i)
    for idx in by_family.values():
        dated = sorted((i for i in idx if feats[i].window), key=lambda i: feats[i].window)
        for pos, i in enumerate(dated):
            end = feats[i].window[1] + _ONE_DAY
            for j in dated[pos + 1:]:
                if feats[j].window[0] > end:
                    break
                yield i, j
        by_article: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_article[feats[i].mention.article_id].append(i)
        for i in idx:
            if not feats[i].window:
                for j in by_article[feats[i].mention.article_id]:
                    if j != i and (feats[j].window or j > i):
                        yield i, j


def clusters(feats: list[Features]) -> list[list[Features]]:
    feats = sorted(feats, key=anchor_key)
    uf = _UnionFind(len(feats))
    for i, j in candidate_pairs(feats):
        if uf.find(i) != uf.find(j) and same_event(feats[i], feats[j]):
            uf.union(i, j)
    groups: dict[int, list[Features]] = defaultdict(list)
    for i, f in enumerate(feats):
        groups[uf.find(i)].append(f)
    # members were added in anchor order, and the root is the smallest index = the anchor
    return [groups[r] for r in sorted(groups)]
