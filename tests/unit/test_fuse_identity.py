"""Across articles, agreeing is not enough: two reports are one event only with positive
evidence of identity (sitrep.fuse.identity) - the same particular place, the same party, the same
toll - and reports that each name a different particular place, or tolls far apart, are told
apart. Within one article the old rules hold (a restatement needs no such evidence)."""
from __future__ import annotations

from fuse_builders import (BALOCHISTAN, BLF, CIV_PAK, CLASH, IED, IRAN, IRAN_GOV, JAA, KECH,
                           PAK_GOV, PAKISTAN, SARAVAN, SISTAN, STRIKE, killed, mention)
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.fuse import fuse
from sitrep.fuse.compat import pair_score
from sitrep.fuse.features import Features, full_date, place_names
from sitrep.fuse.identity import identity
from sitrep.models import Actor, Place

SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "194", -10.0)
PROTEST = ("Protests", "Peaceful protest", "141", -6.5)
LOOTING = ("Strategic developments", "Looting/property destruction", "171", -5.0)
GUNMEN = Actor("Unidentified Armed Group (Pakistan)", "PAK", "rebel_group")
PROTESTERS = Actor("Protesters (Pakistan)", "PAK", "protesters")

# Two villages the gazetteer did not know: each placed at its district's centre (precision 3),
# and, "near" a town, at the district's coordinates (precision 2, no gazetteer entry).
VILLAGE_A = Place("Dasht Kalan", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 62.9, 3, "city")
VILLAGE_B = Place("Gwarkop", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 62.9, 3, "city")
NEAR_A = Place("Dasht Kalan", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 62.9, 2, "city")
NEAR_B = Place("Gwarkop", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 62.9, 2, "city")
TURBAT = Place("Turbat", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 63.05, 1, "city", 1163054)


def homes(events):
    return {mid: e.event_id for e in events for mid in e.mention_ids}


def test_two_named_villages_are_two_events_whatever_their_precision():
    for a, b in ((VILLAGE_A, VILLAGE_B), (NEAR_A, NEAR_B)):
        ms = [mention("a.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=a, trigger="clash"),
              mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=b, trigger="clash")]
        assert len(fuse(ms)) == 2, (a.geo_precision, b.geo_precision)
    # the same village named by two outlets is one event
    ms = [mention("a.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=VILLAGE_A, trigger="clash"),
          mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=NEAR_A, trigger="clash")]
    assert len(fuse(ms)) == 1


def test_kind_day_province_and_generic_actors_do_not_make_one_event():
    ms = [mention("a.txt", kind=CLASH, a1=GUNMEN, a2=CIV_PAK, place=BALOCHISTAN, trigger="clash"),
          mention("b.txt", kind=CLASH, a1=GUNMEN, a2=CIV_PAK, place=BALOCHISTAN, trigger="clash")]
    a, b = (Features.of(m) for m in ms)
    assert identity(a, b) == () and pair_score(a, b) is None
    assert len(fuse(ms)) == 2
    # a named party, or the same toll, is evidence enough
    named = [mention("a.txt", kind=CLASH, a1=BLF, a2=CIV_PAK, place=BALOCHISTAN, trigger="clash"),
             mention("b.txt", kind=CLASH, a1=BLF, a2=CIV_PAK, place=BALOCHISTAN, trigger="clash")]
    assert len(fuse(named)) == 1
    toll = [mention(m.document, kind=CLASH, a1=GUNMEN, a2=CIV_PAK, place=BALOCHISTAN,
                    trigger="clash", fatalities=killed(4)) for m in ms]
    assert len(fuse(toll)) == 1


def test_one_victim_is_too_common_a_toll_to_identify_an_event():
    ms = [mention(doc, kind=CLASH, a1=GUNMEN, a2=CIV_PAK, place=BALOCHISTAN, trigger="clash",
                  fatalities=killed(1)) for doc in ("a.txt", "b.txt")]
    assert len(fuse(ms)) == 2


