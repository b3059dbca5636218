"""The NER runs only around names the entity ruler left open (sitrep/nlp/ner_scope.py).

Hand-built Docs check which token ranges the NER sees and how its entities come back; the
`model` tests check that, on sentences written for them, the scoped NER gives the entities and
the mentions the whole-Doc NER gives."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from sitrep.nlp.ner_scope import NOT_OPEN, ScopedNER, _calendar_words, _group_words, is_open, open_windows

_VOCAB = spacy.blank("en").vocab


def doc_of(text: str, sent_starts: tuple[int, ...] = (0,), ents=()) -> Doc:
    """Whitespace-tokenised Doc with sentence starts and (start, end, label) entities."""
    words = text.split()
    doc = Doc(_VOCAB, words=words, sent_starts=[i in sent_starts for i in range(len(words))])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_open_tokens_are_unclaimed_capitalised_names():
    doc = doc_of("On Tuesday gunmen from ISWAP raided Kibati near Goma", ents=[(8, 9, "GPE")])
    got = {t.text: is_open(t) for t in doc}
    assert got["Kibati"] and got["ISWAP"]
    assert not got["On"]            # a capitalised function word
    assert not got["Tuesday"]       # a weekday name (NOT_OPEN)
    assert not got["gunmen"]        # lower case
    assert not got["Goma"]          # the ruler already made it an entity


def test_windows_stay_in_their_sentence_and_merge():
    # tokens 0-9 are the first sentence, 10- the second; names at 1 and 4 (one window) and 17
    text = ("the Kibati people said Beni was calm and quiet . "
            "later that day police in town near Kalehe arrested two young men at the market square today")
    doc = doc_of(text, sent_starts=(0, 10))
    assert open_windows(doc, left=2, right=2) == [(0, 7), (15, 20)]
    assert open_windows(doc, left=5, right=5) == [(0, 10), (12, 23)]     # not past the sentence end
    assert open_windows(doc, left=1, right=3) == [(0, 8), (16, 21)]     # each side its own width
    assert open_windows(doc) == [(0, 9), (12, 22)]                      # LEFT 5, RIGHT 4


def test_no_open_token_means_no_ner_and_all_of_it_means_the_whole_doc():
    assert open_windows(doc_of("police arrested two men at the market")) == []
    assert open_windows(doc_of("men in Kibati"), left=5, right=5) is None


def test_calendar_and_group_words_open_no_window():
    doc = doc_of("Police and Protesters clashed on Monday 4 April in Kibati ; Mar Elias church")
    assert [t.text for t in doc if is_open(t)] == ["Kibati", "Mar", "Elias"]
    # a sentence of such words alone gives the NER nothing to read
    assert open_windows(doc_of("Soldiers and Police met Residents on Friday")) == []


def test_not_open_holds_full_month_and_weekday_names_and_the_registrys_group_nouns():
    cal = _calendar_words()
    assert {"january", "may", "june", "september", "monday", "sunday"} <= cal
    assert not {"jan", "mar", "sept", "sep"} & cal              # abbreviations can be names
    groups = _group_words()
    assert {"police", "protesters", "soldiers", "army", "residents"} <= groups
    assert not any(" " in w for w in groups)                    # one-word heads only
    assert cal | groups == NOT_OPEN


def test_a_window_never_cuts_a_ruler_entity():
    # "Lower Shabelle" (7-9) would be cut by a window of 2 around "Afgooye" (5)
    doc = doc_of("clashes were reported in the Afgooye area Lower Shabelle region on that night",
                 ents=[(7, 9, "GPE")])
    (start, end), *_ = open_windows(doc, left=2, right=2)
    assert start == 3 and end == 9


class _FakeNER:
    """Marks every open token as a one-token GPE and records what it was shown."""

    def __init__(self):
        self.seen: list[str] = []

    def pipe(self, docs, batch_size=128):
        for doc in docs:
            self.seen.append(" ".join(t.text for t in doc))
            kept = list(doc.ents)
            taken = {i for e in kept for i in range(e.start, e.end)}
            doc.ents = kept + [Span(doc, t.i, t.i + 1, label="GPE") for t in doc
                               if t.i not in taken and is_open(t)]
            yield doc


def test_scoped_ner_writes_entities_back_at_their_offsets_and_keeps_the_rest():
    text = "police said that some armed men from the hills raided Kibati village near Beni"
    doc = doc_of(text + " before fleeing toward the forest near Goma", ents=[(20, 21, "GPE")])
    fake = _FakeNER()
    out = next(ScopedNER(fake, lambda d: open_windows(d, left=2, right=2)).pipe([doc]))
    assert fake.seen == ["hills raided Kibati village near Beni before fleeing"]   # not the Doc
    assert [(e.text, e.label_) for e in out.ents] == \
        [("Kibati", "GPE"), ("Beni", "GPE"), ("Goma", "GPE")]     # Goma: the ruler's, kept


def test_scoped_ner_hands_whole_docs_over_unchanged():
    fake = _FakeNER()
    doc = doc_of("men in Kibati")
    list(ScopedNER(fake, lambda d: None).pipe([doc, doc_of("")]))
    assert fake.seen == ["men in Kibati"]


SENTENCES = [
    "On 4 March, gunmen from a local militia killed three herders near Tamou village, in the "
    "Kandi area of Alibori, and stole their cattle.",
    "Ukrainian forces shelled positions near Vodiane; Russian-backed fighters said two of their "
    "men were wounded in the village of Pikuzy.",
    "Hundreds of teachers marched through Colonia Las Brisas in San Pedro Sula to demand unpaid "
    "wages. Police used tear gas near the Central Park.",
    "Kurdish fighters and Turkish troops clashed near Darbasiyah in al-Hasakeh countryside, "
    "according to a monitor based in Britain.",
]


@pytest.mark.model
def test_pipeline_runs_the_scoped_ner_in_place_of_the_models(nlp):
    assert nlp.get_pipe_meta("ner").factory == "sitrep_scoped_ner"
    assert "ner_model" in nlp.disabled
    assert nlp.pipe_names[-1] == "ner"


@pytest.mark.model
def test_scoped_ner_gives_the_place_and_group_entities_of_the_whole_doc(nlp):
    read = {"GPE", "LOC", "FAC", "NORP"}    # the labels extraction reads
    scoped = list(nlp.pipe(SENTENCES))
    with nlp.select_pipes(disable=["ner"]):
        plain = list(nlp.pipe(SENTENCES))
    whole = list(nlp.get_pipe("ner_model").pipe(plain))
    for a, b in zip(scoped, whole):
        assert [(e.start, e.end, e.label_) for e in a.ents if e.label_ in read] == \
            [(e.start, e.end, e.label_) for e in b.ents if e.label_ in read], a.text


@pytest.mark.model
def test_scoped_ner_gives_the_mentions_of_the_whole_doc(nlp):
    from sitrep.extract import Extractor
    from sitrep.models import Article

    def mentions(pipeline):
        ex = Extractor(None, nlp=pipeline)
        arts = [Article(article_id=f"d{i}:0", doc_id=f"d{i}", document=f"d{i}", index=0, title=None,
                        text=text, published="2024-03-06") for i, text in enumerate(SENTENCES)]
        got = ex.extract(arts)
        return [got[a.article_id] for a in arts]

    scoped = mentions(nlp)
    nlp.disable_pipe("ner")
    nlp.enable_pipe("ner_model")
    try:
        whole = mentions(nlp)
    finally:
        nlp.disable_pipe("ner_model")
        nlp.enable_pipe("ner")
    assert scoped == whole
    assert all(scoped)


def test_windows_without_sentence_boundaries_span_the_doc():
    doc = Doc(_VOCAB, words="the men of Kibati said so and left for the hills".split())
    assert open_windows(doc, left=2, right=2) == [(1, 6)]


def test_only_short_one_paragraph_reports_are_read_as_one_event():
    from sitrep.extract.core import _one_event
    from sitrep.extract.kinds import SUMMARY_MAX_CHARS
    from sitrep.models import Article

    def art(text):
        return Article(article_id="a:0", doc_id="a", document="a", index=0, title=None, text=text)
    note = "On 2 June, gunmen killed a trader in Kibati. Police arrested two men later."
    assert _one_event(art(note), 1)
    assert not _one_event(art(note), 2)                             # two candidate paragraphs
    assert not _one_event(art(note + "\n\nA second paragraph about another raid."), 1)
    assert not _one_event(art("word " * (SUMMARY_MAX_CHARS // 4)), 1)   # too long for a note
