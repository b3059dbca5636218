"""Which event a crowd's report codes and whose crowd it is: protest verbs, causes told in
relative clauses, riots by the crowd itself, closures, stun grenades, the crowd's nationality,
raiders, and the fallback for a report of a death with no act named (hand-built parses)."""
import pytest

from sitrep.extract.actors import find_actors, generic_actor
from sitrep.extract.kinds import (FALLBACK, FALLBACK_ARMED, FALLBACK_DEATH, FIREARMS, ARMED_WORDS,
                                  fallback_for)
from sitrep.extract.roles import refine
from sitrep.extract.triggers import find_hits

from extract_docs import best_of, make_doc, trig


def kind(t):
    return (t.event_type, t.sub_event_type) if t is not None else None


# ---------------------------------------------------------------- protest verbs

@pytest.mark.parametrize("follow", [("to", "to"), ("overnight", "overnight"), ("and", "and")])
def test_demonstrated_without_an_object_is_a_protest(follow):
    # traders demonstrated to ask for help / demonstrated overnight / demonstrated and marched
    rows = [("traders", "trader", 1, "nsubj"), ("demonstrated", "demonstrate", 1, "ROOT"),
            (follow[0], follow[1], 1, "aux"), ("ask", "ask", 1, "xcomp")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_demonstrated_with_an_object_means_showed():
    # the test demonstrated the new rifle
    rows = [("the", "the", 1, "det"), ("test", "test", 2, "nsubj"), ("demonstrated", "demonstrate", 2, "ROOT"),
            ("the", "the", 5, "det"), ("new", "new", 5, "amod"), ("rifle", "rifle", 2, "dobj")]
    t = best_of(rows)
    assert t is None or t.event_type != "Protests"


def test_sitting_in_front_of_a_house_is_no_sit_in():
    # a guard who was sitting in front of a shop
    rows = [("a", "a", 1, "det"), ("guard", "guard", 1, "ROOT"), ("who", "who", 4, "nsubj"), ("was", "be", 4, "aux"),
            ("sitting", "sit", 1, "relcl"), ("in", "in", 4, "prep"), ("front", "front", 5, "pobj"),
            ("of", "of", 6, "prep"), ("a", "a", 9, "det"), ("shop", "shop", 7, "pobj")]
    assert best_of(rows) is None


def test_a_sit_in_staged_is_a_protest():
    # nurses staged a sit in outside the hospital
    rows = [("nurses", "nurse", 1, "nsubj"), ("staged", "stage", 1, "ROOT"), ("a", "a", 4, "det"),
            ("sit", "sit", 4, "compound"), ("in", "in", 1, "dobj"), ("outside", "outside", 1, "prep"),
            ("the", "the", 7, "det"), ("hospital", "hospital", 5, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_an_effigy_burnt_is_a_peaceful_protest():
    # students burnt the effigy of the mayor
    rows = [("students", "student", 1, "nsubj"), ("burnt", "burn", 1, "ROOT"), ("the", "the", 3, "det"),
            ("effigy", "effigy", 1, "dobj"), ("of", "of", 3, "prep"), ("the", "the", 6, "det"),
            ("mayor", "mayor", 4, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_a_solidarity_stand_is_a_protest():
    # activists held a solidarity stand in the square
    rows = [("activists", "activist", 1, "nsubj"), ("held", "hold", 1, "ROOT"), ("a", "a", 4, "det"),
            ("solidarity", "solidarity", 4, "compound"), ("stand", "stand", 1, "dobj"), ("in", "in", 1, "prep"),
            ("the", "the", 7, "det"), ("square", "square", 5, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


# ---------------------------------------------------------------- closures

SHUT = [("the", "the", 1, "det"), ("crossing", "crossing", 4, "nsubjpass"), ("has", "have", 4, "aux"),
        ("been", "be", 4, "auxpass"), ("shut", "shut", 4, "ROOT"), ("down", "down", 4, "prt")]


def test_a_crossing_shut_down_by_no_one_named_is_no_protest():
    t = best_of(SHUT)
    assert t is None or t.event_type != "Protests"


def test_traders_shutting_down_the_market_protest():
    # traders shut down the market
    rows = [("traders", "trader", 1, "nsubj"), ("shut", "shut", 1, "ROOT"), ("down", "down", 1, "prt"),
            ("the", "the", 4, "det"), ("market", "market", 1, "dobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


# ---------------------------------------------------------------- a demonstration's causes

def test_an_abduction_told_of_the_people_a_protest_is_for_is_its_cause():
    # residents staged a dharna for the relatives of a shopkeeper who was kidnapped by gunmen
    rows = [("residents", "resident", 1, "nsubj"), ("staged", "stage", 1, "ROOT"), ("a", "a", 3, "det"),
            ("dharna", "dharna", 1, "dobj"), ("for", "for", 1, "prep"), ("the", "the", 6, "det"),
            ("relatives", "relative", 4, "pobj"), ("of", "of", 6, "prep"), ("a", "a", 9, "det"),
            ("shopkeeper", "shopkeeper", 7, "pobj"), ("who", "who", 12, "nsubjpass"), ("was", "be", 12, "auxpass"),
            ("kidnapped", "kidnap", 9, "relcl"), ("by", "by", 12, "agent"), ("gunmen", "gunman", 13, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_an_abduction_in_the_main_clause_stays_one():
    # gunmen abducted a trader near the market
    rows = [("gunmen", "gunman", 1, "nsubj"), ("abducted", "abduct", 1, "ROOT"), ("a", "a", 3, "det"),
            ("trader", "trader", 1, "dobj"), ("near", "near", 1, "prep"), ("the", "the", 6, "det"),
            ("market", "market", 4, "pobj")]
    assert kind(best_of(rows)) == ("Violence against civilians", "Abduction/forced disappearance")


def test_what_parents_claim_was_done_to_them_is_not_the_event_even_misparsed():
    # parents who claim their sons were abducted by rebels kept up their protest
    # (parsed as the model often does: "abducted" the root, the protest joined to it)
    rows = [("parents", "parent", 6, "nsubjpass", "NNS", "NOUN"), ("who", "who", 2, "nsubj", "WP", "PRON"),
            ("claim", "claim", 0, "relcl", "VBP", "VERB"), ("their", "their", 4, "poss", "PRP$", "PRON"),
            ("sons", "son", 2, "dobj", "NNS", "NOUN"), ("were", "be", 6, "auxpass", "VBD", "AUX"),
            ("abducted", "abduct", 6, "ROOT", "VBN", "VERB"), ("by", "by", 6, "agent", "IN", "ADP"),
            ("rebels", "rebel", 7, "pobj", "NNS", "NOUN"), ("kept", "keep", 6, "conj", "VBD", "VERB"),
            ("up", "up", 9, "prt", "RP", "ADP"), ("their", "their", 12, "poss", "PRP$", "PRON"),
            ("protest", "protest", 9, "dobj", "NN", "NOUN")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_what_villagers_said_happened_is_still_reported():
    # villagers who said gunmen attacked them fled
    rows = [("villagers", "villager", 6, "nsubj", "NNS", "NOUN"), ("who", "who", 2, "nsubj", "WP", "PRON"),
            ("said", "say", 0, "relcl", "VBD", "VERB"), ("gunmen", "gunman", 4, "nsubj", "NNS", "NOUN"),
            ("attacked", "attack", 2, "ccomp", "VBD", "VERB"), ("them", "they", 4, "dobj", "PRP", "PRON"),
            ("fled", "flee", 6, "ROOT", "VBD", "VERB")]
    assert kind(best_of(rows)) == ("Violence against civilians", "Attack")


def test_a_call_for_an_arrest_is_a_demand_not_an_intervention():
    # protesters gathered , calling for the arrest of officials
    rows = [("protesters", "protester", 1, "nsubj"), ("gathered", "gather", 1, "ROOT"), (",", ",", 1, "punct"),
            ("calling", "call", 1, "advcl"), ("for", "for", 3, "prep"), ("the", "the", 6, "det"),
            ("arrest", "arrest", 4, "pobj"), ("of", "of", 6, "prep"), ("officials", "official", 7, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


# ---------------------------------------------------------------- the crowd's own violence

def test_stones_thrown_by_the_demonstrators_police_fired_at_make_a_riot():
    # police fired at demonstrators who threw stones
    rows = [("police", "police", 1, "nsubj", "NN", "NOUN"), ("fired", "fire", 1, "ROOT", "VBD", "VERB"),
            ("at", "at", 1, "prep", "IN", "ADP"), ("demonstrators", "demonstrator", 2, "pobj", "NNS", "NOUN"),
            ("who", "who", 5, "nsubj", "WP", "PRON"), ("threw", "throw", 3, "relcl", "VBD", "VERB"),
            ("stones", "stone", 5, "dobj", "NNS", "NOUN")]
    assert kind(best_of(rows)) == ("Riots", "Violent demonstration")


def test_rioting_inmates_are_a_riot_not_a_dispersal():
    # guards used tear gas on rioting inmates
    rows = [("guards", "guard", 1, "nsubj", "NNS", "NOUN"), ("used", "use", 1, "ROOT", "VBD", "VERB"),
            ("tear", "tear", 3, "amod", "JJ", "ADJ"), ("gas", "gas", 1, "dobj", "NN", "NOUN"),
            ("on", "on", 1, "prep", "IN", "ADP"), ("rioting", "riot", 6, "amod", "VBG", "VERB"),
            ("inmates", "inmate", 4, "pobj", "NNS", "NOUN")]
    assert best_of(rows).event_type == "Riots"


def test_theft_by_those_a_protest_denounces_is_not_the_crowds_act():
    # protesters gathered against officials who stole funds
    rows = [("protesters", "protester", 1, "nsubj", "NNS", "NOUN"), ("gathered", "gather", 1, "ROOT", "VBD", "VERB"),
            ("against", "against", 1, "prep", "IN", "ADP"), ("those", "those", 2, "pobj", "DT", "PRON"),
            ("who", "who", 5, "nsubj", "WP", "PRON"), ("stole", "steal", 3, "relcl", "VBD", "VERB"),
            ("funds", "fund", 5, "dobj", "NNS", "NOUN")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


# ---------------------------------------------------------------- words over sentence ends

def test_a_gapped_pattern_does_not_reach_into_the_next_sentence():
    # a leak injured hundreds . police dispersed the crowd
    doc = make_doc([("a", "a", 1, "det"), ("leak", "leak", 2, "nsubj"), ("injured", "injure", 2, "ROOT"),
                    ("hundreds", "hundred", 2, "dobj"), (".", ".", 2, "punct"), ("police", "police", 6, "nsubj"),
                    ("dispersed", "disperse", 6, "ROOT"), ("the", "the", 8, "det"), ("crowd", "crowd", 6, "dobj")])
    assert not [h for h in find_hits(doc) if h.text.startswith("injured") and "police" in h.text]


# ---------------------------------------------------------------- stun grenades, machineguns, arson

STUN = [("two", "two", 1, "nummod"), ("men", "man", 2, "nsubj"), ("tossed", "toss", 2, "ROOT"), ("a", "a", 5, "det"),
        ("stun", "stun", 5, "compound"), ("grenade", "grenade", 2, "dobj"), ("into", "into", 2, "prep"),
        ("a", "a", 8, "det"), ("shop", "shop", 6, "pobj")]


def test_a_stun_grenade_tossed_into_a_shop_is_a_grenade_attack():
    assert kind(best_of(STUN)) == ("Explosions/Remote violence", "Grenade")


def test_stun_grenades_at_a_demonstration_are_its_dispersal():
    # police fired stun grenades at protesters
    rows = [("police", "police", 1, "nsubj"), ("fired", "fire", 1, "ROOT"), ("stun", "stun", 3, "compound"),
            ("grenades", "grenade", 1, "dobj"), ("at", "at", 1, "prep"), ("protesters", "protester", 4, "pobj")]
    assert best_of(rows).event_type == "Protests"


def test_heavy_machineguns_alone_are_heavy_fire_and_with_small_arms_a_clash():
    # observers recorded bursts involving heavy machineguns (and small arms)
    rows = [("observers", "observer", 1, "nsubj"), ("recorded", "record", 1, "ROOT"), ("bursts", "burst", 1, "dobj"),
            ("involving", "involve", 2, "acl"), ("heavy", "heavy", 5, "amod"), ("machineguns", "machinegun", 3, "dobj")]
    assert kind(best_of(rows)) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    rows += [("and", "and", 5, "cc"), ("small", "small", 8, "amod"), ("arms", "arm", 5, "conj")]
    assert kind(best_of(rows)) == ("Battles", "Armed clash")


def test_property_set_on_fire_is_destruction():
    # unknown men set a truck on fire
    rows = [("unknown", "unknown", 1, "amod"), ("men", "man", 2, "nsubj"), ("set", "set", 2, "ROOT"),
            ("a", "a", 4, "det"), ("truck", "truck", 2, "dobj"), ("on", "on", 2, "prep"), ("fire", "fire", 5, "pobj")]
    assert kind(best_of(rows)) == ("Strategic developments", "Looting/property destruction")


# ---------------------------------------------------------------- raiders

def test_raiders_attacking_a_herders_camp_attack_civilians_as_a_communal_militia():
    (raiders,) = [h.actor for h in find_actors("unknown raiders stormed a grazing post", "SSD")]
    assert (raiders.name, raiders.type) == ("Unidentified Communal Militia (South Sudan)", "identity_militia")
    t, a1, _ = refine(trig("attack_position"), raiders, generic_actor("civilians", "SSD"), "SSD", set())
    assert kind(t) == ("Violence against civilians", "Attack")
    assert a1.type == "identity_militia"
    # ... and a post held by soldiers is a fight
    t, _, _ = refine(trig("attack_position"), raiders, generic_actor("military", "SSD"), "SSD", set())
    assert kind(t) == ("Battles", "Armed clash")


# ---------------------------------------------------------------- the crowd's country

def test_a_crowd_named_by_its_nationality_keeps_it_as_the_second_party():
    # border guards scuffled with Afghan migrants in Iran (the force found first)
    t, a1, a2 = refine(trig("armed_clash"), generic_actor("military", "IRN"),
                       generic_actor("civilians", "AFG", "Afghan migrants"), "IRN", set())
    assert kind(t) == ("Riots", "Mob violence")
    assert (a1.type, a1.country) == ("rioters", "AFG")
    assert a2.type == "state_forces"


def test_nationals_after_a_nationality_are_that_countrys_people_and_alone_no_one():
    (hit,) = [h for h in find_actors("Indian nationals crossed the border", "NPL")]
    assert (hit.actor.type, hit.actor.country) == ("civilians", "IND")
    assert not [h for h in find_actors("the strikes did not target their nationals", "NPL")
                if h.actor.type == "civilians"]


def test_armed_in_a_forces_name_says_nothing_of_the_crowd():
    for text in ("clashed with the Armed Police", "the armed forces dispersed them"):
        assert not FIREARMS.search(text) and not ARMED_WORDS.search(text)
    assert FIREARMS.search("armed youths attacked") and ARMED_WORDS.search("armed youths attacked")


# ---------------------------------------------------------------- the fallback

@pytest.mark.parametrize("text,armed,killed,expected", [
    ("three people died and were found in a ditch", False, False, FALLBACK_DEATH),
    ("a dead man was left by a road. 1 fatality.", False, True, FALLBACK_DEATH),
    ("residents demanded justice for a man who died in custody", False, False, FALLBACK),
    ("workers asked for their unpaid wages", False, False, FALLBACK),
    ("gunmen were seen near the village", True, False, FALLBACK_ARMED),
])
def test_fallback_for_a_report_without_a_trigger(text, armed, killed, expected):
    assert fallback_for(text, armed, killed) is expected


# ---------------------------------------------------------------- the crowd's acts joined, named, shielded

def test_an_act_joined_to_demonstrating_is_the_crowds_not_its_topic():
    # traders demonstrated and vandalized a bank
    rows = [("traders", "trader", 1, "nsubj", "NNS", "NOUN"), ("demonstrated", "demonstrate", 1, "ROOT", "VBD", "VERB"),
            ("and", "and", 1, "cc", "CC", "CCONJ"), ("vandalized", "vandalize", 1, "conj", "VBD", "VERB"),
            ("a", "a", 5, "det", "DT", "DET"), ("bank", "bank", 3, "dobj", "NN", "NOUN")]
    assert kind(best_of(rows)) == ("Riots", "Violent demonstration")


def test_riots_joined_to_protests_named_as_a_cause_stay_a_topic():
    # residents protested after protests and riots in the prisons
    rows = [("residents", "resident", 1, "nsubj", "NNS", "NOUN"), ("protested", "protest", 1, "ROOT", "VBD", "VERB"),
            ("after", "after", 1, "prep", "IN", "ADP"), ("protests", "protest", 2, "pobj", "NNS", "NOUN"),
            ("and", "and", 3, "cc", "CC", "CCONJ"), ("riots", "riot", 3, "conj", "NNS", "NOUN"),
            ("in", "in", 3, "prep", "IN", "ADP"), ("the", "the", 8, "det", "DT", "DET"),
            ("prisons", "prison", 6, "pobj", "NNS", "NOUN")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_a_crowd_act_named_by_a_noun_phrase_is_read_at_its_head():
    # youths blocked a road and took part in stone pelting
    rows = [("youths", "youth", 1, "nsubj"), ("blocked", "block", 1, "ROOT"), ("a", "a", 3, "det"), ("road", "road", 1, "dobj"),
            ("and", "and", 1, "cc"), ("took", "take", 1, "conj"), ("part", "part", 5, "dobj"), ("in", "in", 5, "prep"),
            ("stone", "stone", 9, "compound"), ("pelting", "pelting", 7, "pobj")]
    assert kind(best_of(rows)) == ("Riots", "Violent demonstration")


def test_riot_police_are_police_not_a_riot():
    # riot police were deployed in the town
    rows = [("riot", "riot", 1, "compound"), ("police", "police", 3, "nsubjpass"), ("were", "be", 3, "auxpass"),
            ("deployed", "deploy", 3, "ROOT"), ("in", "in", 3, "prep"), ("the", "the", 6, "det"), ("town", "town", 4, "pobj")]
    assert kind(best_of(rows)) == ("Strategic developments", "Change to group/activity")


def test_verbal_confrontations_are_no_riot():
    # people blocked the bridge and had a verbal confrontation with passers-by
    rows = [("people", "people", 1, "nsubj"), ("blocked", "block", 1, "ROOT"), ("the", "the", 3, "det"),
            ("road", "road", 1, "dobj"), ("and", "and", 1, "cc"), ("had", "have", 1, "conj"), ("a", "a", 8, "det"),
            ("verbal", "verbal", 8, "amod"), ("confrontation", "confrontation", 5, "dobj"), ("with", "with", 8, "prep"),
            ("passers-by", "passer-by", 9, "pobj")]
    assert kind(best_of(rows)) == ("Protests", "Peaceful protest")


def test_a_crowd_responding_with_stones_riots():
    # the crowd responded with stones at the protest
    rows = [("the", "the", 1, "det"), ("crowd", "crowd", 2, "nsubj"), ("responded", "respond", 2, "ROOT"),
            ("with", "with", 2, "prep"), ("stones", "stone", 3, "pobj"), ("at", "at", 2, "prep"),
            ("the", "the", 7, "det"), ("protest", "protest", 5, "pobj")]
    assert kind(best_of(rows)) == ("Riots", "Violent demonstration")


def test_a_riot_frame_does_not_turn_a_fight_between_armed_sides_into_a_riot():
    t, a1, a2 = refine(trig("armed_clash"), generic_actor("military", "IND"), generic_actor("unidentified", "IND"),
                       "IND", {"crowd"})
    assert kind(t) == ("Battles", "Armed clash")
    t, _, _ = refine(trig("armed_clash"), generic_actor("military", "IND"), generic_actor("civilians", "IND"),
                     "IND", {"crowd"})
    assert t.event_type == "Riots"


def test_fire_exchanged_is_firearms():
    assert FIREARMS.search("the two sides exchanged fire near the line")


def test_a_relative_clause_on_a_crowd_makes_it_the_doer_of_the_sentences_act():
    from sitrep.extract.actors import AGENT, PATIENT, role_of
    # a crowd of traders that attacked two officers
    doc = make_doc([("a", "a", 1, "det"), ("crowd", "crowd", 1, "ROOT"), ("of", "of", 1, "prep"),
                    ("traders", "trader", 2, "pobj"), ("that", "that", 5, "nsubj"), ("attacked", "attack", 1, "relcl"),
                    ("two", "two", 7, "nummod"), ("officers", "officer", 5, "dobj")])
    assert role_of(doc, doc[1:4], 5, relative=True) == AGENT
    assert role_of(doc, doc[1:4], 5) is None    # another trigger word's clause: not the act's doer
    # a man who was attacked
    doc = make_doc([("a", "a", 1, "det"), ("man", "man", 1, "ROOT"), ("who", "who", 4, "nsubjpass"),
                    ("was", "be", 4, "auxpass"), ("attacked", "attack", 1, "relcl")])
    assert role_of(doc, doc[1:2], 4, relative=True) == PATIENT


def test_an_allegiance_is_not_a_nationality():
    (hit,) = [h for h in find_actors("clashes between pro-Russian activists in the city", "UKR")]
    assert hit.actor.country == "UKR"
    (hit,) = [h for h in find_actors("Russian activists gathered in the city", "UKR")]
    assert hit.actor.country == "RUS"


def test_crops_burned_or_land_grabbed_are_property_taken_or_destroyed():
    # unknown men burned a farmer's maize store
    rows = [("unknown", "unknown", 1, "amod"), ("men", "man", 2, "nsubj"), ("burned", "burn", 2, "ROOT"),
            ("a", "a", 4, "det"), ("farmer", "farmer", 7, "poss"), ("'s", "'s", 4, "case"), ("maize", "maize", 7, "compound"),
            ("store", "store", 2, "dobj")]
    assert kind(best_of(rows)) == ("Strategic developments", "Looting/property destruction")
    # settlers grabbed the land of herders
    rows = [("settlers", "settler", 1, "nsubj"), ("grabbed", "grab", 1, "ROOT"), ("the", "the", 3, "det"),
            ("land", "land", 1, "dobj"), ("of", "of", 3, "prep"), ("herders", "herder", 4, "pobj")]
    assert kind(best_of(rows)) == ("Strategic developments", "Looting/property destruction")


def test_burns_left_by_an_accident_are_no_arson():
    # the accident left burns
    rows = [("the", "the", 1, "det"), ("accident", "accident", 2, "nsubj"), ("left", "leave", 2, "ROOT"),
            ("burns", "burn", 2, "dobj")]
    assert best_of(rows) is None


def test_a_body_burned_is_no_property_destroyed():
    # the body was burned
    rows = [("the", "the", 1, "det"), ("body", "body", 3, "nsubjpass"), ("was", "be", 3, "auxpass"),
            ("burned", "burn", 3, "ROOT")]
    t = best_of(rows)
    assert t is None or t.sub_event_type != "Looting/property destruction"


def test_property_destroyed_where_someone_was_killed_is_an_attack():
    args = (trig("looting"), generic_actor("unidentified", "MEX"), generic_actor("civilians", "MEX"), "MEX", set())
    assert refine(*args)[0].sub_event_type == "Looting/property destruction"
    assert kind(refine(*args, killed=True)[0]) == ("Violence against civilians", "Attack")
    # (an arson attack with a casualty stays one on property)
    args = (trig("arson"),) + args[1:]
    assert refine(*args, killed=True)[0].sub_event_type == "Looting/property destruction"
