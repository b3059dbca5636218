"""pipeline.batch_mentions / with_mentions: what a worker returns and how the parent rejoins it."""
from __future__ import annotations

import pytest

from sitrep.models import Article, Document
from sitrep.pipeline import batch_mentions, process_batch, with_mentions


class FakeExtractor:
    """Two mentions' worth of stand-ins per ok article, keyed as Extractor.extract keys them."""

    def __init__(self):
        self.seen = []

    def extract(self, articles):
        self.seen.extend(a.article_id for a in articles)
        return {a.article_id: [f"{a.article_id}/m1", f"{a.article_id}/m2"] for a in articles}


def _doc(i, status="ok", articles=1, article_status="ok"):
    doc = Document(f"d{i}", f"k{i}", f"/in/{i}", status)
    arts = [Article(article_id=f"d{i}:{n}", doc_id=f"d{i}", document=f"/in/{i}", index=n, title=None,
                    text="text", status=article_status) for n in range(articles)]
    return doc, arts


def test_one_mention_list_per_document_in_batch_order():
    batch = [_doc(1, articles=2), _doc(2, "empty", articles=0), _doc(3, article_status="duplicate"), _doc(4)]
    ex = FakeExtractor()
    got = batch_mentions(batch, ex)
    assert got == [["d1:0/m1", "d1:0/m2", "d1:1/m1", "d1:1/m2"], [], [], ["d4:0/m1", "d4:0/m2"]]
    assert ex.seen == ["d1:0", "d1:1", "d4:0"]      # only ok articles are extracted


def test_with_mentions_rejoins_the_batch_the_caller_kept():
    batch = [_doc(1), _doc(2)]
    out = with_mentions(batch, [["a"], []])
    assert [(d.doc_id, [a.article_id for a in arts], ms) for d, arts, ms in out] == \
        [("d1", ["d1:0"], ["a"]), ("d2", ["d2:0"], [])]
    assert out[0][0] is batch[0][0]                 # the same records, not copies


def test_a_result_of_the_wrong_length_is_an_error_not_a_shifted_store():
    with pytest.raises(RuntimeError, match="2 documents"):
        with_mentions([_doc(1), _doc(2)], [["a"]])


def test_process_batch_is_the_two_joined():
    batch = [_doc(1), _doc(2, articles=0)]
    assert process_batch(batch, FakeExtractor()) == with_mentions(batch, batch_mentions(batch, FakeExtractor()))


def test_documents_are_stored_a_batch_per_transaction_and_a_failed_batch_leaves_nothing(tmp_path):
    from sitrep.pipeline import RunSummary, _store_all
    from sitrep.store import open_store

    commits = []
    with open_store(str(tmp_path / "s.db")) as store:
        store.migrate()
        real_put = store.put_document

        def put(doc, *a, **k):
            if doc.doc_id == "d7":
                raise RuntimeError("disk full")
            return real_put(doc, *a, **k)
        store.put_document = put
        store.conn = _Counting(store.conn, commits)
        seen = []
        processed = [(doc, arts, []) for doc, arts in (_doc(i) for i in range(10))]
        with pytest.raises(RuntimeError, match="disk full"):
            _store_all(iter(processed), store, RunSummary("r"), seen.append, group=3)
        stored = sorted(d.doc_id for d in store.documents())
    # batches d0-d2 and d3-d5 landed whole; d6 went down with d7 (same batch); nothing after
    assert stored == ["d0", "d1", "d2", "d3", "d4", "d5"]
    assert len(commits) == 2
    assert [d.doc_id for d in seen] == stored      # progress is told only of what landed


class _Counting:
    """A connection that counts its commits."""

    def __init__(self, conn, commits):
        self._conn, self._commits = conn, commits

    def commit(self):
        self._commits.append(1)
        return self._conn.commit()

    def __getattr__(self, name):
        return getattr(self._conn, name)
