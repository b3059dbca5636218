"""Stages 2-4 on a Dask cluster (`sitrep analyze --engine dask [--scheduler ADDRESS]`).

The parent keeps ingest, the store and fusion; workers run `sitrep.pipeline.batch_mentions`
on batches of (Document, articles). Each worker process builds its Extractor once (the spaCy
model takes a second or two and some hundred MB to load) and keeps it for every batch it is
sent. At most `window` batches are in flight, so memory stays bounded by the batch size
whatever the corpus size, and results are yielded in input order, so a run gives the same
store as the local engine. A remote cluster's workers need sitrep (and its model) installed.
"""
from __future__ import annotations

import dataclasses
import threading
from collections import deque
from typing import Iterable, Iterator

from sitrep.errors import require
from sitrep.models import Article, Document, Mention
from sitrep.settings import Settings

Item = tuple[Document, list[Article]]
Result = tuple[Document, list[Article], list[Mention]]

# One Extractor per worker process, keyed by the settings that shape it. A lock, because a
# worker may run several tasks in threads and spaCy pipelines are not documented thread-safe.
_EXTRACTORS: dict[Settings, object] = {}
_LOCK = threading.Lock()


def worker_settings(settings: Settings) -> Settings:
    """What a worker runs with: one process (a worker must not start its own pool)."""
    return dataclasses.replace(settings, engine="local", scheduler=None, n_process=1,
                               progress=False)


def _extractor(settings: Settings):
    ex = _EXTRACTORS.get(settings)
    if ex is None:
        from sitrep.extract import Extractor
        ex = _EXTRACTORS[settings] = Extractor(settings)
    return ex


def run_batch(batch: list[Item], settings: Settings) -> list[list[Mention]]:
    """The task a worker runs: stages 2-4 for one batch; its mentions, one list per document
    (the parent keeps the batch it sent)."""
    from sitrep.pipeline import batch_mentions
    with _LOCK:
        return batch_mentions(batch, _extractor(settings))


def process_distributed(docs_iter: Iterable[Item], settings: Settings, *, client=None,
                        window: int | None = None) -> Iterator[Result]:
    """Yield (Document, articles, mentions) for every input, in input order.

    `client`: an existing `distributed.Client` (tests share one); otherwise one is made for
    `settings.scheduler`, or for a local cluster when that is None (two worker processes, or
    `-j N` of them).
    `window`: batches in flight at most (default: twice the workers' threads, so every
    worker has one batch queued behind the one it runs)."""
    distributed = require("distributed", "The Dask engine", "dask")
    own_client = own_cluster = None
    if client is None:
        if settings.scheduler:
            own_client = client = distributed.Client(settings.scheduler)
        else:
            # threads_per_worker=1: one model per process and no thread contention inside it
            workers = settings.n_process if settings.n_process > 1 else 2
            own_cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                                   processes=True, dashboard_address=None)
            own_client = client = distributed.Client(own_cluster)
    try:
        if window is None:
            threads = sum(client.nthreads().values()) or 1
            window = 2 * threads
        yield from _ordered_window(client, distributed, docs_iter, worker_settings(settings),
                                   max(1, settings.batch_size), window)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _ordered_window(client, distributed, docs_iter, settings, batch_size, window):
    """Submit batches while fewer than `window` are pending (running, or done but waiting
    for an earlier batch); yield finished batches in submission order."""
    from sitrep.pipeline import _batched, with_mentions
    batches = _batched(docs_iter, batch_size)
    pending: deque = deque()          # futures in submission order
    sent: dict = {}                   # future -> the batch it was given
    done: set = set()                 # futures finished, not yet yielded
    ac = distributed.as_completed()
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                break
            fut = client.submit(run_batch, batch, settings, pure=False)
            pending.append(fut)
            sent[fut] = batch
            ac.add(fut)
        if not pending:
            return
        while pending and pending[0] in done:
            fut = pending.popleft()
            done.discard(fut)
            results = fut.result()     # re-raises a worker's exception here
            fut.release()
            yield from with_mentions(sent.pop(fut), results)
        if pending and pending[0] not in done:
            done.add(next(ac))
