"""Second actors, dates and places of events, per rule family, on sentences written for these
tests: passives without a doer, both sides among the dead, readings of one verb, claimed acts,
"since" references, shared borders, talks abroad, "hours after", standing front lines."""
import datetime as dt

import pytest
from model_runs import mentions_of

from sitrep.extract.actors import dated, find_actors, frontline_sides, generic_actor
from sitrep.extract.roles import frontline
from sitrep.extract.timex import event_date
from sitrep.extract.triggers import Trigger
from sitrep.models import Actor, Article, Place

LEAD = "Officials gave few details on Monday.\n"


def names(text, country=None):
    return [(h.actor.name, text[h.start:h.end]) for h in find_actors(text, country)]


# ---------------------------------------------------------------- actors from text (no model)

def test_each_community_before_shared_militia_words_has_its_militia():
    got = [n for n, _ in names("On 4 June, Dinka and Nuer communal militias fought near Bor.", "SSD")]
    # ethnic groups: ACLED names their militias "Ethnic Militia", whatever the report calls them
    assert got == ["Dinka Ethnic Militia (South Sudan)", "Nuer Ethnic Militia (South Sudan)"]
    got = [n for n, _ in names("Ogbede and Umuoka communal militias fought over farmland.", "NGA")]
    assert got == ["Ogbede Communal Militia (Nigeria)", "Umuoka Communal Militia (Nigeria)"]
    got = [n for n, _ in names("Hawiye, Darod and Isaaq clan militias exchanged fire.", "SOM")]
    assert got == ["Hawiye Clan Militia (Somalia)", "Darod Clan Militia (Somalia)", "Isaaq Clan Militia (Somalia)"]


@pytest.mark.parametrize("text,name", [
    ("A Taliban-planted mine hit the bus.", "Taliban"),
    ("JNIM-affiliated gunmen raided the village.", "JNIM: Group for Support of Islam and Muslims"),
])
def test_a_name_hyphenated_to_a_participle_is_the_group(text, name):
    assert name in [n for n, _ in names(text)]


def test_a_hyphenated_code_is_not_cut_at_its_hyphen():
    assert [t for _, t in names("IS-K claimed the blast.")] == ["IS-K"]


def test_a_generic_word_after_a_name_belongs_to_it():
    got = names("Suspected Taliban militants killed a policeman.", "AFG")
    assert ("Taliban", "Taliban") in got
    assert not any(n.startswith("Unidentified") for n, _ in got)


def test_chief_of_a_body_belongs_to_the_body():
    got = names("The army chief called the minister.", "MLI")
    assert got[0][0] == "Military Forces of Mali"
    assert not any(n.startswith("Civilians") for n, _ in got)


def test_a_heading_word_before_a_colon_is_no_party():
    got = names("Movement of forces: Turkish forces moved north.", "SYR")
    assert [n for n, _ in got] == ["Military Forces of Turkey"]


# ---------------------------------------------------------------- front lines (data: actors.yaml)

def _place(iso3, admin1):
    return Place(name="x", country="x", iso3=iso3, admin1=admin1)


