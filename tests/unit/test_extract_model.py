"""The real model on short example sentences written for these tests (marked `model`)."""
import pytest

from model_runs import mentions_of

pytestmark = pytest.mark.model


run = mentions_of


def test_pipeline_components_and_analysis(nlp):
    assert nlp.pipe_names.index("entity_ruler") < nlp.pipe_names.index("ner")
    assert "sitrep_trigger_flags" in nlp.pipe_names
    problems = nlp.analyze_pipes()["problems"]
    assert not any(problems.values()), problems


def test_ruler_labels_groups_and_keeps_places_whole(nlp):
    doc = nlp("Jaish ul-Adl and Daesh were blamed for the blast in Sistan-Baluchestan.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Jaish ul-Adl") == "ORG"
    assert ents.get("Daesh") == "ORG"
    assert "Sistan-Baluchestan" in ents


def test_passive_attack_roles_and_count(extractor):
    (m, *_) = run(extractor, "KANO: Four Nigerian soldiers were killed by Boko Haram fighters in an ambush "
                             "near a village in Borno state on Monday, the army said.\nMore paragraphs follow here.")
    assert m.event_type == "Battles"
    assert m.actor1.actor_id == "boko_haram" and "Boko Haram" in m.actor1.name
    assert m.actor2.type == "state_forces" and m.actor2.country == "NGA"
    assert m.fatalities.best == 4
    assert m.attributed_to == "army"
    assert m.rule.startswith("trigger:") and m.version


def test_summoned_diplomat_is_a_complaint(extractor):
    ms = run(extractor, "Kabul's foreign ministry summoned the Pakistani charge d'affaires on Tuesday to protest "
                        "the cross-border shelling.\nNo one commented.")
    assert any(m.cameo == "114" for m in ms)


def test_denial_is_marked(extractor):
    ms = run(extractor, "The spokesman insisted the group did not attack the convoy.\nNothing else happened.")
    assert ms and all(m.modality == "denied" for m in ms if m.trigger.lower().startswith("attack"))


def test_retaliation_cue_points_to_earlier_mention(extractor):
    text = ("Militants ambushed an army convoy near the border on Sunday.\n"
            "On Monday the army shelled militant camps in retaliation for the ambush.")
    ms = run(extractor, text)
    later = [m for m in ms if m.links]
    assert later and later[0].links[0].type == "retaliation_for"
    assert later[0].links[0].target_mention == ms[0].mention_id


def test_short_note_gives_one_event_with_total(extractor):
    ms = run(extractor, "On 3 June 2019, police fired tear gas to disperse hundreds of traders who protested "
                        "against new taxes in Kisumu, Kenya. 2 injured.", published=None)
    assert len(ms) == 1
    m = ms[0]
    assert (m.event_type, m.sub_event_type) == ("Protests", "Protest with intervention")
    assert m.actor1.type == "protesters"
    assert m.date == "2019-06-03"
    assert m.injuries.best == 2


def test_background_sentence_is_not_violent(extractor):
    ms = run(extractor, "Analysts say the province has long been neglected by the central government.\n"
                        "Its economy depends on trade with neighbours.")
    assert not [m for m in ms if m.event_type in ("Battles", "Explosions/Remote violence",
                                                  "Violence against civilians")]


def test_short_report_without_act_but_with_armed_group_is_a_movement(extractor):
    ms = run(extractor, "On 4 June 2021, about twenty gunmen on motorcycles stayed overnight near Kandi, Benin.", published=None)
    assert len(ms) == 1
    assert ms[0].sub_event_type == "Change to group/activity"
    assert ms[0].rule.startswith("fallback")


def test_victims_named_in_a_count_are_the_target(extractor):
    (m, *_) = run(extractor, "QUETTA: Six soldiers lost their lives when a roadside bomb hit their vehicle in Kech "
                             "district on Friday.\nThe area was cordoned off.")
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert m.actor2 is not None and m.actor2.type == "state_forces"
    assert m.actor1 is None or m.actor1.type != "state_forces"
    assert m.fatalities.best == 6


def test_subject_of_first_joined_verb_is_the_attacker(extractor):
    (m, *_) = run(extractor, "MOSUL: Iraqi troops surrounded the village and shelled militant positions on Sunday.\n"
                             "Residents fled.")
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.actor1.name == "Military Forces of Iraq"


# ------------------------------------------------------------ several acts in one sentence

LONG = "\nThe ministry gave no further details."   # two paragraphs: a long article, not a note


def test_coordinated_acts_with_different_codes_are_two_mentions(extractor):
    ms = run(extractor, "On Monday Kenya condemned the raid and summoned the Ugandan ambassador in protest." + LONG)
    assert {m.cameo[:3] for m in ms} >= {"111", "114"}


