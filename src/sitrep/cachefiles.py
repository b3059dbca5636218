"""Start-up cache files (the gazetteer's ruler patterns, the entity ruler's tokens and tables):
pickles written to a temporary file and renamed into place, so a reader never sees half a file
and two processes writing at once leave one whole one. A cache that cannot be written is
skipped: the next process builds it again."""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path

log = logging.getLogger(__name__)


def write_pickles(path: Path, *objects) -> None:
    """Pickle `objects` one after the other into `path`; an OSError is logged, not raised."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            for obj in objects:
                pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        log.debug("cache file %s not written", path, exc_info=True)
        try:
            tmp.unlink()
        except OSError:
            pass
