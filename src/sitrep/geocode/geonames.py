"""Import a GeoNames dump (allCountries.txt, XX.txt, or their .zip) into the gazetteer cache.

The dump is read line by line (a 1.5 GB allCountries.txt never sits in memory) and written
in batches inside one transaction, so readers see the old gazetteer until the import commits
and an interrupted import leaves it unchanged.

Admin names: GeoNames rows carry admin *codes*. Names come from admin1CodesASCII.txt /
admin2Codes.txt when given (or found next to the dump), else from the dump's own ADM1/ADM2
rows; they are filled in with one UPDATE at the end, so row order in the dump does not matter.
Places that the packaged gazetteer already holds (same geonameid) are replaced by the dump's.
"""
from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sitrep.errors import GazetteerError
from sitrep.geocode.build import ADMIN_AFFIXES, _keep_alternate
from sitrep.geocode.names import ascii_name, key
from sitrep.geocode.schema import load_supplement

N_COLUMNS = 19
# Feature classes kept: A admin divisions, P populated places, L regions/areas. Mountains,
# streams, buildings (T, H, S, ...) are not where news places events often enough to pay
# for the size.
KEEP_CLASSES = {"A", "P", "L"}
ADMIN_CODES = {"ADM1": "admin1", "ADM1H": None, "ADM2": "admin2", "ADM2H": None}
BATCH = 10_000


