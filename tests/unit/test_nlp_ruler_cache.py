"""The entity ruler's start-up caches (nlp/ruler_cache.py): a ruler restored from the state
file matches exactly as a freshly built one, a broken or foreign file is rebuilt, and any
change of what the tables come from gives another key."""
from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings, strategies as st

import sitrep.nlp as nlp_mod
from sitrep.nlp import FastEntityRuler, add_entity_ruler, actor_patterns
from sitrep.nlp import ruler_cache
from sitrep.nlp.ruler_cache import TokenCache, state_key

CODE = (FastEntityRuler.add_patterns, FastEntityRuler.state, FastEntityRuler.restore)

# our own names; several share a span so that ties between keys are exercised
PATTERNS = [
    {"label": "GPE", "pattern": "Port Sabre", "id": "city:AAA"},
    {"label": "GPE", "pattern": "Port Sabre", "id": "admin2:AAA"},
    {"label": "LOC", "pattern": "Port Sabre", "id": "region:AAA"},
    {"label": "GPE", "pattern": "Sabre"},
    {"label": "LOC", "pattern": "Upper Tovin-Marsh", "id": "admin1:BBB"},
    {"label": "GPE", "pattern": "Tovin-Marsh", "id": "admin2:BBB"},
    {"label": "ORG", "pattern": [{"LOWER": "red"}, {"LOWER": "lantern"}, {"LOWER": "front"}],
     "id": "rlf"},
    {"label": "ORG", "pattern": [{"TEXT": "RLF"}], "id": "rlf"},
    {"label": "ORG", "pattern": [{"LOWER": "sabre"}], "id": "sabre_militia"},
]
TEXTS = [
    "The Red Lantern Front (RLF) shelled Port Sabre and Upper Tovin-Marsh on Friday.",
    "RED LANTERN FRONT fighters left Sabre for Tovin-Marsh; the rlf denied it.",
    "port sabre, PORT SABRE and Port Sabre Port Sabre.",
    "",
]


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    return tmp_path


def _ents(doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def _ruler(patterns=PATTERNS):
    nlp = spacy.blank("en")
    return nlp, add_entity_ruler(nlp, patterns, before=None)


def _fresh(patterns=PATTERNS):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("sitrep_entity_ruler", name="entity_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def _state_file(cache):
    (path,) = cache.glob("ruler-state-*.pickle")
    return path


def _no_build(monkeypatch):
    """Fail when the tables are built (a built ruler writes its state; a restored one does
    not). FastEntityRuler's own methods are left alone: their code is part of the key."""
    def fail(*a, **k):
        raise AssertionError("built instead of restored")
    monkeypatch.setattr(ruler_cache, "write_state", fail)
    monkeypatch.setattr(TokenCache, "tokenise", fail)


def test_restored_ruler_matches_a_freshly_built_one(cache, monkeypatch):
    _ruler()                                   # builds and saves
    with monkeypatch.context() as m:
        _no_build(m)
        nlp, ruler = _ruler()                  # restores
    fresh_nlp, fresh = _fresh()
    assert ruler.state() == fresh.state() and len(ruler) == len(fresh) == len(PATTERNS)
    # the keys of one token sequence keep the order in which the fresh set iterates
    for attr, table in fresh._tables.items():
        assert [(h, tuple(k)) for h, k in table.items()] == list(ruler._tables[attr].items())
    for text in TEXTS:
        assert _ents(nlp(text)) == _ents(fresh_nlp(text)), text
    # the label strings are in the restoring process's StringStore
    assert "GPE||city:AAA" in nlp.vocab.strings and "GPE" in nlp.vocab.strings


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"stamp": 1})])
def test_a_broken_state_file_is_rebuilt(cache, content):
    _ruler()
    path = _state_file(cache)
    path.write_bytes(content)
    nlp, ruler = _ruler()
    fresh_nlp, fresh = _fresh()
    assert ruler.state() == fresh.state()
    for text in TEXTS:
        assert _ents(nlp(text)) == _ents(fresh_nlp(text))
    with open(path, "rb") as fh:         # and written again, readable
        key = pickle.load(fh)
    assert ruler_cache.read_state(path, key) == fresh.state()


def test_a_state_with_the_right_key_but_wrong_content_is_rebuilt(cache):
    _ruler()
    path = _state_file(cache)
    with open(path, "rb") as fh:
        key = pickle.load(fh)
    ruler_cache.write_state(path, key, {"tables": "junk"})
    nlp, ruler = _ruler()
    assert ruler.state() == _fresh()[1].state()


def test_a_foreign_state_is_not_read(cache, monkeypatch):
    _ruler()
    changed = PATTERNS[:-1] + [{"label": "ORG", "pattern": [{"LOWER": "sabre"}], "id": "other"}]
    nlp, ruler = _ruler(changed)               # another list: built, not the saved tables
    fresh_nlp, fresh = _fresh(changed)
    assert ruler.state() == fresh.state()
    assert _ents(nlp("sabre")) == [(0, 1, "ORG", "other")]
    with monkeypatch.context() as m:           # and the new list's tables are the ones saved
        _no_build(m)
        assert _ruler(changed)[1].state() == fresh.state()


