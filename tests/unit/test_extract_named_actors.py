"""Named and unidentified actors as ACLED names them: governments acting through their offices,
identity militias named after their community (members, castes, sub-clans, names given in
brackets, ethnic raiders), private security, gangs and personal militias, unknown doers, and
the doer a report holds responsible. Example sentences are written for these tests."""
from dataclasses import replace

import pytest

from extract_docs import make_doc
from model_runs import mentions_of
from sitrep.extract.actors import AGENT, PATIENT, dated, find_actors, generic_actor, role_of
from sitrep.extract.communities import MEMBERS, regional_militia
from sitrep.extract.roles import claimed_by, suspected_by, unnamed_sides
from sitrep.models import Actor, Mention, Place


def names(text, country=None):
    return [h.actor.name for h in find_actors(text, country)]


def actors(text, country=None):
    return [(h.actor.name, h.actor.type, h.actor.country) for h in find_actors(text, country)]


def mention(event_type, sub_event_type, a1=None, a2=None, sentence="", date="2021-06-03"):
    return Mention(mention_id="d:0:0", article_id="d:0", document="d", article_index=0, sentence=sentence,
                   start=0, end=0, trigger="", event_type=event_type, sub_event_type=sub_event_type,
                   cameo="180", goldstein=-9.0, actor1=a1, actor2=a2, date=date)


# ---------------------------------------------------------------- governments through their offices

@pytest.mark.parametrize("text", ["The Kars governorship halted all entries to the district.",
                                  "Kars Governorship announced that masks are compulsory in markets."])
def test_a_governorship_is_the_government(text):
    assert ("Government of Turkey", "government", "TUR") in actors(text, "TUR")


def test_the_houthi_administration_is_a_government_its_forces_a_state_force():
    assert ("Government of Yemen - Supreme Political Council", "government", "YEM") in actors(
        "Houthi authorities imposed a curfew on two districts.", "YEM")
    assert actors("Houthi forces shelled a village.", "YEM")[0][1] == "state_forces"


def test_lawmakers_are_the_government():
    assert "Government of Iraq" in names("Iraqi lawmakers approved the new cabinet.", "IRQ")


# ---------------------------------------------------------------- private security

@pytest.mark.parametrize("text", ["Private security guards of a mining company shot four villagers.",
                                  "A security guard at a supermarket beat a customer."])
def test_hired_guards_are_private_security_not_police(text):
    got = actors(text, "ZAF")
    assert ("Private Security Forces (South Africa)", "external", "ZAF") in got
    assert not any(n.startswith("Police") for n, _, _ in got)


# ---------------------------------------------------------------- identity militias

def test_militias_from_named_places_are_each_a_communal_militia():
    got = names("Militias from Ukpo and Amaku clashed over farmland.", "NGA")
    assert {"Ukpo Communal Militia (Nigeria)", "Amaku Communal Militia (Nigeria)"} <= set(got)
    assert "Ogbede Communal Militia (Nigeria)" in names("Communal militias from Ogbede searched the bush.", "NGA")


def test_a_place_or_a_named_group_after_from_is_no_community():
    assert not any("Communal" in n for n in names("Militiamen from Kogi State raided a farm.", "NGA"))
    got = names("Militiamen from Al Shabaab raided a farm.", "SOM")
    assert "Al Shabaab" in got and not any("Communal" in n for n in got)


def test_people_of_a_caste_or_community_are_its_militia_kind():
    (hit,) = [h for h in find_actors("Members of the Jat caste beat two labourers.", "IND") if h.kind == MEMBERS]
    assert (hit.actor.name, hit.actor.type) == ("Jat Caste Militia (India)", "identity_militia")
    assert "Gbaya Ethnic Militia (Central African Republic)" in names(
        "Youths from the Gbaya community raided a camp.", "CAF")


def test_named_raiders_of_an_ethnic_group_are_its_militia_other_raiders_communal():
    assert "Nuer Ethnic Militia (South Sudan)" in names("Suspected Nuer raiders attacked a cattle camp.", "SSD")
    got = names("Unknown raiders attacked a cattle camp.", "SSD")
    assert got == ["Unidentified Communal Militia (South Sudan)"]
    # a word that names no community stays a generic doer
    assert not any("Ethnic" in n for n in names("Kassa gunmen attacked a cattle camp.", "SSD"))


def test_ethnic_groups_named_before_groups_are_their_militias():
    got = names("Dinka and Murle groups clashed near the river.", "SSD")
    assert {"Dinka Ethnic Militia (South Sudan)", "Murle Ethnic Militia (South Sudan)"} <= set(got)


def test_clan_militias_named_in_brackets_are_the_ones_fighting():
    got = names("Two Lango clan militias (the Otuke and Abim) fought with spears.", "UGA")
    assert "Otuke Clan Militia (Uganda)" in got and "Abim Clan Militia (Uganda)" in got
    assert "Lango Clan Militia (Uganda)" not in got


