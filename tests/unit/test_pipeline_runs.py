"""The runs table says how every run ended."""
import pytest

import sitrep.fuse.stream
from sitrep.pipeline import run
from sitrep.settings import Settings


class _NoExtract:
    def __init__(self, settings):
        pass

    def extract(self, articles):
        return {}


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    import sitrep.extract
    monkeypatch.setattr(sitrep.extract, "Extractor", _NoExtract)


def _input(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Clashes near the border\n\n" + "Fighting was reported near the border town. " * 10)
    return str(p)


def _runs(store):
    return store.query("SELECT status FROM runs ORDER BY started")


def test_a_finished_run_is_ok(tmp_path, store):
    run([_input(tmp_path)], store, Settings(progress=False))
    assert _runs(store) == [("ok",)]


def test_a_failing_run_is_recorded_as_failed_and_keeps_its_documents(tmp_path, store, monkeypatch):
    def boom(store):
        raise RuntimeError("fusion broke")
    monkeypatch.setattr(sitrep.fuse.stream, "fuse_store", boom)
    with pytest.raises(RuntimeError):
        run([_input(tmp_path)], store, Settings(progress=False))
    assert _runs(store) == [("failed",)]
    assert store.counts()["documents"] == 1      # the document's own transaction had landed


def test_fusion_dying_half_way_leaves_the_events_of_the_run_before(tmp_path, store, monkeypatch):
    """Events are written as they are finished, but in the one transaction that first cleared
    them: a fusion that dies after writing some leaves the previous set whole."""
    from fuse_builders import IRAN, JAA, SARAVAN, mention
    from sitrep.models import Article, Document
    doc = Document(doc_id="d", key="k.txt", source="/in/k.txt", status="ok", n_articles=1)
    art = Article(article_id="k.txt:0", doc_id="d", document="k.txt", index=0, title="t", text="x")
    ms = [mention("k.txt", n=n, a1=IRAN, a2=JAA, place=SARAVAN, date=f"2024-0{1 + n}-16")
          for n in range(3)]
    with store.transaction():
        store.put_document(doc, [art], ms)
    run([_input(tmp_path)], store, Settings(progress=False))
    before = store.events()
    assert len(before) == 3

    real = sitrep.fuse.stream.fuse_ordered

    def dies_after_two(*args):
        for k, ev in enumerate(real(*args)):
            if k == 2:
                raise RuntimeError("killed mid-fusion")
            yield ev
    monkeypatch.setattr(sitrep.fuse.stream, "fuse_ordered", dies_after_two)
    monkeypatch.setattr(sitrep.fuse.stream, "WRITE_BATCH", 1)      # two were written
    with pytest.raises(RuntimeError):
        run([_input(tmp_path)], store, Settings(progress=False))
    assert store.events() == before
