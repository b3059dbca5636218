#!/usr/bin/env python3
"""Measure extraction with the shared scorer (score.py), end to end.

    python scripts/evaluate.py notes  --dataset global_2020_05 --limit 1000 [--quick]
    python scripts/evaluate.py corpus

notes:  takes the first LIMIT notes of DATASET from acled-dev.jsonl, writes them as input
        documents, runs `sitrep analyze` + `sitrep export events` (or, with --quick, the
        Extractor in-process with one event per mention, no fusion or store), then
        `score.py notes` against the same rows.
corpus: `sitrep analyze` over the demo corpus, export events and articles, `score.py corpus`.

The shared material is read from $SITREP_SHARED or ../shared; nothing from it is written into
the repository (scratch files go to a temporary directory)."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
PY = sys.executable
# the console script installed next to this interpreter (the venv's `sitrep`)
SITREP = str(pathlib.Path(sys.executable).with_name("sitrep"))


def run(cmd: list[str]) -> str:
    print("$ " + " ".join(map(str, cmd)), file=sys.stderr)
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode:
        sys.exit(f"evaluate: failed ({res.returncode}): {' '.join(map(str, cmd))}\n{res.stderr[-3000:]}")
    if res.stderr.strip():
        print(res.stderr.strip().splitlines()[-1], file=sys.stderr)
    return res.stdout


def select_notes(dataset: str | None, limit: int, offset: int, out_dir: pathlib.Path):
    gold = out_dir / "gold.jsonl"
    docs = out_dir / "notes.jsonl"
    n = 0
    with open(SHARED / "data" / "acled-dev.jsonl", encoding="utf-8") as fh, \
            open(gold, "w", encoding="utf-8") as g, open(docs, "w", encoding="utf-8") as d:
        skipped = 0
        for line in fh:
            row = json.loads(line)
            if dataset and row["dataset"] != dataset:
                continue
            if skipped < offset:
                skipped += 1
                continue
            g.write(line)
            d.write(json.dumps({"id": row["uid"], "text": row["notes"]}, ensure_ascii=False) + "\n")
            n += 1
            if n >= limit:
                break
    return gold, docs, n


def mention_event(m) -> dict:
    """One mention as an export-format event (quick mode: no fusion)."""
    def actor(a):
        return {"name": a.name, "country": a.country, "type": a.type} if a else None
    p = m.place
    f = m.fatalities
    return {
        "id": m.mention_id, "date": m.date, "date_precision": m.date_precision,
        "event_type": m.event_type, "sub_event_type": m.sub_event_type, "cameo": m.cameo,
        "goldstein": m.goldstein, "actor1": actor(m.actor1), "actor2": actor(m.actor2),
        "associated_actors": [actor(a) for a in m.associated],
        "country": p.country if p else None, "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None, "location": p.name if p else None,
        "latitude": p.latitude if p else None, "longitude": p.longitude if p else None,
        "fatalities": {"low": f.low, "best": f.best, "high": f.high} if f else {"low": None, "best": None, "high": None},
        "sources": [{"document": m.document, "article": m.article_index, "text": m.sentence,
                     "attributed_to": m.attributed_to}],
        "links": [], "rule": m.rule,
    }


def quick_events(docs: pathlib.Path, events: pathlib.Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from sitrep.extract import Extractor
    from sitrep.models import Article
    arts = []
    with open(docs, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            arts.append(Article(article_id=f"{rec['id']}:0", doc_id=rec["id"], document=rec["id"], index=0,
                                title=None, text=rec["text"]))
    ex = Extractor(None)
    with open(events, "w", encoding="utf-8") as out:
        for i in range(0, len(arts), 200):
            got = ex.extract(arts[i:i + 200])
            for a in arts[i:i + 200]:
                for m in got.get(a.article_id, []):
                    out.write(json.dumps(mention_event(m), ensure_ascii=False) + "\n")


@contextlib.contextmanager
def workdir(given: str | None):
    """The --workdir the user named (kept, for a look at the files), else a temporary folder
    that is removed afterwards."""
    if given:
        path = pathlib.Path(given)
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        yield pathlib.Path(tmp)


def notes(args) -> int:
    with workdir(args.workdir) as tmp:
        return _notes(args, tmp)


def _notes(args, tmp: pathlib.Path) -> int:
    gold, docs, n = select_notes(args.dataset, args.limit, args.offset, tmp)
    events = tmp / "events.jsonl"
    if args.quick:
        quick_events(docs, events)
    else:
        db = tmp / "notes.db"
        if db.exists():
            db.unlink()
        run([SITREP, "analyze", str(docs), "--db", str(db), "--quiet"])
        run([SITREP, "export", "events", "--db", str(db), "--format", "jsonl",
             "--output", str(events)])
    print(f"notes: dataset {args.dataset or 'all'}, {n} rows (offset {args.offset}), "
          f"{'quick (mentions as events)' if args.quick else 'sitrep analyze + export'}; work dir {tmp if args.workdir else '(temporary; --workdir keeps it)'}")
    print(run([PY, str(SHARED / "eval" / "score.py"), "notes", "--gold", str(gold), "--events", str(events)]))
    return 0


def corpus(args) -> int:
    with workdir(args.workdir) as tmp:
        return _corpus(args, tmp)


def _corpus(args, tmp: pathlib.Path) -> int:
    db = tmp / "seeds.db"
    if db.exists():
        db.unlink()
    run([SITREP, "analyze", str(SHARED / "corpus" / "iran-pakistan-2024"), "--db", str(db), "--quiet"])
    run([SITREP, "export", "events", "--db", str(db), "--format", "jsonl",
         "--output", str(tmp / "events.jsonl")])
    run([SITREP, "export", "articles", "--db", str(db), "--format", "jsonl",
         "--output", str(tmp / "articles.jsonl")])
    print(f"corpus: work dir {tmp if args.workdir else '(temporary; --workdir keeps it)'}")
    print(run([PY, str(SHARED / "eval" / "score.py"), "corpus", "--gold", str(SHARED / "eval" / "seeds.gold.yaml"),
               "--events", str(tmp / "events.jsonl"), "--articles", str(tmp / "articles.jsonl")]))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    n = sub.add_parser("notes")
    n.add_argument("--dataset", default="global_2020_05")
    n.add_argument("--limit", type=int, default=1000, help="rows to score (keep runs small on shared machines)")
    n.add_argument("--offset", type=int, default=0)
    n.add_argument("--quick", action="store_true", help="in-process extraction, one event per mention")
    n.add_argument("--workdir")
    c = sub.add_parser("corpus")
    c.add_argument("--workdir")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        print(f"evaluate: no shared evaluation material at {SHARED}", file=sys.stderr)
        return 2
    return notes(args) if args.mode == "notes" else corpus(args)


if __name__ == "__main__":
    sys.exit(main())
