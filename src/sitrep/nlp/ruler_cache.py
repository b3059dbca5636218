"""Start-up caches of the entity ruler, kept as files next to the gazetteer cache.

Two files, both written atomically (sitrep/cachefiles.py) and read "never fatal" (missing, unreadable or foreign:
rebuilt, and rewritten when possible):
  - ruler-tokens-*: the tokens of every phrase pattern and actor alias (text -> tuple of
    token texts), keyed in its name by what could change a tokenisation (spaCy's and the
    model's versions), so a process does not tokenise ~28k names;
  - ruler-state-*: the finished tables of FastEntityRuler (`FastEntityRuler.state()`) for ONE
    pattern list, under a key (`state_key`) that digests the list itself, the model's name,
    language and version, spaCy's and Python's versions and the code that builds the tables:
    any change of what they come from gives another key, and a key that does not match is
    not read (the file then holds the new list's tables). Building the tables is a Python
    loop over the ~28k patterns (~0.15 s of CPU at every start-up and in every `-j` fork
    server, measured on one core); the key and reading them back take ~0.03 s.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from pathlib import Path

from sitrep.cachefiles import write_pickles

log = logging.getLogger(__name__)

# bumped when the saved layout changes in a way the digested code does not show
STATE_FORMAT = 1


class TokenCache:
    """`words_of(text)` for FastEntityRuler.add_patterns and the actor patterns, backed by the
    ruler-tokens file: a text not yet in it is tokenised with the tokenizer (what make_doc
    does) and `save()` rewrites the file when some were."""

    def __init__(self, nlp, path: Path | None):
        self.nlp, self.path, self._new = nlp, path, False
        self._table: dict[str, tuple[str, ...]] = {}
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                table = pickle.load(fh)
            if isinstance(table, dict):
                self._table = table
        except FileNotFoundError:
            pass
        except Exception:   # noqa: BLE001 - a broken cache is rebuilt, never fatal
            log.debug("ruler token cache unreadable", exc_info=True)

    def tokenise(self, texts) -> None:
        """Tokenise (in one batch) those of `texts` that are not in the cache yet."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._table]
        for text, doc in zip(missing, self.nlp.tokenizer.pipe(missing)):
            self._table[text] = tuple(t.text for t in doc)
        self._new = self._new or bool(missing)

    def __call__(self, text: str) -> tuple[str, ...]:
        got = self._table.get(text)
        if got is None:
            got = self._table[text] = tuple(t.text for t in self.nlp.make_doc(text))
            self._new = True
        return got

    def save(self) -> None:
        if self._new and self.path is not None:
            write_pickles(self.path, self._table)
            self._new = False


def _code_digest(code, h) -> None:
    """Feed a function's code (its bytecode, names and constants, nested code included) to `h`:
    line numbers and file names left out, so only a change of what it does changes the key.
    A frozenset constant (`x in {"a", "b"}`) is fed sorted: its own order changes with
    Python's per-process string hashing."""
    h.update(code.co_code)
    h.update(repr(code.co_names).encode())
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _code_digest(const, h)
        elif isinstance(const, frozenset):
            h.update(repr(sorted(map(repr, const))).encode())
        else:
            h.update(repr(const).encode())


def state_key(nlp, patterns: list[dict], code=()) -> str:
    """The key of the ruler state built from `patterns` with `nlp`'s tokenizer by the functions
    `code` (FastEntityRuler's add_patterns, state and restore): a digest of the pattern list
    (order included: it decides the tables' set orders), the model, spaCy and Python versions
    (tokens and set iteration orders) and those functions' code."""
    import spacy
    meta = nlp.meta
    h = hashlib.blake2b(digest_size=20)
    h.update(repr((STATE_FORMAT, sys.version_info[:2], spacy.__version__, meta.get("lang"),
                   meta.get("name"), meta.get("version"))).encode())
    for func in code:
        _code_digest(func.__code__, h)
    h.update(repr(patterns).encode())
    return h.hexdigest()


def read_state(path: Path | None, key: str):
    """The state saved under `key` in `path`, or None (missing, unreadable, other key)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            if pickle.load(fh) != key:
                return None
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:   # noqa: BLE001 - a broken cache is rebuilt, never fatal
        log.debug("ruler state cache unreadable", exc_info=True)
        return None


def write_state(path: Path | None, key: str, state) -> None:
    """Save `state` under `key` (the key first, so a reader with another key stops there)."""
    if path is not None:
        write_pickles(path, key, state)
