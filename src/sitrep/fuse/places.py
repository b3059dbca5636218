"""One place or two: comparing the places two reports give.

    same_spot(pa, pb) -> bool          two named places are one (name, gazetteer entry, nearness)
    distance_km(pa, pb) -> float|None  great-circle distance when both have coordinates
"""
from __future__ import annotations

import math

from sitrep.fuse.features import own_coordinates, same_name
from sitrep.models import Place

# Two located towns further apart than this are different events. ACLED codes an event "near
# a town" to that town (geo_precision 2), so outlets naming different villages of one strike
# can land some kilometres apart; 25 km allows for that. A judgement, not a measurement:
# revisit it when a corpus with located duplicates is scored.
SAME_PLACE_KM = 25.0


def same_spot(pa: Place, pb: Place) -> bool:
    """Two named places are one: the same name (transliterations too) or gazetteer entry, or,
    when either was only placed "near" a town (precision 2), within SAME_PLACE_KM. Names that
    differ at precision 1 are two towns however close. Only a gazetteer entry (or a precision
    1 supplement) gives a place its own coordinates; otherwise they are its district's or
    province's and say nothing about where in it the place lies."""
    if pa.geonameid and pa.geonameid == pb.geonameid:
        return True
    near = distance_km(pa, pb) if own_coordinates(pa) and own_coordinates(pb) else None
    if near is not None and near > SAME_PLACE_KM:
        return False        # two towns of one name in one district
    if same_name(pa.name, pb.name):
        return True
    both_exact = pa.geo_precision == 1 and pb.geo_precision == 1
    return near is not None and not both_exact


def distance_km(pa: Place, pb: Place) -> float | None:
    if None in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
        return None
    p1, p2 = math.radians(pa.latitude), math.radians(pb.latitude)
    dp, dl = p2 - p1, math.radians(pb.longitude - pa.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
