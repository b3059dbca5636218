"""Stages 2-4 in several local processes (`sitrep analyze -j N`).

Why here and not only spaCy's `nlp.pipe(n_process=N)`: that starts N fresh processes, each
loading the model, on every call, so per-batch calls pay the start-up again and again; and it
parallelises only the statistical model, not the cheap candidate filters and rules around it.
Here N worker processes are started once, each builds its own Extractor once, and whole
batches of (Document, articles) go to them. The parent keeps ingest, the store (one
transaction per document, as with one process) and fusion.

Memory: at most `window` batches are in flight (sent, or back but waiting for an earlier one),
so the parent holds O(window x batch_size) articles whatever the corpus size. Results come
back in input order, so `-j N` stores exactly what `-j 1` stores.

Workers are spawned (see below), so a script calling `sitrep.pipeline.run` with n_process > 1
needs the usual `if __name__ == "__main__":` guard; the `sitrep` command has it.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from sitrep.distributed import Item, Result, worker_settings
from sitrep.settings import Settings

_EXTRACTOR = None   # the worker process's own Extractor, built once by _init


def _init(settings: Settings) -> None:
    global _EXTRACTOR
    from sitrep.extract import Extractor
    _EXTRACTOR = Extractor(settings)


def _run(batch: list[Item]) -> list[Result]:
    from sitrep.pipeline import process_batch
    return process_batch(batch, _EXTRACTOR)


def process_parallel(docs_iter: Iterable[Item], settings: Settings, *,
                     window: int | None = None) -> Iterator[Result]:
    """Yield (Document, articles, mentions) for every input, in input order, computed by
    `settings.n_process` worker processes."""
    from sitrep.pipeline import _batched
    n = max(1, settings.n_process)
    window = window or 2 * n      # one batch running and one queued per worker
    # spawn, not fork: the parent may hold a database connection, a progress-bar thread and
    # a loaded model, none of which a forked child should inherit.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init,
                             initargs=(worker_settings(settings),)) as pool:
        pending: deque = deque()
        batches = _batched(docs_iter, max(1, settings.batch_size))
        try:
            for batch in batches:
                pending.append(pool.submit(_run, batch))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for fut in pending:   # stopped early (error, or the consumer closed us)
                fut.cancel()
