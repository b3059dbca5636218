"""The text's own context outweighs population among namesakes: a province written after the
name, a division word only some countries use, a mission's area, a nationality word, the
sentence before. Hand-built docs (no model) except the few marked `model`."""
from __future__ import annotations

import pytest
from extract_docs import make_place_doc
from spacy.tokens import Doc

from sitrep.extract.place_admin import context_after, unit_countries, unit_word
from sitrep.extract.places import article_country, event_place
from sitrep.geocode import get_gazetteer

make = make_place_doc


def place_of(doc: Doc, country=None):
    return event_place(doc[:], doc, country)


# ---------------------------------------------------------------- the name after a comma

def test_a_full_stop_ends_the_admin_name():
    text = "Mortars hit positions near Pisky, Donetsk. During the day two soldiers were hurt."
    assert context_after(text, text.index("Pisky") + 5) == ("Donetsk", None)


def test_a_full_stop_after_a_four_letter_name_ends_it_too():
    text = "Drones hit a depot near Bucha, Kyiv. During the night fires spread."
    assert context_after(text, text.index("Bucha") + 5) == ("Kyiv", None)
    doc = make("Drones hit a depot in Kyiv . During the night fires spread .", {})
    assert place_of(doc, "UKR").name == "Kyiv"      # the name after "in", read by places._mentions


@pytest.mark.parametrize("written,name", [
    ("Kyiv.", "Kyiv"), ("Donetsk.", "Donetsk"), ("Zolote-5.", "Zolote-5"),
    ("U.S.", "U.S."), ("St.", "St."), ("Port of Spain", "Port of Spain"),
])
def test_one_rule_for_the_full_stop_at_the_end_of_a_name(written, name):
    from sitrep.extract.place_admin import without_full_stop
    assert without_full_stop(written) == name


def test_short_abbreviations_and_portuguese_connectors_stay_inside_a_name():
    text = "Residents protested in Canoas, Rio Grande do Sul state, on Monday."
    assert context_after(text, text.index("Canoas") + 6) == ("Rio Grande do Sul", "state")
    text = "A blast hit a market in Kirkwood, St. Louis county."
    assert context_after(text, text.index("Kirkwood") + 8)[0] == "St. Louis"


def test_province_after_the_village_beats_a_larger_namesake_elsewhere():
    doc = make("Rebels fired mortars near Pisky , Donetsk . During the day two soldiers were hurt .",
               {"Donetsk": "GPE"}, sentences=True)
    sent = next(iter(doc.sents))
    p = event_place(sent, doc, "UKR")
    assert (p.iso3, p.admin1, p.name) == ("UKR", "Donetsk", "Pisky")


# ---------------------------------------------------------------- a mission's area

def test_a_mission_area_ranks_namesakes_and_stands_in_for_unknown_villages():
    gaz = get_gazetteer()
    assert {p.admin1 for p in gaz.lookup("Pisky", "UKR", limit=10)} - {"Donetsk", "Luhansk"}, \
        "the rule needs a namesake outside the area in the gazetteer"
    without = place_of(make("Observers recorded explosions near Pisky .", {}), "UKR")
    assert without is not None and without.admin1 not in ("Donetsk", "Luhansk")
    p = place_of(make("The OSCE SMM recorded shelling in Pisky .", {}), "UKR")
    assert (p.iso3, p.admin1, p.name, p.geo_precision) == ("UKR", "Donetsk", "Pisky", 3)


def test_a_written_province_outranks_the_mission_area():
    p = place_of(make("The OSCE SMM recorded explosions near Pisky , Poltava .", {"Poltava": "GPE"}))
    assert (p.iso3, p.admin1) == ("UKR", "Poltava")


def test_a_known_town_outside_the_mission_area_is_kept():
    p = place_of(make("The SMM monitored a gathering in Kharkiv .", {"Kharkiv": "GPE"}))
    assert (p.iso3, p.admin1) == ("UKR", "Kharkiv")


# ---------------------------------------------------------------- division words

def test_division_words_name_the_countries_that_use_them():
    assert "VEN" in unit_countries("state") and "COL" not in unit_countries("state")
    assert unit_countries("LGA") == {"NGA"}
    assert unit_countries("province") == frozenset()
    text = "Airstrikes targeted Al Jawf governorate at dawn."
    start = text.index("Al Jawf")
    assert unit_word(text, start, start + 7) == "governorate"