def test_a_state_is_one_party_whichever_of_its_bodies_is_named():
    ms = [mention("a.txt", kind=STRIKE, a1=PAKISTAN, place=SISTAN),
          mention("b.txt", kind=STRIKE, a1=PAK_GOV, place=SISTAN)]
    a, b = (Features.of(m) for m in ms)
    assert identity(a, b) == ("party",)
    assert len(fuse(ms)) == 1


def test_particular_places_named_in_the_sentences_tell_one_army_apart_in_two_villages():
    ms = [mention("a.txt", kind=SHELLING, a1=IRAN, place=SISTAN, trigger="shelled",
                  sentence="On 3 March 2021, Iranian forces shelled Kalag in Sistan."),
          mention("b.txt", kind=SHELLING, a1=IRAN, place=SISTAN, trigger="shelled",
                  sentence="On 3 March 2021, Iranian forces shelled the outskirts of Pishamak.")]
    assert len(fuse(ms)) == 2
    # one report naming the village and one naming none: the party identifies them
    vague = [ms[0], mention("b.txt", kind=SHELLING, a1=IRAN, place=SISTAN, trigger="shelled",
                            sentence="Iranian artillery hit the province the same day.")]
    assert len(fuse(vague)) == 1


def test_a_shared_district_does_not_make_two_villages_one_place():
    a = mention("a.txt", kind=LOOTING, a1=GUNMEN, a2=CIV_PAK, place=KECH, trigger="looted",
                sentence="Gunmen looted shops in Kalag village of Tump district, Kech.")
    b = mention("b.txt", kind=LOOTING, a1=GUNMEN, a2=CIV_PAK, place=KECH, trigger="looted",
                sentence="Gunmen looted shops in Sami village of Tump district, Kech.")
    fa, fb = Features.of(a), Features.of(b)
    assert fa.names == {"kalag"} and fa.areas == {"tump"}
    assert identity(fa, fb) == ()
    assert len(fuse([a, b])) == 2


def test_place_names_leave_out_context_countries_and_days():
    m = mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SISTAN,
                sentence="On Tuesday Iran struck Jaish al-Adl in Pakistan near Koh Sabz, "
                         "north of Saravan district, after attacks in Sistan.")
    places, areas = place_names(m)
    assert places == {"koh sabz"} and areas == {"saravan"}


def test_tolls_far_apart_are_two_events_even_in_one_town():
    ms = [mention("a.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                  fatalities=killed(3)),
          mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                  fatalities=killed(14))]
    assert len(fuse(ms)) == 2
    # figures outlets give for one event (7 and "at least 9") do not set reports apart
    close = [ms[0], mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT,
                            trigger="clash", fatalities=killed(5))]
    assert len(fuse(close)) == 1


