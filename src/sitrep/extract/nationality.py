"""A state's forces named by nationality: "Israeli artillery", "Saudi shelling", "a Russian
patrol" (data: generic `after_nationality` in actors.yaml), and "Turkish and Russian forces",
where the first demonym shares the head."""
from __future__ import annotations

import functools
import re

from sitrep.extract import lexicon
from sitrep.extract.actors import ActorHit, country_iso3, generic_actor

# "Turkish and Russian forces": the first demonym shares the head
_DEMONYM_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+and\s+$")


@functools.lru_cache(maxsize=1)
def _nationality_heads() -> tuple[re.Pattern, dict] | None:
    generic = lexicon.load("actors.yaml").get("generic") or {}
    kinds = {w.lower(): kind for kind, g in generic.items() for w in g.get("after_nationality") or ()}
    if not kinds:
        return None
    words = sorted(kinds, key=len, reverse=True)
    return re.compile(r"\b([A-Z][a-z]+)\s+(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"), kinds


def after_nationality(text: str, taken: list[tuple[int, int]]) -> list[ActorHit]:
    """"Israeli artillery", "a Russian patrol": a state's force named by its arms or units after
    its nationality (data: generic `after_nationality`)."""
    table = _nationality_heads()
    if table is None:
        return []
    rx, kinds = table
    out = []
    for m in rx.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        iso = country_iso3(m.group(1))
        if iso is None or m.group(1) != m.group(1).capitalize():
            continue
        kind = kinds[m.group(2).lower()]
        out.append(ActorHit(generic_actor(kind, iso, m.group(0)), m.start(), m.end(), kind, True))
    return out


def shared_head(text: str, hits: list[ActorHit]) -> list[ActorHit]:
    """"Turkish and Russian forces": a demonym joined to a state body's name shares its head,
    one body of each country."""
    out = []
    for h in hits:
        a = h.actor
        if a.type not in ("state_forces", "government") or not a.country:
            continue
        left = max(0, h.start - 40)
        first = _DEMONYM_PAIR.search(text[left:h.start])
        other = country_iso3(first.group(1)) if first else None
        s2 = left + first.start(1) if first else 0
        if not other or other == a.country or any(o.start <= s2 < o.end or o.actor.country == other for o in hits):
            continue
        kind = "government" if a.type == "government" else "police" if a.name.startswith("Police") else "military"
        word = first.group(1)
        if word.endswith("s") and country_iso3(word[:-1]):
            kind = "civilians"      # "Palestinians and Israeli forces": a people, not a second force
        out.append(ActorHit(generic_actor(kind, other, word), s2, s2 + len(word), kind, True))
    return out
