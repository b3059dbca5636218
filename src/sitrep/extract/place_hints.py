"""Evidence outside a place's own name that ranks its namesakes or pins its country.

    demonym_countries(sent, gaz)   nationality words, in the order written
    mission_countries(text)        "the OSCE SMM observed" -> {"UKR"}
    mission_areas(text, gaz)       the provinces a mission reports from (countries.yaml)
    article_countries(doc, gaz)    every country the article names
    THING_AFTER                    "the US dollar": a country qualifying a thing

Used by sitrep.extract.places; split out to keep each module to one job.
"""
from __future__ import annotations

import functools
import math
import re

from sitrep.extract import lexicon
from sitrep.extract.spantext import ents_of, full_text, title_flags
from sitrep.models import Place

# "Israel-linked", "Russia-backed", "US-made", "Iraq- and Syria-based": who, not where
HYPHEN_MODIFIER = re.compile(r"-\s*(?:(?:and|or)\b|(?:linked|allied|backed|made|based|led|supported|funded|"
                             r"sponsored|aligned|affiliated|trained|armed|brokered|born|owned|registered|"
                             r"flagged|built|designed|supplied|inspired|friendly|oriented|centric|run)\b)")
# "the US dollar", "the Turkish embassy": a country that qualifies a thing, not the scene;
# it pins no country for the sentence's other names, nor makes one the article names (the
# things are cues.yaml `qualified_things`)
THING_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in lexicon.load("cues.yaml")["qualified_things"])
                         + r")\b", re.I)


def demonym_countries(sent, gaz) -> list[str]:
    """Countries of the nationality words in the sentence, in the order written (the first
    one usually qualifies the people the event befell: "killed six Pakistani soldiers ...,
    the army chief called his Iranian counterpart")."""
    out = []
    doc = sent.doc
    titles = title_flags(doc)
    first = getattr(sent, "start", 0)   # (a Doc starts at 0)
    for i in range(first, first + len(sent)):
        if not titles[i]:
            continue    # only a title-case word can add a country (tested first: it is cheap)
        tok = doc[i]
        nxt = tok.nbor(1).text.lower() if tok.i + 1 < len(tok.doc) else ""
        after = tok.nbor(2).text.lower() if tok.i + 2 < len(tok.doc) else ""
        if nxt == "-" and HYPHEN_MODIFIER.match(f"-{after}"):
            continue      # "Saudi-led coalition" says who, not where
        if (iso := gaz.country_iso3(tok.text, kinds=("demonym",))) and iso not in out:
            out.append(iso)
    return out


@functools.lru_cache(maxsize=1)
def _missions_rx():
    from sitrep.geocode.schema import load_countries_data
    missions = load_countries_data().get("missions") or {}
    if not missions:
        return None, {}
    names = sorted(missions, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), missions


def mission_countries(text: str) -> set[str]:
    """Countries implied by a mission that works only there ("the OSCE SMM observed")."""
    rx, missions = _missions_rx()
    return {missions[m.group(1)] for m in rx.finditer(text)} if rx else set()


@functools.lru_cache(maxsize=1)
def _areas() -> dict:
    from sitrep.geocode.schema import load_countries_data
    return load_countries_data().get("mission_areas") or {}


def mission_areas(text: str, gaz) -> list[Place]:
    """Provinces a named mission reports from (countries.yaml `mission_areas`), in order."""
    rx, missions = _missions_rx()
    areas = _areas()
    out = []
    for m in (rx.finditer(text) if rx else ()):
        for name in areas.get(m.group(1)) or ():
            a1 = gaz.admin1(name, missions[m.group(1)])
            if a1 is not None and a1 not in out:
                out.append(a1)
    return out


_ARTICLE_COUNTRIES: tuple = (None, frozenset())


def article_countries(doc, gaz, skip=frozenset()) -> frozenset:
    """Every country the article (this Doc) names, by name, capital or nationality word; not
    one that only qualifies a thing ("the US dollar", "Afghan nationals": THING_AFTER), nor
    an entity at the (start, end) character spans `skip` (words of a longer name: "Spain"
    in "Port of Spain"; the same spans for every call with the same Doc)."""
    global _ARTICLE_COUNTRIES
    last = _ARTICLE_COUNTRIES
    if last[0] is doc:
        return last[1]
    out = set()
    text = full_text(doc)
    for ent in ents_of(doc):
        if (ent.start_char, ent.end_char) in skip:
            continue
        if ent.label_ in ("GPE", "NORP") and not THING_AFTER.match(text, ent.end_char):
            kinds = ("demonym",) if ent.label_ == "NORP" else gaz.PLACE_KINDS
            iso = gaz.country_iso3(ent.text, kinds=kinds)
            if iso:
                out.add(iso)
    got = frozenset(out)
    _ARTICLE_COUNTRIES = (doc, got)
    return got


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))
