"""No event holds two reports that contradict each other, and a vague report (no town, a
province or country only, a coarse date) joins at most one event instead of chaining two."""
from __future__ import annotations

import itertools
import random

from fuse_builders import (BALOCHISTAN, BLF, IRAN, JAA, KECH, MISSILE, PAKISTAN, PANJGUR, mention)
from hypothesis import given
from test_fuse_properties import build, raw_mention, settings_
from hypothesis import strategies as st

from sitrep.fuse import fuse
from sitrep.fuse.compat import contradicts
from sitrep.fuse.features import Features
from sitrep.models import Actor, Place

PROTEST = ("Protests", "Peaceful protest", "141", -6.5)
PROTESTERS = Actor("Protesters (Pakistan)", "PAK", "protesters")
LAHORE = Place("Lahore", "Pakistan", "PAK", "Punjab", "Lahore", 31.55, 74.34, 1, "city")
PESHAWAR = Place("Peshawar", "Pakistan", "PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.01, 71.58, 1,
                 "city")
PAKISTAN_ONLY = Place("Pakistan", "Pakistan", "PAK", None, None, 30.0, 70.0, 3, "country")


def homes(events):
    return {mid: e.event_id for e in events for mid in e.mention_ids}


def test_a_province_level_report_does_not_bridge_strikes_in_two_districts():
    """Panjgur and Kech are different districts: two strikes. The report naming only the
    province fits both; it joins one of them and never makes them one."""
    panjgur = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-16")
    kech = mention("b.txt", n=0, a1=IRAN, a2=JAA, place=KECH, date="2024-01-16")
    vague = mention("c.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16")
    ms = [panjgur, kech, vague]
    for order in itertools.permutations(ms):
        events = fuse(list(order))
        home = homes(events)
        assert len(events) == 2
        assert home[panjgur.mention_id] != home[kech.mention_id]
        assert home[vague.mention_id] in (home[panjgur.mention_id], home[kech.mention_id])
        assert events == fuse(ms)


def test_a_report_without_place_or_day_does_not_bridge_strikes_on_different_days():
    day1 = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-10",
                   published="2024-01-11")
    day5 = mention("b.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-14",
                   published="2024-01-15")
    month = mention("c.txt", n=0, a1=IRAN, a2=JAA, date="2024-01", precision=3,
                    published="2024-01-20")
    events = fuse([day1, day5, month])
    home = homes(events)
    assert len(events) == 2
    assert home[day1.mention_id] != home[day5.mention_id]


def test_protests_in_two_cities_on_one_day_are_two_events_even_with_a_national_report():
    lahore = mention("a.txt", n=0, kind=PROTEST, a1=PROTESTERS, place=LAHORE, trigger="protest")
    peshawar = mention("b.txt", n=0, kind=PROTEST, a1=PROTESTERS, place=PESHAWAR, trigger="protest")
    national = mention("c.txt", n=0, kind=PROTEST, a1=PROTESTERS, place=PAKISTAN_ONLY,
                       trigger="protest")
    events = fuse([lahore, peshawar, national])
    home = homes(events)
    assert home[lahore.mention_id] != home[peshawar.mention_id]
    # nothing but the kind, the day and generic protesters ties the national report to either
    # city: it joins neither (compat.identity)
    assert len(events) == 3
    assert len(fuse([lahore, peshawar])) == 2


def test_two_reports_of_one_protest_still_fuse():
    a = mention("a.txt", n=0, kind=PROTEST, a1=PROTESTERS, place=LAHORE, trigger="protest")
    b = mention("b.txt", n=0, kind=PROTEST, a1=PROTESTERS, place=LAHORE, trigger="protest")
    events = fuse([a, b])
    assert len(events) == 1 and len(events[0].claims) == 2


def test_a_vague_report_joins_the_event_its_own_article_describes():
    """Equal evidence for two events: the one its own article reports wins, in any order."""
    panjgur = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-16")
    kech = mention("b.txt", n=0, a1=IRAN, a2=JAA, place=KECH, date="2024-01-16")
    vague = mention("b.txt", n=1, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16")
    ms = [panjgur, kech, vague]
    rnd = random.Random(3)
    for _ in range(4):
        rnd.shuffle(ms)
        home = homes(fuse(ms))
        assert home[vague.mention_id] == home[kech.mention_id] != home[panjgur.mention_id]


def test_a_vague_report_reaches_the_event_through_another_vague_report():
    """A target-only report ties to a province-level report of the same strike, which ties to
    the town-level one: all three are one event although the first shares nothing with the
    third but type, day and agent."""
    town = mention("a.txt", n=0, a1=PAKISTAN, place=Place("Saravan", "Iran", "IRN",
                   "Sistan and Baluchestan", "Saravan", 27.37, 62.33, 1, "city"), date="2024-01-18")
    province = mention("b.txt", n=0, a1=PAKISTAN, a2=JAA, place=Place(
        "Sistan and Baluchestan", "Iran", "IRN", "Sistan and Baluchestan", None, 27.5, 60.5, 3,
        "admin1"), date="2024-01-18")
    target_only = mention("c.txt", n=0, a1=PAKISTAN, a2=JAA, date="2024-01-18")
    assert len(fuse([town, province, target_only])) == 1


@settings_
@given(st.lists(raw_mention, max_size=25))
def test_no_event_holds_two_contradicting_reports(raws):
    ms = {m.mention_id: m for m in build(raws)}
    for ev in fuse(list(ms.values())):
        feats = [Features.of(ms[mid]) for mid in ev.mention_ids]
        for a, b in itertools.combinations(feats, 2):
            assert not contradicts(a, b), (a.mention.mention_id, b.mention.mention_id)


def test_two_named_towns_close_together_are_two_events():
    """ACLED's unit is one location: shelling of two named villages 8 km apart on one day by the
    same forces is two events, though within the distance allowed for 'near' a town."""
    from sitrep.models import Place
    a_town = Place("Upper Village", "Pakistan", "PAK", "Balochistan", "Kech", 26.00, 62.90, 1, "city")
    b_town = Place("Lower Village", "Pakistan", "PAK", "Balochistan", "Kech", 26.05, 62.96, 1, "city")
    near_b = Place("Lower Village", "Pakistan", "PAK", "Balochistan", "Kech", 26.06, 62.97, 2, "city")
    a = mention("a.txt", n=0, a1=PAKISTAN, a2=BLF, place=a_town, kind=MISSILE)
    b = mention("b.txt", n=0, a1=PAKISTAN, a2=BLF, place=b_town, kind=MISSILE)
    c = mention("c.txt", n=0, a1=PAKISTAN, a2=BLF, place=near_b, kind=MISSILE)
    assert len(fuse([a, b])) == 2
    assert len(fuse([b, c])) == 1      # "near" the same town: one event
