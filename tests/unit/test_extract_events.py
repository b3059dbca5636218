"""Sentence-level event rules on the real model, with example sentences written for these tests."""
import pytest

from model_runs import mentions_of

pytestmark = pytest.mark.model

LEAD = "Officials gave few details on Monday.\n"


def run(extractor, text, published="2024-03-08"):
    return mentions_of(extractor, LEAD + text, published=published)


@pytest.mark.parametrize("claim", [
    "The attack was claimed by the Tehrik-i-Taliban Pakistan.",
    "The Tehrik-i-Taliban Pakistan claimed responsibility for the attack.",
])
def test_claim_names_the_attacker_not_a_statement(extractor, claim):
    got = run(extractor, "Gunmen stormed a checkpoint in Peshawar on Tuesday and killed two policemen.\n" + claim)
    assert [m.cameo for m in got if m.cameo == "010"] == []
    attack = next(m for m in got if m.event_type)
    assert "Taliban" in attack.actor1.name


@pytest.mark.parametrize("text,doer", [
    ("Kenya condemned Somalia on Wednesday for carrying out a drone strike on its territory, "
     "which killed three herders.", "Somalia"),
    ("On Wednesday Kenya condemned Somalia for a rocket attack across the frontier "
     "that led to the deaths of two herders and injuries to four others in Mandera.", "Somalia"),
    ("Uganda accused Rwanda of shelling a border village, killing two farmers.", "Rwanda"),
    ("Kenya blamed al-Shabaab for the bombing in Mandera that killed five soldiers.", "Shabaab"),
])
def test_blamed_act_is_done_by_the_blamed_and_undated(extractor, text, doer):
    got = run(extractor, text)
    blame = next(m for m in got if m.cameo in ("111", "112"))
    act = next(m for m in got if m.event_type)
    assert doer in act.actor1.name and doer not in blame.actor1.name
    assert act.date_precision != 1 and act.fatalities is not None and blame.fatalities is None


def test_confirming_an_attack_does_not_make_the_attacker(extractor):
    got = run(extractor, "The Nigerian army confirmed the attack on the convoy near Maiduguri.")
    assert not any(m.actor1 and "Nigeria" in m.actor1.name and m.event_type for m in got)


@pytest.mark.parametrize("text", [
    "The militants vowed revenge against the army.",
    "The decision, which threatened to hurt the city's image, prompted officials in Nairobi to act.",
    "Kenya said the deal required that no group would be allowed to use its soil to threaten the security of Uganda.",
    "The decision, which threatened to hurt Nairobi's image, prompted an effort by Kenyan police to act.",
])
def test_undated_vows_targetless_and_purpose_threats_are_no_events(extractor, text):
    assert not [m for m in run(extractor, text) if (m.cameo or "").startswith("13")]


def test_dated_threat_with_a_target_stays(extractor):
    got = run(extractor, "Kenya on Tuesday warned Somalia of serious consequences.")
    assert any((m.cameo or "").startswith("13") and m.actor2 for m in got)


def test_came_a_day_after_points_from_the_referent_to_the_named_act(extractor):
    got = run(extractor, "Gunmen killed three soldiers in Mandera on Friday.\n"
                         "The ambush also came a day after Somalia launched strikes in Ethiopia.")
    later = next(m for m in got if m.fatalities)
    earlier = next(m for m in got if m.actor1 and "Somalia" in m.actor1.name)
    assert earlier.date == "2024-03-07" and not any(c.days_after for c in earlier.links)
    assert any(c.target_mention == earlier.mention_id and c.days_after == 1 for c in later.links)


def test_claim_without_a_named_attack_is_no_statement(extractor):
    got = run(extractor, "The army on Monday fired into border areas to claim attacks against the insurgents.")
    assert not [m for m in got if m.cameo == "010"]
