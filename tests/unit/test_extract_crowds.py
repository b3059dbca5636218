"""A crowd's violence inside and outside a demonstration, and other type boundaries
(ACLED codebook: Violent demonstration vs Mob violence; seizures; mines; two-way fire)."""
import pytest

from sitrep.extract.actors import generic_actor
from sitrep.extract.roles import refine

from extract_docs import best_of, trig


# villagers threw stones at a bus  /  ... during a protest over water
STONES = [("villagers", "villager", 1, "nsubj"), ("threw", "throw", 1, "ROOT"), ("stones", "stone", 1, "dobj"),
          ("at", "at", 1, "prep"), ("a", "a", 5, "det"), ("bus", "bus", 3, "pobj")]
DURING_PROTEST = [("during", "during", 1, "prep"), ("a", "a", 8, "det"), ("protest", "protest", 6, "pobj"),
                  ("over", "over", 8, "prep"), ("water", "water", 9, "pobj")]


def test_stones_thrown_outside_a_demonstration_are_mob_violence():
    t = best_of(STONES)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Mob violence")


def test_stones_thrown_during_a_protest_are_a_violent_demonstration():
    t = best_of(STONES + DURING_PROTEST)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Violent demonstration")


def test_burning_tyres_is_a_demonstration_tactic():
    # residents burned tyres on the road
    t = best_of([("residents", "resident", 1, "nsubj"), ("burned", "burn", 1, "ROOT"), ("tyres", "tyre", 1, "dobj"),
               ("on", "on", 1, "prep"), ("the", "the", 5, "det"), ("road", "road", 3, "pobj")])
    assert t.sub_event_type == "Violent demonstration"


def test_a_crowd_clashing_with_police_outside_a_demonstration_is_a_mob():
    t, _, _ = refine(trig("armed_clash"), generic_actor("protesters", "IND"), generic_actor("police", "IND"),
                     "IND", set())
    assert t.sub_event_type == "Mob violence"
    t, _, _ = refine(trig("armed_clash"), generic_actor("protesters", "IND"), generic_actor("police", "IND"),
                     "IND", {"protest"})
    assert t.sub_event_type == "Violent demonstration"


def test_residents_with_guns_are_no_mob():
    args = (trig("attack_civilians"), generic_actor("civilians", "KEN"), generic_actor("civilians", "KEN"),
            "KEN", set())
    assert refine(*args)[0].sub_event_type == "Mob violence"
    assert refine(*args, firearms=True)[0].sub_event_type == "Attack"


def test_a_drug_seizure_is_property_taken_not_an_arrest():
    # police seized two tons of marijuana
    t = best_of([("police", "police", 1, "nsubj"), ("seized", "seize", 1, "ROOT"), ("two", "two", 3, "nummod"),
               ("tons", "ton", 1, "dobj"), ("of", "of", 3, "prep"), ("marijuana", "marijuana", 4, "pobj")])
    assert t.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("rows,expected", [
    # miners of the coal mine protested
    ([("miners", "miner", 5, "nsubj"), ("of", "of", 0, "prep"), ("the", "the", 4, "det"), ("coal", "coal", 4, "compound"),
      ("mine", "mine", 1, "pobj"), ("protested", "protest", 5, "ROOT")], "Peaceful protest"),
    # a soldier stepped on a mine
    ([("a", "a", 1, "det"), ("soldier", "soldier", 2, "nsubj"), ("stepped", "step", 2, "ROOT"), ("on", "on", 2, "prep"),
      ("a", "a", 5, "det"), ("mine", "mine", 3, "pobj")], "Remote explosive/landmine/IED"),
])
def test_a_mine_is_a_weapon_only_where_it_explodes_or_is_laid(rows, expected):
    assert best_of(rows).sub_event_type == expected


def test_fire_both_ways_across_a_front_line_is_a_clash():
    # explosions were recorded in both directions of the frontline
    t = best_of([("explosions", "explosion", 2, "nsubjpass"), ("were", "be", 2, "auxpass"), ("recorded", "record", 2, "ROOT"),
               ("in", "in", 2, "prep"), ("both", "both", 5, "det"), ("directions", "direction", 3, "pobj"),
               ("of", "of", 5, "prep"), ("the", "the", 8, "det"), ("frontline", "frontline", 6, "pobj")])
    assert t.sub_event_type == "Armed clash"


def test_the_police_intervening_at_a_demonstration_is_an_intervention():
    # workers protested; the police intervened
    rows = [("workers", "worker", 1, "nsubj"), ("protested", "protest", 1, "ROOT"), (";", ";", 1, "punct"),
            ("the", "the", 4, "det"), ("police", "police", 5, "nsubj"), ("intervened", "intervene", 5, "ROOT")]
    assert best_of(rows).sub_event_type == "Protest with intervention"
    # ... and an elder intervened: a go-between is no intervention by the state
    rows[3:5] = [("an", "an", 4, "det"), ("elder", "elder", 5, "nsubj")]
    assert best_of(rows).sub_event_type == "Peaceful protest"


def test_a_ban_on_protests_is_not_a_protest():
    # the governor banned protests for two weeks
    t = best_of([("the", "the", 1, "det"), ("governor", "governor", 2, "nsubj"), ("banned", "ban", 2, "ROOT"),
               ("protests", "protest", 2, "dobj"), ("for", "for", 2, "prep"), ("two", "two", 6, "nummod"),
               ("weeks", "week", 4, "pobj")])
    assert t is None or t.event_type != "Protests"


def test_returning_refugees_are_a_development_not_a_protest():
    # 200 refugees returned from Colombia
    t = best_of([("200", "200", 1, "nummod"), ("refugees", "refugee", 2, "nsubj"), ("returned", "return", 2, "ROOT"),
               ("from", "from", 2, "prep"), ("Colombia", "Colombia", 3, "pobj")])
    assert (t.event_type, t.sub_event_type) == ("Strategic developments", "Other")


def test_a_lockdown_declared_is_a_change_of_activity():
    # the government declared a lockdown on the capital
    t = best_of([("the", "the", 1, "det"), ("government", "government", 2, "nsubj"), ("declared", "declare", 2, "ROOT"),
               ("a", "a", 4, "det"), ("lockdown", "lockdown", 2, "dobj"), ("on", "on", 4, "prep"),
               ("the", "the", 7, "det"), ("capital", "capital", 5, "pobj")])
    assert t.sub_event_type == "Change to group/activity"


def test_an_arson_attack_is_on_property():
    # a group carried out an arson attack on a factory
    t = best_of([("a", "a", 1, "det"), ("group", "group", 2, "nsubj"), ("carried", "carry", 2, "ROOT"),
               ("out", "out", 2, "prt"), ("an", "an", 6, "det"), ("arson", "arson", 6, "compound"),
               ("attack", "attack", 2, "dobj"), ("on", "on", 6, "prep"), ("a", "a", 9, "det"),
               ("factory", "factory", 7, "pobj")])
    assert t.sub_event_type == "Looting/property destruction"


def test_an_abduction_with_a_death_is_coded_as_the_killing():
    args = (trig("abduction"), generic_actor("unidentified", "NGA"), generic_actor("civilians", "NGA"), "NGA", set())
    assert refine(*args)[0].sub_event_type == "Abduction/forced disappearance"
    assert refine(*args, killed=True)[0].sub_event_type == "Attack"
