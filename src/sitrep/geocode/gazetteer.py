"""Gazetteer lookups over the compiled SQLite cache (see build.py for how it is made).

    gaz = get_gazetteer()
    gaz.lookup("Turbat", country_iso3="PAK")      -> [Place(...), ...] best first
    gaz.country_iso3("Pakistani")                 -> "PAK"
    gaz.admin1("Baluchistan", "PAK")              -> Place for the province

Candidates are ranked by a score that adds up (weights chosen by hand and checked on the
ACLED dev notes with scripts/eval_geo_time.py):
  population     log10 of the population (a 100k town scores 5); admin divisions count
                 as a 10^5 / 10^4.6 place, countries as 10^8, so a province beats a village
                 of the same name but not a large city
  primary name   +1 when the query is the place's own name, not one of its alternate names
  country hint   +4 when the place is in the hinted country
  admin1 hint    +3 when the place lies in the hinted admin1
  curated        +0.5 for sitrep's own supplement entries (they exist to override)
"""
from __future__ import annotations

import functools
import math
import os
import sqlite3
import threading
from pathlib import Path

from sitrep.cachefiles import write_pickles
from sitrep.geocode.names import key
from sitrep.models import Place

FEATURE_WEIGHT = {"country": 8.0, "admin1": 5.0, "admin2": 4.6, "region": 4.6}
PRECISION = {"city": 1, "admin2": 2, "region": 2, "admin1": 3, "country": 3}

_LOCK = threading.Lock()
_MISSING = object()


def _close_spellings(k: str, candidates, cutoff: float):
    """(ratio, item) for each (key, item) whose key is spelled like `k`: the same first letter,
    a length within 3 and a difflib ratio of at least `cutoff`."""
    import difflib
    first, n = k[:1], len(k)
    counts: dict[str, int] = {}
    for c in k:
        counts[c] = counts.get(c, 0) + 1
    for ckey, item in candidates:
        m = len(ckey)
        if ckey[:1] != first or abs(m - n) > 3:
            continue
        # difflib's real_quick_ratio and quick_ratio, upper bounds of ratio (same matches),
        # computed here without building a SequenceMatcher for every candidate: same values
        if _ratio(min(n, m), n + m) < cutoff or _ratio(_common(counts, ckey), n + m) < cutoff:
            continue
        ratio = difflib.SequenceMatcher(None, k, ckey).ratio()
        if ratio >= cutoff:
            yield ratio, item


def _ratio(matches: int, length: int) -> float:
    """difflib's _calculate_ratio."""
    return 2.0 * matches / length if length else 1.0


def _common(counts: dict[str, int], other: str) -> int:
    """How many characters two strings share, with repeats (difflib's quick_ratio count);
    `counts` are the first string's character counts."""
    avail = dict(counts)
    matches = 0
    for c in other:
        left = avail.get(c, 0)
        if left > 0:
            avail[c] = left - 1
            matches += 1
    return matches


# The Arabic article as names are written in Latin letters: "al"/"el", and assimilated before
# the sun letters ("ash Shaddadah", "ar Raqqa", "as Sweida", "ad Dana").
ARTICLES = ("al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az")


def article_variants(k: str) -> list[str]:
    """Other keys for an Arabic name key: with "al", with the article assimilated to its
    first letter ("shaddadah" -> "al shaddadah", "ash shaddadah"), another form of the article
    it has ("al shaddadah" -> "ash shaddadah"). Never the name without its article: "El Mina"
    is no "Mina"."""
    first, _, rest = k.partition(" ")
    if first in ARTICLES and rest:
        return [v for v in article_variants(rest) if v != k]
    if len(k) < 4 or not k[0].isalpha():
        return []
    sun = next((d for d in ("sh", "th", "dh") if k.startswith(d)), k[0] if k[0] in "tdrzsn" else None)
    return [f"al {k}"] + ([f"a{sun} {k}"] if sun else [])


