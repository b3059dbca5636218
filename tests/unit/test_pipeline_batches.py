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
