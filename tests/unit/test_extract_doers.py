"""Who did it, third round: one person is no mob, an organised group's violence is its own,
fighting words that are campaigns, a force named by its arms after its nationality, herders
only where the Fulani herd, and Persian place names joined by the ezafe."""
from dataclasses import replace as dataclasses_replace

import pytest

from sitrep.extract.actors import find_actors, generic_actor, lone_doer
from sitrep.extract.places import AFTER_PREP
from sitrep.extract.roles import refine
from sitrep.models import Actor

from extract_docs import best_of, trig


def coded(tid, kind, word, country):
    """refine() on trigger `tid` with a generic doer (`kind`, named by `word`) against the
    country's civilians."""
    return refine(trig(tid), generic_actor(kind, country, word), generic_actor("civilians", country),
                  country, set())


def names(text, country=None):
    return [(h.actor.name, h.actor.type, h.actor.country) for h in find_actors(text, country)]


# ---------------------------------------------------------------- one person is no mob

@pytest.mark.parametrize("word,lone", [("man", True), ("woman", True), ("neighbour", True),
                                       ("men", False), ("villagers", False), ("crowd", False)])
def test_lone_doer_is_one_person(word, lone):
    assert lone_doer(generic_actor("civilians", "LBN", word)) is lone


@pytest.mark.parametrize("text,lone", [("unknown man", True), ("pastoralist man", False), ("Fulani man", False)])
def test_a_person_of_a_community_is_no_lone_doer(text, lone):
    assert lone_doer(generic_actor("civilians", "BEN", text)) is lone


def test_the_word_before_a_person_that_says_who_they_are_is_kept():
    (got,) = [h.actor for h in find_actors("a pastoralist man wounded a farmer", "BEN") if h.actor.text.endswith("man")]
    assert got.text == "pastoralist man" and not lone_doer(got)


def test_lone_doer_needs_an_unnamed_civilian():
    assert not lone_doer(generic_actor("military", "LBN", "man"))
    assert not lone_doer(None)


def test_beaten_to_death_by_a_man_is_an_attack_by_an_unidentified_armed_group():
    t, a1, a2 = coded("mob_violence", "civilians", "man", "IND")
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")
    assert a1.name == "Unidentified Armed Group (India)"


def test_stabbed_by_a_woman_stays_an_attack_not_a_communal_militia():
    t, a1, _ = coded("attack_civilians", "civilians", "woman", "LBN")
    assert t.sub_event_type == "Attack" and a1.name == "Unidentified Armed Group (Lebanon)"


def test_several_men_beating_someone_are_still_a_mob():
    t, a1, _ = coded("attack_civilians", "civilians", "men", "PER")
    assert t.sub_event_type == "Mob violence" and a1.type == "rioters"


# ---------------------------------------------------------------- an organised group is no mob

def test_a_named_militias_lynching_is_its_attack():
    vigilantes = Actor("Vigilante Group (Testland)", "PHL", "political_militia", "test_vigilantes")
    t, a1, a2 = refine(trig("mob_violence"), vigilantes, generic_actor("civilians", "PHL"), "PHL", set())
    assert (t.event_type, t.sub_event_type) == ("Violence against civilians", "Attack")
    assert a1 is vigilantes


def test_a_rebel_groups_vandalism_is_destruction_of_property():
    rebels = Actor("Some Front", "BFA", "rebel_group", "some_front")
    t, a1, _ = refine(trig("crowd_violence"), rebels, None, "BFA", set())
    assert t.sub_event_type == "Looting/property destruction" and a1 is rebels


def test_an_unnamed_crowd_vandalising_stays_a_mob():
    t, a1, _ = refine(trig("crowd_violence"), generic_actor("civilians", "BFA", "youths"), None, "BFA", set())
    assert t.sub_event_type == "Mob violence" and a1.type == "rioters"


# ---------------------------------------------------------------- trigger words

def test_stoning_someone_is_crowd_violence():
    # villagers stoned two officers
    t = best_of([("villagers", "villager", 1, "nsubj"), ("stoned", "stone", 1, "ROOT"), ("two", "two", 3, "nummod"),
               ("officers", "officer", 1, "dobj")])
    assert (t.event_type, t.sub_event_type) == ("Riots", "Mob violence")


