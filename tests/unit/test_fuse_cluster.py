"""Fusion of hand-built mentions: which reports become one event, and the fields it gets."""
from __future__ import annotations

import dataclasses

from fuse_builders import (BALOCHISTAN, BLF, BOLAN, CIV_IRN, CIV_PAK, CLASH, CONDEMN, FC, IED,
                           IRAN, IRAN_GOV, IRGC, JAA, KECH, MISSILE, PAK_GOV, PAKISTAN, PANJGUR,
                           PHONE, RECALL, SARAVAN, SISTAN, STRIKE, UBA, killed, mention)

from sitrep.fuse import fuse


def pakistan_strike_reports():
    """Pakistan's strike in Iran as four outlets report it (figures 7, 7, at least 9, a denial)."""
    return [
        mention("a.txt", n=0, kind=STRIKE, a1=PAKISTAN, place=SISTAN, date="2024-01-18",
                fatalities=killed(7), published="2024-01-18"),
        mention("a.txt", n=1, kind=STRIKE, a1=PAKISTAN, a2=BLF, date="2024-01-18",
                fatalities=killed(3, qualifier="several"), attributed_to="the Pakistan government",
                published="2024-01-18"),
        mention("b.txt", n=0, kind=MISSILE, a1=PAKISTAN, a2=CIV_IRN, place=SISTAN, date="2024-01-18",
                fatalities=killed(7, text="three women and four children"),
                attributed_to="Iranian media", published="2024-01-18"),
        mention("c.txt", n=0, kind=MISSILE, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                fatalities=killed(9, qualifier="at least"), published="2024-01-18"),
        mention("c.txt", n=1, kind=MISSILE, a1=PAKISTAN, a2=BLF, date="2024-01-18",
                fatalities=killed(0), attributed_to="the Balochistan Liberation Front",
                modality="denied", published="2024-01-18"),
        mention("d.txt", n=0, kind=STRIKE, a1=PAK_GOV, place=SARAVAN, date="2024-01-18",
                published="2024-01-19"),
    ]


def iran_strike_reports():
    return [
        mention("a.txt", n=5, kind=STRIKE, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                published="2024-01-18"),
        mention("b.txt", n=5, kind=MISSILE, a1=IRGC, a2=CIV_PAK, place=PANJGUR, date="2024-01-16",
                fatalities=killed(2), injuries=killed(3), attributed_to="Pakistan",
                published="2024-01-18"),
        mention("c.txt", n=5, kind=STRIKE, a1=IRGC, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                published="2024-01-18"),
    ]


def test_same_strike_from_four_outlets_is_one_event_with_a_range_and_a_dispute():
    events = fuse(pakistan_strike_reports())
    assert len(events) == 1
    ev = events[0]
    assert {c.document for c in ev.claims} == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert len(ev.claims) == 6
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (7, 7, 9)
    assert ev.date == "2024-01-18" and ev.date_precision == 1
    assert ev.place.name == "Saravan"            # the most precise place reported
    assert ev.actor1.country == "PAK"
    fat = next(d for d in ev.disputes if d.field == "fatalities")
    values = [s["value"] for s in fat.sides]
    assert 7 in values and "at least 9" in values and "denied" in values
    denial = next(s for s in fat.sides if s["value"] == "denied")
    assert denial["attributed_to"] == ["the Balochistan Liberation Front"]
    seven = next(s for s in fat.sides if s["value"] == 7)
    assert "Iranian media" in seven["attributed_to"]
    target = next(d for d in ev.disputes if d.field == "actor2")
    assert {s["value"] for s in target.sides} == {"Balochistan Liberation Front", "Civilians (Iran)"}


def test_strikes_in_opposite_directions_stay_apart():
    events = fuse(pakistan_strike_reports() + iran_strike_reports())
    assert len(events) == 2
    iran = next(e for e in events if e.date == "2024-01-16")
    assert len(iran.claims) == 3
    assert (iran.fatalities.low, iran.fatalities.high) == (2, 2)
    assert (iran.injuries.low, iran.injuries.high) == (3, 3)
    names = {a.name for a in (iran.actor1, iran.actor2, *iran.associated) if a}
    assert {"Jaish al-Adl", "Civilians (Pakistan)"} <= names


def test_two_ieds_same_day_same_province_different_districts_are_two_events():
    ms = [
        mention("x.txt", n=0, kind=IED, a1=BLF, a2=FC, place=KECH, date="2020-05-19",
                fatalities=killed(6), trigger="IED"),
        mention("x.txt", n=1, kind=IED, a1=UBA, a2=FC, place=BOLAN, date="2020-05-19",
                fatalities=killed(6), trigger="IED"),
        mention("y.txt", n=0, kind=IED, a1=UBA, a2=FC, place=BOLAN, date="2020-05-19",
                fatalities=killed(6), trigger="IED"),
    ]
    events = fuse(ms)
    assert len(events) == 2
    assert sorted(len(e.claims) for e in events) == [1, 2]
    assert {e.place.admin2 for e in events} == {"Kech", "Kachhi"}


