"""One Event from one cluster of mentions: fields chosen by vote, one claim per report.

    build_event(cluster) -> Event | None     None when no member asserts the event
                                             (a lone denial or a plan is not an event)

Choices, each deterministic (ties go to the earliest report, the cluster's anchor order):
  - type: votes weighted by extraction confidence, a mention whose trigger names the weapon
    ("missile strike", "IED") counting 1.5 against one that says only "attack";
  - CAMEO: among the mentions of the chosen type, the more specific code wins ("161" over "16");
  - actors: actor1 by vote (registry actors 1.2: a name from the registry beats "militants"),
    actor2 by vote among the others, every other actor reported becomes associated;
  - place: the country most reports give, then the finest level, then the most named place;
  - date: the finest precision any report gives, then the day most reports give.
"""
from __future__ import annotations

import hashlib

from sitrep.fuse.cluster import anchor_key
from sitrep.fuse.compat import actor_sim
from sitrep.fuse.features import Features, actor_key, generic_cameo, norm, place_level
from sitrep.fuse.figures import disputes, figure_range
from sitrep.models import Actor, Claim, Event, Mention, Place


def event_id(anchor: Mention) -> str:
    """Named after the earliest report: a later article joining the event keeps its id."""
    return "ev" + hashlib.sha1(anchor.mention_id.encode("utf-8")).hexdigest()[:12]


def _vote(items: list[tuple[object, float]]):
    """The key with the highest total weight; ties go to the first seen (anchor order)."""
    totals: dict[object, float] = {}
    for key, weight in items:
        totals[key] = totals.get(key, 0.0) + weight
    if not totals:
        return None
    best = max(totals.values())
    return next(k for k in totals if totals[k] >= best - 1e-9)


def choose_type(feats: list[Features]) -> tuple[str | None, str | None, str, float | None]:
    kind = _vote([((f.mention.event_type, f.mention.sub_event_type),
                   f.mention.confidence * (1.5 if f.group else 1.0)) for f in feats])
    members = [f.mention for f in feats]
    same = [m for m in members if (m.event_type, m.sub_event_type) == kind] or members
    cameo = _vote([(m.cameo, m.confidence * (1 + 0.25 * len(generic_cameo(m.cameo))))
                   for m in same if m.cameo])
    goldstein = next((m.goldstein for m in same if m.cameo == cameo), None)
    return kind[0], kind[1], cameo or "", goldstein


def choose_actors(members: list[Mention]) -> tuple[Actor | None, Actor | None, tuple[Actor, ...]]:
    seen: dict[str, Actor] = {}
    for m in members:
        for a in (m.actor1, m.actor2, *m.associated):
            if a is not None and a.name and actor_key(a) not in seen:
                seen[actor_key(a)] = a
    k1 = _vote([(actor_key(m.actor1), m.confidence * (1.2 if m.actor1.actor_id else 1.0))
                for m in members if m.actor1 is not None and m.actor1.name])
    actor1 = seen.get(k1) if k1 else None
    k2 = _vote([(actor_key(m.actor2), m.confidence * (1.2 if m.actor2.actor_id else 1.0))
                for m in members if m.actor2 is not None and m.actor2.name
                and actor_key(m.actor2) != k1 and (actor_sim(actor1, m.actor2) or 0) < 0.7])
    actor2 = seen.get(k2) if k2 else None
    associated = tuple(a for k, a in seen.items() if k not in (k1, k2))
    return _plain(actor1), _plain(actor2), tuple(_plain(a) for a in associated)


def _plain(actor: Actor | None) -> Actor | None:
    """The canonical actor without the words of one sentence."""
    if actor is None:
        return None
    return Actor(actor.name, actor.country, actor.type, actor.actor_id)


def choose_place(members: list[Mention]) -> Place | None:
    places = [m.place for m in members if m.place is not None]
    if not places:
        return None
    country = _vote([(p.iso3 or norm(p.country), 1.0) for p in places])
    places = [p for p in places if (p.iso3 or norm(p.country)) == country]
    finest = max(place_level(p) for p in places)
    places = [p for p in places if place_level(p) == finest]
    name = _vote([((norm(p.name), norm(p.admin2), norm(p.admin1)), 1.0) for p in places])
    chosen = next(p for p in places if (norm(p.name), norm(p.admin2), norm(p.admin1)) == name)
    return Place(chosen.name, chosen.country, chosen.iso3, chosen.admin1, chosen.admin2,
                 chosen.latitude, chosen.longitude, chosen.geo_precision, chosen.feature,
                 chosen.geonameid)


def _span_days(f: Features) -> int:
    return (f.span[1] - f.span[0]).days if f.span else 10 ** 6


def choose_date(feats: list[Features]) -> tuple[str | None, int]:
    dated = [f for f in feats if f.span]
    if not dated:
        return None, 3
    finest = min(_span_days(f) for f in dated)
    dated = [f for f in dated if _span_days(f) == finest]
    day = _vote([(f.mention.date, f.mention.confidence) for f in dated])
    m = next(f.mention for f in dated if f.mention.date == day)
    date, precision = m.date, m.date_precision
    if len(date) == 10 and precision >= 3:
        date = date[:7]     # the contract's coarser form when only the month is known
    if len(date) < 10:
        precision = 3
    return date, precision


def make_claim(m: Mention) -> Claim:
    return Claim(mention_id=m.mention_id, document=m.document, article=m.article_index,
                 article_id=m.article_id, outlet=m.outlet, published=m.published,
                 text=m.sentence, attributed_to=m.attributed_to, fatalities=m.fatalities,
                 injuries=m.injuries, start=m.start, end=m.end, modality=m.modality)


def _summary(ev_type: str | None, cameo: str, a1, a2, place: Place | None, fat) -> str:
    who = " -> ".join(a.name for a in (a1, a2) if a is not None) or "unknown actors"
    where = ", ".join(x for x in (place.name if place else None, place.admin1 if place else None,
                                  place.country if place else None) if x)
    text = f"{who}: {ev_type or 'CAMEO ' + cameo}"
    if where:
        text += f" in {where}"
    if fat.high:
        text += f" ({fat.low}-{fat.high} killed)" if fat.low != fat.high else f" ({fat.high} killed)"
    return text


def build_event(cluster: list[Features]) -> Event | None:
    cluster = sorted(cluster, key=anchor_key)
    asserted = [f for f in cluster if f.mention.modality == "asserted"]
    if not asserted:
        return None
    members = [f.mention for f in asserted]
    ev_type, sub_type, cameo, goldstein = choose_type(asserted)
    actor1, actor2, associated = choose_actors(members)
    place = choose_place(members)
    date, precision = choose_date(asserted)
    claims = tuple(make_claim(f.mention) for f in cluster)
    fatalities = figure_range(claims, "fatalities")
    injuries = figure_range(claims, "injuries")
    return Event(
        event_id=event_id(members[0]), date=date, date_precision=precision,
        event_type=ev_type, sub_event_type=sub_type, cameo=cameo, goldstein=goldstein,
        actor1=actor1, actor2=actor2, associated=associated, place=place,
        fatalities=fatalities, injuries=injuries, claims=claims,
        disputes=disputes(claims, [f.mention for f in cluster]),
        mention_ids=tuple(c.mention_id for c in claims),
        summary=_summary(sub_type or ev_type, cameo, actor1, actor2, place, fatalities))
