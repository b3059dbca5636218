#!/usr/bin/env python3
"""Fetch the offline assets of the HTML report and the web app (run by `make install`).

- Country borders: Natural Earth via the npm package `world-atlas` (ISC licence, data public
  domain): countries-50m.json and countries-110m.json into src/sitrep/export/assets/.
  Without them the report still renders, without borders and with a visible note.
- The API docs page: `swagger-ui-dist` (Apache-2.0): its bundle and stylesheet into
  src/sitrep/web/static/, so /docs works without a CDN (without them /docs uses the CDN).

Nothing here is kept in git (.gitignore lists the files): each tarball comes from the npm
registry (through `npm pack` when npm is on the machine, else straight over HTTPS) and its
sha512 is checked against the integrity the registry publishes for that exact version.
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

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "sitrep"
# (package, version, dist.integrity as published by the registry, {member: file}, folder)
PACKAGES = [
    ("world-atlas", "2.0.2",
     "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
     {"package/countries-50m.json": "countries-50m.json",
      "package/countries-110m.json": "countries-110m.json",
      "package/LICENSE": "world-atlas.LICENSE"},
     SRC / "export" / "assets"),
    ("swagger-ui-dist", "5.17.14",
     "sha512-CVbSfaLpstV65OnSjbXfVd6Sta3q3F7Cj/yYuvHMp1P90LztOLs6PfUnKEVAeiIVQt9u2SaPwv0LiH/OyMjHRw==",
     {"package/swagger-ui-bundle.js": "swagger-ui-bundle.js",
      "package/swagger-ui.css": "swagger-ui.css",
      "package/LICENSE": "swagger-ui.LICENSE"},
     SRC / "web" / "static"),
]


def _download(package: str, version: str) -> bytes:
    npm = shutil.which("npm")
    if npm:
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([npm, "pack", f"{package}@{version}", "--silent",
                                   "--pack-destination", tmp], capture_output=True, text=True)
            files = list(pathlib.Path(tmp).glob("*.tgz"))
            if done.returncode == 0 and files:
                return files[0].read_bytes()
    url = f"https://registry.npmjs.org/{package}/-/{package}-{version}.tgz"
    with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 - fixed https URL
        return resp.read()


def _check(package: str, version: str, integrity: str, data: bytes) -> None:
    algo, want = integrity.split("-", 1)
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != want:
        raise SystemExit(f"fetch_assets: {package}-{version}.tgz does not match its published {algo}")


def fetch(package, version, integrity, wanted, dest, force=False) -> None:
    if not force and all((dest / name).exists() for name in wanted.values()):
        print(f"fetch_assets: {package} already in {dest}")
        return
    try:
        data = _download(package, version)
    except OSError as exc:
        print(f"fetch_assets: could not fetch {package}@{version} ({exc}); "
              "the report and web app work without it, with less", file=sys.stderr)
        return
    _check(package, version, integrity, data)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member, name in wanted.items():
            fh = tar.extractfile(member)
            if fh is None:
                raise SystemExit(f"fetch_assets: {member} missing from {package}-{version}.tgz")
            (dest / name).write_bytes(fh.read())
    print(f"fetch_assets: wrote {', '.join(wanted.values())} into {dest}")


def main() -> int:
    for spec in PACKAGES:
        fetch(*spec, force="--force" in sys.argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
