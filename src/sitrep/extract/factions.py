"""Factions of registry groups that ACLED names apart: "Raia Mutomboki-Walike" ->
"Mayi Mayi Militia (Raia Mutomboki-Walike)" (data: an actor's `factions` in actors.yaml)."""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from sitrep.extract import lexicon
from sitrep.extract.actors import ActorHit, _by_id
from sitrep.models import Actor


@functools.lru_cache(maxsize=1)
def _factions() -> list[tuple[re.Pattern, Actor, str, tuple[str, ...]]]:
    """(pattern, actor, name template, pre-test) of the registry's groups whose factions ACLED
    names apart: "Raia Mutomboki-Walike" -> "Mayi Mayi Militia (Raia Mutomboki-Walike)" (data:
    an actor's `factions`). The pattern is case-sensitive, so a match holds one of the aliases
    followed by a hyphen as written: the pre-test strings."""
    out = []
    for a in lexicon.load("actors.yaml")["actors"]:
        if a.get("factions"):
            aliases = sorted((str(w) for w in a["aliases"]), key=len, reverse=True)
            words = "|".join(re.escape(w) for w in aliases)
            rx = re.compile(r"(?<![\w-])(" + words + r")-(?P<faction>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])")
            out.append((rx, _by_id()[a["id"]], a["factions"], tuple(w + "-" for w in aliases)))
    return out


def faction_hits(text: str) -> list[ActorHit]:
    hits = []
    for rx, actor, template, needs in _factions():
        if not any(w in text for w in needs):
            continue    # no alias with its hyphen: the pattern cannot match
        for m in rx.finditer(text):
            named = replace(actor, name=template.format(faction=m.group("faction")), text=m.group(0))
            hits.append(ActorHit(named, m.start(), m.end(), actor.actor_id, False))
    return hits
