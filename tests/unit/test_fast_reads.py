"""Hot loops that read a Doc as arrays give what reading it Token by Token gives."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from sitrep.extract import triggers
from sitrep.extract.places import full_text
from sitrep.nlp.ner_scope import is_open, open_windows

_VOCAB = spacy.blank("en").vocab
WORDS = ["The", "gunmen", "Kibati", "ISWAP", "On", "attacked", "killed", "shelled", "March", "march",
         "may", "May", "recalled", "its", "ambassador", "grenade", "launcher", "\n\n", " ", "protest",
         "al-Hasakeh", "Goma", "ambushed", "a", "convoy", "and", "tear", "gas", "shells", ".", "clashed"]


def _doc(words, spaces, lemmas, sent_starts, ents):
    doc = Doc(_VOCAB, words=words, spaces=spaces, lemmas=lemmas, sent_starts=sent_starts)
    taken, spans = set(), []
    for s, e in ents:
        if e <= len(doc) and s < e and not taken & set(range(s, e)):
            spans.append(Span(doc, s, e, label="GPE"))
            taken |= set(range(s, e))
    doc.ents = spans
    return doc


@st.composite
def docs(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
    n = len(words)
    spaces = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    lemmas = [w.lower().rstrip("ed") or w for w in words]
    starts = [True] + draw(st.lists(st.booleans(), min_size=n - 1, max_size=n - 1))
    ents = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=3))
    return _doc(words, spaces, lemmas, starts, ents)


def test_text_of_is_doc_text():
    doc = Doc(_VOCAB, words=["Gunmen", "\n\n", "fired", ",", "then", "fled", "  "],
              spaces=[True, False, False, True, True, False, False])
    assert full_text(doc) == doc.text == "Gunmen \n\nfired, then fled  "


def _windows_by_tokens(doc, left, right):
    """open_windows as first written, Token by Token."""
    ranges = []
    for sent in doc.sents:
        for tok in sent:
            if not is_open(tok):
                continue
            start, end = max(sent.start, tok.i - left), min(sent.end, tok.i + right + 1)
            while start > sent.start and doc[start].ent_iob == 1:
                start -= 1
            while end < sent.end and doc[end].ent_iob == 1:
                end += 1
            if ranges and start <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], end)
            else:
                ranges.append([start, end])
    if len(ranges) == 1 and ranges[0] == [0, len(doc)]:
        return None
    return [(s, e) for s, e in ranges]


def _hits_by_tokens(span):
    """find_hits' matching as first written, Token by Token (before the nesting filter)."""
    entries, first, _, _ = triggers.lexicon_index()
    out = []
    for i, tok in enumerate(span):
        if tok.lower_ in triggers.MONTHS and tok.text[:1].isupper():
            continue
        lows = [t.lower_ for t in span]
        lems = [t.lemma_.lower() for t in span]
        for idx in set(first.get(tok.lower_, ())) | set(first.get(tok.lemma_.lower(), ())):
            comp, trig = entries[idx]
            end = triggers._match_at(comp, lows, lems, i)
            if end is not None:
                out.append((trig.id, span[i].i, span[end - 1].i + 1, span.doc[span[i].i:span[end - 1].i + 1].text))
    return out


@settings(max_examples=200, deadline=None)
@given(docs(), st.integers(1, 5), st.integers(1, 5))
def test_open_windows_and_text_equal_the_token_by_token_reading(doc, left, right):
    assert open_windows(doc, left, right) == _windows_by_tokens(doc, left, right)
    assert full_text(doc) == doc.text


@settings(max_examples=150, deadline=None)
@given(docs())
def test_find_hits_reads_the_words_it_would_read_token_by_token(doc):
    want = _hits_by_tokens(doc)
    got = triggers.find_hits(doc)
    got_keys = {(h.trigger.id, h.start, h.end, h.text) for h in got}
    assert got_keys <= set(want)
    assert {(t, s, e) for t, s, e, _ in want} >= {(h.trigger.id, h.start, h.end) for h in got}
    for sent in doc.sents:      # a sentence (a Span) gives Doc offsets
        for h in triggers.find_hits(sent):
            assert sent.start <= h.start < h.end <= sent.end
            assert h.text == doc[h.start:h.end].text


def test_find_hits_on_a_hand_built_sentence():
    doc = _doc(["Gunmen", "ambushed", "a", "convoy", "in", "March", "and", "shelled", "Goma"],
               [True] * 9, ["gunman", "ambush", "a", "convoy", "in", "March", "and", "shell", "Goma"],
               [True] + [False] * 8, [])
    got = [(h.text, h.start, h.end) for h in triggers.find_hits(doc[4:9])]
    assert ("shelled", 7, 8) in got and not any(t == "March" for t, _, _ in got)
    assert ("ambushed", 1, 2) in [(h.text, h.start, h.end) for h in triggers.find_hits(doc)]


def _parsed_doc():
    words = ["Gunmen", "from", "Lower", "Shabelle", "raided", "Afgooye", "town", "near", "Mogadishu", "."]
    doc = Doc(_VOCAB, words=words, heads=[4, 0, 3, 1, 4, 6, 4, 4, 7, 4],
              deps=["nsubj", "prep", "compound", "pobj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"],
              tags=["NNS", "IN", "NNP", "NNP", "VBD", "NNP", "NN", "IN", "NNP", "."])
    doc.ents = [Span(doc, 2, 4, label="GPE"), Span(doc, 8, 9, label="GPE")]
    return doc


def test_ner_pieces_equal_as_doc():
    from sitrep.nlp.ner_scope import _pieces
    doc = _parsed_doc()
    ranges = [(0, 3), (3, 7), (7, 7), (8, 10)]     # cutting an entity and heads; an empty range
    got = _pieces(doc, ranges)
    want = [(s, doc[s:e].as_doc()) for s, e in ranges if e > s]
    assert [s for s, _ in got] == [s for s, _ in want] == [0, 3, 8]
    assert [p.to_bytes() for _, p in got] == [p.to_bytes() for _, p in want]
    assert [(e.text, e.label_) for e in got[2][1].ents] == [("Mogadishu", "GPE")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 4)), max_size=5))
def test_ner_pieces_equal_as_doc_for_any_ranges(cuts):
    """Ranges apart share one attribute array, overlapping ones get a copy each: either way
    each piece is as_doc's own."""
    from sitrep.nlp.ner_scope import _pieces
    doc = _parsed_doc()
    ranges = [(s, min(10, s + n)) for s, n in cuts]
    got = _pieces(doc, ranges)
    want = [(s, doc[s:e].as_doc()) for s, e in ranges if e > s]
    assert [s for s, _ in got] == [s for s, _ in want]
    assert [p.to_bytes() for _, p in got] == [p.to_bytes() for _, p in want]