def test_response_cue_links_the_later_act_to_the_earlier(extractor):
    ms = run(extractor, "The army's air strikes on Sunday were in response to a car bombing by rebels in Gao "
                        "that killed 12 soldiers on 2 March." + LONG)
    strike = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    bomb = next(m for m in ms if m is not strike and m.event_type == "Explosions/Remote violence")
    assert strike.links and strike.links[0].type == "response_to"
    assert strike.links[0].target_mention == bomb.mention_id
    assert not bomb.links
    assert bomb.fatalities is not None and bomb.fatalities.best == 12 and strike.fatalities is None


def test_clause_after_cue_with_its_own_subject_is_an_event(extractor):
    ms = run(extractor, "Last month, Kenya protested to Somalia after a raid in which gunmen ambushed a bus "
                        "and shot 9 police officers dead." + LONG)
    assert any(m.event_type in ("Battles", "Violence against civilians") and m.fatalities is not None
               and m.fatalities.best == 9 for m in ms)


def test_subjectless_gerund_after_cue_is_the_same_event(extractor):
    ms = run(extractor, "Gunmen killed four traders on Sunday after kidnapping them from a market in Kano." + LONG)
    assert len([m for m in ms if m.event_type]) == 1


def test_targets_in_several_countries_are_one_mention_each(extractor):
    ms = run(extractor, "On Monday Russia carried out strikes against Ukraine and Moldova." + LONG)
    countries = {m.place.iso3 for m in ms if m.place is not None and m.event_type}
    assert {"UKR", "MDA"} <= countries


def test_a_day_after_dates_the_earlier_act(extractor):
    ms = run(extractor, "Rebels attacked a base in Gao on Thursday.\n"
                        "It came a day after the army launched air strikes on rebel camps in Kidal.")
    strikes = [m for m in ms if m.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].date == "2024-02-28"      # Thursday 29 Feb minus one day


def test_the_other_attack_takes_the_enumerated_date(extractor):
    text = ("Two attacks on police in Borno on 2 March killed nine officers.\n"
            "On 4 March the governor visited Maiduguri.\n"
            "In the other attack, a roadside bomb hit a police truck near Bama, killing four officers.")
    ms = run(extractor, text)
    other = next(m for m in ms if "other attack" in m.sentence)
    assert other.date == "2024-03-02"


def test_no_unidentified_group_invented_in_a_long_article(extractor):
    ms = run(extractor, "Officials in Niamey said several shells hit a village in Tillaberi, killing three women."
             + LONG)
    hit = next(m for m in ms if m.event_type)
    assert hit.actor1 is None or "Unidentified" not in hit.actor1.name


def test_back_reference_alone_is_no_new_mention(extractor):
    ms = run(extractor, "Gunmen attacked a convoy in Zamfara on Sunday.\n"
                        "The police blamed that attack on bandits, a spokesman said.")
    assert len([m for m in ms if m.event_type]) == 1


def test_undated_article_gives_no_precise_relative_date(extractor):
    ms = run(extractor, "Rebels attacked an army post in Gao on Tuesday, killing two soldiers." + LONG,
             published=None)
    assert ms and all(m.date is None or len(m.date) < 10 for m in ms)


def test_first_person_forces_belong_to_the_speaker(extractor):
    ms = run(extractor, "“Our forces have conducted strikes on rebel camps inside Somalia,” an official in "
                        "Nairobi, the Kenyan capital, said." + LONG)
    strike = next(m for m in ms if m.event_type)
    assert strike.actor1 is not None and strike.actor1.country == "KEN"


def test_earlier_act_named_after_the_cue_counts_from_the_later_act(extractor):
    ms = run(extractor, "Kenya on Thursday recalled its envoy in response to Somalia's air strike on "
                        "border posts a day before." + LONG)
    strike = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    assert strike.date == "2024-02-28"      # Thursday 29 February minus one day


def test_act_told_before_takes_no_new_day(extractor):
    # no date of its own, named as a known act ("the strikes", "Iran's strike"): month only
    ms = run(extractor, "Rebels shelled Gao on Monday.\nThe government said the rebels' shelling of Gao was "
                        "illegal, a spokesman added.")
    again = [m for m in ms if "illegal" in m.sentence and m.event_type]
    assert all(m.date is None or len(m.date) == 7 for m in again)


def test_pluperfect_without_date_is_month_precise(extractor):
    ms = run(extractor, "Rebels attacked Gao on Monday.\nThe army had also carried out air strikes on rebel "
                        "camps in Kidal.")
    strike = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    assert strike.date == "2024-03" and strike.date_precision == 3
