#!/usr/bin/env python3
"""Peak memory and time of fusion over one store: all mentions at once (`fuse`) against the
streaming fusion the pipeline runs (`fuse.stream.fuse_store`), on synthetic mentions spread
over a span of days. Checks that both write the same events.

    .venv/bin/python benchmarks/fusion_memory.py --mentions 16000 --days 365
    .venv/bin/python benchmarks/fusion_memory.py --db out/notes.db      # an analysed store

Memory is Python's own allocations during fusion (tracemalloc peak), not RSS: the store, the
interpreter and the loaded data files are the same for both. Nothing is read from ../shared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sitrep.fuse import fuse, with_copies
from sitrep.fuse.stream import fuse_store
from sitrep.models import Actor, Article, Document, Figure, LinkCue, Mention, Place, to_dict
from sitrep.store import open_store

# Made-up countries, towns and parties. How many towns a country has decides how often
# reports of neighbouring days are compatible, and so how far a group of reports that may be
# one event reaches: few towns for many reports a day chain the whole span into one group.


def world(countries: int, towns: int) -> tuple[list[Place], list[Actor]]:
    places, actors = [], []
    for c in range(countries):
        iso, name = f"C{c:02d}", f"Country {c}"
        places += [Place(f"Town {c}-{i}", name, iso, f"Province {c}-{i % 4}", f"District {c}-{i}",
                         3.0 * c + 0.5 * (i % 6), 0.5 * (i // 6), 1, "city")
                   for i in range(towns)]      # towns ~50 km apart, countries further
        actors += [Actor(f"Military Forces of {name}", iso, "state_forces", f"mil_{iso}"),
                   Actor(f"Front {c}", iso, "rebel_group", f"front_{iso}")]
    return places, actors


KINDS = [("Battles", "Armed clash", "190", "clashes"),
         ("Explosions/Remote violence", "Air/drone strike", "195", "air strike"),
         ("Violence against civilians", "Attack", "180", "killed"),
         ("Protests", "Peaceful protest", "141", "protest"),
         (None, None, "111", "condemned")]


def synthetic(n: int, days: int, countries: int = 20, towns: int = 30,
              seed: int = 7) -> list[Mention]:
    rnd = random.Random(seed)
    places, actors = world(countries, towns)
    start = dt.date(2023, 1, 1)
    out = []
    for k in range(n):
        day = start + dt.timedelta(days=rnd.randrange(days))
        published = (day + dt.timedelta(days=rnd.choice((0, 1, 1, 2)))).isoformat()
        precision, date = 1, day.isoformat()
        roll = rnd.random()
        if roll < 0.05:
            precision = 3
        elif roll < 0.08:
            date = None
        kind = rnd.choice(KINDS)
        place = rnd.choice(places + [None])
        local = [a for a in actors if place is None or a.country == place.iso3]
        art = f"doc{k // 3}.txt:0"
        out.append(Mention(
            mention_id=f"{art}:{k % 3}", article_id=art, document=f"doc{k // 3}.txt",
            article_index=0, sentence=f"Report {k}.", start=(k % 3) * 100, end=(k % 3) * 100 + 50,
            trigger=kind[3], event_type=kind[0], sub_event_type=kind[1], cameo=kind[2],
            goldstein=-5.0, actor1=rnd.choice(local), actor2=rnd.choice(local + [None]),
            place=place, date=date, date_precision=precision,
            date_text="on Monday" if rnd.random() < 0.5 else None,
            fatalities=Figure(best=rnd.randrange(6)) if rnd.random() < 0.6 else None,
            links=(LinkCue("retaliation_for", "in retaliation for", "the attack"),)
            if rnd.random() < 0.01 else (), outlet=f"outlet{k % 7}", published=published))
    return out


def fill(store, mentions: list[Mention]) -> None:
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    with store.transaction():
        for aid, ms in by_article.items():
            doc = Document(doc_id=aid, key=aid, source=aid, status="ok", n_articles=1)
            store.put_document(doc, [Article(article_id=aid, doc_id=aid, document=ms[0].document,
                                             index=0, title="", text="x",
                                             published=ms[0].published)], ms)


def measure(db: str, streaming: bool) -> dict:
    store = open_store(db)
    store.migrate()
    tracemalloc.start()
    t = time.perf_counter()
    with store.transaction():
        store.lock_events()
        if streaming:
            n = fuse_store(store)
        else:
            n = store.replace_events(with_copies(fuse(store.mentions()), store.copies()))
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    events = sorted(json.dumps(to_dict(e), sort_keys=True) for e in store.events())
    store.close()
    return {"events": n, "seconds": round(seconds, 2), "peak_mb": round(peak / 1e6, 1),
            "digest": hash(tuple(events))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an analysed store to measure (copied, not changed)")
    ap.add_argument("--mentions", type=int, default=16000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--countries", type=int, default=20)
    ap.add_argument("--towns", type=int, default=30, help="per country")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = str(Path(tmp) / "base.db")
        if args.db:
            shutil.copy(args.db, base)
            store = open_store(base)
            store.migrate()
            store.close()
        else:
            store = open_store(base)
            store.migrate()
            fill(store, synthetic(args.mentions, args.days, args.countries, args.towns))
            store.close()
        results = {}
        for name, streaming in (("all_at_once", False), ("streaming", True)):
            db = str(Path(tmp) / f"{name}.db")
            shutil.copy(base, db)
            results[name] = measure(db, streaming)
        same = results["all_at_once"].pop("digest") == results["streaming"].pop("digest")
        with open_store(base) as store:
            mentions = store.counts()["mentions"]
        print(json.dumps({"mentions": mentions, **results,
                          "identical_events": same}, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
