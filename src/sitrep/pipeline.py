"""The stages of `sitrep analyze`, joined in one place.

    1. ingest   files, folders, JSONL, HTML, feeds -> Document + Articles
                (boilerplate, page splitting, dates, duplicates)          sitrep/ingest/
    2. nlp      spaCy pipeline with an entity ruler fed from data/        sitrep/nlp/
    3. extract  candidate sentences -> Mentions (triggers, actors, roles,
                numbers, time, attribution, modality)                     sitrep/extract/
    4. geocode  place names -> coordinates, admin1/admin2, precision      sitrep/geocode/
    5. fuse     mentions across articles -> Events with Claims, ranges,
                disputes and links                                        sitrep/fuse/
    6. store    SQLite (default) or PostgreSQL, numbered migrations       sitrep/store/
    7. export   JSONL, ACLED CSV, GeoJSON, Parquet, HTML report           sitrep/export/
    8. web      FastAPI app over the store                                sitrep/web/

Stages 2-4 run per batch of articles (`Extractor.extract`); stage 5 runs once over every
mention in the store, so a new batch updates existing events instead of duplicating them.
It streams (`fuse.stream.fuse_store`): mentions are read in date order a fetch at a time and
events written as each group of reports that may be one event is finished, so its memory
follows the reports of overlapping date windows, not the corpus (one small link record per
event still grows with it, see sitrep/fuse/__init__.py). Each batch of documents is written in
one transaction with their articles and mentions, and fusion in one transaction of its own, so
a killed run leaves the store consistent and a re-run finishes the work.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from sitrep.models import Article, Document, Mention
from sitrep.settings import Settings
from sitrep.store import Store


@dataclass
class RunSummary:
    run_id: str
    documents: dict[str, int] = field(default_factory=dict)   # status -> count
    skipped_unchanged: int = 0
    articles: int = 0
    mentions: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)          # one line per bad input


def _batched(items: Iterable, size: int):
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def batch_mentions(batch: Sequence[tuple[Document, list[Article]]], extractor) -> list[list[Mention]]:
    """Stages 2-4 for one batch: the pure, per-document part, and what worker processes and
    Dask workers run. One list of mentions per document, in the batch's order. Only these
    travel back from a worker: the caller still holds the documents and articles it sent
    (frozen records that extraction does not change), so they are not copied back."""
    ok_articles = [a for _, arts in batch for a in arts if a.status == "ok"]
    by_article = extractor.extract(ok_articles) if ok_articles else {}
    return [[m for a in arts for m in by_article.get(a.article_id, [])] for _, arts in batch]


def with_mentions(batch: Sequence[tuple[Document, list[Article]]], mentions: Sequence[list[Mention]]) -> list[
        tuple[Document, list[Article], list[Mention]]]:
    """(Document, articles, mentions) for each document of a batch and its mention lists."""
    if len(mentions) != len(batch):
        raise RuntimeError(f"a worker returned {len(mentions)} results for {len(batch)} documents")
    return [(doc, arts, ms) for (doc, arts), ms in zip(batch, mentions)]


def process_batch(batch: Sequence[tuple[Document, list[Article]]], extractor) -> list[
        tuple[Document, list[Article], list[Mention]]]:
    """Stages 2-4 for one batch, in this process: (Document, articles, mentions) per document."""
    return with_mentions(batch, batch_mentions(batch, extractor))


def run(paths: Sequence[str], store: Store, settings: Settings | None = None,
        on_document: Callable[[Document], None] | None = None) -> RunSummary:
    """Analyse `paths` into `store`: ingest, extract, then fuse everything stored."""
    settings = settings or Settings()
    local_workers = settings.engine != "dask" and settings.n_process > 1
    if local_workers:   # the fork server loads the pipeline while this process imports and reads on
        from sitrep.parallel import start_early
        start_early()
    from sitrep.extract import Extractor
    from sitrep.fuse.stream import fuse_store
    from sitrep.ingest import Deduper, iter_documents
    from sitrep.ingest.related_dates import RelatedDates
    store.migrate()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12])
    store.start_run(summary.run_id, {"paths": list(paths), "engine": settings.engine})
    deduper = Deduper(store.article_hashes(), settings)

    def new_documents():
        for doc, articles in iter_documents(paths, settings):
            stored = store.get_document(doc.doc_id)
            if stored and stored[1] and stored[0].sha256 == doc.sha256 and doc.sha256:
                summary.skipped_unchanged += 1
                continue
            doc, articles = deduper.check(doc, articles, store)
            yield doc, articles

    def fresh_documents():
        # undated articles take the date of a related dated one (ingest/related_dates.py),
        # looking ahead one batch; done here so that every engine sees the same dates
        related = RelatedDates()
        for window in _batched(new_documents(), settings.batch_size):
            yield from related.infer(window)

    if settings.engine == "dask":
        from sitrep.distributed import process_distributed
        processed = process_distributed(fresh_documents(), settings)
    elif local_workers:   # worker processes, each with its own Extractor
        from sitrep.parallel import process_parallel
        processed = process_parallel(fresh_documents(), settings)
    else:
        extractor = Extractor(settings)
        processed = (item for batch in _batched(fresh_documents(), settings.batch_size)
                     for item in process_batch(batch, extractor))

    try:
        _store_all(processed, store, summary, on_document, settings.batch_size)
        # Fuse under the events lock, reading the mentions inside the same transaction: with
        # several writers the last run to fuse sees everything the others committed. Events
        # are written as they are finished, in that one transaction: a crash leaves the old set.
        with store.transaction():
            store.lock_events()
            summary.events = fuse_store(store)
    except BaseException as exc:
        # Each batch landed in its own transaction, so what is stored is consistent; the
        # run row records how it ended, so `runs` never shows a dead run as still running.
        status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
        try:
            store.finish_run(summary.run_id, status, {"error": f"{type(exc).__name__}: {exc}"[:500]})
        except Exception:  # noqa: BLE001 - the original error is the one to report
            pass
        raise
    store.finish_run(summary.run_id, "ok", {
        "documents": summary.documents, "articles": summary.articles,
        "mentions": summary.mentions, "events": summary.events,
        "skipped_unchanged": summary.skipped_unchanged})
    return summary


def _store_all(processed, store: Store, summary: RunSummary, on_document, group: int = 64) -> None:
    """Write the processed documents with their articles and mentions, `group` documents per
    transaction (a run's batch): a document lands whole with its articles and mentions or not
    at all, and one commit per batch costs far less than one per document (the parent of `-j N`
    does this while its workers want both cores)."""
    for chunk in _batched(processed, max(1, group)):
        with store.transaction():
            for doc, articles, mentions in chunk:
                store.put_document(doc, articles, mentions, run_id=summary.run_id)
        for doc, articles, mentions in chunk:
            summary.documents[doc.status] = summary.documents.get(doc.status, 0) + 1
            summary.articles += sum(1 for a in articles if a.status == "ok")
            summary.mentions += len(mentions)
            if doc.status != "ok":
                summary.problems.append(f"{doc.source}: {doc.status}: {doc.reason}")
            if on_document:
                on_document(doc)
