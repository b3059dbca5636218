"""Is this English news text? (ingest.language.not_english) Example texts written for the tests."""
from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.language import MIN_WORDS, function_words, not_english

TELEGRAPHIC_ENGLISH = [
    # short, terse event notes: few function words, still English
    "On 3 June 2021, 4 drone strikes reportedly hit Wadi Shabwa area (Markhah, Shabwah), "
    "causing material damage to 2 farms. No casualties nor injuries reported.",
    "On 8 July 2018, heavy clashes erupted between army units and armed herders near Bauchi "
    "city, leaving 6 dead, several wounded, dozens displaced; curfew imposed across 3 districts "
    "pending reinforcements.",
    "On 5 May 2020, protesters rallied outside Parliament in Port-au-Prince demanding salary "
    "arrears; police dispersed crowd using tear gas. 1 injured, 4 arrested, roads reopened "
    "later afternoon.",
    "Troops repel dawn raid on border post; 3 militants killed, 2 soldiers hurt.",
]

NOT_ENGLISH = {
    "French": "Des hommes armés ont attaqué mardi soir un poste de police à la sortie de la ville. "
              "Deux agents ont été tués et un troisième a été blessé, selon le chef de la police.",
    "French short": "Le 7 mai 2020, des manifestants ont bloqué la route nationale à Goma.",
    "Spanish": "Un grupo de hombres armados atacó el martes por la noche un puesto de la policía en "
               "las afueras de la ciudad. Dos agentes murieron y un tercero resultó herido.",
    "Spanish short": "7 de mayo de 2020: enfrentamientos entre el ejército y disidentes en Tumaco.",
    "Portuguese": "Em 7 de maio de 2020, moradores protestaram em Maputo contra a falta de "
                  "transporte público na cidade.",
    "Italian": "Uomini armati hanno attaccato martedì sera un posto di polizia alla periferia della "
               "città. Due agenti sono stati uccisi e un terzo è rimasto ferito.",
    "Indonesian": "Sekelompok pria bersenjata menyerang pos polisi di pinggiran kota pada Selasa "
                  "malam. Dua petugas tewas dan satu lainnya terluka, kata kepala polisi itu.",
    "romanised Arabic": "qala al-mutahaddith inna al-quwwat hajamat ala al-mawaqi fi al-madina wa "
                        "qad qutila thalatha min al-muqatilin wa lam tasdur ay tafasil ukhra.",
    "Arabic script": "قال المتحدث إن القوات هاجمت المواقع في المدينة وقتل ثلاثة من المقاتلين",
}

NOT_NEWS = {
    "navigation": "\n".join("Home World Politics Business Tech Science Health Sports Opinion Video "
                            "Podcasts Newsletters Sign in Subscribe now Most read Latest stories "
                            "Contact Help Terms Privacy Cookies Accessibility Careers".split()),
    "code": "function init() { var x = document.getElementById('main'); if (x == null) { return; } "
            "for (var i = 0; i < 10; i++) { x.innerHTML += '<li>' + i + '</li>'; } "
            "window.addEventListener('load', function () { init(); track('page_view', {id: 42}); }); }",
    "figures": "2020 2021 2022 Total 12 15 18 45 Region A 3 4 5 12 Region B 4 5 6 15 Region C 5 6 7 "
               "18 Share 27% 33% 40% 100% Change +3 +3 +3 +9 Index 101 104 108 313",
}


@pytest.mark.parametrize("text", TELEGRAPHIC_ENGLISH)
def test_short_telegraphic_english_is_english(text):
    assert not_english(text) is None


@pytest.mark.parametrize("name", NOT_ENGLISH)
def test_other_languages_are_not_english(name):
    assert not_english(NOT_ENGLISH[name])


def test_the_reason_names_the_language():
    assert "French" in not_english(NOT_ENGLISH["French"])
    assert "Spanish" in not_english(NOT_ENGLISH["Spanish short"])


@pytest.mark.parametrize("name", NOT_NEWS)
def test_pages_that_are_not_prose_are_not_news(name):
    assert len(re.findall(r"\w+", NOT_NEWS[name])) >= MIN_WORDS
    assert not_english(NOT_NEWS[name])


def test_names_do_not_count_as_function_words():
    # "de", "la", "wa", "al" inside names belong to the names, not to a language
    text = ("Militants attacked a checkpoint in Ciudad de la Costa and near Khabb wa ash Shaaf, "
            "officials in Al Jawf said.")
    assert not_english(text) is None


def test_a_short_snippet_without_evidence_is_not_judged():
    assert not_english("Tumaco, Nariño.") is None


def test_function_word_lists_are_lower_case_and_distinct():
    english, others = function_words()
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("languages.yaml").read_text("utf-8"))
    assert raw["version"] >= 1 and len(english) > 100 and len(others) >= 8
    for name, words in [("English", english), *others.items()]:
        assert words and all(w == w.lower() and " " not in w for w in words), name


# ---------------------------------------------------------------- one reading of "a name"

@pytest.mark.parametrize("text,word,name", [
    ("Clashes broke out in Goma on Monday.", "Goma", True),
    ("Clashes broke out. Police said two died.", "Police", False),
    ("Officials said: Police arrived late.", "Police", False),
    ('He said "Troops withdrew" later.', "Troops", False),
    ("Fighting (Reuters) ended.", "Reuters", False),
    ("Fighting ended.\nResidents fled.", "Residents", False),
    ("Soldiers fired.", "Soldiers", False),
    ("Clashes broke out in goma.", "goma", False),
])
def test_a_name_is_a_capitalised_word_that_does_not_open_a_sentence(text, word, name):
    from sitrep.ingest.language import is_name
    assert is_name(text, text.index(word)) is name


_PIECES = st.sampled_from(["Police", "said", "Goma", "troops", "entered", "Kabul", "the", "Army", ".", ":",
                           ";", '"', "(", ")", "\n", ",", "Residents", "fled", "The", "In", "La", "de"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30))
def test_language_variants_and_related_dates_read_names_alike(pieces):
    """The three ingest readers of names (the language test leaves them out of its counts,
    variants.tokens calls them "name", related_dates.names_of collects them) agree on every text."""
    from sitrep.ingest.language import _function_hits, _word_languages
    from sitrep.ingest.related_dates import names_of
    from sitrep.ingest.variants import tokens
    text = " ".join(pieces)
    toks = tokens(text)
    assert names_of(text) == {t.text for t in toks if t.kind == "name"}
    names, where = _word_languages()
    hits = [0] * len(names)
    for t in toks:
        if t.kind != "name":
            for i in where.get(t.low, ()):
                hits[i] += 1
    assert _function_hits(text) == hits
