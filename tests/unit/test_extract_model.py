"""The real model on short example sentences written for these tests (marked `model`)."""
import pytest

from sitrep.models import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor(nlp):
    from sitrep.extract import Extractor
    return Extractor(None, nlp=nlp)


def article(text, published="2024-03-05", aid="doc:0"):
    return Article(article_id=aid, doc_id="doc", document="doc.txt", index=0, title="t", text=text,
                   published=published)


def run(extractor, text, **kw):
    a = article(text, **kw)
    return extractor.extract([a])[a.article_id]


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
    assert m.actor1.name.startswith("Boko Haram")
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
