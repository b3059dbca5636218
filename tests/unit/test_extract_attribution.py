from sitrep.extract.attribution import attribution


def test_according_to():
    assert attribution("Seven people were killed, according to the provincial health ministry.") == \
        "provincial health ministry"


def test_trailing_said():
    assert attribution("The convoy was hit by a roadside bomb, police said.") == "police"


def test_leading_media_said():
    assert attribution("Turkish media said the drones struck two depots.") == "Turkish media"


def test_said_source_after_verb():
    assert attribution("Four soldiers died in the ambush, said the army spokesman.") == "army spokesman"


def test_bare_assertion_has_no_source():
    assert attribution("Rebels overran the town on Friday.") is None


def test_pronoun_is_not_a_source():
    assert attribution("It said the attack was planned.") is None


def test_name_containing_state_is_not_a_say_verb():
    assert attribution("The group had pledged allegiance to the Islamic State in 2014.") is None


def test_passive_claimed_by_is_not_attribution():
    assert attribution("The May 8 attack claimed by the BLA took place in Kech.") is None


def test_quick_check_never_hides_a_source_the_patterns_find():
    from sitrep.extract import attribution as mod
    maybe, _, patterns = mod._patterns()
    sentences = [
        "Seven people were killed, according to the provincial health ministry.",
        "The convoy was hit by a roadside bomb, police said.",
        "Turkish media said the drones struck two depots.",
        "Four soldiers died in the ambush, said the army spokesman.",
        "Two rockets hit the base,the garrison commander said.",
        "The bridge, the governor told reporters, was destroyed overnight.",
        "ACCORDING TO WITNESSES the market burned for hours.",
        "A farmer was shot dead near the well on Sunday.",
        "The party STATED nothing about the clash.",
    ]
    for s in sentences:
        found = any(p.search(s) for p in patterns)
        assert not found or maybe.search(s), s
    assert not maybe.search("A farmer was shot dead near the well on Sunday.")