def test_a_sub_clan_militia_takes_its_clan_name():
    got = names("Militiamen from the Reer Aw sub-clan of Marehan clan shot a herder.", "SOM")
    assert "Marehan-Reer Aw Sub-Clan Militia (Somalia)" in got
    # without its clan the sub-clan's militia keeps its own name
    assert "Dir Clan Militia (Somalia)" in names("Militiamen of the Dir sub-clan raided a camp.", "SOM")


def test_two_unnamed_clans_are_an_unidentified_clan_militia():
    assert "Unidentified Clan Militia (Philippines)" in names("Two rival clans exchanged fire.", "PHL")
    # no country known: the name without one (this used to raise, and the article lost every mention)
    assert actors("Two rival clans exchanged fire.") == [("Unidentified Clan Militia", "identity_militia", None)]


def test_a_template_without_a_country_drops_its_country_part():
    from sitrep.extract.actors import with_country
    assert with_country("Military Forces of {country}", None) == "Military Forces"
    assert with_country("Rioters ({country})", None) == "Rioters"
    assert with_country("Rioters ({country})", "KEN") == "Rioters (Kenya)"
    assert with_country("Military Forces of {country}", "PHL") == "Military Forces of the Philippines"


def test_unnamed_tribesmen_in_yemen_are_a_tribal_militia_unless_named_by_nationality():
    assert "Unidentified Tribal Militia (Yemen)" in names("Hundreds of tribesmen gathered near the road.", "YEM")
    assert "Civilians (Yemen)" in names("Yemeni tribesmen were wounded in the shelling.", "YEM")
    assert "Unidentified Tribal Militia (Iraq)" not in names("Hundreds of tribesmen gathered.", "IRQ")


def test_a_region_names_its_unidentified_communal_militia_after_a_date():
    militia = generic_actor("communal", "SDN", "armed herders")
    darfur = Place(name="Kutum", admin1="North Darfur", iso3="SDN")
    assert regional_militia(militia, darfur, "2020-05-07").name == "Darfur Communal Militia (Sudan)"
    assert regional_militia(militia, darfur, "2016-05-07") == militia
    assert regional_militia(militia, replace(darfur, admin1="Kassala"), "2020-05-07") == militia
    named = Actor("Misseriya Ethnic Militia (Sudan)", "SDN", "identity_militia")
    assert regional_militia(named, darfur, "2020-05-07") == named


# ---------------------------------------------------------------- gangs, parties, personal militias

@pytest.mark.parametrize("text,country,name", [
    ("Members of Los Tigres delivered food parcels.", "MEX", "Los Tigres Gang"),
    ("Alleged members of Los Cuervos Cartel ambushed a patrol.", "MEX", "Los Cuervos Gang"),
    ("Two people were killed by the Bel Air gang.", "HTI", "Bel Air Gang"),
])
def test_gangs_are_named_as_acled_names_them(text, country, name):
    assert name in names(text, country)


def test_gang_naming_holds_only_where_acled_codes_gangs_and_not_for_state_bodies():
    assert not any(n.endswith("Gang") for n in names("Members of Los Tigres delivered food parcels.", "IND"))
    assert not any(n.endswith("Gang") for n in names("Members of the National Guard arrested two.", "MEX"))
    assert "Sinaloa Cartel" in names("Members of the Sinaloa Cartel were arrested.", "MEX")


def test_forces_of_a_named_commander_are_his_militia_unless_the_registry_knows_him():
    assert "Militia (Ahmed Saleh al Issi)" in names("Forces belonging to Ahmed Saleh al Issi took a school.", "YEM")
    assert not any(n.startswith("Militia (") for n in names("Forces loyal to Khalifa Haftar shelled a road.", "LBY"))


def test_ghana_party_acronyms_are_read_in_ghana_only():
    assert "NDC: National Democratic Congress" in names("An NDC militia attacked a man.", "GHA")
    assert "NDC: National Democratic Congress" not in names("An NDC militia attacked a man.", "COD")


@pytest.mark.parametrize("text,country,name", [
    ("LDU personnel beat a trader.", "UGA", "Military Forces of Uganda - Local Defence Unit"),
    ("The UPLC armed group surrendered.", "COD", "UPLC: Union of Patriots for the Liberation of Congo"),
    ("A member of the Movement Leviathan harassed migrants.", "SRB", "PL: Movement Leviathan"),
])
def test_registry_names_groups_and_units(text, country, name):
    assert name in names(text, country)


def test_us_forces_in_afghanistan_are_nato_during_its_mission():
    us = generic_actor("military", "USA", "US forces")
    assert dated(us, "2020-05-05", "AFG").name == "NATO: North Atlantic Treaty Organization"
    assert dated(us, "2014-05-05", "AFG").name == "Military Forces of the United States"


# ---------------------------------------------------------------- unknown doers

@pytest.mark.parametrize("words", ["unidentified actors", "unknown perpetrators", "unknown individuals"])
def test_doers_the_report_cannot_name_are_an_unidentified_armed_group(words):
    assert names(f"On Monday {words} burned a school.", "NGA") == ["Unidentified Armed Group (Nigeria)"]


