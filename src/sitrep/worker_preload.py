"""Imported once by the fork server that starts the `-j N` worker processes (parallel.py).

Loading the spaCy model, the entity ruler's patterns, the gazetteer and the data files takes
a CPU second or more. Done here, before the workers are forked from this process, it is done
once for all of them instead of once per worker, and the workers share the loaded pages until
they write to them. Nothing here may raise: the fork server stops at any error other than an
ImportError, and a worker whose pipeline was not preloaded simply loads its own. That includes
a Ctrl-C during the load.
"""
from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger(__name__)

# our own sentence: one of each thing the extractor reads lazily (triggers, an actor, a
# place, a toll, a date), so every data file and cache is loaded before the fork
WARM_UP = ("On 2 March 2021, police fired on protesters in Peshawar, Khyber Pakhtunkhwa, "
           "killing two people, officials said.")


def warm() -> bool:
    """Load and exercise the extractor once; True when it worked."""
    try:
        from sitrep.extract import Extractor
        from sitrep.geocode.gazetteer import get_gazetteer
        from sitrep.models import Article
        from sitrep.settings import Settings
        article = Article(article_id="warm-up:0", doc_id="warm-up", document="warm-up", index=0,
                          title=None, text=WARM_UP, published=dt.date(2021, 3, 3).isoformat())
        Extractor(Settings(progress=False)).extract([article])
        get_gazetteer().close()    # its handle must not cross the fork (each worker reopens)
        return True
    except KeyboardInterrupt:
        # Ctrl-C while loading reaches this process too (it is in the terminal's process
        # group): the run's own process reports it in one line; no traceback from here
        return False
    except Exception:  # noqa: BLE001 - see the module docstring
        log.debug("worker preload failed; workers load their own pipeline", exc_info=True)
        return False


PRELOADED = warm()
