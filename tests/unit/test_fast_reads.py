"""Hot loops that read a Doc as arrays give what reading it Token by Token gives."""
from __future__ import annotations

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from sitrep.extract import triggers
from sitrep.extract.spantext import full_text
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


# ---------------------------------------------------------------- spantext: texts and words as lists

def test_span_text_is_span_text_on_a_hand_built_doc():
    from sitrep.extract.spantext import span_text
    doc = Doc(_VOCAB, words=["Gunmen", "\n\n", "fired", ",", "then", "fled", "  "],
              spaces=[True, False, False, True, True, False, False])
    assert span_text(doc[0:3]) == doc[0:3].text == "Gunmen \n\nfired"
    assert span_text(doc[3:5]) == ", then"      # the last token's trailing space is not kept
    assert span_text(doc[4:4]) == doc[4:4].text == ""
    assert span_text(doc) == doc.text and span_text(doc[2]) == "fired"     # a Doc, a Token: their .text
    other = Doc(_VOCAB, words=["Rebels", "shelled", "Goma"])
    assert span_text(other[1:3]) == "shelled Goma"      # another Doc: its own text, not the last one's
    assert span_text(doc[0:1]) == "Gunmen"


@settings(max_examples=200, deadline=None)
@given(docs(), st.integers(0, 30), st.integers(0, 30))
def test_span_text_and_title_flags_equal_what_the_tokens_give(doc, a, b):
    from sitrep.extract.spantext import span_text, title_flags
    n = len(doc)
    span = doc[min(a, b, n):min(max(a, b), n)]
    assert span_text(span) == span.text
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    assert title_flags(doc) == [t.is_title for t in doc]


class _Demonyms:
    """A gazetteer's demonym lookup, for demonym_countries."""
    TABLE = {"Pakistani": "PAK", "Iranian": "IRN", "Saudi": "SAU", "Kenyan": "KEN"}

    def country_iso3(self, text, kinds=()):
        assert kinds == ("demonym",)
        return self.TABLE.get(text)


def _demonyms_by_tokens(sent, gaz):
    """demonym_countries as first written, Token by Token."""
    from sitrep.extract.place_hints import HYPHEN_MODIFIER
    out = []
    for tok in sent:
        if not tok.is_title:
            continue
        nxt = tok.nbor(1).text.lower() if tok.i + 1 < len(tok.doc) else ""
        after = tok.nbor(2).text.lower() if tok.i + 2 < len(tok.doc) else ""
        if nxt == "-" and HYPHEN_MODIFIER.match(f"-{after}"):
            continue
        if (iso := gaz.country_iso3(tok.text, kinds=("demonym",))) and iso not in out:
            out.append(iso)
    return out


DEMONYM_WORDS = ["Pakistani", "Iranian", "Saudi", "-", "led", "Kenyan", "soldiers", "PAKISTANI", "iranian",
                 "the", "army", "May", "may", "not", "attacked", "said", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(DEMONYM_WORDS), min_size=1, max_size=20), st.data())
def test_demonym_countries_equal_the_token_by_token_reading(words, data):
    from sitrep.extract.place_hints import demonym_countries
    n = len(words)
    starts = [True] + data.draw(st.lists(st.booleans(), min_size=n - 1, max_size=n - 1))
    doc = Doc(_VOCAB, words=words, sent_starts=starts)
    gaz = _Demonyms()
    assert demonym_countries(doc, gaz) == _demonyms_by_tokens(doc, gaz)
    for sent in doc.sents:
        assert demonym_countries(sent, gaz) == _demonyms_by_tokens(sent, gaz)


def test_demonym_countries_on_a_hand_built_sentence():
    from sitrep.extract.place_hints import demonym_countries
    doc = Doc(_VOCAB, words=["Saudi", "-", "led", "jets", "hit", "Iranian", "and", "Kenyan", "posts", ",",
                             "Iranian", "media", "said"])
    assert demonym_countries(doc, _Demonyms()) == ["IRN", "KEN"]
    assert demonym_countries(doc[7:13], _Demonyms()) == ["KEN", "IRN"]


def _window_by_tokens(doc, start, trigger_i):
    """The words modality reads before a trigger, as first written, Token by Token."""
    from sitrep.extract.modality import _month_may
    return [t.lower_ for t in doc[start:trigger_i] if not _month_may(t.text, t.nbor(1).text
                                                                     if t.i + 1 < len(doc) else "",
                                                                     doc[t.i - 1].text if t.i else "")]


