"""The cheaper language test and near-duplicate index decide as the plain versions they replaced.

The oracles below are the earlier code, kept as the readable statement of the rules: every word
listed, each language's words counted in a pass of their own, every letter examined.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.ingest import Deduper, language
from sitrep.ingest.build import _article, content_hash
from sitrep.ingest.dedupe import jaccard, shingles, swapped
from sitrep.ingest.language import (LOW_RATIO, MIN_RATIO, MIN_RIVAL, MIN_WORDS, _WORD, _code_like,
                                    _prose_shaped, function_words, is_name, not_english)
from sitrep.ingest.dates import find_dates
from sitrep.ingest.page import Draft
from sitrep.ingest.related_dates import MIN_JACCARD, MIN_SHARED, RelatedDates, names_of
from sitrep.models import DOC_OK, Document
from sitrep.settings import Settings


def oracle_latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch < "\u0250") / len(letters)


def oracle_not_english(text: str) -> str | None:
    if oracle_latin_share(text) < 0.5:
        return "not English news text (mostly a non-Latin script)"
    english, others = function_words()
    words = [m.group().lower() for m in _WORD.finditer(text) if not is_name(text, m.start())]
    en = sum(1 for w in words if w in english)
    rival, rival_hits = max(((name, sum(1 for w in words if w in fw)) for name, fw in others.items()),
                            key=lambda x: x[1])
    if rival_hits >= MIN_RIVAL and rival_hits > en:
        return f"not English news text (reads as {rival}: {rival_hits} of its function words, {en} English)"
    tokens = re.findall(r"\w+", text.lower())
    ratio, n = (sum(1 for w in tokens if w in english) / len(tokens), len(tokens)) if tokens else (0.0, 0)
    if n < MIN_WORDS:
        return None
    if _code_like(text):
        return "not English news text (code or markup)"
    if ratio >= MIN_RATIO:
        return None
    if ratio >= LOW_RATIO and en > rival_hits and _prose_shaped(text):
        return None
    return f"not English news text (stopword ratio {ratio:.2f} < {MIN_RATIO})"


def _vocabulary() -> list[str]:
    english, others = function_words()
    listed = sorted(english) + [w for fw in others.values() for w in sorted(fw)]
    # function words of every list, in three casings, with content words, figures, names,
    # other scripts and letters whose lower case changes length or matches oddly
    words = listed[::3] + [w.capitalize() for w in listed[::7]] + [w.upper() for w in listed[::29]]
    return words + ["troops", "shelled", "village", "Kharkiv", "O'Neill", "don't", "l'armée",
                    "3rd", "2021", "x_y", "İstanbul", "ſo", "Kelvin\u212a", "город", "قرية", "村",
                    "नगर", "½", "²", "{", "}", "=", "<b>", "|", "`"]


CONTENT = st.sampled_from(["troops", "Shelled", "village", "Kharkiv", "12", "2021", "km", "{x}",
                           "a=b", "Menu", "Home", "News", "3,000", "raid", "clash", "<div>"])
WORD = st.one_of(st.sampled_from(_vocabulary()), CONTENT)
GLUE = st.sampled_from([" ", " ", " ", ", ", ". ", "; ", ": ", "\n", " (", ") ", "\"", " “", "” ",
                        "'", "’", "-", "  ", "?", "! ", "\t", ""])


@st.composite
def texts(draw) -> str:
    """Mixed function words of several languages, or (to reach the ratio, code and prose-shape
    rules) longer runs of mostly content words, figures, labels and markup."""
    mixed = draw(st.booleans())
    word = WORD if mixed else st.one_of(CONTENT, CONTENT, CONTENT, WORD)
    parts = draw(st.lists(st.tuples(word, GLUE), min_size=0 if mixed else MIN_WORDS, max_size=120))
    return draw(GLUE) + "".join(w + g for w, g in parts)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_language_test_decides_as_the_word_by_word_count(text):
    assert not_english(text) == oracle_not_english(text)
    assert language._latin_share(text) == oracle_latin_share(text)


@given(st.text(max_size=60))
def test_latin_share_on_any_characters(text):
    assert language._latin_share(text) == oracle_latin_share(text)


def test_rival_tie_names_the_first_language_listed():
    # "de" is French, Spanish, Portuguese... : a tie, and the reason names the first of them
    text = "de la de la de la"
    assert not_english(text) == oracle_not_english(text)
    assert "French" in not_english(text)


def test_a_capitalised_function_word_inside_a_sentence_is_a_name_and_not_counted():
    # "Le", "De" and "La" inside the sentence are names; the same words opening one are not
    named = "troops entered Le Mans and De La Rey camp and Des Moines"
    assert language._function_hits(named) == [2] + [0] * (len(function_words()[1]))
    opening = "Le chef. La ville. De retour"
    assert language._function_hits(opening)[1] == 3     # French


# ----------------------------------------------------------------- near duplicates

class OracleDeduper(Deduper):
    """The index as it was: a plain dict of lists, overlaps counted shingle by shingle."""

    def __init__(self, known_hashes, settings):
        super().__init__(known_hashes, settings)
        self.postings = {}

    def _remember(self, art, sh=None):
        sh = shingles(art.text) if sh is None else sh
        self.known.setdefault(art.content_hash, art.article_id)
        self.sets[art.article_id] = sh
        self.keys[art.article_id] = art.document
        self.texts[art.article_id] = art.text
        for s in sh:
            self.postings.setdefault(s, []).append(art.article_id)

    def _near(self, sh, doc_id, text):
        overlap = Counter(aid for s in sh for aid in self.postings.get(s, ()))
        best = None
        for aid, _ in overlap.most_common(20):
            if aid.split(":")[0] == doc_id:
                continue
            score = jaccard(sh, self.sets[aid])
            if score >= self.threshold and (best is None or score > best[1]) \
                    and swapped(text, self.texts[aid]) is None:
                best = (aid, score)
        return best


SENTENCES = [
    "Gunmen attacked a police post on the edge of the town late on Tuesday",
    "two officers were killed and a third was wounded according to the district chief",
    "residents said the attackers fled towards the hills on motorbikes",
    "the army sent reinforcements and closed the main road for the night",
    "a curfew was declared in three villages while the search went on",
    "local radio reported that shops stayed shut the next morning",
]
PLACES = ["Amberfield", "Dunmoor", "Kestrel Bay", "Larchton"]


@st.composite
def stories(draw) -> str:
    picked = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
    place = draw(st.sampled_from(PLACES))
    figure = draw(st.sampled_from(["", " 4", " 12"]))
    return ". ".join(picked) + f" near {place}{figure}."


def _doc(n: int, text: str):
    doc_id = f"d{n:03d}"
    art, _ = _article(doc_id, f"k{n}", 0, Draft(title=None, text=text), 1)
    return Document(doc_id, f"k{n}", f"k{n}", DOC_OK, "", "jsonl", len(text), None, n_articles=1), [art]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(stories(), min_size=2, max_size=14), st.sampled_from([0.5, 0.7, 0.85]))
def test_duplicates_found_as_with_the_plain_index(texts, threshold):
    conf = Settings(near_duplicate_threshold=threshold)
    new, old = Deduper({}, conf), OracleDeduper({}, conf)
    for n, text in enumerate(texts):
        doc, arts = _doc(n, text)
        got, want = new.check(doc, arts), old.check(doc, arts)
        assert dataclasses.astuple(got[0]) == dataclasses.astuple(want[0])
        assert [dataclasses.astuple(a) for a in got[1]] == [dataclasses.astuple(a) for a in want[1]]


def test_exact_copy_is_found_without_shingling(monkeypatch):
    dedupe = Deduper({}, Settings())
    doc, arts = _doc(1, SENTENCES[0])
    dedupe.check(doc, arts)
    from sitrep.ingest import dedupe as module
    monkeypatch.setattr(module, "shingles", lambda text: (_ for _ in ()).throw(AssertionError))
    copy, copy_arts = _doc(2, SENTENCES[0])
    assert copy_arts[0].content_hash == content_hash(SENTENCES[0])
    doc2, out = dedupe.check(copy, copy_arts)
    assert doc2.status == "duplicate" and out[0].duplicate_of == arts[0].article_id


# ----------------------------------------------------------------- copies or other reports

def oracle_tokens(text: str) -> list:
    from sitrep.ingest import boilerplate, variants
    credits = variants._credit_spans(text)
    agencies = boilerplate.cues()["agencies"]
    numbers = language.english_numbers()
    out = []
    for m in variants._TOKEN.finditer(text):
        word, start = m.group(), m.start()
        low, value = word.lower(), None
        if any(ch.isdigit() for ch in word):
            kind, value = "number", variants._figure(word)
        elif low in numbers:
            kind, value = "numword", numbers[low]
        elif word[0].isupper():
            kind = "name" if is_name(text, start) else "initial"
        else:
            kind = "word"
        credit = low in agencies or any(a <= start < b for a, b in credits)
        out.append(variants.Token(low, kind, word, credit, value))
    return out


REPORT_WORDS = st.sampled_from(["shelling", "hit", "Dunmoor", "Larchton", "thirty", "one", "3rd",
                                "²", "12", "(Reuters)", "Reporting by Ann Vale", "AFP", "said",
                                "Photo: Kit Ames", "edited by", "the", "O'Hara", "x_2"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(REPORT_WORDS, GLUE), max_size=40))
def test_report_tokens_as_before(parts):
    from sitrep.ingest.variants import _tokens_of, tokens
    text = "".join(w + g for w, g in parts)
    assert tokens(text) == oracle_tokens(text)
    assert _tokens_of(text) == tuple(oracle_tokens(text))


# ----------------------------------------------------------------- dates from related articles

class OracleRelatedDates(RelatedDates):
    """Every article's names read up front, and its own dates read before any candidate."""

    def infer(self, window):
        ok = [a for _, arts in window for a in arts if a.status == DOC_OK]
        names = {a.article_id: names_of(a.text) for a in ok}
        dated = [(names[a.article_id], a.published) for a in ok if a.published]
        candidates = list(self.recent) + dated
        out = []
        for doc, arts in window:
            new = []
            for a in arts:
                if a.status == DOC_OK and not a.published:
                    a = self._oracle_date(a, names[a.article_id], candidates)
                new.append(a)
            out.append((doc, new))
        self.recent.extend(dated)
        return out

    @staticmethod
    def _oracle_date(article, mine, candidates):
        latest_named = max((d for d, _, _ in find_dates(article.text)), default=None)
        best = None
        for theirs, published in candidates:
            shared = len(mine & theirs)
            score = jaccard(mine, theirs)
            if shared < MIN_SHARED or score < MIN_JACCARD:
                continue
            if latest_named and latest_named.isoformat() > published:
                continue
            key = (score, published)
            if best is None or key > best:
                best = key
        if best is None:
            return article
        return dataclasses.replace(article, published=best[1], published_how="related",
                                   published_inferred=True)


