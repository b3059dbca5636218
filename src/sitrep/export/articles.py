"""Articles export: one record per article (the contract in the evaluation README).

Fields: document, article (0-based index in its document), title, published (YYYY-MM-DD or
null), outlet, url, status, plus published_how (meta, dateline, record, feed, inferred, none),
published_inferred, duplicate_of ("<document>#<article>" of the original, for duplicates) and
n_chars (body length).
"""
from __future__ import annotations

import csv
import json

from sitrep.export.common import open_text

FIELDS = ("document", "article", "title", "published", "outlet", "url", "status",
          "published_how", "published_inferred", "duplicate_of", "n_chars")


def article_records(store) -> list[dict]:
    arts = store.articles()
    names = {a.article_id: f"{a.document}#{a.index}" for a in arts}
    out = []
    for a in arts:
        out.append({
            "document": a.document, "article": a.index, "title": a.title,
            "published": a.published, "outlet": a.outlet, "url": a.url, "status": a.status,
            "published_how": a.published_how or "none", "published_inferred": a.published_inferred,
            "duplicate_of": names.get(a.duplicate_of, a.duplicate_of) if a.duplicate_of else None,
            "n_chars": len(a.text),
        })
    return out


def write_jsonl(store, output: str, **_filters) -> int:
    rows = article_records(store)
    with open_text(output) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def write_csv(store, output: str, **_filters) -> int:
    rows = article_records(store)
    with open_text(output, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return len(rows)