def test_state_after_a_name_picks_the_country_with_states():
    p = place_of(make("Gunmen killed a miner in El Callao , Bolivar state .", {"El Callao": "GPE", "Bolivar": "GPE"}))
    assert (p.iso3, p.admin1) == ("VEN", "Bolivar")


def test_governorate_picks_the_country_with_governorates():
    p = place_of(make("Coalition aircraft struck targets in Al Jawf governorate .", {"Al Jawf": "GPE"}))
    assert (p.iso3, p.admin1) == ("YEM", "Al Jawf")


def test_lga_in_brackets_is_nigeria_even_beside_a_country_name():
    p = place_of(make("Bandits abducted four travellers near Pandogari ( Rafi LGA , Niger ) .", {"Niger": "GPE"}))
    assert (p.iso3, p.admin1) == ("NGA", "Niger")


# ---------------------------------------------------------------- the country the text names

@pytest.mark.parametrize("tokens, ents", [
    ("Protesters blocked roads in Tripoli , Lebanon , on Monday .", {"Tripoli": "GPE", "Lebanon": "GPE"}),
    ("Lebanese soldiers were wounded in Tripoli on Monday .", {"Lebanese": "NORP", "Tripoli": "GPE"}),
])
def test_the_named_or_qualifying_country_beats_a_bigger_namesake(tokens, ents):
    doc = make(tokens, ents)
    p = place_of(doc, article_country(doc))
    assert (p.iso3, p.admin1) == ("LBN", "North")


def test_without_context_the_bigger_namesake_stays():
    doc = make("Shells fell on houses in Tripoli on Monday .", {"Tripoli": "GPE"})
    assert place_of(doc, article_country(doc)).iso3 == "LBY"


def test_a_country_qualifying_a_thing_pins_nothing():
    doc = make("Protests against the US dollar rate blocked a road in Tripoli .", {"US": "GPE", "Tripoli": "GPE"})
    assert article_country(doc) != "USA"
    p = place_of(doc, article_country(doc))
    assert p is None or p.iso3 != "USA"


def test_a_country_qualifying_a_thing_is_not_one_the_article_names():
    """place_hints.article_countries skips the same qualified things as article_country
    (cues.yaml `qualified_things`): the currency, the embassy, the nationals."""
    from sitrep.extract.place_hints import article_countries
    gaz = get_gazetteer()
    doc = make("Protests against the US dollar rate blocked a road in Tripoli .", {"US": "GPE", "Tripoli": "GPE"})
    assert "USA" not in article_countries(doc, gaz)
    doc = make("Afghan nationals were held at a checkpoint in Iran .", {"Afghan": "NORP", "Iran": "GPE"})
    assert article_countries(doc, gaz) == frozenset({"IRN"})
    doc = make("US troops and Afghan forces patrolled Kandahar .", {"US": "GPE", "Afghan": "NORP"})
    assert article_countries(doc, gaz) == frozenset({"USA", "AFG"})


# ---------------------------------------------------------------- the sentence before

def test_a_sentence_without_a_place_takes_the_one_before():
    doc = make("Police raided a house in Petrolina , Pernambuco . A shoot-out broke out .",
               {"Petrolina": "GPE", "Pernambuco": "GPE"}, sentences=True)
    second = list(doc.sents)[1]
    p = event_place(second, doc, "BRA")
    assert (p.name, p.admin1) == ("Petrolina", "Pernambuco")
    assert event_place(second, doc, "BRA", earlier=False).feature == "country"


def test_a_sentence_naming_another_country_does_not_take_the_one_before():
    doc = make("Police raided a house in Petrolina , Pernambuco . Later Bolivia closed its border .",
               {"Petrolina": "GPE", "Pernambuco": "GPE", "Bolivia": "GPE"}, sentences=True)
    p = event_place(list(doc.sents)[1], doc, "BRA")
    assert p.iso3 == "BOL"


def _at(name, iso3="BRA", feature="city"):
    from sitrep.models import Place
    return Place(name=name, country=None, iso3=iso3, admin1=None, admin2=None, latitude=None,
                 longitude=None, geo_precision=1, feature=feature)