MODALITY_WORDS = ["Troops", "may", "May", "not", "attack", "attacked", "on", "in", "19", "2020", "could",
                  "the", "village", "no", "one", "was", "killed", "planned", "to", "never", "?", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(MODALITY_WORDS), min_size=1, max_size=20), st.data())
def test_modality_reads_the_window_it_would_read_token_by_token(words, data):
    """modality() on every token of a sentence equals the judgement made from the window read
    Token by Token (no parse here: no dependent gives a verdict before the window does)."""
    from sitrep.extract import modality as mod
    doc = Doc(_VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    negs, hedges, phrases, _ = mod._cues()
    sent = doc[0:len(doc)]
    for i in range(len(doc)):
        got = mod.modality(doc, i, sent)
        if sent.text.rstrip().endswith("?"):
            assert got == mod.QUESTION
            continue
        before = _window_by_tokens(doc, max(0, i - mod.WINDOW), i)
        window_text = " ".join(before) + " "
        if any(w in negs for w in before) and not re.search(r"\bno (?:one|casualties)\b", window_text):
            want = mod.DENIED
        elif any(w in hedges for w in before):
            want = mod.HYPOTHETICAL
        elif any(p + " " in window_text for p in phrases):
            want = mod.PLANNED
        else:
            want = mod.ASSERTED
        assert got == want, (words, i)


def _in_speaker_by_tokens(span, passive=True, reporting=False):
    """in_speaker as first written (six steps up, whatever the root)."""
    from sitrep.extract.speakers import SAY_LEMMAS
    tok = span.root
    subjects = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    for _ in range(6):
        if tok.dep_ in subjects and tok.head.lemma_.lower() in SAY_LEMMAS:
            return not reporting or any(c.dep_ == "ccomp" for c in tok.head.children)
        tok = tok.head
    return False


TREE_DEPS = ["nsubj", "nsubjpass", "dobj", "prep", "pobj", "ccomp", "compound", "conj"]


@st.composite
def trees(draw):
    """A Doc with a random dependency tree (the root may carry any label)."""
    n = draw(st.integers(1, 8))
    order = draw(st.permutations(range(n)))
    heads, deps = [0] * n, [""] * n
    heads[order[0]], deps[order[0]] = order[0], draw(st.sampled_from(["ROOT", "nsubj"]))
    for k in range(1, n):
        heads[order[k]] = order[draw(st.integers(0, k - 1))]
        deps[order[k]] = draw(st.sampled_from(TREE_DEPS))
    words = draw(st.lists(st.sampled_from(["said", "told", "officials", "in", "Goma", "attacked", "it"]),
                          min_size=n, max_size=n))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps,
               lemmas=[{"said": "say", "told": "tell"}.get(w, w) for w in words])


@settings(max_examples=200, deadline=None)
@given(trees())
def test_in_speaker_stops_at_the_root_with_the_same_answers(doc):
    from sitrep.extract.speakers import in_speaker
    for s in range(len(doc)):
        for e in range(s + 1, len(doc) + 1):
            for passive in (True, False):
                for reporting in (True, False):
                    assert in_speaker(doc[s:e], passive, reporting) == \
                        _in_speaker_by_tokens(doc[s:e], passive, reporting)


def _ent_keys(ents):
    return [(e.start, e.end, e.label_) for e in ents]


@settings(max_examples=200, deadline=None)
@given(docs(), st.integers(0, 30), st.integers(0, 30))
def test_ents_of_equals_spacys_ents(doc, a, b):
    from sitrep.extract.spantext import ents_of
    n = len(doc)
    span = doc[min(a, b, n):min(max(a, b), n)]
    assert _ent_keys(ents_of(span)) == _ent_keys(span.ents)
    assert _ent_keys(ents_of(doc)) == _ent_keys(doc.ents)
    for sent in doc.sents:
        assert _ent_keys(ents_of(sent)) == _ent_keys(sent.ents)


def test_ents_of_on_a_hand_built_doc():
    from sitrep.extract.spantext import ents_of
    doc = _doc(["Shelling", "in", "Goma", "and", "Kibati", "Kibati", "."], [True] * 7, ["x"] * 7,
               [True] + [False] * 6, [(2, 3), (4, 6)])
    assert _ent_keys(ents_of(doc[0:5])) == [(2, 3, "GPE")]      # "Kibati Kibati" runs past the end
    assert _ent_keys(ents_of(doc[3:7])) == [(4, 6, "GPE")]
    assert _ent_keys(ents_of(doc)) == [(2, 3, "GPE"), (4, 6, "GPE")]
    other = _doc(["Goma"], [False], ["goma"], [True], [(0, 1)])
    assert _ent_keys(ents_of(other)) == [(0, 1, "GPE")]     # another Doc: its own entities
