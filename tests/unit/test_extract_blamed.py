"""'X accused Y of killing civilians': the blamed act is placed only by its own words."""
from sitrep.extract.actors import generic_actor
from sitrep.extract.clauses import _blamed_fix
from sitrep.models import Actor, Mention, Place

PAKISTAN = Place("Pakistan", country="Pakistan", iso3="PAK", feature="country", geo_precision=3)
ARMY = generic_actor("military", "PAK", "Islamabad")


def _act(place, victims):
    return Mention(mention_id="a:0:1", article_id="a", document="d.txt", article_index=0,
                   sentence="The group accused Islamabad of killing civilians in a border village.",
                   start=0, end=70, trigger="killing", event_type="Violence against civilians",
                   sub_event_type="Attack", cameo="180", goldstein=-9.0, date="2024-01-18",
                   date_precision=1, actor1=Actor("Government of Pakistan", "PAK", "government"),
                   actor2=victims, place=place)


def test_a_country_from_outside_the_acts_words_does_not_place_it():
    m = _blamed_fix(_act(PAKISTAN, generic_actor("civilians", "PAK", "civilians")), ARMY,
                    "of killing civilians in a border village")
    assert m.place is None
    assert (m.actor2.name, m.actor2.country) == ("Civilians", None)   # nor its unnamed victims
    assert m.actor1.name == "Military Forces of Pakistan" and m.date == "2024-01"


def test_a_country_the_act_names_places_it():
    named = Place("Pakistan", country="Pakistan", iso3="PAK", feature="country", text="Pakistan")
    m = _blamed_fix(_act(named, generic_actor("civilians", "PAK")), ARMY, "of killing civilians in Pakistan")
    assert m.place == named and m.actor2.country == "PAK"


def test_a_town_is_kept_whatever_words_gave_it():
    town = Place("Saravan", country="Iran", iso3="IRN", feature="city", geo_precision=1, text="Saravan")
    m = _blamed_fix(_act(town, generic_actor("civilians", "IRN")), ARMY, "of killing civilians")
    assert m.place == town
