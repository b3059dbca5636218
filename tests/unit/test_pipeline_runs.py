"""The runs table says how every run ended."""
import pytest

import sitrep.fuse
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
    def boom(mentions):
        raise RuntimeError("fusion broke")
    monkeypatch.setattr(sitrep.fuse, "fuse", boom)
    with pytest.raises(RuntimeError):
        run([_input(tmp_path)], store, Settings(progress=False))
    assert _runs(store) == [("failed",)]
    assert store.counts()["documents"] == 1      # the document's own transaction had landed
