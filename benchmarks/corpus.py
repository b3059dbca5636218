"""Build the benchmark corpus in a temp folder: JSONL files of {"id", "text"} records.

Sources, in this order:
  1. the project's own articles: examples/demo and tests/fixtures, read with sitrep's own
     ingest (so page boilerplate is gone and a page of six articles gives six), ok only;
  2. ACLED dev notes, one note per article, from ../shared/data/acled-dev.jsonl when that file
     is there at run time (read, never copied into the repository), taken evenly spread
     through the file so every country and year is in;
  3. without the notes, new articles recombined from the sentences of (1), so the corpus
     still reaches the requested size without exact or near duplicates (sitrep would mark
     those and skip their analysis, which would flatter it against spaCy).
"""
from __future__ import annotations

import json
import os
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED_NOTES = ROOT.parent / "shared" / "data" / "acled-dev.jsonl"
MAX_FIXTURE_BYTES = 5 * 1024 * 1024   # fixtures include deliberately huge bad inputs
RECORDS_PER_FILE = 500


def own_articles() -> list[tuple[str, str]]:
    """(id, text) of every ok article in examples/demo and tests/fixtures."""
    from sitrep.ingest import iter_documents
    from sitrep.settings import Settings

    settings = Settings(progress=False)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()      # the same article can sit in several fixtures (.txt, .gz, ...)
    for folder in (ROOT / "examples" / "demo", ROOT / "tests" / "fixtures"):
        if not folder.is_dir():
            continue
        files = sorted(str(p) for p in folder.rglob("*")
                       if p.is_file() and p.stat().st_size <= MAX_FIXTURE_BYTES
                       and p.suffix not in (".py", ".pyc", ".yaml", ".yml"))
        for path in files:
            try:
                for doc, articles in iter_documents([path], settings):
                    for art in articles:
                        if art.status == "ok" and len(art.text.split()) >= 20 \
                                and art.text not in seen:
                            seen.add(art.text)
                            out.append((f"own:{len(out)}:{doc.key}:{art.index}", art.text))
            except Exception:  # noqa: BLE001 - a fixture ingest cannot read is not a benchmark text
                continue
    return out


def acled_notes(n: int, path: pathlib.Path = SHARED_NOTES) -> list[tuple[str, str]]:
    if n <= 0 or not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    step = max(1, len(rows) // n)
    picked = rows[::step][:n]
    return [(f"acled:{r['uid']}", r["notes"]) for r in picked if r.get("notes")]


def recombined(pool: list[tuple[str, str]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    sentences = [s for _, text in pool
                 for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if len(s.split()) >= 6]
    if not sentences:
        raise SystemExit("benchmark: no texts to build a corpus from (examples/demo is empty "
                         "and ../shared is absent)")
    rng = random.Random(seed)
    out, seen, tries = [], set(), 0
    while len(out) < n:
        tries += 1
        text = " ".join(rng.sample(sentences, min(len(sentences), rng.randint(4, 9))))
        # give up on uniqueness for a tiny pool (counting tries: `seen` stops growing once a
        # pool's combinations run out, so a bound on it would loop forever)
        if text not in seen or tries > 50 * n:
            seen.add(text)
            out.append((f"mix:{len(out)}", text))
    return out


def build(folder: pathlib.Path, articles: int, use_shared: bool = True) -> dict:
    """Write at least `articles` records under `folder`; return what went in."""
    own = own_articles()
    notes = acled_notes(articles - len(own)) if use_shared else []
    extra = recombined(own, articles - len(own) - len(notes)) \
        if len(own) + len(notes) < articles else []
    records = own + notes + extra
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(records), RECORDS_PER_FILE):
        chunk = records[start:start + RECORDS_PER_FILE]
        with open(folder / f"part-{start // RECORDS_PER_FILE:04d}.jsonl", "w", encoding="utf-8") as fh:
            for rid, text in chunk:
                fh.write(json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n")
    words = sum(len(t.split()) for _, t in records)
    return {"articles": len(records), "words": words, "bytes": sum(
        os.path.getsize(p) for p in folder.glob("*.jsonl")),
        "from": {"own": len(own), "acled_notes": len(notes), "recombined": len(extra)}}


def texts(folder: pathlib.Path) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            out.extend(json.loads(line)["text"] for line in fh if line.strip())
    return out


if __name__ == "__main__":
    # Run as a child of run.py, so the benchmark process itself stays small: Linux counts the
    # parent's memory into a child's peak RSS when it forks and execs the measured command.
    import argparse
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--no-shared", action="store_true")
    a = ap.parse_args()
    print(json.dumps(build(pathlib.Path(a.folder), a.articles, use_shared=not a.no_shared)))
