"""`--engine dask`: the per-article work on a local 2-worker cluster gives the same store as
the local engine."""
from __future__ import annotations

import pytest

from engine_inputs import input_paths, snapshot
from sitrep.pipeline import run
from sitrep.settings import Settings
from sitrep.store import open_store

pytestmark = [pytest.mark.dask, pytest.mark.slow]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cl, distributed.Client(cl) as client:
        yield cl, client


def _analyze(paths, db, **kw):
    with open_store(str(db)) as store:
        summary = run(paths, store, Settings(progress=False, **kw))
        return summary, snapshot(store)


def test_dask_engine_equals_local_engine(cluster, tmp_path):
    cl, client = cluster
    paths = input_paths(tmp_path)
    local_summary, local = _analyze(paths, tmp_path / "local.db", batch_size=4)
    dask_summary, remote = _analyze(paths, tmp_path / "dask.db", batch_size=4, engine="dask",
                                    scheduler=cl.scheduler_address)
    assert len(local["documents"]) >= 18 and local["articles"]
    for part in local:              # one part at a time, so a failure says which
        assert remote[part] == local[part], part
    assert (dask_summary.documents, dask_summary.articles, dask_summary.mentions,
            dask_summary.events) == (local_summary.documents, local_summary.articles,
                                     local_summary.mentions, local_summary.events)

    # each worker built at most one Extractor and kept it for the next run
    def extractors():
        from sitrep import distributed as d
        return [id(e) for e in d._EXTRACTORS.values()]
    before = client.run(extractors)
    assert all(len(ids) <= 1 for ids in before.values()) and any(before.values())
    _analyze(paths, tmp_path / "dask2.db", batch_size=4, engine="dask",
             scheduler=cl.scheduler_address)
    after = client.run(extractors)
    assert all(after[w] == ids for w, ids in before.items() if ids)


def test_results_come_back_in_input_order_with_a_small_window(cluster):
    from sitrep.distributed import process_distributed
    from sitrep.models import Document
    _, client = cluster
    docs = [(Document(f"d{i:03d}", f"k{i}", f"/in/{i}", "ok"), []) for i in range(40)]
    out = list(process_distributed(iter(docs), Settings(batch_size=3), client=client, window=2))
    assert [d.doc_id for d, _, _ in out] == [d.doc_id for d, _ in docs]


def test_a_worker_error_reaches_the_caller(cluster):
    from sitrep.distributed import process_distributed
    _, client = cluster
    with pytest.raises(Exception):
        list(process_distributed(iter([("not a document", None)]), Settings(), client=client))
