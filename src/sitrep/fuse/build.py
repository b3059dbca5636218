"""One Event from one cluster of mentions: fields chosen by vote, one claim per report.

    build_event(cluster) -> Event | None     None when no member asserts the event
                                             (a lone denial or a plan is not an event), or
                                             for a statement no one is reported making

Choices, each deterministic (ties go to the earliest report, the cluster's anchor order):
  - type: votes weighted by extraction confidence, a mention whose trigger names the weapon
    ("missile strike", "IED") counting 2 against one that says only "attack"; event type
    first, then the sub-event type within it;
  - CAMEO: among the mentions of the chosen type, the more specific code wins ("161" over "16");
  - actors: actor1 by vote per side (registry actors 1.2: a name from the registry beats
    "militants"), actor2 by vote among the other sides' targets, else their agents; every
    other actor reported becomes associated;
  - place: the country most reports give, then the finest level, then the most named place;
  - date: the day most reports that write a day give ("on Tuesday"); dates inherited from
    context or the page only when no report writes one; else the finest precision, then vote.
"""
from __future__ import annotations

import hashlib

from sitrep.fuse.cluster import anchor_key
from sitrep.fuse.compat import actor_sim
from sitrep.fuse.features import (Features, actor_key, generic_cameo, norm, place_level,
                                   written)
from sitrep.fuse.figures import disputes, figure_range
from sitrep.models import Actor, Claim, Event, Mention, Place


def event_id(anchor: Mention) -> str:
    """Named after the earliest report: a later article joining the event keeps its id."""
    return "ev" + hashlib.sha1(anchor.mention_id.encode("utf-8")).hexdigest()[:12]


def naming_report(members: list[Mention]) -> Mention:
    """The report an event is named after: the earliest asserted member (anchor order) that
    would be an event on its own, a kind of violence or a statement someone is reported
    making. A statement without a speaker forms no event by itself (see build_event), so
    naming by it would rename an existing event the day a later article ties the two."""
    return next((m for m in members if m.event_type is not None or m.actor1 is not None),
                members[0])


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
    """A report that names how the violence was delivered ("air strike", "IED") counts twice:
    the sub-event type of "killed" or "assaults" is the extractor's default. The vote goes
    down ACLED's hierarchy, event type first, then sub-event type within it, so two reports
    saying "missile strike" and "air strike" are not outvoted by two defaults that agree."""
    weight = {id(f): f.mention.confidence * (2.0 if f.group else 1.0) for f in feats}
    ev_type = _vote([(f.mention.event_type, weight[id(f)]) for f in feats])
    kind = _vote([((f.mention.event_type, f.mention.sub_event_type), weight[id(f)])
                  for f in feats if f.mention.event_type == ev_type])
    members = [f.mention for f in feats]
    same = [m for m in members if (m.event_type, m.sub_event_type) == kind] or members
    cameo = _vote([(m.cameo, m.confidence * (1 + 0.25 * len(generic_cameo(m.cameo))))
                   for m in same if m.cameo])
    goldstein = next((m.goldstein for m in same if m.cameo == cameo), None)
    return kind[0], kind[1], cameo or "", goldstein


def _side_vote(items: list[tuple[Actor, float]]) -> Actor | None:
    """The actor of the side most reports name: votes are summed per side (the same actor,
    or the same country and kind: "Military Forces of Iran" and "IRGC"), then the side's
    most named actor speaks for it. Ties go to the first seen."""
    sides: list[tuple[Actor, list[tuple[Actor, float]]]] = []
    for actor, weight in items:
        for rep, votes in sides:
            if (actor_sim(rep, actor) or 0) >= 0.7:
                votes.append((actor, weight))
                break
        else:
            sides.append((actor, [(actor, weight)]))
    if not sides:
        return None
    best = max(sum(w for _, w in votes) for _, votes in sides)
    votes = next(v for _, v in sides if sum(w for _, w in v) >= best - 1e-9)
    key = _vote([(actor_key(a), w) for a, w in votes])
    return next(a for a, _ in votes if actor_key(a) == key)


def choose_actors(members: list[Mention]) -> tuple[Actor | None, Actor | None, tuple[Actor, ...]]:
    """actor1: the side most reports name as the agent. actor2: the side most name as the
    target, among those not on the agent's side; when no report names a target, the other
    side some reports name as the agent (passives and attribution swap roles)."""
    seen: dict[str, Actor] = {}
    for m in members:
        for a in (m.actor1, m.actor2, *m.associated):
            if a is not None and a.name and actor_key(a) not in seen:
                seen[actor_key(a)] = a

    def weight(m: Mention, a: Actor) -> float:
        return m.confidence * (1.2 if a.actor_id else 1.0)

    agents = [(m.actor1, weight(m, m.actor1)) for m in members
              if m.actor1 is not None and m.actor1.name]
    actor1 = _side_vote(agents)

    def other(a: Actor | None) -> bool:
        return (a is not None and bool(a.name) and actor_key(a) != actor_key(actor1)
                and (actor_sim(actor1, a) or 0) < 0.7)

    actor2 = _side_vote([(m.actor2, weight(m, m.actor2)) for m in members if other(m.actor2)])
    if actor2 is None:
        actor2 = _side_vote([(a, w) for a, w in agents if other(a)])
    k1, k2 = actor_key(actor1), actor_key(actor2)
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
    """A day someone wrote beats a day a report only inherited: restatements ("the strikes
    by Iran") take the date of their context or of the page, which is often the day of the
    report rather than of the event. So the votes are among the day-precise written dates
    when there are any; otherwise among the finest dates of all members."""
    dated = [f for f in feats if f.span]
    if not dated:
        return None, 3
    stated = [f for f in dated if written(f.mention) and _span_days(f) == 0]
    if stated:
        dated = stated
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
    if ev_type is None and actor1 is None:
        return None     # CAMEO codes who did something to whom: with no one doing it, a
                        # statement is background ("the group had pledged allegiance to ...")
    place = choose_place(members)
    date, precision = choose_date(asserted)
    claims = tuple(make_claim(f.mention) for f in cluster)
    fatalities = figure_range(claims, "fatalities")
    injuries = figure_range(claims, "injuries")
    return Event(
        event_id=event_id(naming_report(members)), date=date, date_precision=precision,
        event_type=ev_type, sub_event_type=sub_type, cameo=cameo, goldstein=goldstein,
        actor1=actor1, actor2=actor2, associated=associated, place=place,
        fatalities=fatalities, injuries=injuries, claims=claims,
        disputes=disputes(claims, [f.mention for f in cluster]),
        mention_ids=tuple(c.mention_id for c in claims),
        summary=_summary(sub_type or ev_type, cameo, actor1, actor2, place, fatalities))
