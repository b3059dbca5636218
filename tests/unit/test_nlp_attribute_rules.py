"""The table attribute ruler (sitrep.nlp.attribute_rules) sets exactly what spaCy's AttributeRuler sets."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.nlp.attribute_rules import TableRules, use_table

# Rules of every kind the model's ruler has, in an order where later ones override earlier ones.
RULES = [
    ([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"}, 0),
    ([[{"TAG": "NNS"}]], {"POS": "NOUN", "MORPH": "Number=Plur"}, 0),
    ([[{"TAG": "VBD"}]], {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}, 0),
    ([[{"TAG": "PRP"}]], {"POS": "PRON", "MORPH": "PronType=Prs"}, 0),
    ([[{"TAG": "DT"}]], {"POS": "DET", "MORPH": "PronType=Art"}, 0),
    ([[{"TAG": "IN"}]], {"POS": "ADP", "MORPH": "_"}, 0),
    ([[{"TAG": "_SP"}]], {"POS": "SPACE", "MORPH": "_"}, 0),
    ([[{"TAG": {"IN": ["TO", "VB", "EX"]}}]], {"POS": "PART", "MORPH": "Foo=Bar"}, 0),
    ([[{"TAG": "NN", "LOWER": "nobody"}]], {"POS": "PRON", "MORPH": "Number=Sing|PronType=Ind"}, 0),
    ([[{"TAG": "PRP", "LOWER": {"IN": ["she", "her"]}}]], {"LEMMA": "she", "MORPH": "Gender=Fem|PronType=Prs"}, 0),
    ([[{"LOWER": "she", "DEP": "nsubj"}]], {"MORPH": "Case=Nom|Gender=Fem|PronType=Prs"}, 0),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"}, 0),
    ([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]], {"POS": "PRON"}, 0),
    ([[{"TAG": "IN", "DEP": "mark"}]], {"POS": "SCONJ"}, 0),
    ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}, 0),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, 1),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], {"POS": "AUX"}, -1),
]

# (words, tags, deps, heads) written for this test
DOCS = [
    (["She", "saw", "nobody", "in", "the", "camp"], ["PRP", "VBD", "NN", "IN", "DT", "NN"],
     ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"], [1, 1, 1, 1, 5, 3]),
    (["They", "met", "her", "because", "that", "mattered"], ["PRP", "VBD", "PRP", "IN", "DT", "VBD"],
     ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl"], [1, 1, 1, 5, 5, 1]),
    (["we", "gon", "na", "win", "nothin'", "\n\n"], ["PRP", "VBD", "TO", "VB", "NN", "_SP"],
     ["nsubj", "ROOT", "aux", "xcomp", "dobj", "dep"], [1, 1, 3, 1, 3, 4]),
    (["there", "was", "a", "raid", "  ", "nuthin'"], ["EX", "VBD", "DT", "NN", "_SP", "NN"],
     ["expl", "ROOT", "det", "attr", "dep", "appos"], [1, 1, 3, 1, 3, 3]),
    (["SHE", "Was", "Nobody"], ["PRP", "VBD", "NN"], ["nsubj", "ROOT", "attr"], [1, 1, 1]),
]


def _ruler(nlp):
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in RULES:
        ruler.add(patterns, attrs, index=index)
    return ruler


def _doc(vocab, words, tags, deps, heads):
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def _attrs(doc):
    return [(t.pos_, str(t.morph), t.morph.key, t.lemma_, t.tag_, t.dep_) for t in doc]


def test_table_sets_what_spacys_attribute_ruler_sets():
    nlp = spacy.blank("en")
    plain = _ruler(nlp)
    fast_nlp = spacy.blank("en", vocab=nlp.vocab)
    fast = _ruler(fast_nlp)
    assert use_table(fast) and not use_table(fast)      # once only
    for spec in DOCS:
        expected, got = plain(_doc(nlp.vocab, *spec)), fast(_doc(nlp.vocab, *spec))
        assert _attrs(got) == _attrs(expected), spec[0]
        assert fast._sitrep_table.annotate(_doc(nlp.vocab, *spec))     # by the table, not spaCy
    # the cases written for this test all happen
    gon = fast(_doc(nlp.vocab, *DOCS[2]))
    assert [t.lemma_ for t in gon][1:3] == ["go", "to"] and gon[4].lemma_ == "nothing"
    there = fast(_doc(nlp.vocab, *DOCS[3]))
    assert there[1].pos_ == "AUX" and there[4].pos_ == "SPACE" and there[5].lemma_ == "nothing"
    assert str(fast(_doc(nlp.vocab, *DOCS[0]))[0].morph) == "Case=Nom|Gender=Fem|PronType=Prs"


def test_rules_of_a_token_and_the_longer_patterns_pretest():
    nlp = spacy.blank("en")
    table = TableRules(_ruler(nlp))
    assert table.ok
    h = nlp.vocab.strings.add
    # TAG NN (rule 0) and the "nobody" exception (rule 8), not the plural tag rule
    assert table.rules_of(h("nobody"), 0, h("NN"), h("dobj")) == (0, 8)
    assert table.rules_of(h("nobody"), 0, h("NN"), h("dobj")) == (0, 8)     # remembered
    assert table.rules_of(h("she"), 0, h("PRP"), h("nsubj")) == (3, 9, 10)
    assert table.rules_of(h("that"), 0, h("DT"), h("nsubj")) == (4, 12)
    assert table.rules_of(h("  "), 1, h("_SP"), h("dep")) == (6, 14, 15)
    assert table.rules_of(h("the"), 0, h("DT"), h("det")) == (4,)
    no_gon = [(h("we"), 0, h("PRP"), h("nsubj"), h("we")), (h("na"), 0, h("TO"), h("aux"), h("na"))]
    assert not table._may_match_multi(no_gon)
    assert table._may_match_multi(no_gon + [(h("gon"), 0, h("VBD"), h("ROOT"), h("gon"))])


def test_docs_it_cannot_handle_go_through_spacy():
    nlp = spacy.blank("en")
    plain, fast = _ruler(nlp), _ruler(spacy.blank("en", vocab=nlp.vocab))
    use_table(fast)
    untagged = ["she", "left"]
    assert _attrs(fast(Doc(nlp.vocab, words=untagged))) == _attrs(plain(Doc(nlp.vocab, words=untagged)))
    assert not fast._sitrep_table.annotate(Doc(nlp.vocab, words=untagged))
    # a token no rule gives a morphology ("RB" has no tag rule here) is left to spaCy, same result
    spec = (["she", "left", "early"], ["PRP", "VBD", "RB"], ["nsubj", "ROOT", "advmod"], [1, 1, 1])
    assert not fast._sitrep_table.annotate(_doc(nlp.vocab, *spec))
    assert _attrs(fast(_doc(nlp.vocab, *spec))) == _attrs(plain(_doc(nlp.vocab, *spec)))


def test_the_table_follows_the_rulers_patterns():
    nlp = spacy.blank("en")
    plain, fast = _ruler(nlp), _ruler(spacy.blank("en", vocab=nlp.vocab))
    use_table(fast)
    spec = DOCS[0]
    assert _attrs(fast(_doc(nlp.vocab, *spec))) == _attrs(plain(_doc(nlp.vocab, *spec)))
    # the same number of rules after clear(), with other values: a new table
    for ruler in (plain, fast):
        ruler.clear()
        for patterns, attrs, index in RULES:
            ruler.add(patterns, {**attrs, "POS": "X"} if "POS" in attrs else attrs, index=index)
    got = fast(_doc(nlp.vocab, *spec))
    assert _attrs(got) == _attrs(plain(_doc(nlp.vocab, *spec)))
    assert {t.pos_ for t in got} == {"X"}
    fast.add([[{"LOWER": "camp"}]], {"LEMMA": "base"})      # one more rule
    assert fast(_doc(nlp.vocab, *spec))[5].lemma_ == "base"


def test_a_ruler_with_quantifiers_keeps_spacys_code():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "?"}, {"LOWER": "b"}]], {"LEMMA": "x"})
    assert not use_table(ruler)


@pytest.mark.model
def test_model_ruler_table_equals_spacy_on_every_exception_word(nlp):
    """Each word the model's ruler names (its LOWER values) in a sentence of its own, plus
    sentences with the longer patterns and whitespace tokens."""
    from sitrep.nlp import MODEL
    ours = nlp.get_pipe("attribute_ruler")
    assert type(ours).__name__.startswith("Table")
    words = sorted({w for p in ours.patterns for pat in p["patterns"] for tok in pat
                    for w in ([tok["LOWER"]] if isinstance(tok.get("LOWER"), str) else
                              tok.get("LOWER", {}).get("IN", []) if isinstance(tok.get("LOWER"), dict) else [])})
    assert len(words) > 50
    texts = [f"The officer said {w} would not matter to them." for w in words] + [
        f"{w.capitalize()} was seen near the border post." for w in words] + [
        "Y'all ain't gonna believe it: there are two checkpoints and there is a third.",
        "Let's go, c'mon, we gotta leave;  nothin' is left here.\n\nIt was him, but not her.",
        "I told you that it was mine, and you gave it to me since I asked.",
    ]
    plain = spacy.load(MODEL, disable=["ner"])
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        got = [[(t.pos_, t.morph.key, t.lemma, t.tag_, t.dep_) for t in d] for d in nlp.pipe(texts)]
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        want = [[(t.pos_, t.morph.key, t.lemma, t.tag_, t.dep_) for t in d] for d in plain.pipe(texts)]
    assert got == want
