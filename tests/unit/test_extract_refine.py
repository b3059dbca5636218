"""ACLED refinements that depend on who acts against whom."""
from sitrep.extract.actors import generic_actor
from sitrep.extract.core import refine
from sitrep.extract.triggers import lexicon_index
from sitrep.models import Actor

from extract_docs import trig


def test_attack_on_soldiers_is_a_battle():
    t, a1, a2 = refine(trig("attack_civilians"), generic_actor("unidentified", "AFG"),
                       generic_actor("military", "AFG"), "AFG", set())
    assert (t.event_type, t.sub_event_type, t.cameo) == ("Battles", "Armed clash", "190")


def test_attack_on_civilians_stays_violence_against_civilians():
    t, _, _ = refine(trig("attack_civilians"), generic_actor("unidentified", "NGA"),
                     generic_actor("civilians", "NGA"), "NGA", set())
    assert t.sub_event_type == "Attack"


def test_protest_actor_is_protesters_of_event_country():
    t, a1, a2 = refine(trig("protest"), generic_actor("civilians", "IND"), None, "IND", {"protest"})
    assert a1.name == "Protesters (India)" and a1.type == "protesters"


def test_unknown_attacker_is_unidentified_armed_group():
    t, a1, _ = refine(trig("remote_explosive"), None, None, "PAK", set())
    assert a1.name == "Unidentified Armed Group (Pakistan)"


def test_villagers_attacking_is_mob_violence():
    t, _, _ = refine(trig("attack_civilians"), generic_actor("civilians", "KEN"),
                     generic_actor("civilians", "KEN"), "KEN", set())
    assert t.sub_event_type == "Mob violence"


def test_named_group_keeps_its_identity():
    jaa = Actor("Jaish al-Adl", "IRN", "rebel_group", "jaish_al_adl")
    t, a1, _ = refine(trig("remote_explosive"), jaa, None, "IRN", set())
    assert a1 is jaa


def test_raid_that_hits_only_civilians_is_violence_against_civilians():
    t, _, _ = refine(trig("operation"), generic_actor("military", "BEN"), generic_actor("civilians", "BEN"),
                     "BEN", set())
    assert t.event_type == "Violence against civilians"


def test_clash_with_villagers_stays_a_clash():
    t, _, _ = refine(trig("armed_clash"), generic_actor("unidentified", "SSD"), generic_actor("civilians", "SSD"),
                     "SSD", set())
    assert t.sub_event_type == "Armed clash"


def test_brawl_is_mob_violence_but_with_guns_a_clash():
    t, _, _ = refine(trig("armed_clash"), generic_actor("civilians", "IND"), generic_actor("civilians", "IND"),
                     "IND", set())
    assert t.sub_event_type == "Mob violence"
    t, _, _ = refine(trig("armed_clash"), generic_actor("civilians", "IND"), generic_actor("civilians", "IND"),
                     "IND", set(), armed_words=True)
    assert t.sub_event_type == "Armed clash"


def test_excessive_force_needs_a_state_force():
    over = next(t for _, t in lexicon_index()[0] if t.id == "attack_civilians")
    from sitrep.extract.triggers import Hit, resolve
    t = resolve(Hit(over, 0, 1, 0, "killed"), {"protest"})
    assert t.sub_event_type == "Excessive force against protesters"
    t2, _, _ = refine(t, generic_actor("civilians", "IND"), None, "IND", {"protest"})
    assert t2.sub_event_type == "Peaceful protest"
    t3, _, _ = refine(t, generic_actor("police", "IND"), generic_actor("protesters", "IND"), "IND", {"protest"})
    assert t3.sub_event_type == "Excessive force against protesters"


def test_long_article_does_not_invent_the_attacker():
    # in a long article the agent may be named elsewhere in the story; the speaker's or the
    # place's country must not become an "Unidentified Armed Group" of that country
    t, a1, _ = refine(trig("remote_explosive"), None, None, "PAK", set(), invent=False)
    assert a1 is None
