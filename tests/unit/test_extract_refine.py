"""ACLED refinements that depend on who acts against whom."""
from sitrep.extract.actors import generic_actor
from sitrep.extract.core import refine
from sitrep.extract.triggers import lexicon_index
from sitrep.models import Actor


def trig(tid):
    return next(t for _, t in lexicon_index()[0] if t.id == tid)


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