SHELL = Trigger("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "194", -10.0, 72)


def test_frontline_sides_are_bounded_in_place_and_time():
    assert frontline_sides("UKR", "Donetsk", "2019-07-02") is not None
    assert frontline_sides("UKR", "Donetsk", "2023-07-02") is None     # after the full-scale invasion
    assert frontline_sides("UKR", "Lviv", "2019-07-02") is None
    assert frontline_sides("SYR", "Donetsk", "2019-07-02") is None


def test_unattributed_fire_on_a_front_line_gets_its_two_sides():
    unknown = generic_actor("unidentified", "UKR")
    a1, a2 = frontline(SHELL, unknown, None, _place("UKR", "Luhansk"), "2020-05-09")
    assert {a1.name, a2.name} == {s.name for s in frontline_sides("UKR", "Luhansk", "2020-05-09")}
    assert a1.type == "state_forces"


def test_a_named_side_keeps_its_place_and_the_other_fills_the_gap():
    ukraine, naf = frontline_sides("UKR", "Donetsk", "2020-05-09")
    a1, a2 = frontline(SHELL, naf, None, _place("UKR", "Donetsk"), "2020-05-09")
    assert (a1.name, a2.name) == (naf.name, ukraine.name)


def test_someone_else_named_or_talk_is_left_alone():
    other = Actor(name="Some Brigade", country="UKR", type="political_militia", actor_id="x")
    assert frontline(SHELL, other, None, _place("UKR", "Donetsk"), "2020-05-09") == (other, None)
    talk = Trigger("meeting", None, None, "040", 1.0, 10)
    assert frontline(talk, None, None, _place("UKR", "Donetsk"), "2020-05-09") == (None, None)


# ---------------------------------------------------------------- time

def test_hours_after_is_the_day_counted_from():
    prev = ("2024-03-05", 1)
    assert event_date("It came hours after a soldier was shot.", dt.date(2024, 3, 8), prev)[:2] == ("2024-03-05", 1)
    assert event_date("Moments before the blast, he spoke.", dt.date(2024, 3, 8), None)[:2] == ("2024-03-08", 1)


def test_hours_after_a_month_only_story_falls_back_to_the_report_day():
    assert event_date("It came hours after the raid.", dt.date(2024, 3, 8), ("2024-02", 3))[:2] == ("2024-03-08", 1)


@pytest.mark.parametrize("phrase,same_day", [
    ("minutes prior to", True), ("an hour before", True), ("moments after", True), ("hours after", True),
    ("two days before", False), ("hours of talks before", False), ("a week after", False),
])
def test_one_same_day_phrase_for_dates_and_told_acts(phrase, same_day):
    """timex.HOURS_REL is the one reading of "hours before/after": the date expression, the
    extractor's pluperfect guard (timex.SAME_DAY) and the day of the told act agree on it."""
    from fuse_builders import STRIKE, mention

    from sitrep.extract.roles import _day_of_told_act
    from sitrep.extract.timex import SAME_DAY, parse_date_text
    text = f"The minister met the envoy {phrase} the attack on the depot."
    read = [e for e in parse_date_text(text, dt.date(2024, 3, 8)) if e.kind == "hours_rel"]
    assert bool(read) == same_day and bool(SAME_DAY.search(text)) == same_day
    act = mention("a.txt", kind=STRIKE, date="2024-03-05", precision=1)
    told = _day_of_told_act(text, read[0].text if read else "on Friday", [act], "a.txt:0")
    assert told == (("2024-03-05", 1) if same_day else None)


# ---------------------------------------------------------------- whole sentences (model)

@pytest.mark.model
def test_a_paragraph_naming_no_place_continues_the_place_of_the_mention_before(extractor):
    """places.carried_place across paragraphs: the extractor hands it its earlier mentions."""
    text = ("Gunmen attacked a police station in Petrolina, Pernambuco, on Monday.\n\n"
            "Two officers were killed in the attack, police said.")
    got = mentions_of(extractor, text, published="2024-03-05")
    assert len(got) >= 2 and {m.place.name for m in got if m.place} == {"Petrolina"}


def run(extractor, text, published="2024-03-08"):
    return mentions_of(extractor, LEAD + text, published=published)


def note(extractor, text):
    a = Article(article_id="n:0", doc_id="n", document="n", index=0, title=None, text=text)
    return extractor.extract([a])[a.article_id]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A member of Kenya's special forces was shot dead in the northeastern region on Wednesday.",
    "Last week, nine Kenyan policemen died in a night assault on their post in Mandera county.",
])
def test_a_passive_act_without_doer_is_an_unidentified_groups(extractor, text):
    (m,) = [m for m in run(extractor, text) if m.event_type]
    assert m.actor1.name == "Unidentified Armed Group (Kenya)" and m.actor2.country == "KEN"


@pytest.mark.model
def test_a_named_doer_is_not_replaced(extractor):
    (m,) = [m for m in run(extractor, "Two soldiers were killed by al-Shabaab fighters in Lamu on Wednesday.")
            if m.event_type]
    assert m.actor1.name == "Al Shabaab"


@pytest.mark.model
def test_both_sides_among_the_dead_make_the_fight(extractor):
    (m,) = [m for m in run(extractor, "A police captain and four militants were killed in a shootout in "
                                      "Garissa county on Wednesday, the Kenyan police said.") if m.event_type]
    assert m.actor1.name == "Police Forces of Kenya"
    assert m.actor2.name == "Unidentified Armed Group (Kenya)"


@pytest.mark.model
def test_an_aside_in_brackets_adds_no_civilian_party(extractor):
    got = [m for m in run(extractor, "During the exchange of fire on Wednesday, Captain Musa Odhiambo (aged 31, "
                                     "resident of Kisumu) led his troops against the militants in Garissa.")
           if m.event_type]
    assert got and not any(a is not None and a.type == "civilians" for m in got for a in (m.actor1, m.actor2))


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    ("Uganda warned Rwanda of severe consequences on Wednesday.", "130"),
    ("Uganda on Wednesday threatened Rwanda with military retaliation.", "138"),
])
def test_one_threat_one_code(extractor, text, code):
    threats = [m.cameo for m in run(extractor, text) if (m.cameo or "").startswith("13")]
    assert threats == [code]


