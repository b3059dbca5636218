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


def test_parallel_results_keep_input_order_with_a_small_window():
    from sitrep.models import Document
    from sitrep.parallel import process_parallel
    docs = [(Document(f"d{i:03d}", f"k{i}", f"/in/{i}", "ok"), []) for i in range(30)]
    out = list(process_parallel(iter(docs), Settings(batch_size=2, n_process=2), window=3))
    assert [d.doc_id for d, _, _ in out] == [d.doc_id for d, _ in docs]


def test_a_worker_error_reaches_the_caller():
    from sitrep.parallel import process_parallel
    with pytest.raises(Exception):
        list(process_parallel(iter([("not a document", None)]), Settings(n_process=2)))
