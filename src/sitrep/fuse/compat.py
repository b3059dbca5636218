"""Can two mentions be the same event, and how much evidence says so?

    weigh(a, b) -> (compatible, score, identified)
                                          compatible False: they contradict (a veto), so no
                                          event may hold both; score None: no veto but nothing
                                          ties them either (not anchored); else the summed
                                          evidence; identified: same article, or enough
                                          evidence of identity (sitrep.fuse.identity)
    assess(a, b) -> (compatible, score)  as weigh, the score None when not identified
    pair_score(a, b) -> float | None     that score
    contradicts(a, b) -> bool            not compatible

Vetoes are the facts that two reports of one event do not disagree on: violent vs non-violent,
different CAMEO interactions, dates that do not overlap (or a day apart when both are written
in full), different countries/provinces/districts, two different particular places or distant
towns (for violence, demonstrations and strategic developments, whose place is the event),
and actors acting in reverse (A hits B vs B hits A). cluster.py keeps every vetoed pair out of
one event. A pair must also be anchored (see `anchored`): type and date agreeing is not
enough. The evidence terms are on a common scale where a full agreement on one dimension
counts 1.0:

    type    same sub-event type / CAMEO code 1.0; same group, or a trigger naming no weapon
            ("attack"), 0.5; different groups (a bombing vs a gunfight) -1.5
    date    same day 1.0, overlapping coarse dates 0.5
    place   same town 1.0, district 0.7, province 0.5, country 0.25 (the finest level both know)
    actors  agent and target each: same actor 1.0, same country and kind 0.7, one side vague 0.3;
            a different agent -0.5 for violence (attribution disputes) and a veto for statements
    words   shared trigger words 0.3

THRESHOLD 2.0: the vetoes and the anchor rule do most of the separating. A sweep over the
hand-built cases (tests/unit/test_fuse_cluster.py, test_fuse_links.py) and the gold simulation
(test_fuse_gold_simulation.py) gives the same events for any threshold from 0.5 to 2.5, and
from 2.75 reports of one event start to split (simulation seeds 0 and 1). 2.0 sits near the top
of that band so that, past the vetoes, a merge needs the equivalent of two full agreements
(same day and same actor); a shared province plus a vague actor (0.5 + 0.3) is not enough.
"""
from __future__ import annotations

import datetime as dt

from sitrep.fuse.features import (Features, actor_class, actor_key, defaulted, full_date, norm,
                                   same_name)
from sitrep.fuse.identity import identified_as_one
from sitrep.fuse.places import same_spot
from sitrep.models import Actor

THRESHOLD = 2.0
_ONE_DAY = dt.timedelta(days=1)


def cameo_compatible(a: str, b: str) -> bool:
    """Codes after generic_cameo(): equal, or one is the unspecified parent of the other
    ("16" vs "161"). Sibling codes ("111" condemn vs "114" complain) are different events."""
    return a.startswith(b) or b.startswith(a)


def type_score(a: Features, b: Features) -> float | None:
    if a.family != b.family:
        return None
    ma, mb = a.mention, b.mention
    if a.violent:
        if ma.sub_event_type and ma.sub_event_type == mb.sub_event_type and a.group and b.group:
            return 1.0
        if a.group is None or b.group is None or a.group == b.group:
            return 0.5
        return -1.5
    if not cameo_compatible(a.cameo, b.cameo):
        return None
    return 1.0 if a.cameo == b.cameo else 0.5


def date_score(a: Features, b: Features) -> float | None:
    if a.span is None or b.span is None:
        # no date of its own: no evidence, but the report's window must still fit; with no
        # publication date either, only its own article's mentions are in reach
        if a.window is None or b.window is None:
            return 0.0 if a.mention.article_id == b.mention.article_id else None
        (s1, e1), (s2, e2) = a.window, b.window
        return 0.0 if s1 <= e2 + _ONE_DAY and s2 <= e1 + _ONE_DAY else None
    (s1, e1), (s2, e2) = a.span, b.span
    if s1 <= e2 and s2 <= e1:
        # a publication-day default counts as that day when it agrees, and as the days
        # before publication only so as not to contradict (features.DEFAULT_DAY_SLACK)
        return 1.0 if _day(a) is not None and _day(a) == _day(b) else 0.5
    # Two outlets may date one event a day apart ("Tuesday night" / "Wednesday"), so a one-day
    # gap between day-precise dates is allowed across articles - but not inside one article,
    # whose dates are resolved against the same reference and so differ only for different
    # events, nor between two dates written out in full, which no reference day could shift.
    gap = min(abs((s2 - e1).days), abs((s1 - e2).days))
    if gap <= 1 and a.mention.article_id != b.mention.article_id \
            and not (full_date(a.mention) and full_date(b.mention)):
        return 0.0
    return None


def _day(f: Features) -> dt.date | None:
    """The one day a mention names, if it names one (a publication-day default included)."""
    if f.span is None or f.mention.date_precision != 1:
        return None
    return f.span[1] if (f.span[0] == f.span[1] or defaulted(f.mention)) else None


def place_score(a: Features, b: Features) -> float | None:
    if not a.located:
        # where a statement was made (a capital, a summit) says little about which statement
        # it was: agreement counts, disagreement does not veto
        return max(_place_score(a, b) or 0.0, 0.0)
    return _place_score(a, b)


