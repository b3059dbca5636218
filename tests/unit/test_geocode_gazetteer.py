"""The compiled gazetteer: lookups, countries, ruler patterns, and the atomic build.

Uses the gazetteer cache (built once per machine from the installed packages, ~15 s)."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from sitrep.geocode import build as build_mod
from sitrep.geocode import country_iso3, country_name, get_gazetteer, place_country, ruler_patterns
from sitrep.geocode.names import core_key, key


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_key_folds_like_the_scorer():
    assert key("Sa'dah") == "sadah"
    assert key("Nord-Kivu") == key("Nord Kivu") == "nord kivu"
    assert key("Ḩaḑramawt") == "hadramawt"
    assert key("The Hague") == "hague"
    assert core_key("Khost province") == "khost"
    assert key(None) == ""


@pytest.mark.parametrize("text, iso", [
    ("Pakistan", "PAK"), ("Pakistani", "PAK"), ("Pakistanis", "PAK"), ("Iranian", "IRN"),
    ("Iran", "IRN"), ("PK", "PAK"), ("IRN", "IRN"), ("DRC", "COD"), ("Congolese", "COD"),
    ("United States", "USA"), ("U.S.", "USA"), ("Syria", "SYR"), ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"), ("Burma", "MMR"), ("Tehran", "IRN"),
])
def test_country_iso3(text, iso):
    assert country_iso3(text) == iso


def test_country_iso3_refuses_words_and_unknowns(gaz):
    assert country_iso3("us") is None            # lower-case "us" is a pronoun, not a code
    assert country_iso3("Atlantis") is None
    assert country_iso3("") is None
    assert country_iso3("Tehran", metonyms=False) is None
    assert gaz.country_iso3("Pakistani", kinds=gaz.PLACE_KINDS) is None


def test_country_names_in_acled_spelling():
    assert country_name("COD") == "Democratic Republic of Congo"
    assert country_name("IRN") == "Iran"
    assert country_name("SYR") == "Syria"
    assert country_name("PSE") == "Palestine"
    assert country_name("XXX") is None


def test_supplement_district(gaz):
    top = gaz.lookup("Turbat")[0]
    assert (top.iso3, top.admin1, top.admin2, top.feature) == ("PAK", "Balochistan", "Kech", "city")
    assert abs(top.latitude - 26.0) < 0.2 and abs(top.longitude - 63.05) < 0.2
    kech = gaz.lookup("Kech district")[0]
    assert kech.feature == "admin2" and kech.geo_precision == 2


@pytest.mark.parametrize("spelling", ["Sistan and Baluchestan", "Sistan-Baluchestan", "Sistan-Baluchistan",
                                      "Siestan-o-Baluchistan", "sistan baluchestan"])
def test_admin1_spellings(gaz, spelling):
    p = gaz.admin1(spelling)
    assert p is not None and p.iso3 == "IRN" and p.admin1 == "Sistan and Baluchestan"
    assert p.geo_precision == 3


@pytest.mark.parametrize("spelling", ["Balochistan", "Baluchistan"])
def test_balochistan(gaz, spelling):
    p = gaz.admin1(spelling)
    assert (p.iso3, p.admin1) == ("PAK", "Balochistan")


def test_kp_abbreviations_only_in_admin_context(gaz):
    assert gaz.admin1("KPK", "PAK", codes=True).admin1 == "Khyber Pakhtunkhwa"
    assert gaz.admin1("Khyber Pakhtunkhwa").iso3 == "PAK"


def test_country_hint_decides_namesakes(gaz):
    assert gaz.lookup("Punjab", "IND")[0].iso3 == "IND"
    assert gaz.lookup("Punjab", "PAK")[0].iso3 == "PAK"
    assert gaz.lookup("Hyderabad", "PAK")[0].iso3 == "PAK"
    assert gaz.lookup("Hyderabad", "IND")[0].iso3 == "IND"


def test_admin1_hint(gaz):
    top = gaz.lookup("Toba Tek Singh", "PAK", "Punjab")[0]
    assert top.admin1 == "Punjab"


def test_waziristan_is_admin2_of_kp(gaz):
    p = gaz.lookup("South Waziristan")[0]
    assert (p.iso3, p.admin1, p.feature) == ("PAK", "Khyber Pakhtunkhwa", "admin2")


def test_big_city_beats_villages(gaz):
    top = gaz.lookup("Karachi")[0]
    assert top.iso3 == "PAK" and top.feature == "city" and top.admin1 == "Sindh"


def test_country_place(gaz):
    p = gaz.country_place("PAK")
    assert p.feature == "country" and p.geo_precision == 3 and p.latitude is not None


def test_unknown_name(gaz):
    assert gaz.lookup("Xqzzyville") == []
    assert gaz.lookup("") == []


def test_place_country():
    assert place_country("Karachi") == "PAK"
    assert place_country("Zahedan") == "IRN"
    assert place_country("Xqzzyville") is None


def test_ruler_patterns():
    pats = ruler_patterns()
    assert 1000 < len(pats) < 50_000
    texts = {p["pattern"] for p in pats}
    assert {"Balochistan", "Sistan-Baluchestan", "Turbat", "Pakistan", "Khyber Pakhtunkhwa"} <= texts
    assert "Central" not in texts and "North" not in texts       # plain words stay out
    assert "PK" not in texts
    assert all(p["label"] in ("GPE", "LOC") for p in pats)
    assert all(p["pattern"][0].isupper() for p in pats)


def test_info(gaz):
    info = gaz.info()
    assert info["features"]["city"] > 100_000 and info["sources"]["supplement"] > 50


def test_concurrent_builds_leave_one_whole_file(tmp_path, monkeypatch):
    """Two builds racing for the same path: each writes a temp file and renames it, so the
    result is always a complete database and no temp file is left behind."""
    def tiny_fill(con):
        con.execute("INSERT INTO countries VALUES ('PAK', 'PK', 'Pakistan', 30.0, 70.0, 1)")

    monkeypatch.setattr(build_mod, "_fill", tiny_fill)
    target = tmp_path / "g.sqlite"
    threads = [threading.Thread(target=build_mod.build, args=(target, f"v{i}")) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    con = sqlite3.connect(target)
    assert con.execute("SELECT name FROM countries").fetchall() == [("Pakistan",)]
    assert con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0].startswith("v")
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]


def test_failed_build_keeps_the_old_cache(tmp_path, monkeypatch):
    target = tmp_path / "g.sqlite"
    target.write_bytes(b"old")

    def broken_fill(con):
        raise RuntimeError("package data unreadable")

    monkeypatch.setattr(build_mod, "_fill", broken_fill)
    with pytest.raises(RuntimeError):
        build_mod.build(target, "v")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]


def test_prune_keeps_the_newest_caches(tmp_path):
    import os

    from sitrep.geocode.gazetteer import _prune
    for i in range(5):
        f = tmp_path / f"gazetteer-v{i}.sqlite"
        f.write_bytes(b"x")
        os.utime(f, (1000 + i, 1000 + i))
    (tmp_path / "other.sqlite").write_bytes(b"keep")
    _prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-v3.sqlite", "gazetteer-v4.sqlite", "other.sqlite"]


def _child_lookup(queue):
    queue.put(get_gazetteer().lookup("Turbat")[0].iso3)


def test_gazetteer_survives_a_fork(gaz):
    import multiprocessing as mp
    gaz.lookup("Quetta")                       # the parent has an open handle
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child_lookup, args=(queue,))
    proc.start()
    proc.join(60)
    assert queue.get(timeout=5) == "PAK" and proc.exitcode == 0
    assert gaz.lookup("Quetta")[0].iso3 == "PAK"
