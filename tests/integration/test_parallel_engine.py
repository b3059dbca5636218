"""`sitrep analyze -j 2`: worker processes give the same store as one process."""
from __future__ import annotations

import pytest

from engine_inputs import input_paths, snapshot
from sitrep.pipeline import run
from sitrep.settings import Settings
from sitrep.store import open_store

pytestmark = pytest.mark.slow


def test_two_processes_store_what_one_process_stores(tmp_path):
    paths = input_paths(tmp_path)
    out = {}
    for n in (1, 2):
        with open_store(str(tmp_path / f"j{n}.db")) as store:
            summary = run(paths, store, Settings(progress=False, batch_size=4, n_process=n))
            out[n] = (summary.documents, summary.articles, summary.mentions, summary.events,
                      snapshot(store))
    assert len(out[1][4]["documents"]) >= 18
    for part in out[1][4]:          # one part at a time, so a failure says which
        assert out[2][4][part] == out[1][4][part], part
    assert out[2][:4] == out[1][:4]


@pytest.mark.parametrize("read_ahead", [0, 2, None])
def test_parallel_results_keep_input_order_with_a_small_window(read_ahead):
    from sitrep.models import Document
    from sitrep.parallel import process_parallel
    docs = [(Document(f"d{i:03d}", f"k{i}", f"/in/{i}", "ok"), []) for i in range(30)]
    out = list(process_parallel(iter(docs), Settings(batch_size=2, n_process=2), window=3,
                                read_ahead=read_ahead))
    assert [d.doc_id for d, _, _ in out] == [d.doc_id for d, _ in docs]


def test_a_worker_error_reaches_the_caller():
    from sitrep.parallel import process_parallel
    with pytest.raises(Exception):
        list(process_parallel(iter([("not a document", None)]), Settings(n_process=2)))


def test_workers_come_from_a_fork_server_that_preloaded_the_pipeline():
    import multiprocessing
    from sitrep.parallel import _start_method
    ctx = _start_method()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        assert ctx.get_start_method() == "spawn"
        return
    assert ctx.get_start_method() == "forkserver"
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        preloaded, cached = pool.submit(_pipeline_state).result()
    assert preloaded is True
    assert cached == 1      # the worker found the model already loaded: it did not load its own


def _pipeline_state():
    import sys
    from sitrep.nlp import load_pipeline
    module = sys.modules.get("sitrep.worker_preload")
    return getattr(module, "PRELOADED", None), load_pipeline.cache_info().currsize


def test_a_failing_preload_does_not_raise(monkeypatch):
    import sitrep.extract
    from sitrep import worker_preload

    class Broken:
        def __init__(self, *a, **k):
            raise RuntimeError("no model here")
    monkeypatch.setattr(sitrep.extract, "Extractor", Broken)
    assert worker_preload.warm() is False


def test_start_early_starts_the_fork_server_the_workers_then_come_from():
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor
    from sitrep.parallel import _start_method, start_early
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    from multiprocessing import forkserver
    start_early()
    server = forkserver._forkserver._forkserver_pid
    assert server is not None and server != os.getpid()
    with ProcessPoolExecutor(max_workers=1, mp_context=_start_method()) as pool:
        assert pool.submit(os.getppid).result() == server


def test_a_worker_sends_back_only_mentions():
    from sitrep.models import Article, Document, Mention
    from sitrep.parallel import _init, _run
    _init(Settings(progress=False))
    text = "On 4 May 2021, gunmen killed three farmers in Gwoza, Borno state, police said."
    batch = [(Document("d1", "k1", "/in/1", "ok"),
              [Article(article_id="d1:0", doc_id="d1", document="/in/1", index=0, title=None, text=text,
                       published="2021-05-05")]),
             (Document("d2", "k2", "/in/2", "empty"), [])]
    got = _run(batch)
    assert len(got) == 2 and got[1] == []
    assert got[0] and all(isinstance(m, Mention) for m in got[0])


def test_workers_get_one_blas_thread_unless_the_user_chose(monkeypatch):
    import os
    from sitrep.parallel import _start_method
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    _start_method()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    _start_method()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "3"
