"""The fast stand-ins in sitrep.nlp give exactly what spaCy's own components give."""
from __future__ import annotations

import pytest
import spacy

from sitrep.nlp import FastEntityRuler, MODEL

PATTERNS = [
    {"label": "GPE", "pattern": "Sistan-Baluchestan", "id": "admin1:IRN"},
    {"label": "GPE", "pattern": "Baluchestan", "id": "region:IRN"},
    {"label": "GPE", "pattern": "Karachi", "id": "city:PAK"},
    {"label": "GPE", "pattern": "Karachi", "id": "admin2:PAK"},      # same span, two ids
    {"label": "LOC", "pattern": "North Waziristan", "id": "admin2:PAK"},
    {"label": "GPE", "pattern": "Waziristan"},
    {"label": "ORG", "pattern": [{"LOWER": "jaish"}, {"LOWER": "ul"}, {"LOWER": "-"}, {"LOWER": "adl"}],
     "id": "jaish_al_adl"},
    {"label": "ORG", "pattern": [{"TEXT": "BLA"}], "id": "bla"},
    {"label": "ORG", "pattern": [{"LOWER": "daesh"}], "id": "is"},
]
TEXTS = [
    "Jaish ul-Adl and DAESH were blamed for the blast in Sistan-Baluchestan.",
    "JAISH UL-ADL fighters crossed from Baluchestan into North Waziristan near Karachi.",
    "The BLA and the bla and Bla; Karachi Karachi North Waziristan Waziristan.",
    "",
    "karachi sistan-baluchestan north waziristan",
]


def _ents(doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_fast_ruler_matches_spacy_entity_ruler():
    slow = spacy.blank("en")
    slow.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": None}) \
        .add_patterns(PATTERNS)
    fast = spacy.blank("en")
    ruler = fast.add_pipe("sitrep_entity_ruler", name="entity_ruler")
    ruler.add_patterns(PATTERNS)
    assert len(ruler) == len(PATTERNS)
    for text in TEXTS:
        assert _ents(fast(text)) == _ents(slow(text)), text


def test_fast_ruler_supports_only_what_it_can_match_exactly():
    assert FastEntityRuler.supports("Karachi")
    assert FastEntityRuler.supports([{"LOWER": "a"}, {"LOWER": "b"}])
    assert not FastEntityRuler.supports([{"LOWER": "a"}, {"TEXT": "B"}])        # mixed attributes
    assert not FastEntityRuler.supports([{"LOWER": "a", "OP": "?"}])
    assert not FastEntityRuler.supports([{"LOWER": {"IN": ["a", "b"]}}])


@pytest.mark.model
def test_pipeline_tags_lemmas_and_entities_equal_the_plain_model(nlp):
    plain = spacy.load(MODEL)
    texts = TEXTS + [
        "Gunmen on motorbikes killed four policemen at a checkpoint in Panjgur district on Sunday.",
        "Protesters weren't dispersed; they're gonna march again, police said, and ain't leaving.",
        "Iran's Revolutionary Guards said they had struck 'terrorist' bases in Pakistan.",
    ]
    for ours, theirs in zip(nlp.pipe(texts), plain.pipe(texts)):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in ours] == \
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in theirs]


@pytest.mark.model
def test_lemma_index_as_sets_gives_the_models_lemmas(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in table.values())
    plain = spacy.load(MODEL, disable=["ner"])
    # inflections whose rules try several endings against the index (the slow path before)
    text = ("The militias were ambushing convoys, shelled villages, looted the cattle pens and "
            "kidnapped wives; the worst-hit towns hardest-pressed, buses and ferries stopped, "
            "stories retold by the oldest fishermen who'd fled.")
    ours = [(t.text, t.lemma_) for t in nlp(text)]
    assert ours == [(t.text, t.lemma_) for t in plain(text)]
    assert ("shelled", "shell") in ours and ("ferries", "ferry") in ours


BLAS_TEXTS = [
    "Gunmen on motorbikes opened fire on a police checkpoint near Turbat on Tuesday, killing two "
    "constables, a district official said.",
    "Tehran recalled its ambassador from Islamabad a day after missiles struck villages in the "
    "Panjgur district of Balochistan.",
    "Hundreds of traders marched in Quetta to protest against the closure of the border crossing.",
]


def test_the_models_layers_multiply_with_numpys_blas_and_parse_the_same(nlp):
    from thinc.backends import NumpyOps
    from sitrep.nlp import MODEL_OPS
    assert MODEL_OPS == ("numpy", {"use_blis": False})
    layers = [node for _, pipe in nlp.pipeline
              for node in (pipe.model.walk() if hasattr(getattr(pipe, "model", None), "walk") else [])]
    assert layers
    assert all(isinstance(n.ops, NumpyOps) for n in layers)
    assert sum(1 for n in layers if not n.ops.use_blis) > 0.9 * len(layers)
    plain = spacy.load(MODEL)                  # thinc's default ops: blis
    for text in BLAS_TEXTS:
        ours, theirs = nlp(text), plain(text)
        assert [(t.tag_, t.dep_, t.head.i) for t in ours] == [(t.tag_, t.dep_, t.head.i) for t in theirs]


def test_the_loaded_pipeline_is_out_of_the_collectors_way(nlp):
    import gc
    # frozen objects sit in the permanent generation: full collections no longer walk them
    assert gc.get_freeze_count() > 50_000
