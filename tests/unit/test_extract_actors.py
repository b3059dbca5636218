"""Actors: registry aliases, general patterns, countries and roles from a hand-built parse."""
from sitrep.extract.actors import AGENT, PATIENT, country_iso3, find_actors, generic_actor, role_of

from extract_docs import make_doc


def names(text, country=None):
    return [(h.actor.name, h.actor.type, h.actor.country) for h in find_actors(text, country)]


def test_registry_aliases_and_spellings():
    for text in ("Jaish ul-Adl claimed it", "the Army of Justice claimed it", "JAA claimed it"):
        (got,) = [n for n in names(text) if n[1] == "rebel_group"]
        assert got[0] == "Jaish al-Adl" and got[2] == "IRN"


def test_short_acronym_needs_capitals():
    assert not any(n[0].startswith("BLF") for n in names("a blf of wind"))
    assert any(n[0].startswith("BLF") for n in names("the BLF said"))


def test_demonym_sets_country_of_generic_forces():
    (got,) = names("Nigerian troops repelled the raid")
    assert got == ("Military Forces of Nigeria", "state_forces", "NGA")


def test_police_take_event_country():
    got = names("police in Karachi arrested two men", "PAK")
    assert ("Police Forces of Pakistan", "state_forces", "PAK") in got


def test_unidentified_gunmen_and_villagers():
    got = names("unidentified gunmen shot three villagers", "IND")
    assert ("Unidentified Armed Group (India)", "rebel_group", "IND") in got
    assert ("Civilians (India)", "civilians", "IND") in got


def test_generic_without_country_has_no_placeholder():
    assert generic_actor("civilians", None).name == "Civilians"


def test_country_names_and_demonyms():
    assert country_iso3("Pakistani") == "PAK"
    assert country_iso3("Afghans") == "AFG"
    assert country_iso3("Iran") == "IRN"
    assert country_iso3("Narnia") is None


def test_passive_by_agent_is_actor1():
    # soldiers were killed by militants
    doc = make_doc([("soldiers", "soldier", 2, "nsubjpass"), ("were", "be", 2, "auxpass"), ("killed", "kill", 2, "ROOT"),
                    ("by", "by", 2, "agent"), ("militants", "militant", 3, "pobj")])
    assert role_of(doc, doc[4:5], 2) == AGENT
    assert role_of(doc, doc[0:1], 2) == PATIENT


def test_active_subject_and_object():
    doc = make_doc([("militants", "militant", 1, "nsubj"), ("attacked", "attack", 1, "ROOT"),
                    ("a", "a", 3, "det"), ("checkpoint", "checkpoint", 1, "dobj")])
    assert role_of(doc, doc[0:1], 1) == AGENT
    assert role_of(doc, doc[3:4], 1) == PATIENT


def test_unconnected_actor_has_no_role():
    doc = make_doc([("troops", "troop", 1, "nsubj"), ("arrived", "arrive", 1, "ROOT"), (".", ".", 1, "punct"),
                    ("Rebels", "rebel", 4, "nsubj"), ("fled", "flee", 4, "ROOT")])
    assert role_of(doc, doc[3:4], 1) is None


def _said_its(owner_word="its", subject_word="Pakistan"):
    # Pakistan said its strikes hit hideouts  (strikes: the trigger, a noun)
    return make_doc([(subject_word, subject_word.lower(), 1, "nsubj", "NNP", "PROPN"),
                     ("said", "say", 1, "ROOT", "VBD", "VERB"),
                     (owner_word, owner_word.lower(), 3, "poss", "PRP$", "PRON"),
                     ("strikes", "strike", 4, "nsubj", "NNS", "NOUN"),
                     ("hit", "hit", 1, "ccomp", "VBD", "VERB"),
                     ("hideouts", "hideout", 4, "dobj", "NNS", "NOUN")])


def test_the_teller_owns_the_act_its_pronoun_names():
    doc = _said_its()
    assert role_of(doc, doc[0:1], 3) == AGENT       # the trigger noun owned by "its"
    assert role_of(doc, doc[0:1], 4) == AGENT       # the verb whose subject "its" owns


def test_without_an_owning_pronoun_the_teller_is_no_party():
    doc = _said_its(owner_word="the")
    doc[2].dep_ = "det"
    assert role_of(doc, doc[0:1], 3) is None
    doc = _said_its(owner_word="our")               # first person: the quote's speaker, not "its"
    assert role_of(doc, doc[0:1], 3) is None


def test_community_militias_are_named_after_the_community():
    got = names("Tiv militiamen attacked a village", "NGA")
    assert ("Tiv Ethnic Militia (Nigeria)", "identity_militia", "NGA") in got
    got = names("Leelkayse clan militia fought back", "SOM")
    assert ("Leelkayse Clan Militia (Somalia)", "identity_militia", "SOM") in got
    assert not any("Ethnic" in n[0] for n in names("Pakistani militia fired", "PAK"))


def test_counterpart_takes_the_country_of_its_demonym():
    names = [h.actor.name for h in find_actors("The Turkish minister received a call from his Qatari counterpart.", "TUR")]
    assert "Government of Qatar" in names