class Gazetteer:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._pid, self._connection = None, None
        self._country_cache: dict[str, tuple[str, str, float | None, float | None] | None] = {}
        # Memos of pure lookups (the cache file is read-only while open): a corpus names the
        # same few hundred places over and over, and each lookup is one or two SQL queries.
        self._memo: dict[tuple, object] = {}

    MEMO_MAX = 200_000      # entries; cleared when full (a few tens of MB at most)

    def _memo_get(self, k: tuple):
        return self._memo.get(k, _MISSING)

    def _memo_put(self, k: tuple, value):
        if len(self._memo) >= self.MEMO_MAX:
            self._memo.clear()
        self._memo[k] = value
        return value

    def clear_cache(self) -> None:
        """Forget memoised lookups (after the cache file was rebuilt or imported into)."""
        self._memo.clear()
        self._country_cache.clear()
        for attr in ("_gid_population", "_gid_scans", "_gid_index", "_admin1_index", "_country_names"):
            self.__dict__.pop(attr, None)
        self.__class__._admin1_keys.cache_clear()
        self.__class__._province_places.cache_clear()

    # -------------------------------------------------------------- countries
    # name: "Pakistan"; alias: "Burma"; abbrev: "DRC", "U.S." (capitals only); code: ISO
    # "PK"/"PAK" (capitals only); demonym: "Pakistani"; metonym: "Tehran" for Iran's government
    # (curated: such a name is read as the government wherever it is a subject); capital:
    # every capital, for its government only where the parse makes it a party ("Kabul warned
    # Dushanbe"), never as a place's country
    ALL_KINDS = ("name", "alias", "abbrev", "code", "demonym", "metonym", "capital")
    _KIND_RANK = {k: i for i, k in enumerate(ALL_KINDS)}    # the first kind a name has wins
    GOVERNMENT_KINDS = ("metonym", "capital")
    # what can stand for the territory in a place phrase ("in the DRC", not "in PK")
    PLACE_KINDS = ("name", "alias", "abbrev")

    def country_iso3(self, text: str | None, metonyms: bool = True,
                     kinds: tuple[str, ...] | None = None) -> str | None:
        """ISO3 of a country name, alias, demonym, ISO2/ISO3 code ("Pakistani" -> PAK);
        capitals standing for their government ("Tehran") only when `metonyms`. `kinds`
        narrows what counts (PLACE_KINDS: only names that denote the territory)."""
        if not text:
            return None
        memo_key = ("country_iso3", text, metonyms, tuple(kinds) if kinds else None)
        got = self._memo_get(memo_key)
        if got is not _MISSING:
            return got
        return self._memo_put(memo_key, self._country_iso3(text, metonyms, kinds))

    def _country_iso3(self, text: str, metonyms: bool, kinds: tuple[str, ...] | None) -> str | None:
        kinds = kinds or tuple(k for k in self.ALL_KINDS if metonyms or k not in self.GOVERNMENT_KINDS)
        k = key(text)
        bare = text.strip().replace(".", "").replace("&", "")
        if not (bare.isupper() and len(bare) <= 5):
            kinds = tuple(x for x in kinds if x not in ("code", "abbrev"))   # "us", "pak" are words
        rows = self._country_rows(k)
        if not rows and k.endswith("s") and "demonym" in kinds:
            # a plural nationality ("Afghans"); only a nationality: "Congos" is no plural of
            # the country "Congo" (a neighbourhood of Macapa, Brazil)
            rows = [r for r in self._country_rows(k[:-1]) if r[1] == "demonym"]
        rows = sorted((r for r in rows if r[1] in kinds), key=lambda r: self._KIND_RANK.get(r[1], 9))
        if rows:
            return rows[0][0]
        return None

    def _country_rows(self, k: str) -> tuple[tuple[str, str], ...]:
        """(iso3, kind) of every country name with key `k`, in table order (the order the key's
        index gives them). The table is small (~1,700 rows, read in a millisecond): read once,
        not queried once per spelling (country_iso3 meets ~10k spellings in 2,500 notes)."""
        table = self.__dict__.get("_country_names")
        if table is None:
            grouped: dict[str, list] = {}
            for nk, iso3, kind in self._con.execute("SELECT key, iso3, kind FROM country_names ORDER BY rowid"):
                grouped.setdefault(nk, []).append((iso3, kind))
            table = self._country_names = {nk: tuple(rows) for nk, rows in grouped.items()}
        return table.get(k, ())

    def country(self, iso3: str | None) -> tuple[str, str, float | None, float | None] | None:
        """(iso3, name, lat, lon) of a country."""
        if not iso3:
            return None
        if iso3 not in self._country_cache:
            row = self._con.execute("SELECT iso3, name, lat, lon FROM countries WHERE iso3 = ?",
                                    (iso3.upper(),)).fetchone()
            self._country_cache[iso3] = tuple(row) if row else None
        return self._country_cache[iso3]

    def country_name(self, iso3: str | None) -> str | None:
        row = self.country(iso3)
        return row[1] if row else None

    def country_place(self, iso3: str, text: str | None = None) -> Place | None:
        row = self.country(iso3)
        if not row:
            return None
        return Place(name=row[1], country=row[1], iso3=row[0], latitude=row[2], longitude=row[3],
                     geo_precision=3, feature="country", text=text)

    # -------------------------------------------------------------- places
    def lookup(self, name: str | None, country_iso3: str | None = None, admin1: str | None = None,
               features: tuple[str, ...] | None = None, limit: int = 10, codes: bool = False) -> list[Place]:
        """Places called `name`, best first (see the module docstring for the ranking).
        `codes` also accepts subdivision codes ("UP", "KPK"), for admin context only."""
        memo_key = ("lookup", name, country_iso3, admin1, tuple(features) if features else None, limit, codes)
        got = self._memo_get(memo_key)
        if got is _MISSING:
            got = self._memo_put(memo_key, tuple(self._lookup(name, country_iso3, admin1, features,
                                                              limit, codes)))
        return list(got)

    def _lookup(self, name, country_iso3, admin1, features, limit, codes) -> list[Place]:
        k = key(name)
        if not k:
            return []
        rows = self._rows(k, codes)
        towns = features is None or "city" in features
        for other in ([] if rows or codes or not towns else article_variants(k)):
            # "Qamishli" for the gazetteer's "Al Qamishli", "Al Shaddadah" for "Ash Shaddadah":
            # Arabic names are written with and without the article; an alternate spelling.
            # (Towns only: provinces have their curated spellings and fuzzy_admin1.)
            rows = [(*row[:-1], 0) for row in self._rows(other, codes)]
            if rows:
                break
        a1key = key(admin1) if admin1 else ""
        scored = []
        for row in rows:
            pid, gid, pname, iso3, a1, a2, lat, lon, pop, feature, source, primary = row
            if features and feature not in features:
                continue
            score = FEATURE_WEIGHT.get(feature, math.log10((pop or 0) + 10))
            score += 1.0 if primary == 1 else 0.0
            if country_iso3 and iso3 == country_iso3:
                score += 4.0
            if a1key and a1 and self._admin1_matches(a1, a1key, iso3):
                score += 3.0
            if source == "supplement":
                score += 0.5
            scored.append((score, -pid, row))
        scored.sort(reverse=True)
        return [self._place(row, name) for _, _, row in scored[:limit]]

    def _rows(self, k: str, codes: bool) -> tuple[tuple, ...]:
        """The places with a name of key `k`, one query per key: lookup's memo is by country,
        province, features and limit too, and a corpus asks for one name with many of those."""
        memo_key = ("rows", k, codes)
        got = self._memo_get(memo_key)
        if got is _MISSING:
            got = self._memo_put(memo_key, tuple(self._con.execute(
                "SELECT p.pid, p.geonameid, p.name, p.iso3, p.admin1, p.admin2, p.lat, p.lon,"
                " p.population, p.feature, p.source, MAX(n.is_primary)"
                " FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND n.is_primary >= ?"
                " GROUP BY p.pid", (k, -1 if codes else 0)).fetchall()))
        return got

    def best(self, name: str | None, country_iso3: str | None = None, admin1: str | None = None,
             features: tuple[str, ...] | None = None) -> Place | None:
        found = self.lookup(name, country_iso3, admin1, features, limit=1)
        return found[0] if found else None

    def admin1(self, name: str | None, country_iso3: str | None = None, codes: bool = False) -> Place | None:
        """The first-level division called `name` (any spelling the gazetteer knows)."""
        found = self.lookup(name, country_iso3, features=("admin1",), limit=1, codes=codes)
        if found and (country_iso3 is None or found[0].iso3 == country_iso3):
            return found[0]
        return None

    def population(self, place: Place) -> int:
        """Population of a place (0 when unknown)."""
        memo_key = ("population", place.geonameid, place.name, place.iso3, place.feature)
        got = self._memo_get(memo_key)
        if got is not _MISSING:
            return got
        if place.geonameid is not None:
            return self._memo_put(memo_key, self._population_of_gid(place.geonameid))
        else:
            row = self._con.execute("SELECT MAX(population) FROM places WHERE name = ? AND iso3 = ?"
                                    " AND feature = ?", (place.name, place.iso3, place.feature)).fetchone()
        return self._memo_put(memo_key, int(row[0] or 0) if row else 0)

    # A cache built before revision 16 (schema.py) has no index on geonameid unless a GeoNames
    # dump was imported into it, so each query scans the table (~7 ms); after a few, one pass
    # collects every population instead.
    GID_SCANS_BEFORE_TABLE = 16

    def _population_of_gid(self, gid: int) -> int:
        table = getattr(self, "_gid_population", None)
        if table is None:
            self._gid_scans = getattr(self, "_gid_scans", 0) + 1
            if self._gid_scans <= self.GID_SCANS_BEFORE_TABLE or self._has_gid_index():
                row = self._con.execute("SELECT MAX(population) FROM places WHERE geonameid = ?",
                                        (gid,)).fetchone()
                return int(row[0] or 0) if row else 0
            table = self._gid_population = dict(self._con.execute(
                "SELECT geonameid, MAX(population) FROM places"
                " WHERE geonameid IS NOT NULL AND population > 0 GROUP BY geonameid"))
        return int(table.get(gid) or 0)

    def _has_gid_index(self) -> bool:
        if not hasattr(self, "_gid_index"):
            self._gid_index = any(
                "(geonameid)" in (sql or "").replace(" ", "") for (sql,) in self._con.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'places'"))
        return self._gid_index

    def is_curated_code(self, text: str) -> bool:
        """Whether an abbreviation is one the supplement lists for a province ("UP", "KPK")."""
        from sitrep.geocode.schema import load_supplement
        codes = load_supplement().get("admin1_codes") or {}
        return any(text in table for table in codes.values())

    def is_curated_admin1(self, iso3: str, name: str) -> bool:
        """Whether sitrep's supplement fixes this province's spelling."""
        if not hasattr(self, "_curated"):
            from sitrep.geocode.schema import load_supplement
            sup = load_supplement()
            self._curated = {(e["country"], e["name"]) for e in sup.get("admin1", [])} | \
                {(r["country"], r["to"]) for r in sup.get("admin1_renames", [])}
        return (iso3, name) in self._curated

    def fuzzy_admin1(self, name: str | None, country_iso3: str | None = None,
                     cutoff: float = 0.84) -> Place | None:
        """The province whose spelling is closest to `name` ("Atacora" ~ "Atakora",
        "Tillabery" ~ "Tillaberi"), when exact lookup finds none. Without a country the best
        match must be clearly better than the runner-up in another country."""
        k = key(name)
        if len(k) < 5:
            return None
        memo_key = ("fuzzy_admin1", k, country_iso3, cutoff)
        got = self._memo_get(memo_key)
        if got is _MISSING:
            got = self._memo_put(memo_key, self._fuzzy_admin1(k, country_iso3, cutoff))
        return got

    def _fuzzy_admin1(self, k: str, country_iso3: str | None, cutoff: float) -> Place | None:
        if not hasattr(self, "_admin1_index"):
            # CROSS JOIN keeps `places` as the outer loop (the ~4k admin1 rows, then names by
            # pid): the planner otherwise walks the whole names index (0.6 s instead of 15 ms)
            rows = self._con.execute(
                "SELECT DISTINCT n.key, p.name, p.iso3 FROM places p CROSS JOIN names n ON n.pid = p.pid"
                " WHERE p.feature = 'admin1' AND n.is_primary >= 0").fetchall()
            # by (country or None, first letter): _close_spellings only compares keys with the
            # same first letter, so the other ~95 % of the 4k spellings need not be walked
            index: dict[tuple, list] = {}
            for akey, aname, iso3 in rows:
                index.setdefault((None, akey[:1]), []).append((akey, (aname, iso3)))
                if iso3:
                    index.setdefault((iso3, akey[:1]), []).append((akey, (aname, iso3)))
            self._admin1_index = index
        scored = [(ratio, aname, iso3) for ratio, (aname, iso3) in _close_spellings(
            k, self._admin1_index.get((country_iso3 or None, k[:1]), ()), cutoff)]
        if not scored:
            return None
        scored.sort(reverse=True)
        best = scored[0]
        rivals = [r for r in scored[1:] if r[2] != best[2] and r[0] >= best[0] - 0.03]
        if rivals and not country_iso3:
            return None
        return self.admin1(best[1], best[2])

    def fuzzy_place(self, name: str | None, country_iso3: str, admin1: str,
                    cutoff: float = 0.86) -> Place | None:
        """The town or district of one province whose name is spelled closest to `name`
        ("Quamishli" ~ "Qamishli"), when exact lookup finds none there; None when two
        different places match about as well."""
        k = key(name)
        if len(k) < 5 or not country_iso3 or not admin1:
            return None
        memo_key = ("fuzzy_place", k, country_iso3, admin1, cutoff)
        got = self._memo_get(memo_key)
        if got is _MISSING:
            got = self._memo_put(memo_key, self._fuzzy_place(k, country_iso3, admin1, cutoff))
        return got

    @functools.lru_cache(maxsize=32)
    def _province_places(self, iso3: str, admin1: str) -> tuple[tuple[str, tuple], ...]:
        """(key, row) of the towns and districts of one province, for the last few provinces
        asked about (a corpus revisits a few; the query reads the places_province index, ~2 ms
        for a large province). In the order the rows came in before that index existed, the
        places_admin1 index's (feature, name, pid; Python orders strings as SQLite's BINARY
        collation does): among close spellings that tie, _fuzzy_place keeps the first."""
        rows = self._con.execute(
            "SELECT p.pid, p.geonameid, p.name, p.iso3, p.admin1, p.admin2, p.lat, p.lon, p.population,"
            " p.feature, p.source, 1 FROM places p WHERE p.iso3 = ? AND p.admin1 = ?"
            " AND p.feature IN ('city', 'admin2')", (iso3, admin1)).fetchall()
        rows.sort(key=lambda row: (row[9], row[2], row[0]))
        return tuple((key(row[2]), row) for row in rows)

    def _fuzzy_place(self, k: str, iso3: str, admin1: str, cutoff: float) -> Place | None:
        scored = [(ratio, row[8] or 0, row)
                  for ratio, row in _close_spellings(k, self._province_places(iso3, admin1), cutoff)]
        if not scored:
            return None
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        best = scored[0]
        if any(r[0] >= best[0] - 0.02 and key(r[2][2]) != key(best[2][2]) for r in scored[1:]):
            return None
        return self._place(best[2], best[2][2])

    @functools.lru_cache(maxsize=4096)
    def _admin1_keys(self, admin1: str, iso3: str) -> frozenset[str]:
        """Every spelling of an admin1 (its name plus the names of its admin1 place)."""
        rows = self._con.execute(
            "SELECT n.key FROM places p JOIN names n ON n.pid = p.pid"
            " WHERE p.feature = 'admin1' AND p.iso3 = ? AND p.name = ?", (iso3, admin1)).fetchall()
        return frozenset([key(admin1)] + [r[0] for r in rows])

    def _admin1_matches(self, admin1: str, wanted_key: str, iso3: str) -> bool:
        return wanted_key in self._admin1_keys(admin1, iso3)

    def _place(self, row, text) -> Place:
        pid, gid, pname, iso3, a1, a2, lat, lon, pop, feature, source, primary = row
        country = self.country_name(iso3)
        return Place(name=pname, country=country, iso3=iso3, admin1=a1 or None,
                     admin2=(a2 or None) if feature != "admin1" else None,
                     latitude=lat, longitude=lon, geo_precision=PRECISION.get(feature, 1),
                     feature=feature, geonameid=gid, text=text)

    # -------------------------------------------------------------- entity ruler
    def ruler_patterns(self, min_population: int = 50_000) -> list[dict]:
        """EntityRuler phrase patterns: countries, admin1/admin2 names, regions, the
        supplement, and cities of at least `min_population` (50k keeps the list near 40k
        patterns, which an EntityRuler loads in about a second). Kept in a file next to the
        cache, valid while the cache file and the data it is built from are unchanged: every
        process (and `-j` worker) needs them at start-up, and the query takes ~0.3 s."""
        import pickle
        from sitrep.geocode.schema import version
        saved = self.path.with_name(f"{self.path.name}.ruler-{min_population}.pickle")
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size, version())
        except OSError:
            return self._ruler_patterns(min_population)
        try:
            with open(saved, "rb") as fh:
                got = pickle.load(fh)
            if isinstance(got, dict) and got.get("stamp") == stamp:
                return got["patterns"]
        except Exception:   # noqa: BLE001 - missing or unreadable: rebuild it
            pass
        patterns = self._ruler_patterns(min_population)
        write_pickles(saved, {"stamp": stamp, "patterns": patterns})
        return patterns

    def _ruler_patterns(self, min_population: int) -> list[dict]:
        from sitrep.geocode.schema import load_supplement
        exclude = {key(w) for w in load_supplement().get("ruler_exclude", [])}
        exclude |= {k for (k,) in self._con.execute("SELECT key FROM country_names WHERE kind IN ('code', 'abbrev')")}
        out, seen = [], set()

        def add(text: str, label: str, ident: str) -> None:
            if not text or not text[0].isupper() or len(text) < 3 or key(text) in exclude:
                return
            if (text, label) not in seen:
                seen.add((text, label))
                out.append({"label": label, "pattern": text, "id": ident})

        for name, iso3 in self._con.execute("SELECT name, iso3 FROM countries"):
            add(name, "GPE", f"country:{iso3}")
        rows = self._con.execute(
            "SELECT p.name, p.iso3, p.feature, p.source, p.population FROM places p"
            " WHERE p.feature IN ('admin1', 'admin2', 'region') OR p.source = 'supplement'"
            " OR p.population >= ?", (min_population,))
        for name, iso3, feature, source, pop in rows:
            if feature == "admin2" and source != "supplement" and " " not in name and len(name) < 5:
                continue    # short district names ("Ain", "Bay") are words more often than places
            add(name, "LOC" if feature == "region" else "GPE", f"{feature}:{iso3}")
        sup = load_supplement()
        for entry in sup.get("admin1", []):
            for alias in entry.get("aliases") or ():
                add(alias, "GPE", f"admin1:{entry['country']}")
        for entry in sup.get("places", []):
            for alias in entry.get("aliases") or ():
                add(alias, "LOC" if entry.get("feature") == "region" else "GPE",
                    f"{entry.get('feature', 'city')}:{entry['country']}")
        return out

    def info(self) -> dict:
        con = self._con
        counts = dict(con.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature").fetchall())
        sources = dict(con.execute("SELECT source, COUNT(*) FROM places GROUP BY source").fetchall())
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        return {"path": str(self.path), "size_bytes": self.path.stat().st_size, "features": counts,
                "sources": sources, "names": con.execute("SELECT COUNT(*) FROM names").fetchone()[0],
                **meta}

    @property
    def _con(self) -> sqlite3.Connection:
        """Read-only and shared between threads (every query is a short SELECT); reopened in
        a forked worker, since an SQLite handle must not cross a fork."""
        if self._pid != os.getpid():
            self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._pid, self._connection = None, None


def open_gazetteer(path: str | os.PathLike | None = None, build_missing: bool = True) -> Gazetteer:
    """Open the cache at `path` (default: the versioned file in the cache dir), building it
    first when it does not exist."""
    from sitrep.geocode import schema
    target = Path(path or os.environ.get("SITREP_GAZETTEER") or schema.default_path())
    if not target.exists():
        if not build_missing:
            from sitrep.errors import GazetteerError
            raise GazetteerError(f"no gazetteer at {target}")
        from sitrep.geocode.build import build
        with _LOCK:
            if not target.exists():
                build(target, schema.version())
                if target.parent == schema.cache_dir():
                    _prune(target.parent)
    return Gazetteer(target)


def _prune(folder: Path, keep: int = 3) -> None:
    """Drop all but the newest few versioned caches (each is ~55 MB; a new supplement or
    package version makes a new one). A process still reading an old file keeps it open."""
    old = sorted(folder.glob("gazetteer-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in old[keep:]:
        for stale in [path, *folder.glob(f"{path.name}.ruler-*.pickle")]:
            try:
                stale.unlink()
            except OSError:
                pass


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built into the cache on first use)."""
    return open_gazetteer()
