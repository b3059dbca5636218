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

Start-up: where the platform has it (Linux, macOS), workers are forked from a fork server, a
fresh process that has imported `sitrep.worker_preload`, which loads the model, the ruler's
patterns, the gazetteer and the data files once; every worker starts with them loaded instead
of loading its own copy (a CPU second or more per worker). Elsewhere workers are spawned and
load their own. Either way a script calling `sitrep.pipeline.run` with n_process > 1 needs the
usual `if __name__ == "__main__":` guard; the `sitrep` command has it.
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


def _start_method():
    """A fork server preloaded with the pipeline, else spawn. Never a plain fork of the parent:
    it may hold a database connection and a progress-bar thread, which a forked child must not
    inherit. The fork server is a fresh process with neither."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sitrep.worker_preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def process_parallel(docs_iter: Iterable[Item], settings: Settings, *,
                     window: int | None = None) -> Iterator[Result]:
    """Yield (Document, articles, mentions) for every input, in input order, computed by
    `settings.n_process` worker processes."""
    from sitrep.pipeline import _batched
    n = max(1, settings.n_process)
    window = window or 2 * n      # one batch running and one queued per worker
    ctx = _start_method()
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
