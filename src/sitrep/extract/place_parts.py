"""How written names relate: a place and the town it is part of, a town and its province,
an office and its seat.

    known(name, gaz)                   the gazetteer has a place or country by that name
    OFFICES                            "the Mayor of Tyr": offices named after their place
    town_in_province(town, prov, gaz)  "Tijuana" lies in "Baja California"
    written_with_province(scored)      "in Tijuana Baja California": as if with a comma
    called_town(m, text)               "Basira town", "the village of X"
    PART_WORDS, beside, beside_town    "the Shufat neighbourhood of Jerusalem": a namesake by
                                       the written place is that part of it; a far one is not

Used by sitrep.extract.places; split out to keep each module to one job.
"""
from __future__ import annotations

import re

from sitrep.extract import lexicon
from sitrep.extract.place_hints import km
from sitrep.models import Place


def known(name: str, gaz) -> bool:
    return bool(gaz.lookup(name, limit=1)) or gaz.country_iso3(name) is not None


# "the Mayor of Tyr": offices named after the place they serve (cues.yaml `place_offices`)
OFFICES = frozenset(w.lower() for w in lexicon.load("cues.yaml")["place_offices"])


def town_in_province(town: str, province: str, gaz) -> bool:
    """Whether a place called `town` lies in a province called `province`."""
    return any(p.admin1 == a.admin1 for a in gaz.lookup(province, features=("admin1",), limit=3)
               for p in gaz.lookup(town, a.iso3, a.admin1, limit=5) if p.iso3 == a.iso3)


def written_with_province(scored: list) -> list:
    """"in Tijuana Baja California": a town written right before its own province (no comma)
    scores as if the comma were there ("X, Y state" gets +1 in event_place). `scored`:
    event_place's (score, order, mention, place, flag) tuples."""
    out = []
    for score, order, m, cand, flag in scored:
        if cand.feature == "city" and any(
                0 <= u[2].start - m.end <= 1 and u[3].feature == "admin1" and
                (u[3].iso3, u[3].admin1) == (cand.iso3, cand.admin1) for u in scored):
            score += 1.0
        out.append((score, order, m, cand, flag))
    return out


TOWN_WORD = r"(?:town|city|village|camp|neighbou?rhood|settlement|hamlet)"
TOWN_AFTER = re.compile(r"\s+" + TOWN_WORD + r"\b", re.I)
TOWN_BEFORE = re.compile(r"\b" + TOWN_WORD + r"\s+of\s+(?:the\s+)?$", re.I)


def called_town(m, doc_text: str) -> bool:
    """Whether the text calls the name a town, village or camp ("Basira town", "the village
    of X"): then it is no misspelt province."""
    return bool(TOWN_AFTER.match(doc_text, m.end) or TOWN_BEFORE.search(doc_text[max(0, m.start - 30):m.start]))


# the kinds of a name written before "of/in <town>" that make it a part of that town
# ("Zongo neighborhood in Cotonou", "Desnianskyi district of Kyiv"); not "town"/"city" ("Myrzakent
# town of Turkistan region": a town of a province)
PART_WORDS = {"neighbourhood", "neighborhood", "area", "camp", "quarter", "suburb", "district", "village",
              "commune", "sector", "locality"}
# How far from the seat of the place written after it ("X neighbourhood of Y") a namesake of X
# counts as part of Y: a city and its suburbs.
BESIDE_KM = 15


def beside(place: Place, area: Place) -> bool:
    """A namesake in another country than the written area, within BESIDE_KM of its seat
    (East Jerusalem's neighbourhoods, across a line from the city's own record)."""
    return None not in (place.latitude, area.latitude) and place.iso3 != area.iso3 and \
        km(place.latitude, place.longitude, area.latitude, area.longitude) <= BESIDE_KM


def beside_town(place: Place, town_name: str, gaz, hint_iso) -> bool:
    """Whether `place` may lie in or by the town written after it ("X neighbourhood in
    Cotonou"): true unless that names a town and `place` lies far from it."""
    if gaz.country_iso3(town_name, kinds=gaz.PLACE_KINDS):
        return True     # "Tripoli, Lebanon": a country, not Lebanon, Pennsylvania
    town = gaz.best(town_name, hint_iso, features=("city",))
    if town is None or town.latitude is None or place.latitude is None:
        return True
    return km(place.latitude, place.longitude, town.latitude, town.longitude) <= 3 * BESIDE_KM
