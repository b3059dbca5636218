"""ACLED actor coding: identity militias, off-duty forces, operations abroad, the unnamed sides of
a one-event report, interveners at protests and crowds (no model: hand-built text and parses)."""
import pytest

from sitrep.extract.actors import PATIENT, countries_in, dated, find_actors, generic_actor, role_of
from sitrep.extract.roles import claimed_by, refine, unnamed_sides
from sitrep.models import Actor, Mention

from extract_docs import best_of, make_doc, trig


def names(text, country=None):
    return [h.actor.name for h in find_actors(text, country)]


def mention(event_type, sub_event_type, a1=None, a2=None, sentence="", date="2020-05-08"):
    return Mention(mention_id="d:0:0", article_id="d:0", document="d", article_index=0, sentence=sentence,
                   start=0, end=len(sentence), trigger="", event_type=event_type, sub_event_type=sub_event_type,
                   cameo="190", goldstein=-10.0, actor1=a1, actor2=a2, date=date)


# ---------------------------------------------------------------- identity militias

@pytest.mark.parametrize("text,name", [
    ("Tiv militiamen burned a market", "Tiv Ethnic Militia (Nigeria)"),                 # an ethnic group
    ("Ogbede militiamen burned a market", "Ogbede Communal Militia (Nigeria)"),          # a town
    ("the Ogbede ethnic militia burned a market", "Ogbede Ethnic Militia (Nigeria)"),   # said so
    ("Bul Nuer militia raided a cattle camp", "Bul Nuer Ethnic Militia (Nigeria)"),     # a section of one
])
def test_identity_militias_are_named_as_acled_names_them(text, name):
    assert name in names(text, "NGA")


# ---------------------------------------------------------------- off-duty members of a force

@pytest.mark.parametrize("text", ["gunmen shot an off-duty police officer at home",
                                  "militants killed a soldier (assumed off-duty) near the mosque",
                                  "a retired army officer was stabbed"])
def test_a_force_member_off_duty_is_a_civilian(text):
    got = names(text, "SOM")
    assert "Civilians (Somalia)" in got and not any(n.startswith(("Police", "Military")) for n in got)


def test_a_serving_force_member_stays_in_the_force():
    got = names("gunmen shot a police officer in the market", "SOM")
    assert "Police Forces of Somalia" in got and "Civilians (Somalia)" not in got


# ---------------------------------------------------------------- countries named by abbreviation

def test_us_in_capitals_is_the_united_states_but_not_the_pronoun():
    assert [c for c, _, _ in countries_in("US forces and U.S. troops")] == ["USA", "USA"]
    assert countries_in("they told us soldiers came") == []
    assert names("a US military column reached the base", "SYR")[0].endswith("United States")


def test_a_party_acronym_after_of_is_not_a_country_code():
    got = find_actors("activists of QAT staged a protest", "PAK")
    assert [h.actor.country for h in got] == ["PAK"]


# ---------------------------------------------------------------- forces abroad in an operation

@pytest.mark.parametrize("forces,where,date,expected", [
    ("SAU", "YEM", "2020-05-08", "Operation Restoring Hope"),
    ("SAU", "SAU", "2020-05-08", "Military Forces of Saudi Arabia"),    # at home: its own forces
    ("SAU", "YEM", "2014-06-01", "Military Forces of Saudi Arabia"),    # before the intervention
    ("USA", "SYR", "2020-05", "Global Coalition Against Daesh"),
    ("USA", "SOM", "2020-05-08", "Military Forces of United States"),
])
def test_forces_in_a_multinational_operation_take_its_name(forces, where, date, expected):
    got = dated(generic_actor("military", forces), date, where)
    assert got.name.replace("the United States", "United States") == expected


def test_a_named_group_is_not_renamed_by_an_operation():
    taliban = Actor("Taliban", "AFG", "rebel_group", "taliban")
    assert dated(taliban, "2020-05-08", "YEM") is taliban


def test_a_state_not_recognised_has_no_country():
    assert [(h.actor.name, h.actor.country) for h in find_actors("military forces of Artsakh fired", "AZE")][0] \
        == ("Military Forces of Artsakh", None)


# ---------------------------------------------------------------- protests and crowds

def test_police_dispersing_workers_are_the_other_side_of_the_protest():
    t, a1, a2 = refine(trig("protest_intervention"), generic_actor("police", "IND"),
                       generic_actor("civilians", "IND"), "IND", {"protest"})
    assert (a1.name, a2.name) == ("Protesters (India)", "Police Forces of India")


def test_an_intervention_with_no_force_named_is_the_police():
    t, a1, a2 = refine(trig("protest_intervention"), None, None, "ISR", {"protest"})
    assert t.sub_event_type == "Protest with intervention" and a2.name == "Police Forces of Israel"
    _, _, a2 = refine(trig("protest_intervention"), None, None, "ISR", {"protest"}, invent=False)
    assert a2 is None       # (in a long article the force may be named in another sentence)


def test_police_firing_on_rioting_demonstrators_are_the_other_side_of_the_riot():
    t, a1, a2 = refine(trig("violent_demonstration"), generic_actor("police", "MLI"),
                       generic_actor("protesters", "MLI"), "MLI", {"protest"})
    assert (a1.name, a2.name) == ("Rioters (Mali)", "Police Forces of Mali")


def test_a_crowd_named_by_nationality_keeps_it():
    _, a1, _ = refine(trig("protest"), generic_actor("civilians", "CHN"), None, "NPL", {"protest"})
    assert a1.name == "Protesters (China)"
    _, a1, _ = refine(trig("protest"), None, None, "NPL", {"protest"})
    assert a1.name == "Protesters (Nepal)"


