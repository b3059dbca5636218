"""4. Geocode: place names -> coordinates, country/admin1/admin2 and ACLED geo_precision.

    get_gazetteer()            the cached Gazetteer (compiled into $SITREP_CACHE on first use)
    Gazetteer.lookup(name, country_iso3=None, admin1=None) -> list[Place], best first
    country_iso3(text)         "Pakistani" / "Pakistan" / "PK" -> "PAK"
    country_name(iso3)         "COD" -> "Democratic Republic of Congo"
    ruler_patterns()           EntityRuler patterns (GPE/LOC) for places sitrep knows

`sitrep gazetteer import` adds a full GeoNames dump to the cache (geocode/geonames.py).
"""
from __future__ import annotations

from sitrep.geocode.gazetteer import Gazetteer, get_gazetteer, open_gazetteer


def country_iso3(text: str | None, metonyms: bool = True) -> str | None:
    return get_gazetteer().country_iso3(text, metonyms=metonyms)


def country_name(iso3: str | None) -> str | None:
    return get_gazetteer().country_name(iso3)


def ruler_patterns() -> list[dict]:
    return get_gazetteer().ruler_patterns()


__all__ = ["Gazetteer", "get_gazetteer", "open_gazetteer", "country_iso3", "country_name",
           "ruler_patterns"]


def place_country(name: str | None) -> str | None:
    """ISO3 of the country a place name most likely lies in ("Karachi" -> PAK), or None."""
    gaz = get_gazetteer()
    iso = gaz.country_iso3(name, kinds=gaz.PLACE_KINDS)
    if iso:
        return iso
    best = gaz.best(name)
    return best.iso3 if best is not None else None


__all__.append("place_country")
