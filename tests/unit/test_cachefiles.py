"""Start-up cache files are written whole or not at all (sitrep/cachefiles.py)."""
from __future__ import annotations

import pickle

from sitrep.cachefiles import write_pickles


def test_objects_come_back_in_order_and_no_temporary_file_stays(tmp_path):
    path = tmp_path / "sub" / "cache.pickle"
    write_pickles(path, "key-1", {"tables": (1, 2)})
    with open(path, "rb") as fh:
        assert pickle.load(fh) == "key-1"
        assert pickle.load(fh) == {"tables": (1, 2)}
    write_pickles(path, "key-2")            # replaced, not appended
    with open(path, "rb") as fh:
        assert pickle.load(fh) == "key-2"
        assert fh.read() == b""
    assert [p.name for p in path.parent.iterdir()] == ["cache.pickle"]


def test_a_file_that_cannot_be_written_is_skipped_without_leftovers(tmp_path):
    target = tmp_path / "a-folder"
    target.mkdir()                  # renaming a file onto a folder fails with an OSError
    write_pickles(target, {"patterns": []})
    assert target.is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["a-folder"]