def test_clash_and_ied_same_day_same_province_unknown_district_stay_apart():
    ms = [
        mention("x.txt", n=0, kind=IED, a1=UBA, a2=FC, place=BALOCHISTAN, date="2020-05-19"),
        mention("x.txt", n=1, kind=CLASH, a1=FC, a2=BLF, place=BALOCHISTAN, date="2020-05-19",
                trigger="clash"),
    ]
    assert len(fuse(ms)) == 2


def test_distinct_statements_between_the_same_governments_stay_apart():
    ms = [
        mention("a.txt", n=0, kind=RECALL, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17", trigger="recalled"),
        mention("b.txt", n=0, kind=RECALL, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17", trigger="recalled"),
        mention("a.txt", n=1, kind=CONDEMN, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17", trigger="condemned"),
        mention("c.txt", n=0, kind=CONDEMN, a1=IRAN_GOV, a2=PAK_GOV, date="2024-01-18", trigger="condemned"),
        mention("a.txt", n=2, kind=PHONE, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17", trigger="call"),
    ]
    events = fuse(ms)
    assert len(events) == 4
    recall = next(e for e in events if e.cameo == "161")
    assert len(recall.claims) == 2 and recall.event_type is None


def test_reports_a_day_apart_fuse_across_articles_not_within_one():
    across = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16"),
              mention("b.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-17")]
    assert len(fuse(across)) == 1
    within = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                      date_text="on Tuesday"),
              mention("a.txt", n=1, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-17",
                      date_text="on Wednesday")]
    assert len(fuse(within)) == 2


def test_a_split_keeps_together_the_reports_no_contradiction_touches():
    """Two outlets put one strike on a town a day apart and fuse. A later round-up reports a
    strike there on each of the two days: one article, so two events, and the component of
    the four holds a contradiction. Only the round-up's reports contradict each other; each
    earlier report has a closer twin among them, but the earlier two stay one event under
    its id, and the round-up's two reports end in different events."""
    early = [mention("a.txt", a1=IRAN, place=PANJGUR, date="2024-01-16", published="2024-01-17"),
             mention("b.txt", a1=IRAN, place=PANJGUR, date="2024-01-17", published="2024-01-18")]
    roundup = [mention("z.txt", n=k, a1=IRAN, place=PANJGUR, date=day, published="2024-02-01",
                       date_text=text)
               for k, (day, text) in enumerate((("2024-01-16", "on Tuesday"),
                                                ("2024-01-17", "on Wednesday")))]
    first = fuse(early)
    assert len(first) == 1
    home = {mid: e.event_id for e in fuse(early + roundup) for mid in e.mention_ids}
    assert home[early[0].mention_id] == home[early[1].mention_id] == first[0].event_id
    assert home[roundup[0].mention_id] != home[roundup[1].mention_id]


def test_month_precision_report_joins_a_day_in_that_month():
    ms = [mention("a.txt", n=0, kind=CLASH, a1=JAA, a2=IRAN, place=SISTAN, date="2023-12-15",
                  fatalities=killed(11, qualifier="at least"), trigger="attack"),
          mention("b.txt", n=0, kind=CLASH, a1=JAA, a2=IRAN, place=SISTAN, date="2023-12",
                  precision=3, fatalities=killed(11), trigger="attack")]
    events = fuse(ms)
    assert len(events) == 1 and events[0].date == "2023-12-15"
    assert events[0].fatalities.low == 11


def test_distant_towns_are_different_events():
    ms = [mention("a.txt", n=0, a1=IRAN, place=PANJGUR, date="2024-01-16"),
          mention("b.txt", n=0, a1=IRAN, place=SARAVAN, date="2024-01-16")]
    assert len(fuse(ms)) == 2      # different countries, and towns ~200 km apart


def test_plans_and_lone_denials_are_not_events():
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, modality="planned"),
          mention("b.txt", n=0, a1=PAKISTAN, a2=BLF, date="2024-01-18", modality="denied")]
    assert fuse(ms) == []


def test_repeated_mentions_are_one_claim_each_and_duplicates_ignored():
    m = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN)
    events = fuse([m, m])
    assert len(events) == 1 and len(events[0].claims) == 1


def test_same_appeal_by_two_governments_is_two_events():
    from sitrep.models import Actor
    china = Actor("Government of China", "CHN", "government")
    usa = Actor("Government of United States", "USA", "government")
    appeal = (None, None, "0256", -0.3)
    ms = [mention("a.txt", n=0, kind=appeal, a1=china, a2=PAK_GOV, date="2024-01-18", trigger="urged restraint"),
          mention("b.txt", n=0, kind=appeal, a1=usa, a2=PAK_GOV, date="2024-01-18", trigger="urged restraint")]
    assert len(fuse(ms)) == 2


