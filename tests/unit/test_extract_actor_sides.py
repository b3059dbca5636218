"""Who fought whom, fourth round: a strike named by its nationality, forces of two states
firing at each other, clans', tribes' and cults' militias no report names, a faction of a
registry group, the unnamed armed "of" a named group, and property destroyed by no one
named (no model unless marked: hand-built text and mentions)."""
import pytest

from sitrep.extract.actors import dated, find_actors, generic_actor
from sitrep.extract.communities import unnamed_militia_names
from sitrep.extract.roles import _several, unnamed_sides
from sitrep.models import Actor, Mention

from model_runs import mentions_of


def names(text, country=None):
    return [h.actor.name for h in find_actors(text, country)]


def mention(event_type, sub_event_type, a1=None, a2=None, associated=(), date="2021-06-03"):
    return Mention(mention_id="d:0:0", article_id="d:0", document="d", article_index=0, sentence="", start=0,
                   end=0, trigger="", event_type=event_type, sub_event_type=sub_event_type, cameo="190",
                   goldstein=-10.0, actor1=a1, actor2=a2, associated=tuple(associated), date=date)


# ---------------------------------------------------------------- a strike named by its nationality

@pytest.mark.parametrize("text,country,name", [
    ("Turkish airstrikes hit two farms near the border", "IRQ", "Military Forces of Turkey"),
    ("Israeli air strikes targeted a depot at night", "SYR", "Military Forces of Israel"),
    ("Saudi rocket and artillery shelling fell on a market", "YEM", "Military Forces of Saudi Arabia"),
    ("Russian bombardment of the hills went on", "SYR", "Military Forces of Russia"),
])
def test_a_strike_after_a_nationality_is_that_states_forces(text, country, name):
    assert name in names(text, country)


def test_a_strike_without_a_nationality_names_no_force():
    assert not any(n.startswith("Military Forces") for n in names("airstrikes hit two farms near the border",
                                                                      "IRQ"))


def test_saudi_shelling_in_yemen_is_the_coalitions():
    saudi = next(h.actor for h in find_actors("Saudi shelling hit a village", "YEM"))
    assert dated(saudi, "2021-06-03", "YEM").name == "Operation Restoring Hope"


# ---------------------------------------------------------------- unnamed militias of a kind

@pytest.mark.parametrize("text,country,name", [
    ("inter-clan fighting left four dead near the wells", "ETH", "Unidentified Clan Militia (Ethiopia)"),
    ("clan-based clashes broke out over grazing land", "SOM", "Unidentified Clan Militia (Somalia)"),
    ("two unidentified tribal militias clashed over a plot", "SYR", "Unidentified Tribal Militia (Syria)"),
    ("rival cultists fought in the market", "NGA", "Unidentified Cult Militia (Nigeria)"),
    ("members of the Eiye cult group attacked a bar", "NGA", "Eiye Cult Militia (Nigeria)"),
])
def test_unnamed_militias_of_a_kind_are_named_as_acled_does(text, country, name):
    assert name in names(text, country)


def test_the_words_after_community_names_match_as_acled_writes_them():
    got = names("Tiv and Jukun Ethnic Militias clashed over farmland", "NGA")
    assert {"Tiv Ethnic Militia (Nigeria)", "Jukun Ethnic Militia (Nigeria)"} <= set(got)
    assert not any("Communal" in n for n in names("the Civilian Defence Militia patrolled", "NGA"))


def test_cults_are_a_nigerian_coding_and_tribesmen_stay_yemeni():
    assert not any("Cult" in n for n in names("rival cultists fought in the market", "GHA"))
    assert not any("Tribal Militia" in n for n in names("tribesmen gathered at the square", "SYR"))


def test_the_unnamed_militia_names_come_from_the_data():
    assert {"Unidentified Clan Militia", "Unidentified Tribal Militia", "Unidentified Cult Militia"} <= \
        unnamed_militia_names()
    assert "Unidentified Communal Militia" not in unnamed_militia_names()


@pytest.mark.parametrize("text,several", [("inter-clan", True), ("clan-based", True), ("cultists", True),
                                          ("unidentified tribal militias", True), ("two families", True),
                                          ("a family", False), ("tribal militia", False), ("a clan", False)])
def test_words_that_tell_of_more_than_one(text, several):
    assert _several(text) is several


