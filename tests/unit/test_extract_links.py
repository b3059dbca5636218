from sitrep.extract.links import link_cues, resolve_target


def test_retaliation_cue_with_target():
    (cue,) = link_cues("The army shelled the camp in retaliation for the ambush on its convoy.")
    assert cue.type == "retaliation_for" and cue.target_text.startswith("the ambush")


def test_days_after():
    cues = link_cues("Two days after the bombing, troops raided the village.")
    assert cues[0].type == "follows" and cues[0].days_after == 2


def test_protest_at():
    assert link_cues("Students marched in protest at the arrests of their leaders.")[0].type == "protest_at"


def test_tit_for_tat():
    assert link_cues("The tit-for-tat strikes continued.")[0].type == "retaliation_for"


def test_no_cue():
    assert link_cues("Troops patrolled the border.") == []


def test_resolve_target_prefers_shared_words():
    (cue,) = link_cues("Rockets were fired in retaliation for the ambush on the convoy.")
    cands = [("m2", "protest", "Residents protested."), ("m1", "ambush", "Militants ambushed a convoy.")]
    assert resolve_target(cue, cands).target_mention == "m1"


def test_resolve_target_without_candidates_keeps_cue():
    (cue,) = link_cues("Rockets were fired in retaliation for the ambush.")
    assert resolve_target(cue, []).target_mention is None