def test_one_carry_over_rule_the_nearest_place_within_reach():
    from sitrep.extract.places import EARLIER_CHARS, carried_place
    petrolina, recife, brazil = _at("Petrolina"), _at("Recife"), _at("Brazil", feature="country")
    start = 1000
    # nearest first; a sentence with no place of its own is passed over
    assert carried_place(start, [(990, None), (950, petrolina), (900, recife)]) is petrolina
    # a country is carried too (the story's country), and stops the search for a finer place
    assert carried_place(start, [(990, brazil), (950, petrolina)]) is brazil
    # out of reach, even behind a sentence with no place
    assert carried_place(start, [(990, None), (start - EARLIER_CHARS, petrolina)]) is None
    assert carried_place(start, [(start - EARLIER_CHARS + 1, petrolina)]) is petrolina
    # the sentence points to another country: nothing carries
    assert carried_place(start, [(950, petrolina)], allowed={"BOL"}) is None
    assert carried_place(start, [(950, petrolina)], allowed={"BRA"}) is petrolina
    assert carried_place(start, []) is None


def test_a_close_spelling_of_a_province_stands_for_it():
    p = place_of(make("Rioters hurled firebombs at a bank in Nabatiyeh .", {"Nabatiyeh": "GPE"}), "LBN")
    assert (p.iso3, p.admin1, p.geo_precision) == ("LBN", "Nabatiye", 3)


# ---------------------------------------------------------------- capitals as governments

def test_capitals_stand_for_governments_only_where_asked():
    gaz = get_gazetteer()
    assert gaz.country_iso3("Dushanbe") == "TJK"
    assert gaz.country_iso3("Dushanbe", metonyms=False) is None
    assert gaz.country_iso3("Dushanbe", kinds=gaz.PLACE_KINDS) is None
    assert gaz.country_iso3("Dushanbe", kinds=("metonym",)) is None


@pytest.mark.model
def test_model_capitals_as_parties_of_a_diplomatic_act(nlp):
    from sitrep.extract import Extractor
    from sitrep.models import Article
    text = "On Monday, Kabul warned Dushanbe of consequences."
    art = Article(article_id="c:0", doc_id="c", document="c", index=0, title=None, text=text)
    got = Extractor(None).extract([art])["c:0"]
    assert got, "no event read"
    m = got[0]
    assert (m.actor1.name, m.actor2.name) == ("Government of Afghanistan", "Government of Tajikistan")
    assert m.place is None or m.place.name != "Dushanbe"


def test_every_mission_area_is_a_province_of_the_missions_country():
    from sitrep.geocode.schema import load_countries_data
    data = load_countries_data()
    for mission, areas in data["mission_areas"].items():
        for name in areas:
            assert get_gazetteer().admin1(name, data["missions"][mission]) is not None, (mission, name)


def test_the_carried_place_skips_sentences_without_places_and_stops_at_a_country():
    doc = make("Police raided a house in Petrolina , Pernambuco . Nobody was hurt . A shoot-out broke out .",
               {"Petrolina": "GPE", "Pernambuco": "GPE"}, sentences=True)
    assert event_place(list(doc.sents)[2], doc, "BRA").name == "Petrolina"
    doc = make("Police raided a house in Petrolina , Pernambuco . Brazil mourned . A shoot-out broke out .",
               {"Petrolina": "GPE", "Pernambuco": "GPE", "Brazil": "GPE"}, sentences=True)
    assert event_place(list(doc.sents)[2], doc, "BRA").feature == "country"


def test_a_name_that_starts_a_new_clause_is_no_admin_context():
    text = "Iran struck targets in Balochistan, Islamabad has responded with strikes."
    assert context_after(text, text.index("Balochistan") + 11) == (None, None)
    text = "Nurses protested in La Libertad, Arequipa, on Friday."
    assert context_after(text, text.index("Libertad") + 8) == ("Arequipa", None)


# ---------------------------------------------------------------- towns the gazetteer lacks

def test_a_close_spelling_inside_the_written_province():
    gaz = get_gazetteer()
    p = gaz.fuzzy_place("Petrolinna", "BRA", "Pernambuco")
    assert p is not None and p.name == "Petrolina"
    assert gaz.fuzzy_place("Petrolinna", "BRA", "Bahia") is None
    p = place_of(make("Police raided a house in Petrolinna , Pernambuco .", {"Pernambuco": "GPE"}), "BRA")
    assert (p.name, p.admin1, p.geo_precision) == ("Petrolinna", "Pernambuco", 1)
