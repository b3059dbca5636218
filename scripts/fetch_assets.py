#!/usr/bin/env python3
"""Fetch the offline basemap for the HTML report and the web app (run by `make install`).

The country borders come from Natural Earth via the npm package `world-atlas` (ISC licence,
data public domain). They are fetched at install time, not kept in git: the tarball comes from
the npm registry (through `npm pack` when npm is on the machine, else straight over HTTPS), its
sha512 is checked against the registry's published integrity, and countries-50m.json and
countries-110m.json are written into src/sitrep/export/assets/ (listed in .gitignore).

Without them the report still renders, without borders and with a visible note.
"""
from __future__ import annotations

import base64
import hashlib
import io
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

PACKAGE = "world-atlas"
VERSION = "2.0.2"
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
# dist.integrity as published by the registry for world-atlas@2.0.2
INTEGRITY = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
WANTED = {"package/countries-50m.json": "countries-50m.json",
          "package/countries-110m.json": "countries-110m.json",
          "package/LICENSE": "world-atlas.LICENSE"}
DEST = pathlib.Path(__file__).resolve().parents[1] / "src" / "sitrep" / "export" / "assets"


def _download() -> bytes:
    npm = shutil.which("npm")
    if npm:
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([npm, "pack", f"{PACKAGE}@{VERSION}", "--silent",
                                   "--pack-destination", tmp], capture_output=True, text=True)
            files = list(pathlib.Path(tmp).glob("*.tgz"))
            if done.returncode == 0 and files:
                return files[0].read_bytes()
    with urllib.request.urlopen(TARBALL, timeout=60) as resp:  # noqa: S310 - fixed https URL
        return resp.read()


def _check(data: bytes) -> None:
    algo, want = INTEGRITY.split("-", 1)
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != want:
        raise SystemExit(f"fetch_assets: {PACKAGE}-{VERSION}.tgz does not match its published {algo}")


def main() -> int:
    if all((DEST / name).exists() for name in WANTED.values()) and "--force" not in sys.argv:
        print(f"fetch_assets: basemap already in {DEST}")
        return 0
    try:
        data = _download()
    except OSError as exc:
        print(f"fetch_assets: could not fetch {PACKAGE}@{VERSION} ({exc}); "
              "reports will render without country borders", file=sys.stderr)
        return 0
    _check(data)
    DEST.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member, name in WANTED.items():
            fh = tar.extractfile(member)
            if fh is None:
                raise SystemExit(f"fetch_assets: {member} missing from the tarball")
            (DEST / name).write_bytes(fh.read())
    print(f"fetch_assets: wrote {', '.join(WANTED.values())} into {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