@pytest.mark.model
def test_a_claimed_act_is_reported(extractor):
    (m,) = note(extractor, "On 6 May 2021, the rebels claimed to have ambushed an army convoy near Adigrat, "
                           "killing several soldiers.")
    assert m.sub_event_type == "Armed clash"


@pytest.mark.model
def test_an_act_named_only_after_since_is_background(extractor):
    got = run(extractor, "The move raises fears of unrest that has spread across the region since the "
                         "March 3, 2023 raids by the Wagner Group and Russia's shelling of Kharkiv.")
    assert not any(m.event_type for m in got)


@pytest.mark.model
def test_a_shared_border_places_the_event_with_the_forces_hit(extractor):
    got = run(extractor, "A week after the June 3 raid by rebels near the Mali-Niger border that killed "
                         "four Malian soldiers in the northern region, the army chief flew to the capital.")
    raid = next(m for m in got if m.event_type)
    assert raid.place is not None and raid.place.iso3 == "MLI"


@pytest.mark.model
def test_the_act_after_a_stretch_of_time_and_a_cue_is_kept(extractor):
    got = run(extractor, "A few days after the June 2 ambush by rebels that killed five Malian soldiers in "
                         "the north, army chief General Ali Musa called his Nigerien counterpart and asked "
                         "him to secure the border.")
    call = next(m for m in got if m.cameo == "041")
    assert call.actor1.type == "state_forces" and call.actor2.country == "NER"


@pytest.mark.model
def test_officials_at_talks_abroad_are_the_storys_country(extractor):
    text = ("Kenya's army struck a camp in Somalia on Tuesday, Kenyan officials said.\n"
            "Hours before the strike, the prime minister had met the Ethiopian foreign minister in Geneva, Switzerland.")
    meet = next(m for m in run(extractor, text) if m.cameo == "040")
    assert "Switzerland" not in meet.actor1.name


@pytest.mark.model
@pytest.mark.parametrize("text,sub", [
    ("On 3 June 2021, Tigrayan forces exchanged artillery with Eritrean troops near Zalambessa.", "Armed clash"),
    ("On 3 June 2020, the monitoring mission recorded 14 projectiles near Horlivka, Donetsk.",
     "Shelling/artillery/missile attack"),
    ("On 3 June 2021, three bodies were found with gunshot wounds in Culiacan, Sinaloa.", "Attack"),
    ("On 3 June 2021, human remains were found in bags in Culiacan, Sinaloa.", "Attack"),
    ("On 3 June 2021, unknown gunmen seized a vehicle of an aid group in Kidal.", "Looting/property destruction"),
    ("On 3 June 2021, gunmen killed two villagers in Kidal with small arms fire.", "Attack"),
    ("On 3 June 2021, rebels fired mortars, grenade launchers and small arms at army positions near Kidal.",
     "Armed clash"),
    ("On 3 June 2021, the LNA air force struck militia bases outside Sirte.", "Air/drone strike"),
    ("On 3 June 2022, a group beat a suspected thief in Natitingou (Natitingou, Atacora).", "Mob violence"),
])
def test_sub_event_types_of_short_reports(extractor, text, sub):
    (m,) = note(extractor, text)
    assert m.sub_event_type == sub


def test_forces_of_two_countries_are_two_bodies():
    got = [n for n, _ in names("Troops of Eritrea and Ethiopia traded fire at the frontier.")]
    assert got == ["Military Forces of Eritrea", "Military Forces of Ethiopia"]


def test_the_full_stop_after_a_province_is_not_part_of_its_name():
    from sitrep.extract.place_admin import context_after
    assert context_after("near Slavne, Donetsk.", len("near Slavne"))[0] == "Donetsk"
    assert context_after("in Washington, D.C.", len("in Washington"))[0] == "D.C."


@pytest.mark.model
def test_joint_subjects_of_a_fight_are_its_two_sides(extractor):
    (m,) = note(extractor, "On 4 May 2021, troops of Eritrea and Ethiopia traded fire near Badme.")
    assert {m.actor1.country, m.actor2.country} == {"ERI", "ETH"}


@pytest.mark.model
def test_hours_before_the_attack_is_the_day_of_the_attack_told(extractor):
    text = ("Kenya's army struck a camp in Somalia on Tuesday, officials said.\n"
            "Kenya recalled its ambassador from Mogadishu on Wednesday.\n"
            "Hours before the strike, the prime minister had met the Ethiopian foreign minister in Geneva.")
    meet = next(m for m in run(extractor, text) if m.cameo == "040")
    assert (meet.date, meet.date_precision) == ("2024-03-05", 1)