def test_restore_refuses_what_is_not_a_state():
    ruler = FastEntityRuler(spacy.blank("en"))
    good = FastEntityRuler(spacy.blank("en"))
    good.add_patterns(PATTERNS)
    for bad in (None, {}, [1], {"tables": {}, "lengths": {}, "ent_ids": {}, "strings": [], "n": 0},
                dict(good.state(), strings=[b"GPE"]), dict(good.state(), n="many"),
                dict(good.state(), tables={k: [] for k in good.state()["tables"]})):
        assert ruler.restore(bad) is False
    assert len(ruler) == 0 and ruler._tables == FastEntityRuler(spacy.blank("en"))._tables


def _variants():
    yield PATTERNS[1:]                                               # one fewer
    yield PATTERNS[1:] + PATTERNS[:1]                                # another order
    yield [dict(PATTERNS[0], label="LOC")] + PATTERNS[1:]            # a label
    yield [dict(PATTERNS[0], id="city:ZZZ")] + PATTERNS[1:]          # an id
    yield [dict(PATTERNS[0], pattern="Port  Sabre")] + PATTERNS[1:]  # a phrase
    yield PATTERNS[:6] + [{"label": "ORG", "pattern": [{"TEXT": "red"}, {"TEXT": "lantern"},
                                                       {"TEXT": "front"}], "id": "rlf"}] + PATTERNS[7:]


def test_any_change_of_an_input_changes_the_key():
    nlp = spacy.blank("en")
    base = state_key(nlp, PATTERNS, CODE)
    assert state_key(spacy.blank("en"), [dict(p) for p in PATTERNS], CODE) == base   # equal input
    keys = {state_key(nlp, v, CODE) for v in _variants()}
    assert len(keys) == len(list(_variants())) and base not in keys
    assert state_key(nlp, PATTERNS, CODE[:1]) != base                          # the code
    assert state_key(nlp, PATTERNS, (FastEntityRuler.match, *CODE[1:])) != base
    other = spacy.blank("en")
    other.meta["version"] = "9.9.9"                                            # the model
    assert state_key(other, PATTERNS, CODE) != base
    assert state_key(spacy.blank("xx"), PATTERNS, CODE) != base                 # its language


def test_the_key_is_the_same_in_every_process():
    """Python hashes strings differently in each process: the key must not depend on it."""
    import os
    import subprocess
    import sys
    prog = ("import spacy; from sitrep.nlp.ruler_cache import state_key\n"
            "def f(x): return x in {'alpha', 'beta', 'gamma', 'delta'}\n"
            "print(state_key(spacy.blank('en'), [{'label': 'GPE', 'pattern': 'Sabre'}], (f,)))")
    keys = {subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2", "3")}
    assert len(keys) == 1 and len(keys.pop().strip()) == 40


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=12))
def test_restored_tables_equal_the_built_ones_for_any_list(patterns):
    nlp, built = _fresh(patterns)
    restored = FastEntityRuler(spacy.blank("en"))
    assert restored.restore(pickle.loads(pickle.dumps(built.state())))
    assert restored.state() == built.state()
    other = spacy.blank("en")
    other.add_pipe("sitrep_entity_ruler", name="entity_ruler").restore(built.state())
    for text in TEXTS:
        assert _ents(other(text)) == _ents(nlp(text))


def test_a_restored_ruler_takes_more_patterns_like_a_built_one():
    nlp, built = _fresh(PATTERNS[:1])
    other = spacy.blank("en")
    restored = other.add_pipe("sitrep_entity_ruler", name="entity_ruler")
    restored.restore(built.state())
    built.add_patterns(PATTERNS[1:])        # two more keys for the restored "Port Sabre" entry
    restored.add_patterns(PATTERNS[1:])
    assert restored.state() == built.state()
    for text in TEXTS:
        assert _ents(other(text)) == _ents(nlp(text))


def test_token_cache_tokenises_like_the_tokenizer_and_survives_a_broken_file(tmp_path):
    nlp = spacy.blank("en")
    path = tmp_path / "tokens.pickle"
    path.write_bytes(b"\x80garbage")
    tokens = TokenCache(nlp, path)
    tokens.tokenise(["Upper Tovin-Marsh", "al-Sabre's men"])
    assert tokens("Upper Tovin-Marsh") == tuple(t.text for t in nlp.make_doc("Upper Tovin-Marsh"))
    assert tokens("U.N.-led talks") == tuple(t.text for t in nlp.make_doc("U.N.-led talks"))
    tokens.save()
    again = TokenCache(nlp, path)
    assert again._table == tokens._table and len(again._table) == 3


def test_actor_patterns_from_the_token_cache_equal_the_tokenizers(tmp_path):
    nlp = spacy.blank("en")
    assert actor_patterns(nlp, TokenCache(nlp, tmp_path / "t.pickle")) == actor_patterns(nlp)


@pytest.mark.model
def test_pipeline_actor_patterns_from_the_cache_equal_the_models_tokenizer(nlp):
    assert actor_patterns(nlp, nlp_mod._token_cache(nlp)) == actor_patterns(nlp)
