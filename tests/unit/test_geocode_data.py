"""Schema checks for the gazetteer's data files (countries.yaml, gazetteer_supplement.yaml)."""
from __future__ import annotations

import pycountry
import pytest
import yaml

from sitrep.geocode.names import key
from sitrep.geocode.schema import COUNTRIES, SUPPLEMENT

FEATURES = {"city", "admin2", "admin1", "region"}
# codes pycountry lacks but GeoNames uses
EXTRA_ISO3 = {"XKX"}


def _iso3_ok(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


@pytest.fixture(scope="module")
def supplement():
    with open(SUPPLEMENT, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def countries():
    with open(COUNTRIES, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_supplement_top_level(supplement):
    assert isinstance(supplement["version"], int)
    assert set(supplement) <= {"version", "admin1_renames", "admin1_codes", "ruler_exclude", "admin1", "places"}


def test_admin1_renames(supplement):
    seen = set()
    for r in supplement["admin1_renames"]:
        assert set(r) == {"country", "from", "to"}, r
        assert _iso3_ok(r["country"]), r
        assert r["from"].strip() and r["to"].strip(), r
        assert (r["country"], key(r["from"])) not in seen, f"duplicate rename {r}"
        seen.add((r["country"], key(r["from"])))


def test_admin1_entries(supplement):
    for e in supplement["admin1"]:
        assert set(e) <= {"country", "name", "aliases", "lat", "lon", "codes"}, e
        assert _iso3_ok(e["country"]) and e["name"].strip(), e
        assert isinstance(e.get("aliases", []), list), e
        if "lat" in e:
            assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180, e


def test_places(supplement):
    admin1_names = {(e["country"], e["name"]) for e in supplement["admin1"]}
    seen = set()
    for p in supplement["places"]:
        assert {"name", "country", "feature", "lat", "lon"} <= set(p), p
        assert set(p) <= {"name", "country", "admin1", "admin2", "feature", "lat", "lon", "aliases", "population"}, p
        assert p["feature"] in FEATURES, p
        assert _iso3_ok(p["country"]), p
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p
        assert isinstance(p.get("aliases", []), list), p
        if p.get("admin1"):
            assert (p["country"], p["admin1"]) in admin1_names, f"{p['name']}: admin1 {p['admin1']} not declared"
        k = (p["country"], key(p["name"]), p["feature"])
        assert k not in seen, f"duplicate place {p['name']}"
        seen.add(k)


def test_pakistan_places_lie_in_pakistan(supplement):
    # a coarse box around Pakistan catches swapped lat/lon and sign slips
    for p in supplement["places"]:
        if p["country"] == "PAK":
            assert 23 <= p["lat"] <= 37.5 and 60.5 <= p["lon"] <= 78, p["name"]
        if p["country"] == "IRN":
            assert 25 <= p["lat"] <= 40 and 44 <= p["lon"] <= 63.5, p["name"]


def test_admin1_codes(supplement):
    declared = {(e["country"], e["name"]) for e in supplement["admin1"]}
    for iso3, codes in supplement["admin1_codes"].items():
        assert _iso3_ok(iso3)
        for code, name in codes.items():
            assert 2 <= len(code) <= 4 and name.strip()
            if iso3 == "PAK":
                assert (iso3, name) in declared


def test_ruler_exclude_are_words(supplement):
    assert all(isinstance(w, str) and w.strip() for w in supplement["ruler_exclude"])


def test_countries_file(countries):
    assert isinstance(countries["version"], int)
    assert set(countries) <= {"version", "countries", "missions", "mission_areas", "admin_words"}
    for name, iso3 in countries.get("missions", {}).items():
        assert name.strip() and _iso3_ok(iso3), name
    for name, areas in countries.get("mission_areas", {}).items():
        assert name in countries["missions"], f"mission_areas {name}: not a mission"
        assert areas and all(isinstance(a, str) and a.strip() for a in areas), name
    for word, isos in countries.get("admin_words", {}).items():
        assert " " not in word and isos and all(_iso3_ok(i) for i in isos), word
    demonyms = {}
    for iso3, entry in countries["countries"].items():
        assert _iso3_ok(iso3), iso3
        assert set(entry) <= {"name", "aliases", "metonyms", "demonyms"}, iso3
        for kind in ("aliases", "metonyms", "demonyms"):
            assert isinstance(entry.get(kind, []), list), (iso3, kind)
        for d in entry.get("demonyms", []):
            assert demonyms.setdefault(key(d), iso3) == iso3, f"demonym {d} for two countries"