def test_one_bombing_blamed_on_different_groups_is_one_event_with_a_dispute():
    from fuse_builders import ISK, KERMAN, SUICIDE
    ms = [mention("a.txt", n=0, kind=SUICIDE, a1=ISK, a2=CIV_IRN, place=KERMAN, date="2024-01-03",
                  fatalities=killed(85), trigger="bombing"),
          mention("b.txt", n=0, kind=SUICIDE, a1=JAA, place=KERMAN, date="2024-01-03",
                  attributed_to="Iranian officials", trigger="bombing")]
    events = fuse(ms)
    assert len(events) == 1
    perp = next(d for d in events[0].disputes if d.field == "actor1")
    assert {s["value"] for s in perp.sides} == {"Islamic State Khorasan", "Jaish al-Adl"}


def test_a_bare_attack_joins_the_bombing_it_names():
    from fuse_builders import ISK, KERMAN, SUICIDE
    attack = ("Violence against civilians", "Attack", "180", -9.0)
    ms = [mention("a.txt", n=0, kind=SUICIDE, a1=ISK, a2=CIV_IRN, place=KERMAN, date="2024-01-03",
                  trigger="suicide bombing", fatalities=killed(85)),
          mention("b.txt", n=0, kind=attack, a1=JAA, a2=CIV_IRN, place=KERMAN, date="2024-01-03",
                  trigger="Kerman attack")]
    events = fuse(ms)
    assert len(events) == 1 and events[0].sub_event_type == "Suicide bomb"
    # a gunfight is not a bombing, even on the same day in the same city
    gunfight = mention("c.txt", n=0, kind=CLASH, a1=JAA, a2=IRAN, place=KERMAN, date="2024-01-03",
                       trigger="gunfight")
    assert len(fuse(ms[:1] + [gunfight])) == 2


def test_undated_reports_stay_near_their_publication():
    old = mention("x.txt", n=0, kind=CLASH, a1=BLF, a2=FC, place=BALOCHISTAN, date="2020-05-19",
                  published="2020-05-23", trigger="clash")
    undated = mention("y.txt", n=0, kind=CLASH, a1=BLF, a2=FC, place=BALOCHISTAN, date=None,
                      published="2024-01-18", trigger="clash")
    recent = mention("y.txt", n=1, kind=CLASH, a1=BLF, a2=FC, place=BALOCHISTAN, date="2024-01-10",
                     published="2024-01-18", trigger="clash")
    events = fuse([old, undated, recent])
    assert sorted(len(e.claims) for e in events) == [1, 2]
    assert next(e for e in events if len(e.claims) == 2).date == "2024-01-10"
    # no date and no publication date: only its own article's mentions are in reach
    lost = mention("z.txt", n=0, kind=CLASH, a1=BLF, a2=FC, place=BALOCHISTAN, date=None,
                   published=None, trigger="clash")
    assert len(fuse([old, lost])) == 2


def _two_spots_and_one_more(place, hub_where):
    """Three notes of one day, the same two sides: two name different spots the gazetteer did
    not place, the third `hub_where`. Returns the events and each note's event id."""
    from fuse_builders import BLF, MISSILE, PAKISTAN, mention

    from sitrep.fuse import fuse

    def note(doc, where):
        return mention(doc, kind=MISSILE, a1=PAKISTAN, a2=BLF, place=place, date="2024-01-16",
                       sentence=f"Troops fired mortars {where}.")
    notes = (note("a.txt", "in the area of Kalag"), note("b.txt", "in the area of Sami"),
             note("c.txt", hub_where))
    events = fuse(list(notes))
    home = {mid: e.event_id for e in events for mid in e.mention_ids}
    return events, [home[n.mention_id] for n in notes]


def test_a_report_naming_no_particular_place_does_not_chain_two_that_do():
    """In one province: the third note may join one of the others; the two stay apart
    (cluster._apart). Placed only in a country, such names are not trusted."""
    from fuse_builders import BALOCHISTAN
    events, (east, west, _) = _two_spots_and_one_more(BALOCHISTAN, "near the provincial border")
    assert east != west and len(events) == 2
    country = dataclasses.replace(BALOCHISTAN, name="Pakistan", admin1=None, feature="country")
    events, _ = _two_spots_and_one_more(country, "nearby")
    assert len(events) == 1


def test_reports_held_apart_stay_apart_when_both_are_specific():
    """In a district (a day and a district make each report specific, cluster step 1): the
    report naming no spot is linked to both by the same sides, which joined all three into
    one event before the specific step checked `apart` too."""
    events, (east, west, hub) = _two_spots_and_one_more(KECH, "nearby")
    assert east != west and len(events) == 2
    assert hub in (east, west)
