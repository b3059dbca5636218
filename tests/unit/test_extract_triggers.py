"""Trigger matching on hand-built Docs (lemmas and a dependency parse given by hand)."""
from sitrep.extract.triggers import find_hits, is_topic

from extract_docs import best_of, make_doc


def test_summon_envoy_is_a_complaint_not_consultation():
    # Islamabad summoned the Iranian envoy
    doc = make_doc([("Islamabad", "Islamabad", 1, "nsubj"), ("summoned", "summon", 1, "ROOT"),
                    ("the", "the", 4, "det"), ("Iranian", "iranian", 4, "amod"), ("envoy", "envoy", 1, "dobj")])
    t = best_of(doc)
    assert t.cameo == "114" and t.event_type is None


def test_recall_ambassador_with_gap():
    doc = make_doc([("Pakistan", "Pakistan", 1, "nsubj"), ("recalled", "recall", 1, "ROOT"), ("its", "its", 3, "poss"),
                    ("ambassador", "ambassador", 1, "dobj"), ("from", "from", 3, "prep"), ("Tehran", "Tehran", 4, "pobj")])
    assert best_of(doc).cameo == "161"


def test_suspended_visits_is_a_cut():
    doc = make_doc([("Iran", "Iran", 1, "nsubj"), ("suspended", "suspend", 1, "ROOT"), ("high-level", "high-level", 3, "amod"),
                    ("visits", "visit", 1, "dobj")])
    assert best_of(doc).cameo == "160"


def test_specific_weapon_beats_generic_attack():
    # a suicide bomber attacked the rally
    doc = make_doc([("a", "a", 2, "det"), ("suicide", "suicide", 2, "compound"), ("bomber", "bomber", 3, "nsubj"),
                    ("attacked", "attack", 3, "ROOT"), ("the", "the", 5, "det"), ("rally", "rally", 3, "dobj")])
    assert best_of(doc).sub_event_type == "Suicide bomb"


def test_clash_beats_weapons_used_in_it():
    # rebels clashed with troops using mortars
    doc = make_doc([("rebels", "rebel", 1, "nsubj"), ("clashed", "clash", 1, "ROOT"), ("with", "with", 1, "prep"),
                    ("troops", "troop", 2, "pobj"), ("using", "use", 1, "advcl"), ("mortars", "mortar", 4, "dobj")])
    assert best_of(doc).sub_event_type == "Armed clash"


def test_killing_as_topic_of_protest_is_not_the_event():
    # residents protested against the killing of a trader
    doc = make_doc([("residents", "resident", 1, "nsubj"), ("protested", "protest", 1, "ROOT"),
                    ("against", "against", 1, "prep"), ("the", "the", 4, "det"), ("killing", "killing", 2, "pobj"),
                    ("of", "of", 4, "prep"), ("a", "a", 7, "det"), ("trader", "trader", 5, "pobj")])
    hits = find_hits(doc)
    kill = next(h for h in hits if h.trigger.id == "attack_civilians")
    assert is_topic(doc, kill)
    t = best_of(doc)
    assert t.sub_event_type == "Peaceful protest"


def test_violence_inside_protest_frame_is_a_riot():
    # protesters clashed with police
    doc = make_doc([("protesters", "protester", 1, "nsubj"), ("clashed", "clash", 1, "ROOT"), ("with", "with", 1, "prep"),
                    ("police", "police", 2, "pobj")])
    t = best_of(doc)
    assert (t.event_type, t.sub_event_type) == ("Riots", "Violent demonstration")


def test_month_name_is_not_a_march():
    doc = make_doc([("On", "on", 3, "prep"), ("5", "5", 2, "nummod"), ("March", "March", 0, "pobj"),
                    ("troops", "troop", 4, "nsubj"), ("shelled", "shell", 4, "ROOT"), ("Kharkiv", "Kharkiv", 4, "dobj")])
    hits = find_hits(doc)
    assert not any(h.trigger.id == "protest" for h in hits)
    assert best_of(doc).sub_event_type == "Shelling/artillery/missile attack"


def test_grenade_launcher_is_artillery_not_a_grenade():
    doc = make_doc([("forces", "force", 1, "nsubj"), ("fired", "fire", 1, "ROOT"), ("grenade", "grenade", 3, "compound"),
                    ("launchers", "launcher", 1, "dobj")])
    assert best_of(doc).sub_event_type == "Shelling/artillery/missile attack"


def test_no_trigger_no_event():
    doc = make_doc([("The", "the", 1, "det"), ("harvest", "harvest", 2, "nsubj"), ("was", "be", 2, "ROOT"),
                    ("good", "good", 2, "acomp")])
    assert best_of(doc) is None


def test_according_to_is_never_an_act():
    from extract_docs import make_doc
    from sitrep.extract.triggers import find_hits
    doc = make_doc([("According", "accord", 0, "prep"), ("to", "to", 0, "prep"), ("police", "police", 1, "pobj")])
    assert not any(h.trigger.id == "agree_cooperate" for h in find_hits(doc))
    doc = make_doc([("They", "they", 1, "nsubj"), ("signed", "sign", 1, "ROOT"), ("an", "an", 3, "det"),
                    ("accord", "accord", 1, "dobj")])
    assert any(h.trigger.id == "agree_cooperate" for h in find_hits(doc))
