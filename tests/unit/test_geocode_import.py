"""`sitrep gazetteer import`: a GeoNames-format file streamed into a gazetteer cache.

The target is a minimal gazetteer (schema + two countries), so the test needs no package build."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.errors import GazetteerError
from sitrep.geocode.gazetteer import Gazetteer
from sitrep.geocode.geonames import import_geonames
from sitrep.geocode.schema import SCHEMA

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"


@pytest.fixture()
def cache(tmp_path) -> Path:
    path = tmp_path / "gazetteer.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?)",
                    [("PAK", "PK", "Pakistan", 33.7, 73.1, 1), ("IRN", "IR", "Iran", 35.7, 51.4, 1)])
    # a packaged Quetta that the dump's row (same geonameid) must replace
    con.execute("INSERT INTO places VALUES (1, 1167528, 'Quetta', 'PAK', 'Balochistan', '', 30.0, 67.0,"
                " 1000, 'city', 'packages')")
    con.execute("INSERT INTO names VALUES ('quetta', 1, 1)")
    con.commit()
    con.close()
    return path


def test_import_txt(cache):
    counts = import_geonames(FIXTURES / "PK.txt", cache)
    assert counts == {"lines": 7, "places": 4, "names": 8, "skipped": 2, "bad_lines": 1, "replaced": 1}
    gaz = Gazetteer(cache)
    town = gaz.lookup("Sitrepabad")[0]             # found by an alternate name
    assert town.name == "Qasr-e Sitrepabad"
    assert (town.iso3, town.admin1, town.admin2) == ("PAK", "Balochistan", "Test Kech District")
    assert (town.latitude, town.longitude, town.geo_precision) == (26.1234, 62.9876, 1)
    quetta = gaz.lookup("Quetta")
    assert len(quetta) == 1 and quetta[0].latitude == 30.1841          # replaced, not duplicated
    assert gaz.lookup("Kwatah")[0].name == "Quetta"
    assert gaz.lookup("Mount Sitrep") == []                             # class T is not kept
    assert gaz.lookup("Lonely Hamlet") == []                            # unknown country code
    valley = gaz.lookup("Sitrep Valley")[0]
    assert valley.feature == "region" and valley.admin1 == "Khyber Pakhtunkhwa"
    assert gaz.lookup("KSR") == []                                      # airport-style codes dropped
    assert gaz.info()["import:PK.txt"] == "4"


def test_import_zip_and_explicit_admin_files(cache, tmp_path):
    zpath = tmp_path / "PK.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(FIXTURES / "PK.txt", "PK.txt")
        zf.writestr("readme.txt", "not data")
    counts = import_geonames(zpath, cache, FIXTURES / "admin1CodesASCII.txt", FIXTURES / "admin2Codes.txt")
    assert counts["places"] == 4
    assert Gazetteer(cache).lookup("Kasr Sitrep")[0].admin2 == "Test Kech District"


def test_admin_names_from_the_dump_itself(cache, tmp_path):
    # without the code files the ADM2 row of the dump names its district
    shutil.copy(FIXTURES / "PK.txt", tmp_path / "only.txt")
    import_geonames(tmp_path / "only.txt", cache)
    town = Gazetteer(cache).lookup("Sitrepabad")[0]
    assert town.admin2 == "Test Kech District" and town.admin1 is None


def test_progress_reports_bytes(cache):
    seen = []
    import_geonames(FIXTURES / "PK.txt", cache, on_progress=seen.append)
    assert sum(seen) == (FIXTURES / "PK.txt").stat().st_size


def test_missing_file_and_foreign_db(cache, tmp_path):
    with pytest.raises(GazetteerError):
        import_geonames(tmp_path / "nope.txt", cache)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).executescript(SCHEMA)
    with pytest.raises(GazetteerError):
        import_geonames(FIXTURES / "PK.txt", empty)


def test_failed_import_changes_nothing(cache, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes((FIXTURES / "PK.txt").read_bytes() + b"\xff\xfe broken utf-8\n")
    with pytest.raises(UnicodeDecodeError):
        import_geonames(bad, cache)
    con = sqlite3.connect(cache)
    assert con.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 1


def test_cli_import_info_lookup(cache):
    from sitrep.cli import _register, cli
    _register()
    runner = CliRunner()
    res = runner.invoke(cli, ["gazetteer", "import", str(FIXTURES / "PK.txt"), "--cache", str(cache), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "imported 4 places" in res.output
    res = runner.invoke(cli, ["gazetteer", "lookup", "Sitrepabad", "--cache", str(cache)])
    assert res.exit_code == 0 and "Qasr-e Sitrepabad" in res.output and "Balochistan" in res.output
    res = runner.invoke(cli, ["gazetteer", "info", "--cache", str(cache)])
    assert res.exit_code == 0 and '"geonames": 4' in res.output
    res = runner.invoke(cli, ["gazetteer", "lookup", "Nowhere-at-all", "--cache", str(cache)])
    assert res.exit_code != 0