def test_an_unarmed_crowd_fighting_the_forces_is_a_mob():
    args = (trig("armed_clash"), generic_actor("civilians", "PSE"), generic_actor("military", "ISR"), "ISR", set())
    assert refine(*args)[0].sub_event_type == "Mob violence"
    assert refine(*args, firearms=True)[0].sub_event_type == "Armed clash"


def test_a_people_joined_to_a_force_is_a_crowd_not_a_second_force():
    got = [(h.actor.name, h.actor.type) for h in find_actors("clashes between Palestinians and Israeli forces", "ISR")]
    assert ("Civilians (Palestine)", "civilians") in got
    assert not any(n == "Military Forces of Palestine" for n, _ in got)
    got = names("Turkish and Russian forces patrolled", "SYR")
    assert "Military Forces of Turkey" in got and "Military Forces of Russia" in got


def test_barricaded_roads_are_a_violent_demonstration_but_a_barricaded_office_is_not():
    # workers barricaded roads  /  teachers barricaded themselves in an office
    roads = best_of([("workers", "worker", 1, "nsubj"), ("barricaded", "barricade", 1, "ROOT"),
                   ("roads", "road", 1, "dobj")])
    assert roads.sub_event_type == "Violent demonstration"
    office = best_of([("teachers", "teacher", 1, "nsubj"), ("barricaded", "barricade", 1, "ROOT"),
                    ("themselves", "themselves", 1, "dobj"), ("in", "in", 1, "prep"), ("an", "an", 5, "det"),
                    ("office", "office", 3, "pobj")])
    assert office is None or office.sub_event_type != "Violent demonstration"


def test_heads_found_in_the_passive_are_a_killing():
    t = best_of([("two", "two", 1, "nummod"), ("heads", "head", 3, "nsubjpass"), ("were", "be", 3, "auxpass"),
               ("found", "find", 3, "ROOT")])
    assert t.id == "attack_civilians"


# ---------------------------------------------------------------- roles

def test_what_an_explosion_targets_is_hit():
    # an IED exploded targeting a convoy
    doc = make_doc([("an", "an", 1, "det"), ("IED", "IED", 2, "nsubj"), ("exploded", "explode", 2, "ROOT"),
                    ("targeting", "target", 2, "advcl"), ("a", "a", 5, "det"), ("convoy", "convoy", 3, "dobj")])
    assert role_of(doc, doc[5:6], 2) == PATIENT


# ---------------------------------------------------------------- sides a one-event report leaves open

def test_a_fight_with_no_side_named_is_between_unidentified_groups():
    m = unnamed_sides(mention("Battles", "Armed clash", sentence="A shoot-out took place."), "BRA")
    assert m.actor1.type == m.actor2.type == "rebel_group" and m.actor1.country == "BRA"


def test_the_unnamed_side_against_the_police_is_an_unidentified_group_or_gang():
    police = generic_actor("police", "BRA")
    m = unnamed_sides(mention("Battles", "Armed clash", police), "BRA")
    assert m.actor2.name == "Unidentified Gang (Brazil)"        # not the name for killers of civilians
    seizure = mention("Strategic developments", "Looting/property destruction", police,
                      generic_actor("civilians", "BRA"))
    assert unnamed_sides(seizure, "BRA").actor2.name == "Unidentified Gang (Brazil)"
    seizure = mention("Strategic developments", "Looting/property destruction", generic_actor("police", "IND"))
    assert unnamed_sides(seizure, "IND").actor2 is None        # gangs are a coding of some countries only


def test_a_group_claiming_the_act_is_its_doer():
    text = "An IED exploded near a convoy. Al shabaab claimed responsibility for the attack."
    assert claimed_by(text, "SOM").name == "Al Shabaab"
    m = mention("Explosions/Remote violence", "Remote explosive/landmine/IED", generic_actor("unidentified", "SOM"),
                generic_actor("military", "SOM"), sentence=text)
    assert unnamed_sides(m, "SOM").actor1.name == "Al Shabaab"
    named = mention("Explosions/Remote violence", "Remote explosive/landmine/IED", generic_actor("military", "SOM"),
                    sentence=text)
    assert unnamed_sides(named, "SOM").actor1.name == "Military Forces of Somalia"
    assert claimed_by("Al shabaab fighters attacked a base.", "SOM") is None


def test_people_who_attack_are_a_communal_militia_not_civilians():
    # "a farmer with a shotgun wounded a herder": armed, so not a mob
    _, a1, a2 = refine(trig("attack_civilians"), generic_actor("civilians", "BEN"), generic_actor("civilians", "BEN"),
                       "BEN", set(), armed_words=True, firearms=True)
    assert (a1.name, a1.type) == ("Unidentified Communal Militia (Benin)", "identity_militia")
    assert a2.name == "Civilians (Benin)"


def test_attacking_herders_of_a_named_people_are_its_ethnic_militia():
    herders = generic_actor("civilians", "BEN", "Fulani pastoralists")
    _, a1, _ = refine(trig("attack_civilians"), herders, generic_actor("civilians", "BEN"), "BEN", set(),
                      armed_words=True, firearms=True)
    assert (a1.name, a1.type) == ("Fulani Ethnic Militia (Benin)", "identity_militia")


def test_looting_with_no_victim_named_is_against_civilians():
    raid = mention("Strategic developments", "Looting/property destruction", generic_actor("unidentified", "PRY"))
    assert unnamed_sides(raid, "PRY").actor2.name == "Civilians (Paraguay)"
    named = mention("Strategic developments", "Looting/property destruction", generic_actor("unidentified", "PRY"),
                    generic_actor("police", "PRY"))
    assert unnamed_sides(named, "PRY").actor2.name == "Police Forces of Paraguay"