def test_a_fight_among_unnamed_clans_has_them_on_both_sides():
    clans = Actor("Unidentified Clan Militia (Ethiopia)", "ETH", "identity_militia", None, "inter-clan")
    dead = generic_actor("civilians", "ETH", "people")
    m = unnamed_sides(mention("Battles", "Armed clash", clans, dead), "ETH")
    assert m.actor1 == m.actor2 == clans      # the dead were of its sides, not bystanders


def test_villagers_who_attack_are_not_doubled():
    # farmers who attack a camp are a communal militia facing civilians, not two militias
    farmers = Actor("Unidentified Communal Militia (Benin)", "BEN", "identity_militia", None, "farmers")
    camp = generic_actor("civilians", "BEN", "a camp")
    assert unnamed_sides(mention("Battles", "Armed clash", farmers, camp), "BEN").actor2 == camp


# ---------------------------------------------------------------- factions and the armed of a named group

@pytest.mark.parametrize("text,name", [
    ("Raia Mutomboki-Walike fighters abducted four farmers", "Mayi Mayi Militia (Raia Mutomboki-Walike)"),
    ("Raiya Mutomboki militiamen looted a shop", "Mayi Mayi Militia (Raia Mutomboki)"),
    ("Raia Mutomboki fighters looted a shop", "Mayi Mayi Militia (Raia Mutomboki)"),
])
def test_a_faction_of_a_registry_group_is_named_as_acled_does(text, name):
    assert names(text, "COD")[0] == name


@pytest.mark.parametrize("text,name", [
    ("gunmen of Los Viagras shot a shopkeeper", "Los Viagras Gang"),
    ("fighters from the Sharqiya Army stormed a house", "Sharqiya Army"),
])
def test_the_unnamed_armed_of_a_named_group_are_that_group(text, name):
    got = names(text, "MEX" if "Viagras" in text else "SYR")
    assert got[0] == name and not any(n.startswith("Unidentified") for n in got)


def test_a_victim_of_a_named_group_stays_a_civilian():
    got = names("a shopkeeper of the town was shot by Los Viagras", "MEX")
    assert "Los Viagras Gang" in got and "Civilians (Mexico)" in got


# ---------------------------------------------------------------- sides a one-event report leaves open

def test_property_destroyed_by_no_one_named_was_destroyed_by_an_unidentified_group():
    victim = generic_actor("civilians", "UKR", "a councillor")
    m = unnamed_sides(mention("Strategic developments", "Looting/property destruction", None, victim), "UKR")
    assert m.actor1.name == "Unidentified Armed Group (Ukraine)" and m.actor2 == victim
    m = unnamed_sides(mention("Strategic developments", "Looting/property destruction"), "MEX")
    assert m.actor1.name == "Unidentified Gang (Mexico)" and m.actor2.name == "Civilians (Mexico)"


def test_a_fight_told_without_a_doer_is_between_the_groups_the_report_names():
    cv = Actor("CV: Red Command", "BRA", "political_militia", "cv")
    tcp = Actor("TCP: Pure Third Command", "BRA", "political_militia", "tcp")
    m = unnamed_sides(mention("Battles", "Armed clash", associated=[cv, tcp]), "BRA")
    assert (m.actor1, m.actor2, m.associated) == (cv, tcp, ())


def test_turkeys_intelligence_agency_is_coded_with_its_police():
    got = find_actors("the National Intelligence Organization of Turkey raided a hideout", "IRQ")
    assert [(h.actor.name, h.actor.country, h.actor.type) for h in got][0] == \
        ("Police Forces of Turkey - National Intelligence Organization", "TUR", "state_forces")


def test_belize_codes_unnamed_killers_as_a_gang():
    assert generic_actor("unidentified", "BLZ").name == "Unidentified Gang (Belize)"


# ---------------------------------------------------------------- with the model

@pytest.mark.model
def test_forces_of_two_states_firing_across_a_line_are_both_sides(extractor):
    (m, *_) = mentions_of(extractor, "On 8 June 2021, troops of India and Pakistan exchanged fire along the "
                                     "Line of Control in Kotli district, injuring a farmer.", published="2021-06-09")
    assert {m.actor1.name, m.actor2.name} == {"Military Forces of India", "Military Forces of Pakistan"}

