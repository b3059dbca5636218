"""1. Ingest: inputs -> Document + Articles.

Contract used by sitrep.pipeline:
    iter_documents(paths, settings) -> Iterator[tuple[Document, list[Article]]]
        exactly one Document per input (file, or record of a JSONL/feed file), whatever its fate
    Deduper(known_hashes, settings).check(doc, articles, store) -> (doc, articles)
        marks exact/near duplicate documents and articles, pointing to their originals

How an input travels (one module each):

    discover.expand     paths, folders, globs -> input files (missing/unlistable ones included)
    repeats             short lines repeated across the run's pages: site furniture
    sources.read_units  bytes (decode: size limit, gzip, binary sniffing, encodings)
                        -> format -> units: html.parse_html, records.read_jsonl/read_json,
                        feeds.read_feed, page.parse_text_page (split.split_page cuts pages
                        holding several articles; boilerplate classifies lines; dates reads stamps)
    build.build         unit -> Document + Articles (ids, hashes, ok/empty/not_news;
                        language.not_english weighs English against other languages)
    dedupe.Deduper      exact and near duplicates against the store and within the run
                        (variants.swapped: a different place/name/figure at one spot of
                        aligned text makes another report, not a copy)
"""
from __future__ import annotations

from typing import Iterator, Sequence

from sitrep.ingest.build import build
from sitrep.ingest.dedupe import Deduper
from sitrep.ingest.discover import expand
from sitrep.ingest.repeats import site_furniture
from sitrep.ingest.sources import read_units
from sitrep.ingest.units import Unit
from sitrep.models import DOC_UNREADABLE, Article, Document

__all__ = ["iter_documents", "Deduper"]


def iter_documents(paths: Sequence[str], settings) -> Iterator[tuple[Document, list[Article]]]:
    """One (Document, Articles) per input file or record; never raises for a bad input."""
    inputs = list(expand(paths))
    furniture = site_furniture(inputs)
    for found in inputs:
        for unit in read_units(found, settings, furniture):
            try:
                yield build(unit, settings, found.path)
            except Exception as exc:  # noqa: BLE001 - the input is recorded, the run goes on
                bad = Unit(key=unit.key, source=unit.source, kind=unit.kind, raw=unit.raw,
                           status=DOC_UNREADABLE, reason=f"could not be processed ({type(exc).__name__}: {exc})")
                yield build(bad, settings, found.path)