NAMES = [f"{a}{b}" for a in ("Kor", "Tal", "Mes", "Ravn", "Ost") for b in ("ada", "ivo", "urk", "esh", "om", "ina")]
DAYS = [None, dt.date(2021, 3, 2), dt.date(2021, 3, 9), dt.date(2022, 1, 5)]


@st.composite
def related_articles(draw, n: int):
    few = draw(st.booleans())      # many names: related enough to date one another
    names = draw(st.lists(st.sampled_from(NAMES), min_size=0 if few else 18, max_size=30, unique=True))
    text = "Reports came from " + ", and from ".join(names) + "."
    named = draw(st.sampled_from(["", " It was seen on 4 March 2021.", " It was seen on 3 March 2023."]))
    draft = Draft(title=None, text=text + named, published=draw(st.sampled_from(DAYS)))
    status = draw(st.sampled_from([DOC_OK, DOC_OK, DOC_OK, "duplicate"]))
    art, _ = _article(f"r{n:03d}", f"k{n}", 0, draft, 1)
    doc = Document(f"r{n:03d}", f"k{n}", f"k{n}", DOC_OK, "", "jsonl", 1, None, n_articles=1)
    return doc, [dataclasses.replace(art, status=status)]


@st.composite
def windows(draw):
    count = draw(st.integers(1, 12))
    items = [draw(related_articles(n)) for n in range(count)]
    size = draw(st.integers(1, 5))
    return [items[i:i + size] for i in range(0, count, size)], draw(st.integers(1, 6))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(windows())
def test_related_dates_as_before(case):
    batches, memory = case
    new, old = RelatedDates(memory), OracleRelatedDates(memory)
    for window in batches:
        assert new.infer(window) == old.infer(window)


def test_no_dated_article_no_reading(monkeypatch):
    """With nothing dated in the window or memory, undated articles are passed on as they are,
    without their names or dates being read."""
    from sitrep.ingest import related_dates
    doc, arts = _doc(1, "Reports came from " + ", ".join(NAMES) + ".")
    monkeypatch.setattr(related_dates, "names_of", lambda text: (_ for _ in ()).throw(AssertionError))
    assert RelatedDates().infer([(doc, arts)]) == [(doc, arts)]