def _place_score(a: Features, b: Features) -> float | None:
    pa, pb = a.mention.place, b.mention.place
    if pa is None or pb is None:
        return 0.0
    if a.country and b.country and a.country != b.country:
        return None
    for x, y in ((pa.admin1, pb.admin1), (pa.admin2, pb.admin2)):
        if same_name(x, y) is False:
            return None
    if a.spot and b.spot:
        # Two reports that each name a particular place report one event only if it is the
        # same place: ACLED's unit is one actor pair, one day, one location.
        return 1.0 if same_spot(pa, pb) else None
    common = min(a.level, b.level)
    return {4: 1.0, 3: 0.7, 2: 0.5, 1: 0.25}.get(common, 0.0)


def actor_sim(x: Actor | None, y: Actor | None) -> float | None:
    """1.0 same actor, 0.7 same country and kind, 0.3 same kind with a country missing,
    0.0 different, None when either is unknown."""
    if x is None or y is None:
        return None
    kx, ky = actor_key(x), actor_key(y)
    if kx and kx == ky:
        return 1.0
    cx, cy = actor_class(x), actor_class(y)
    if cx and cx == cy:
        if x.country and y.country:
            return 0.7 if x.country == y.country else 0.0
        return 0.3
    if cx is None or cy is None:
        # an untyped actor: fall back on shared name words ("Pakistan" / "Pakistani military")
        wx, wy = set(norm(x.name).split()), set(norm(y.name).split())
        return 0.3 if wx & wy else 0.0
    return 0.0


def actor_score(a: Features, b: Features) -> float | None:
    ma, mb = a.mention, b.mention
    agent = actor_sim(ma.actor1, mb.actor1)
    target = actor_sim(ma.actor2, mb.actor2)
    swapped = (actor_sim(ma.actor1, mb.actor2) or 0) >= 0.7 and (actor_sim(ma.actor2, mb.actor1) or 0) >= 0.7
    if agent == 0.0 and swapped:
        return None     # A acts on B vs B acts on A: a response, not the same event
    if agent == 0.0 and not a.violent:
        return None     # who said or did it is what tells two statements apart
    score = 0.0
    if agent is not None:
        # outlets blame different perpetrators for one attack (and passives confuse roles):
        # for violence a different agent is a dispute to record, so a penalty, not a veto
        score += agent if agent > 0 else -0.5
    if target:
        score += target
    elif target == 0.0 and not a.violent:
        score -= 1.0    # "condemned Iran" vs "condemned India"
    elif target is None:
        # one report names no target: it may sit among the other's associated actors
        score += 0.5 * max(_target_among(a, b), _target_among(b, a))
    return score


def _target_among(a: Features, b: Features) -> float:
    target = a.mention.actor2
    if target is None:
        return 0.0
    others = [y for y in b.actors if y is not b.mention.actor1]
    return max((actor_sim(target, y) or 0.0 for y in others), default=0.0)


def word_score(a: Features, b: Features) -> float:
    return 0.3 if a.trigger_words & b.trigger_words else 0.0


def anchored(a: Features, b: Features, place: float) -> bool:
    """Type and date alone never make two reports one event: they must also share where it
    happened (violence, demonstrations) or who it was done to, or who spoke (statements).
    Without this a report that names no place ("Iran also struck Iraq and Syria") would join,
    and so chain, strikes on the same day in different countries."""
    ma, mb = a.mention, b.mention
    target = max(actor_sim(ma.actor2, mb.actor2) or 0.0, _target_among(a, b), _target_among(b, a))
    agent = actor_sim(ma.actor1, mb.actor1) or 0.0
    if a.located:
        if (ma.place is None or mb.place is None) and ma.article_id == mb.article_id:
            # inside one article a restatement that names no place ("the strikes by Iran")
            # is tied by who did it; cluster.py gives it to the event its article reports most
            return place > 0 or agent >= 0.7 or target >= 0.7
        return place > 0 or target >= 0.7
    return agent >= 0.7 or target >= 0.7


def weigh(a: Features, b: Features) -> tuple[bool, float | None, bool]:
    """(compatible, score, identified): the score is None when the pair is not anchored;
    `identified` is False for reports of different articles without enough `identity`."""
    if not (a.usable and b.usable):
        return False, None, False
    parts = {}
    for part in (type_score, date_score, place_score, actor_score):
        value = part(a, b)
        if value is None:
            return False, None, False
        parts[part] = value
    if not anchored(a, b, parts[place_score]):
        return True, None, False
    # across articles, agreeing is not enough: see sitrep.fuse.identity
    identified = a.mention.article_id == b.mention.article_id or identified_as_one(a, b)
    return True, sum(parts.values()) + word_score(a, b), identified


def assess(a: Features, b: Features) -> tuple[bool, float | None]:
    compatible, score, identified = weigh(a, b)
    return compatible, score if identified else None


def pair_score(a: Features, b: Features) -> float | None:
    return assess(a, b)[1]


def contradicts(a: Features, b: Features) -> bool:
    return not assess(a, b)[0]


def same_event(a: Features, b: Features) -> bool:
    score = pair_score(a, b)
    return score is not None and score >= THRESHOLD