def test_dates_written_in_full_a_day_apart_are_two_events():
    a = mention("a.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                date="2021-03-03", date_text="3 March 2021")
    b = mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                date="2021-03-04", date_text="4 March 2021")
    assert full_date(a) and full_date(b)
    assert len(fuse([a, b])) == 2
    # "on Wednesday" against "on Thursday": outlets do date one event a day apart, and the
    # town and the party agree
    rel = [mention("a.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                   date="2021-03-03", date_text="on Wednesday"),
           mention("b.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=TURBAT, trigger="clash",
                   date="2021-03-04", date_text="on Thursday")]
    assert len(fuse(rel)) == 1
    # but the party alone does not overcome two stated days
    apart = [mention(m.document, kind=CLASH, a1=BLF, a2=PAKISTAN, place=BALOCHISTAN,
                     trigger="clash", date=m.date, date_text=m.date_text) for m in rel]
    assert len(fuse(apart)) == 2


def test_a_vague_report_joins_through_its_own_article_what_it_cannot_join_alone():
    """c's second report says only that attacks killed civilians in the province that month:
    it scores too little against its own article's report of the strike, and nothing
    distinctive ties it to a's restatement of the civilian deaths; but that restatement is in
    the event, and so is its own article's first report."""
    civilians = Actor("Civilians (Iran)", "IRN", "civilians")
    attack = ("Violence against civilians", "Attack", "180", -9.0)
    for where in (SISTAN, SARAVAN):     # the event formed from vague or from specific reports
        a0 = mention("a.txt", n=0, kind=STRIKE, a1=PAKISTAN, a2=BLF, place=where)
        a1 = mention("a.txt", n=1, kind=STRIKE, a2=civilians, place=SISTAN)
        c0 = mention("c.txt", n=0, kind=STRIKE, a1=PAKISTAN, a2=BLF, place=where)
        c1 = mention("c.txt", n=1, kind=attack, a2=civilians, place=SISTAN, date="2024-01",
                     precision=3, trigger="attacks")
        events = fuse([a0, a1, c0, c1])
        assert len(events) == 1 and len(events[0].claims) == 4, where.name
        # without its article's report in the event it has nothing to go on
        assert len(fuse([a0, a1, c1])) == 2


def test_one_article_naming_two_villages_reports_two_events():
    """Inside one article a restatement needs no evidence of identity, so only the veto on two
    named places keeps these apart."""
    ms = [mention("a.txt", n=0, kind=CLASH, a1=BLF, a2=PAKISTAN, place=VILLAGE_A, trigger="clash"),
          mention("a.txt", n=1, kind=CLASH, a1=BLF, a2=PAKISTAN, place=VILLAGE_B, trigger="clash")]
    assert len(fuse(ms)) == 2


def test_a_statement_no_one_makes_is_not_an_event():
    agentless = mention("a.txt", kind=(None, None, "030", 4.0), a2=JAA, place=None,
                        trigger="pledged")
    assert fuse([agentless]) == []
    said = mention("a.txt", kind=(None, None, "030", 4.0), a1=IRAN_GOV, a2=JAA, trigger="pledged")
    assert len(fuse([said])) == 1


def test_statements_are_told_apart_by_who_made_them():
    ms = [mention("a.txt", kind=(None, None, "111", -2.0), a1=PAK_GOV, a2=IRAN_GOV, trigger="condemned"),
          mention("b.txt", kind=(None, None, "111", -2.0), a1=PAK_GOV, a2=IRAN_GOV, trigger="condemned")]
    assert len(fuse(ms)) == 1
    # the same target, no agent in one: nothing says who spoke
    other = [ms[0], mention("b.txt", kind=(None, None, "111", -2.0), a2=IRAN_GOV, trigger="condemned")]
    a, b = (Features.of(m) for m in other)
    assert "party" not in identity(a, b)


def test_an_ied_in_a_located_town_joins_a_report_of_its_toll_there():
    ms = [mention("a.txt", kind=IED, a2=PAKISTAN, place=TURBAT, trigger="IED", fatalities=killed(6)),
          mention("b.txt", kind=IED, a1=BLF, place=TURBAT, trigger="roadside bomb")]
    assert len(fuse(ms)) == 1
    assert homes(fuse(ms)).keys() == {m.mention_id for m in ms}


generic_report = st.fixed_dictionaries({
    "doc": st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"]),
    "kind": st.sampled_from([CLASH, IED, STRIKE, PROTEST]),
    "a1": st.sampled_from([None, GUNMEN, PROTESTERS]), "a2": st.sampled_from([None, CIV_PAK]),
    "place": st.sampled_from([None, BALOCHISTAN, KECH]),
    "date": st.sampled_from([("2024-01-16", 1), ("2024-01-17", 1), ("2024-01", 3)]),
    "deaths": st.sampled_from([None, 0, 1]),
})


@settings(max_examples=100, deadline=None)
@given(st.lists(generic_report, max_size=16))
def test_reports_sharing_nothing_distinctive_never_fuse_across_articles(raws):
    """Generic actors, admin areas, one or no victim: whatever the kinds and days, no event
    holds reports of two articles."""
    counters: dict[str, int] = {}
    ms = []
    for r in raws:
        n = counters[r["doc"]] = counters.get(r["doc"], -1) + 1
        date, precision = r["date"]
        ms.append(mention(r["doc"], n=n, kind=r["kind"], a1=r["a1"], a2=r["a2"], place=r["place"],
                          date=date, precision=precision, trigger="attack",
                          fatalities=None if r["deaths"] is None else killed(r["deaths"])))
    for event in fuse(ms):
        assert len({c.article_id for c in event.claims}) == 1, event.summary
