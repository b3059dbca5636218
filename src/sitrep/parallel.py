"""Stages 2-4 in several local processes (`sitrep analyze -j N`).

Why here and not only spaCy's `nlp.pipe(n_process=N)`: that starts N fresh processes, each
loading the model, on every call, so per-batch calls pay the start-up again and again; and it
parallelises only the statistical model, not the cheap candidate filters and rules around it.
Here N worker processes are started once, each builds its own Extractor once, and whole
batches of (Document, articles) go to them. The parent keeps ingest, the store (one
transaction per batch, as with one process) and fusion.

Memory: at most `window` batches are in flight (sent, or back but waiting for an earlier one),
and while the first worker starts the parent reads at most READ_AHEAD batches per worker (and
READ_AHEAD_CHARS of text) ahead (_first_while_reading), so it holds O(n x batch_size) articles
whatever the corpus size. It keeps each batch it sent, and a worker sends back only the
batch's mentions (pipeline.batch_mentions), not the documents and article texts again.
Results come back in input order, so `-j N` stores exactly what `-j 1` stores.

Start-up: where the platform has it (Linux, macOS), workers are forked from a fork server, a
fresh process that has imported `sitrep.worker_preload`, which loads the model, the ruler's
patterns, the gazetteer and the data files once; every worker starts with them loaded instead
of loading its own copy (a CPU second or more per worker). Elsewhere workers are spawned and
load their own. Either way a script calling `sitrep.pipeline.run` with n_process > 1 needs the
usual `if __name__ == "__main__":` guard; the `sitrep` command has it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Iterable, Iterator

from sitrep.distributed import Item, Result, worker_settings
from sitrep.models import Mention
from sitrep.settings import Settings

_EXTRACTOR = None   # the worker process's own Extractor, built once by _init


def _init(settings: Settings) -> None:
    """Build the worker's Extractor. The worker ignores SIGINT: Ctrl-C in a terminal reaches
    every process of the group, and a worker that died of it mid-batch could leave the parent
    waiting forever at exit on a queue nobody reads (seen once in ~30 interrupted `-j 2` runs
    before this: the parent joining the queue's feeder thread). The parent alone stops the
    run: it cancels the batches not started and waits for the running ones, whose workers
    then exit as the pool shuts down."""
    global _EXTRACTOR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from sitrep.extract import Extractor
    _EXTRACTOR = Extractor(settings)


def _run(batch: list[Item]) -> list[list[Mention]]:
    from sitrep.pipeline import batch_mentions
    return batch_mentions(batch, _EXTRACTOR)


def _start_method():
    """A fork server preloaded with the pipeline, else spawn. Never a plain fork of the parent:
    it may hold a database connection and a progress-bar thread, which a forked child must not
    inherit. The fork server is a fresh process with neither.

    The workers share the cores among themselves, so each gets one BLAS thread (the model
    multiplies its matrices with numpy's BLAS, nlp.MODEL_OPS, whose OpenBLAS would otherwise
    start a thread per core in every worker). The `sitrep` command sets the same for itself;
    this covers a program calling `pipeline.run` with n_process > 1. A value the user set wins."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["sitrep.worker_preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def start_early() -> None:
    """Start the fork server now (where there is one), so that it loads the pipeline while
    this process opens the store and reads the first documents; the pool's workers are forked
    from it as soon as it has. Without this the server starts with the first batch."""
    ctx = _start_method()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver
        forkserver.ensure_running()


def process_parallel(docs_iter: Iterable[Item], settings: Settings, *,
                     window: int | None = None, read_ahead: int | None = None) -> Iterator[Result]:
    """Yield (Document, articles, mentions) for every input, in input order, computed by
    `settings.n_process` worker processes."""
    from sitrep.pipeline import _batched, with_mentions
    n = max(1, settings.n_process)
    window = window or 2 * n      # one batch running and one queued per worker
    read_ahead = READ_AHEAD * n if read_ahead is None else read_ahead
    ctx = _start_method()
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init,
                             initargs=(worker_settings(settings),)) as pool:
        pending: deque = deque()
        batches = _batched(docs_iter, max(1, settings.batch_size))
        try:
            first = next(batches, None)
            if first is None:
                return
            fut, ahead = _first_while_reading(pool, first, batches, read_ahead)
            pending.append((first, fut))
            for batch in chain(ahead, batches):
                pending.append((batch, pool.submit(_run, batch)))
                if len(pending) >= window:
                    sent, fut = pending.popleft()
                    yield from with_mentions(sent, fut.result())
            while pending:
                sent, fut = pending.popleft()
                yield from with_mentions(sent, fut.result())
        finally:
            for _, fut in pending:   # stopped early (error, or the consumer closed us)
                fut.cancel()


# What the parent may read ahead while the first worker starts (see below): batches per worker,
# and characters of article text in all (long pages fill that before the batches run out), so
# what it holds is bounded whatever the corpus size.
READ_AHEAD = 16
READ_AHEAD_CHARS = 8_000_000


def _first_while_reading(pool: ProcessPoolExecutor, first: list[Item], batches: Iterator[list[Item]],
                         limit: int, max_chars: int = READ_AHEAD_CHARS) -> tuple[Future, list[list[Item]]]:
    """Submit the first batch, and read on while that call waits.

    The first submit starts the first worker, and with a fork server it returns only when the
    server has loaded the pipeline (a CPU second or so, see worker_preload.py), while the other
    cores have nothing to do yet. Submitting from a helper thread lets this process read and
    check up to `limit` more batches, holding up to `max_chars` of article text, in that time
    (ingest, duplicates: work it would otherwise do later, while the workers want every core).
    Returns the first batch's future and the batches read meanwhile, in order; an error of the
    submit is raised here."""
    got: dict = {}

    def submit() -> None:
        try:
            got["future"] = pool.submit(_run, first)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            got["error"] = exc
    starter = threading.Thread(target=submit, name="sitrep-first-worker", daemon=True)
    starter.start()
    ahead: list[list[Item]] = []
    held = 0
    try:
        while starter.is_alive() and len(ahead) < limit and held < max_chars:
            batch = next(batches, None)
            if batch is None:
                break
            ahead.append(batch)
            held += sum(len(a.text or "") for _, articles in batch for a in articles or ())
    except BaseException:   # a bad input or Ctrl-C while reading: the first batch is not wanted
        starter.join()
        if "future" in got:
            got["future"].cancel()
        raise
    starter.join()
    if "error" in got:
        raise got["error"]
    return got["future"], ahead
