"""Whether two reports from different articles are one event: positive evidence of identity.

    identity(a, b) -> tuple[str, ...]      the kinds of evidence the pair shares
    identified_as_one(a, b) -> bool        enough of it (compat.weigh asks this across articles)

Compatibility (sitrep.fuse.compat) only says that two reports do not contradict each other. Kind,
day, province and generic actors ("Protesters (Peru)", "Unidentified Armed Group (Syria)")
agree for many events at once - a day of protests in one province, one army's shelling of
several villages - so across articles they never make one event on their own. Evidence is:

    place    the same particular place: a located town, a named village or hill the gazetteer
             placed or not, or one the sentence names ("shelled the outskirts of X")
    party    the same party: a named group, or a state (its forces, police and government act
             for one side, as in ACLED's inter codes); for a statement, the one who made it
    figures  the same toll of dead or injured, DISTINCT_COUNT or more

and these cancel all of it: each report names a particular place the other does not give (a
village named in each; a toll repeated in each village's report), or death tolls too far apart
to be one count told twice. Outlets reporting one strike with different figures and framings
still share the party, the town or the toll, and a report too vague to share any of them joins
through its own article (cluster.py, vouched links). Inside one article none of this is asked:
a restatement ("the attack") is tied by the article itself.

Measured on ACLED notes (global_2020_05, first 2000, one event per document; evaluate.py
notes): 1,942 stored mentions fused into 1,303 events before this evidence was required and
into 1,832 after (events per note as extracted, fused within their own note: 1,939); the demo
corpus keeps its fusions (23/23 matched, its duplicates down from 2 to 1).
"""
from __future__ import annotations

from sitrep.fuse.features import Features, actor_class, actor_key, generic_actor, same_name, written
from sitrep.fuse.places import same_spot

# The smallest count of dead or injured that two unrelated events seldom share: one victim is
# the commonest count of all (200 of the 380 fatal events among the first 2000 ACLED notes of
# global_2020_05; two dead: 62), so two reports of "a man was shot dead" the same day in one
# province say nothing more.
DISTINCT_COUNT = 2


def identified_as_one(a: Features, b: Features) -> bool:
    """Enough evidence: one kind; two for located events whose sentences state days a day
    apart ("on Tuesday" / "on Wednesday": tolerated, as outlets do date one event differently,
    but a disagreement). A day one report only inherited from its context says little."""
    stated = written(a.mention) and written(b.mention)
    need = 2 if a.located and stated and _days_apart(a, b) else 1
    return len(identity(a, b)) >= need


def identity(a: Features, b: Features) -> tuple[str, ...]:
    """The kinds of evidence two reports share (see the module docstring); none when they
    name different particular places or tolls far apart."""
    if _counts_differ(a, b):
        return ()
    differ = places_differ(a, b)
    if a.located and differ:
        return ()
    kinds = ["place"] if not differ and _places_agree(a, b) else []
    if a.located:
        shared = bool(_parties(a.actors) & _parties(b.actors))
    else:   # a statement is told apart by who made it
        shared = bool(_parties((a.mention.actor1,)) & _parties((b.mention.actor1,)))
    if shared:
        kinds.append("party")
    if any(x is not None and x >= DISTINCT_COUNT and x == y for x, y in zip(a.counts, b.counts)):
        kinds.append("figures")
    return tuple(kinds)


def _parties(actors) -> set:
    """The parties among actors: a state (its forces, police and government act for one
    side, as in ACLED's inter codes) or a named group; generic actors are no party."""
    out = set()
    for x in actors:
        if x is None or generic_actor(x):
            continue
        out.add(("state", x.country) if actor_class(x) == "state" and x.country else actor_key(x))
    return out


def _counts_differ(a: Features, b: Features) -> bool:
    """The two reports give death tolls too far apart to be one count told twice: more than
    twice the smaller plus two (3 and 14 dead; not 6 and 9, 85 and "nearly 100", 7 and 10,
    which outlets and updates do give for one event)."""
    x, y = a.counts[0], b.counts[0]
    return x is not None and y is not None and max(x, y) > 2 * min(x, y) + 2


def _particulars(f: Features) -> set[str]:
    return set(f.names) | ({f.spot} if f.spot else set())


def places_differ(a: Features, b: Features) -> bool:
    """Each report names a particular place the other does not give: one of them may contain
    the other ("Kalag village, Tump" and "Sami town, Tump" share the container
    only), so a name they share does not make them one place. Admin units the gazetteer did
    not place are compared with each other only (a village may lie in the district)."""
    pa, pb = _particulars(a), _particulars(b)
    if a.spot and b.spot and same_spot(a.mention.place, b.mention.place):
        pa, pb = pa - {a.spot}, pb - {b.spot}     # two names for one place ("near" a town)
    if any(not any(same_name(x, y) for y in pb) for x in pa) and \
            any(not any(same_name(x, y) for x in pa) for y in pb):
        return True
    return bool(a.areas and b.areas and not any(same_name(x, y) for x in a.areas for y in b.areas))


def _places_agree(a: Features, b: Features) -> bool:
    """Both name the same particular place (the geocoded one by name or gazetteer entry, not
    mere nearness, or one the sentence names); the caller has checked that neither names
    another the other lacks (`places_differ`)."""
    pa, pb = a.mention.place, b.mention.place
    if a.town and b.town and (same_name(a.town, b.town)
                              or (pa.geonameid and pa.geonameid == pb.geonameid)):
        return True
    return any(same_name(x, y) for x in _particulars(a) for y in _particulars(b))


def _days_apart(a: Features, b: Features) -> bool:
    return bool(a.span and b.span and (a.span[1] < b.span[0] or b.span[1] < a.span[0]))