def test_a_foundation_stone_is_no_violence():
    # workers laid the foundation stone
    t = best_of([("workers", "worker", 1, "nsubj"), ("laid", "lay", 1, "ROOT"), ("the", "the", 4, "det"),
               ("foundation", "foundation", 4, "compound"), ("stone", "stone", 1, "dobj")])
    assert t is None or t.event_type != "Riots"


# nurses protested over their role in the fight against the pandemic
FIGURATIVE = [("nurses", "nurse", 1, "nsubj"), ("protested", "protest", 1, "ROOT"), ("over", "over", 1, "prep"),
              ("their", "their", 4, "poss"), ("role", "role", 2, "pobj"), ("in", "in", 4, "prep"),
              ("the", "the", 7, "det"), ("fight", "fight", 5, "pobj"), ("against", "against", 7, "prep"),
              ("the", "the", 10, "det"), ("pandemic", "pandemic", 8, "pobj")]


def test_the_fight_against_a_pandemic_is_no_fighting():
    t = best_of(FIGURATIVE)
    assert (t.event_type, t.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_fight_between_people_is_still_a_fight():
    # two groups had a fight in the market
    t = best_of([("groups", "group", 1, "nsubj"), ("had", "have", 1, "ROOT"), ("a", "a", 3, "det"),
               ("fight", "fight", 1, "dobj"), ("in", "in", 3, "prep"), ("the", "the", 6, "det"),
               ("market", "market", 4, "pobj")])
    assert t.id == "armed_clash"


# ---------------------------------------------------------------- forces named by their arms

@pytest.mark.parametrize("text,expected", [
    ("Israeli artillery shelled a post in the Gaza Strip", ("Military Forces of Israel", "state_forces", "ISR")),
    ("Turkish drones struck a position near Duhok", ("Military Forces of Turkey", "state_forces", "TUR")),
    ("a Russian patrol passed near the town", ("Military Forces of Russia", "state_forces", "RUS")),
    ("Pakistani missiles and drones hit a village", ("Military Forces of Pakistan", "state_forces", "PAK")),
    ("Israeli warplanes bombed a house", ("Military Forces of Israel", "state_forces", "ISR")),
])
def test_arms_after_a_nationality_are_its_forces(text, expected):
    assert expected in names(text, "SYR")


def test_arms_without_a_nationality_name_no_state():
    assert not any(n[1] == "state_forces" for n in names("artillery shelled a village at dawn", "SYR"))
    assert not any(n[1] == "state_forces" for n in names("Heavy artillery shelled a village", "SYR"))


# ---------------------------------------------------------------- herders

def test_herders_are_fulani_where_the_fulani_herd():
    assert any(n[0] == "Fulani Ethnic Militia" for n in names("herders attacked farmers", "NGA"))


def test_herders_elsewhere_are_no_fulani():
    assert not any("Fulani" in n[0] for n in names("raiders killed two herders", "SSD"))


# ---------------------------------------------------------------- Persian place names

@pytest.mark.parametrize("text,name", [("workers in Kut e Abdollah protested", "Kut e Abdollah"),
                                       ("a clash in Qasr e Shirin town", "Qasr e Shirin"),
                                       ("a clash in Tehran early on Monday", "Tehran")])
def test_ezafe_joins_a_persian_name(text, name):
    assert AFTER_PREP.search(text).group("name") == name


# ---------------------------------------------------------------- families as clans

def test_named_families_are_clan_militias_where_acled_codes_clans():
    got = names("an armed fight broke out between the Al Jamal and Al Masri families", "LBN")
    assert ("Al Jamal Clan Militia (Lebanon)", "identity_militia", "LBN") in got
    assert ("Al Masri Clan Militia (Lebanon)", "identity_militia", "LBN") in got


def test_named_families_elsewhere_are_no_clan_militia():
    assert not any("Clan Militia" in n[0] for n in names("the Sharma and Verma families quarrelled", "IND"))


def test_two_unnamed_families_are_an_unidentified_clan_militia():
    assert ("Unidentified Clan Militia (Iraq)", "identity_militia", "IRQ") in names(
        "gunfire between two families left one dead", "IRQ")


def test_a_battle_between_two_of_a_kind_has_that_kind_on_both_sides():
    from sitrep.extract.roles import unnamed_sides
    from sitrep.models import Mention
    clans = Actor("Unidentified Clan Militia (Iraq)", "IRQ", "identity_militia", None, "two families")
    m = Mention(mention_id="d:0:0", article_id="d:0", document="d", article_index=0, sentence="", start=0, end=0,
                trigger="", event_type="Battles", sub_event_type="Armed clash", cameo="190", goldstein=-10.0,
                actor1=clans, actor2=None, date="2021-06-03")
    assert unnamed_sides(m, "IRQ").actor2 == clans
    one = dataclasses_replace(clans, text="a family")
    assert unnamed_sides(dataclasses_replace(m, actor1=one), "IRQ").actor2 is None


# ---------------------------------------------------------------- an arrest a protest is about

@pytest.mark.parametrize("protest,arrest,cause", [
    ("People protested, demanding the release of a writer.", "The writer was arrested last week.", True),
    ("People protested, demanding the release of a writer.", "Police arrested five protesters.", False),
    ("People protested, demanding the release of a writer.", "Police officers arrested them.", False),
    ("People protested over fuel prices.", "The organiser was arrested.", False),
])
def test_an_arrest_the_protest_demands_undone_is_its_cause(protest, arrest, cause):
    from sitrep.extract.kinds import arrest_is_protest_cause
    assert arrest_is_protest_cause(protest, arrest) is cause


# ---------------------------------------------------------------- the side a later sentence adds

def _mention(a1, a2):
    from sitrep.models import Mention
    return Mention(mention_id="d:0:0", article_id="d:0", document="d", article_index=0, sentence="", start=0,
                   end=0, trigger="", event_type="Battles", sub_event_type="Armed clash", cameo="190",
                   goldstein=-10.0, actor1=a1, actor2=a2, date="2021-06-09")


def test_a_later_sentence_answering_the_doer_adds_its_own_doer():
    from sitrep.extract.core import _other_side
    shooters = Actor("Shooters", "YEM", "rebel_group", "shooters")
    answer = Actor("Defenders", "YEM", "political_militia", "defenders")
    assert _other_side(_mention(shooters, None), _mention(answer, shooters)) == answer


def test_a_later_sentence_otherwise_adds_its_target():
    from sitrep.extract.core import _other_side
    shooters = Actor("Shooters", "YEM", "rebel_group", "shooters")
    target = generic_actor("civilians", "YEM")
    assert _other_side(_mention(shooters, None), _mention(shooters, target)) == target


def test_registry_uses_acleds_name_for_the_gulf_clan():
    assert ("Gulf Clan", "political_militia", "COL") in names("a mine of the Clan del Golfo was seized", "COL")


# ---------------------------------------------------------------- a crowd that is hit

@pytest.mark.parametrize("tid", ["attack_civilians", "suicide_bomb"])
def test_a_crowd_hit_by_a_bomb_or_gunmen_is_civilians(tid):
    state = Actor("Islamic State", None, "rebel_group")
    t, a1, a2 = refine(trig(tid), state, generic_actor("rioters", "IRN", "crowd"), "IRN", set())
    assert (a1.name, a2.name, a2.type) == ("Islamic State", "Civilians (Iran)", "civilians")


def test_a_crowd_is_not_the_one_who_set_off_the_bomb():
    t, a1, a2 = coded("suicide_bomb", "rioters", "crowd", "PAK")
    assert a1.name == "Unidentified Armed Group (Pakistan)" and a2.type == "civilians"


def test_a_crowd_in_a_riot_stays_rioters():
    t, a1, _ = coded("mob_violence", "rioters", "mob", "NGA")
    assert (t.event_type, a1.name) == ("Riots", "Rioters (Nigeria)")
