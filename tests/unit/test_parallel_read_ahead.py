"""The parent of `-j N` reads on while its first worker starts (parallel._first_while_reading)."""
from __future__ import annotations

import threading
from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from sitrep.parallel import _first_while_reading


class SlowStart:
    """A pool whose first submit returns only when `release` is set (as a fork server's first
    worker starts only when the server has loaded the pipeline)."""

    def __init__(self, release: threading.Event, error: BaseException | None = None):
        self.release, self.error, self.submitted = release, error, []

    def submit(self, fn, batch):
        assert self.release.wait(10), "the test never released the first submit"
        if self.error is not None:
            raise self.error
        self.submitted.append(batch)
        fut: Future = Future()
        fut.set_result(len(batch))
        return fut


def _batches(n: int, consumed: list, release_after: int | None, release: threading.Event):
    for i in range(n):
        consumed.append(i)
        if release_after is not None and len(consumed) >= release_after:
            release.set()
        yield [(f"doc{i}", [])]


def test_batches_are_read_while_the_first_worker_starts_and_come_back_in_order():
    release, consumed = threading.Event(), []
    batches = _batches(10, consumed, release_after=4, release=release)
    fut, ahead = _first_while_reading(SlowStart(release), ["first"], batches, limit=8)
    assert fut.result() == 1
    # the submit waited until four batches had been read: they were read during it, in order
    assert len(ahead) >= 4 and ahead == [[(f"doc{i}", [])] for i in range(len(ahead))]
    rest = list(batches)
    assert ahead + rest == [[(f"doc{i}", [])] for i in range(10)]      # nothing lost, nothing twice


def test_reading_ahead_stops_at_the_limit():
    release, consumed = threading.Event(), []
    batches = _batches(50, consumed, release_after=None, release=release)
    timer = threading.Timer(0.3, release.set)
    timer.start()
    try:
        _, ahead = _first_while_reading(SlowStart(release), ["first"], batches, limit=3)
    finally:
        timer.cancel()
    assert len(ahead) == 3 and len(consumed) == 3       # the rest is still unread
    assert next(batches) == [("doc3", [])]


def test_reading_ahead_stops_when_the_text_held_reaches_the_limit():
    release = threading.Event()
    page = SimpleNamespace(text="x" * 1000)
    read = []

    def long_pages():
        for i in range(50):
            read.append(i)
            yield [(f"doc{i}", [page, page])]          # 2,000 characters a batch
    batches = long_pages()
    timer = threading.Timer(0.3, release.set)
    timer.start()
    try:
        _, ahead = _first_while_reading(SlowStart(release), ["first"], batches, limit=40, max_chars=5000)
    finally:
        timer.cancel()
    assert len(ahead) == 3 and read == [0, 1, 2]      # 6,000 characters: it stopped there


def test_a_failing_first_submit_is_raised_to_the_caller():
    release = threading.Event()
    release.set()
    with pytest.raises(RuntimeError, match="pool broke"):
        _first_while_reading(SlowStart(release, RuntimeError("pool broke")), ["first"],
                             iter([[("a", [])], [("b", [])]]), limit=4)


def test_an_input_error_while_reading_ahead_cancels_the_first_batch():
    release = threading.Event()
    cancelled = []

    class Cancellable(SlowStart):
        def submit(self, fn, batch):
            fut = super().submit(fn, batch)
            fut.cancel = lambda: cancelled.append(True) or False
            return fut

    def bad_input():
        yield [("a", [])]
        release.set()
        raise ValueError("unreadable input")

    with pytest.raises(ValueError, match="unreadable input"):
        _first_while_reading(Cancellable(release), ["first"], bad_input(), limit=4)
    assert cancelled == [True]