@pytest.mark.model
def test_history_in_the_past_is_no_event(extractor):
    got = run(extractor, "In the past, the two neighbours agreed to set up joint border patrols.")
    assert got == []


@pytest.mark.model
def test_taking_part_in_a_demonstration_is_the_protest(extractor):
    (m,) = note(extractor, "On 9 May 2021, residents of Zinjibar took part in a demonstration for self-rule.")
    assert m.rule == "trigger:protest"


@pytest.mark.model
def test_in_protest_at_is_the_manner_of_another_act(extractor):
    got = run(extractor, "Kenya recalled its ambassador in protest at the raid on Tuesday.")
    assert [m.cameo for m in got] == ["161"]


@pytest.mark.model
def test_rejecting_remarks_is_a_rejection(extractor):
    (m,) = run(extractor, "Kenya rejected the accusations made by Uganda on Wednesday.")
    assert m.cameo == "120" and (m.actor1.country, m.actor2.country) == ("KEN", "UGA")


def test_unidentified_aircraft_and_forces():
    assert names("Unidentified warplanes struck a depot.", "SYR")[0][0] == "Unidentified Military Forces"
    assert names("Two unknown forces clashed near the port.", "YEM")[0][0] == "Unidentified Armed Group (Yemen)"


@pytest.mark.model
def test_a_mobs_unnamed_victim_is_a_civilian(extractor):
    (m,) = note(extractor, "On 3 June 2022, a group beat a suspected thief in Natitingou (Natitingou, Atacora).")
    assert m.actor1.type == "rioters" and m.actor2.name == "Civilians (Benin)"


@pytest.mark.model
def test_a_short_report_keeps_its_written_date_when_the_act_comes_later(extractor):
    (m,) = note(extractor, "On 4 May 2021, in Campinas, Sao Paulo, police raided a warehouse full of "
                           "contraband. Two men were arrested.")
    assert (m.date, m.date_precision) == ("2021-05-04", 1)


def test_an_unresolved_village_is_on_the_line_when_the_text_names_its_area():
    text = "Shelling was recorded near a small village in Luhansk region."
    assert frontline_sides("UKR", None, "2020-05-09", text) is not None
    assert frontline_sides(None, None, "2020-05-09", text) is not None
    assert frontline_sides("UKR", None, "2020-05-09", "Shelling was recorded near a small village.") is None
    assert frontline_sides("UKR", "Lviv", "2020-05-09", text) is None      # resolved elsewhere: the place rules
    assert frontline_sides("SYR", None, "2020-05-09", text) is None


def test_the_line_observers_wording_places_the_fire_on_the_line():
    text = "The OSCE SMM recorded 14 explosions near an unnamed hamlet."
    a1, a2 = frontline(SHELL, None, None, None, "2021-03-02", text)
    assert {a1.name, a2.name} == {s.name for s in frontline_sides("UKR", "Donetsk", "2021-03-02")}
    assert frontline(SHELL, None, None, None, "2023-03-02", text) == (None, None)   # the line's period is over


def test_brazil_names_its_unknown_perpetrators_as_gang_or_police_militia():
    assert generic_actor("unidentified", "BRA").name == "Unidentified Gang and/or Police Militia"
    assert generic_actor("unidentified", "MEX").name == "Unidentified Gang (Mexico)"
    assert generic_actor("unidentified", "NGA").name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("date,name", [
    ("2014-06-01", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"),
    ("2016-06", "Boko Haram - Wilayat Gharb Ifriqiyyah"),
    ("2020-05-09", "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"),
])
def test_boko_haram_without_a_faction_is_named_as_acled_named_it_then(date, name):
    (bh,) = [h.actor for h in find_actors("Boko Haram fighters raided the village.", "NGA")
             if h.actor.actor_id == "boko_haram"]
    assert dated(bh, date).name == name
    assert dated(bh, None) == bh


def test_a_named_faction_keeps_its_name():
    (jas,) = [h.actor for h in find_actors("JAS fighters raided the village.", "NGA") if h.actor.actor_id]
    assert dated(jas, "2020-05-09").name == "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"


@pytest.mark.parametrize("text,expected", [
    ("Turkish and Russian forces patrolled the highway together.", {"TUR", "RUS"}),
    ("The Turkish and Iranian governments agreed.", {"TUR", "IRN"}),
    ("Rain and Russian forces slowed the advance.", {"RUS"}),
])
def test_a_demonym_joined_to_a_state_body_shares_its_head(text, expected):
    assert {h.actor.country for h in find_actors(text, "SYR")} == expected