@contextmanager
def _open_text(path: Path, member_hint: str | None = None) -> Iterator[tuple[io.TextIOBase, int]]:
    """A text stream over a .txt or the main .txt inside a .zip, and its size in bytes."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            txts = [i for i in zf.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename.lower()]
            if member_hint:
                txts = [i for i in txts if Path(i.filename).name == member_hint] or txts
            if not txts:
                raise GazetteerError(f"{path}: no .txt file inside the zip")
            info = max(txts, key=lambda i: i.file_size)
            with zf.open(info) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), info.file_size
    else:
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield fh, path.stat().st_size


def _read_codes(path: Path | None, depth: int) -> dict[tuple[str, ...], str]:
    """admin1CodesASCII.txt ("PK.02\tBalochistan\t...") or admin2Codes.txt ("PK.02.123\t...")."""
    out: dict[tuple[str, ...], str] = {}
    if path is None or not path.exists():
        return out
    with _open_text(path) as (fh, _):
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            parts = tuple(cols[0].split("."))
            if len(parts) == depth:
                out[parts] = cols[1]
    return out


def import_geonames(dump: str | os.PathLike, db_path: str | os.PathLike,
                    admin1_file: str | os.PathLike | None = None,
                    admin2_file: str | os.PathLike | None = None,
                    on_progress: Callable[[int], None] | None = None) -> dict:
    """Add the places of a GeoNames dump to the gazetteer at `db_path`; returns counts."""
    dump = Path(dump)
    if not dump.exists():
        raise GazetteerError(f"no such file: {dump}")
    folder = dump.parent
    a1_path = Path(admin1_file) if admin1_file else folder / "admin1CodesASCII.txt"
    a2_path = Path(admin2_file) if admin2_file else folder / "admin2Codes.txt"
    admin1_names = _read_codes(a1_path, 2)
    admin2_names = _read_codes(a2_path, 3)

    con = sqlite3.connect(db_path, isolation_level=None)
    try:
        iso2_to_3 = dict(con.execute("SELECT iso2, iso3 FROM countries").fetchall())
        if not iso2_to_3:
            raise GazetteerError(f"{db_path} is not a sitrep gazetteer (no countries)")
        con.execute("BEGIN")
        con.execute("CREATE TEMP TABLE gn_codes (pid INTEGER PRIMARY KEY, cc TEXT, a1 TEXT, a2 TEXT)")
        con.execute("CREATE TEMP TABLE gn_admin (cc TEXT, a1 TEXT, a2 TEXT, name TEXT)")
        con.executemany("INSERT INTO gn_admin VALUES (?,?,?,?)",
                        [(k[0], k[1], "", v) for k, v in admin1_names.items()] +
                        [(k[0], k[1], k[2], v) for k, v in admin2_names.items()])
        next_pid = (con.execute("SELECT MAX(pid) FROM places").fetchone()[0] or 0) + 1
        counts = {"lines": 0, "places": 0, "names": 0, "skipped": 0, "bad_lines": 0}
        places, names, codes, admins = [], [], [], []

        def flush():
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
            con.executemany("INSERT INTO names VALUES (?,?,?)", names)
            con.executemany("INSERT INTO gn_codes VALUES (?,?,?,?)", codes)
            con.executemany("INSERT INTO gn_admin VALUES (?,?,?,?)", admins)
            counts["places"] += len(places)
            counts["names"] += len(names)
            for buf in (places, names, codes, admins):
                buf.clear()

        with _open_text(dump) as (fh, total):
            done = 0
            for line in fh:
                counts["lines"] += 1
                done += len(line.encode("utf-8")) if on_progress else 0
                if on_progress and counts["lines"] % 50_000 == 0:
                    on_progress(done)
                    done = 0
                cols = line.rstrip("\n").split("\t")
                if len(cols) != N_COLUMNS:
                    counts["bad_lines"] += 1
                    continue
                fclass, fcode, cc = cols[6], cols[7], cols[8]
                iso3 = iso2_to_3.get(cc)
                if fclass not in KEEP_CLASSES or iso3 is None:
                    counts["skipped"] += 1
                    continue
                if fclass == "A" and fcode not in ADMIN_CODES:
                    counts["skipped"] += 1
                    continue
                try:
                    gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                    pop = int(cols[14] or 0)
                except ValueError:
                    counts["bad_lines"] += 1
                    continue
                feature = ADMIN_CODES.get(fcode) if fclass == "A" else ("region" if fclass == "L" else "city")
                if feature is None:
                    counts["skipped"] += 1
                    continue
                name = cols[1]
                if feature == "admin1" and (cc, cols[10]) not in admin1_names:
                    admins.append((cc, cols[10], "", name))
                if feature == "admin2" and (cc, cols[10], cols[11]) not in admin2_names:
                    admins.append((cc, cols[10], cols[11], name))
                pid = next_pid
                next_pid += 1
                places.append((pid, gid, name, iso3, "", "", lat, lon, pop, feature, "geonames"))
                codes.append((pid, cc, cols[10], cols[11]))
                seen = {key(name)}
                names.append((key(name), pid, 1))
                for alt in [cols[2]] + (cols[3].split(",") if cols[3] else []):
                    k = key(alt)
                    if k and k not in seen and _keep_alternate(alt):
                        seen.add(k)
                        names.append((k, pid, 0))
                if len(places) >= BATCH:
                    flush()
            flush()
            if on_progress:
                on_progress(done)
        _fill_admin_names(con)
        # the dump's version of a place replaces the packaged one
        con.execute("CREATE INDEX IF NOT EXISTS places_gid ON places(geonameid)")
        stale = ("SELECT p.pid FROM places p WHERE p.source != 'geonames' AND p.geonameid IN"
                 " (SELECT geonameid FROM places WHERE source = 'geonames')")
        counts["replaced"] = con.execute(f"SELECT COUNT(*) FROM ({stale})").fetchone()[0]
        con.execute(f"DELETE FROM names WHERE pid IN ({stale})")
        con.execute(f"DELETE FROM places WHERE pid IN ({stale})")
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"import:{dump.name}", str(counts["places"])))
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return counts


def _fill_admin_names(con: sqlite3.Connection) -> None:
    """Turn the imported rows' admin codes into names (with sitrep's renames applied)."""
    con.execute("CREATE INDEX gn_admin_k ON gn_admin(cc, a1, a2)")
    con.execute("""UPDATE places SET
        admin1 = COALESCE((SELECT a.name FROM gn_admin a, gn_codes c WHERE c.pid = places.pid
                  AND a.cc = c.cc AND a.a1 = c.a1 AND a.a2 = '' LIMIT 1), ''),
        admin2 = COALESCE((SELECT a.name FROM gn_admin a, gn_codes c WHERE c.pid = places.pid
                  AND a.cc = c.cc AND a.a1 = c.a1 AND a.a2 = c.a2 AND c.a2 != '' LIMIT 1), '')
        WHERE source = 'geonames'""")
    renames = {(r["country"], key(r["from"])): r["to"] for r in load_supplement().get("admin1_renames", [])}
    for iso3, a1 in con.execute("SELECT DISTINCT iso3, admin1 FROM places WHERE source = 'geonames'"
                                " AND admin1 != ''").fetchall():
        plain = ascii_name(a1)
        bare = ADMIN_AFFIXES.sub("", plain).strip() or plain
        new = renames.get((iso3, key(plain))) or renames.get((iso3, key(bare))) or bare
        if new != a1:
            con.execute("UPDATE places SET admin1 = ? WHERE source = 'geonames' AND iso3 = ? AND admin1 = ?",
                        (new, iso3, a1))
    # an imported ADM1 row is named after itself
    con.execute("UPDATE places SET admin1 = name WHERE source = 'geonames' AND feature = 'admin1' AND admin1 = ''")
