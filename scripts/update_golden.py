#!/usr/bin/env python
"""Regenerate golden files from the current code; review the diff before committing.

    python scripts/update_golden.py            # every section
    python scripts/update_golden.py ingest     # one section

Sections (each a function below, registered in SECTIONS):
    ingest   tests/golden/ingest/inputs/* -> tests/golden/ingest/expected/<input>.json:
             what ingest makes of each hand-written input (documents, statuses, articles with
             title, date and how it was found, outlet, url, duplicates, and the cleaned text)
"""
from __future__ import annotations

import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
INGEST_DIR = ROOT / "tests" / "golden" / "ingest"


def ingest_snapshot(inputs: pathlib.Path) -> dict[str, list[dict]]:
    """input file name -> the documents ingest makes of it (duplicates resolved in path order)."""
    from sitrep.ingest import Deduper, iter_documents
    from sitrep.settings import Settings

    settings = Settings()
    deduper = Deduper({}, settings)
    results = []
    names: dict[str, str] = {}
    for doc, articles in iter_documents([str(inputs)], settings):
        doc, articles = deduper.check(doc, articles, None)
        for a in articles:
            names[a.article_id] = f"{a.document}#{a.index}"
        results.append((doc, articles))
    by_file: dict[str, list[dict]] = {}
    for doc, articles in results:
        rel = os.path.relpath(doc.source.split("#", 1)[0], inputs)
        by_file.setdefault(rel, []).append({
            "key": doc.key, "kind": doc.kind, "status": doc.status, "reason": doc.reason,
            "n_articles": doc.n_articles,
            "articles": [{
                "index": a.index, "status": a.status, "title": a.title, "published": a.published,
                "published_how": a.published_how, "published_inferred": a.published_inferred,
                "outlet": a.outlet, "url": a.url,
                "duplicate_of": names.get(a.duplicate_of) if a.duplicate_of else None,
                "text": a.text.split("\n"),
            } for a in articles],
        })
    return by_file


def update_ingest() -> None:
    out = INGEST_DIR / "expected"
    out.mkdir(parents=True, exist_ok=True)
    snap = ingest_snapshot(INGEST_DIR / "inputs")
    for old in out.glob("*.json"):
        if old.stem not in snap:
            old.unlink()
    for name, docs in snap.items():
        (out / f"{name}.json").write_text(json.dumps(docs, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    print(f"ingest: wrote {len(snap)} golden files to {out.relative_to(ROOT)}")


SECTIONS = {"ingest": update_ingest}


def main(argv: list[str]) -> int:
    wanted = argv or list(SECTIONS)
    unknown = [w for w in wanted if w not in SECTIONS]
    if unknown:
        print(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in wanted:
        SECTIONS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