def test_what_an_act_as_subject_does_something_to_is_hit():
    # "an explosion wounded two soldiers": the act (trigger, index 1) is the verb's subject
    doc = make_doc([("An", "an", 1, "det"), ("explosion", "explosion", 2, "nsubj"),
                    ("wounded", "wound", 2, "ROOT"), ("two", "two", 4, "nummod"),
                    ("soldiers", "soldier", 2, "dobj")])
    assert role_of(doc, doc[4:5], 1) == PATIENT


def test_the_agent_of_a_participle_on_the_act_is_its_doer():
    # "shells fired by rebels hit a school": trigger "shells" (0)
    doc = make_doc([("shells", "shell", 4, "nsubj"), ("fired", "fire", 0, "acl"), ("by", "by", 1, "agent"),
                    ("rebels", "rebel", 2, "pobj"), ("hit", "hit", 4, "ROOT"), ("a", "a", 6, "det"),
                    ("school", "school", 4, "dobj")])
    assert role_of(doc, doc[3:4], 0) == AGENT


def test_the_group_a_report_holds_responsible_is_the_doer():
    text = ("Gunmen burned two tractors on a farm. The police believe the EPP carried out the attack.")
    assert suspected_by(text, "PRY").name == "EPP: Paraguayan People's Army"
    assert suspected_by("Gunmen burned two tractors. The EPP is active in the area.", "PRY") is None
    gang = generic_actor("unidentified", "PRY", "gunmen")
    m = unnamed_sides(mention("Violence against civilians", "Attack", gang, sentence=text), "PRY")
    assert m.actor1.name == "EPP: Paraguayan People's Army"


def test_militants_claiming_they_killed_is_a_claim():
    assert claimed_by("Al Shabaab militants claimed they killed four soldiers.", "SOM").name == "Al Shabaab"


# ---------------------------------------------------------------- on the model

@pytest.mark.model
def test_people_of_a_community_who_are_hit_are_civilians(extractor):
    (m,) = mentions_of(extractor, "On 3 June 2021, members of the Dalit community were beaten by police "
                                  "in Agra.", published="2021-06-04")
    assert m.actor2.type == "civilians" and m.actor1.name == "Police Forces of India"


@pytest.mark.model
def test_people_of_a_caste_who_attack_are_its_militia(extractor):
    (m,) = mentions_of(extractor, "On 3 June 2021, members of the Jat caste attacked a Dalit family with "
                                  "sticks near Hisar, injuring four.", published="2021-06-04")
    assert (m.event_type, m.actor1.name) == ("Violence against civilians", "Jat Caste Militia (India)")


@pytest.mark.model
def test_a_governorship_announcing_a_measure_is_the_government(extractor):
    (m,) = mentions_of(extractor, "Security measures: On 9 May 2020, Mersin Governorship announced that "
                                  "masks are compulsory in the province.", published="2020-05-10")
    assert (m.event_type, m.actor1.name) == ("Strategic developments", "Government of Turkey")


@pytest.mark.model
def test_a_government_only_appealed_to_is_no_doer(extractor):
    (m,) = mentions_of(extractor, "On 28 April 2021, in Lima, residents asked the authorities to control "
                                  "street vendors in the sector.", published="2021-04-29")
    assert m.actor1 is None or m.actor1.type != "government"


@pytest.mark.model
def test_the_actor_hit_is_not_also_the_doer(extractor):
    (m,) = mentions_of(extractor, "On 8 May 2020, fighting broke out between the SDF and Turkish forces near "
                                  "Tal Tamr when two SDF members tried to cross.", published="2020-05-09")
    assert {m.actor1.name, m.actor2.name} == {"Military Forces of Turkey", "SDF: Syrian Democratic Forces"}


@pytest.mark.model
def test_an_explosion_leaving_soldiers_wounded_is_an_unidentified_groups(extractor):
    (m,) = mentions_of(extractor, "On 4 June 2021, a roadside bomb explosion near Tikrit left two soldiers "
                                  "wounded.", published="2021-06-05")
    assert m.actor1.name.startswith("Unidentified Armed Group") and m.actor2.type == "state_forces"


@pytest.mark.model
def test_monitors_bursts_of_fire_on_the_front_line_are_the_lines_shelling(extractor):
    (m,) = mentions_of(extractor, "On 3 June 2019, the SMM recorded 12 bursts of fire from heavy "
                                  "machineguns near Avdiivka.", published="2019-06-04")
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert "Military Forces of Ukraine" in {m.actor1.name, m.actor2.name}


@pytest.mark.model
def test_a_partys_office_attacked_is_property_not_the_party(extractor):
    (m,) = mentions_of(extractor, "On 8 May 2021, an NDC militia armed with guns attacked and looted the NPP "
                                  "office in Tamale.", published="2021-05-09")
    assert m.event_type == "Violence against civilians"
    assert m.actor1.name == "NDC: National Democratic Congress" and m.actor2.type == "civilians"
