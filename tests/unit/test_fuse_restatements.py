"""Restatements and the fields of a merged event: which date, type and sides it takes when
reports say different things, and what a retaliation answers when no report names it."""
from __future__ import annotations

from fuse_builders import (BALOCHISTAN, BLF, BOLAN, CLASH, FC, IED, IRAN, IRAN_GOV, IRGC, JAA,
                           KECH, MISSILE, PAKISTAN, PANJGUR, SISTAN, STRIKE, UBA, cue, mention)

from sitrep.fuse import fuse
from sitrep.fuse.features import Features, defaulted

KECH_TOWN = KECH.__class__("Turbat", "Pakistan", "PAK", "Balochistan", "Kech", 26.0, 63.05, 1,
                           "city")


def test_a_written_day_beats_days_reports_only_inherited():
    # one report writes "on Tuesday"; two others carry the day their context defaulted to
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-16",
                  date_text="on Tuesday", published="2024-01-18"),
          mention("b.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-17",
                  published="2024-01-18"),
          mention("c.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-17",
                  published="2024-01-18")]
    (event,) = fuse(ms)
    assert (event.date, event.date_precision) == ("2024-01-16", 1)


def test_inherited_days_still_date_an_event_no_report_dates_in_words():
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-17",
                  published="2024-01-18"),
          mention("b.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01",
                  precision=3, date_text="this month", published="2024-01-18")]
    (event,) = fuse(ms)
    assert event.date == "2024-01-17"


def test_a_publication_day_default_reaches_back_to_the_event_it_restates():
    strike = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                     date_text="on Tuesday", published="2024-01-17")
    # no date in the words: the extractor fell back on the page's day, two days later
    restated = mention("b.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-18",
                       published="2024-01-18")
    assert defaulted(restated) and not defaulted(strike)
    assert Features.of(restated).span[0].isoformat() < "2024-01-16"
    (event,) = fuse([strike, restated])
    assert event.date == "2024-01-16" and len(event.claims) == 2


def test_a_written_day_is_not_widened():
    a = mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                date_text="on Tuesday", published="2024-01-16")
    b = mention("b.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-18",
                date_text="on Thursday", published="2024-01-18")
    assert len(fuse([a, b])) == 2


def test_defaulted_days_do_not_join_ieds_in_two_districts():
    ms = [mention("x.txt", n=0, kind=IED, a1=BLF, a2=FC, place=KECH_TOWN, date="2020-05-19",
                  published="2020-05-19", trigger="IED"),
          mention("y.txt", n=0, kind=IED, a1=UBA, a2=FC, place=BOLAN, date="2020-05-19",
                  published="2020-05-19", trigger="IED"),
          mention("z.txt", n=0, kind=IED, a1=UBA, a2=FC, place=BOLAN, date="2020-05-17",
                  published="2020-05-19", date_text="on Sunday", trigger="IED")]
    events = fuse(ms)
    assert sorted(len(e.claims) for e in events) == [1, 2]
    assert {e.place.admin2 for e in events} == {"Kech", "Kachhi"}


def test_reports_naming_the_weapon_outvote_defaults():
    # two reports name the weapon; two more say only "killed" and carry a default clash
    ms = [mention("a.txt", n=0, kind=STRIKE, a1=IRAN, a2=JAA, place=PANJGUR, trigger="air strike"),
          mention("b.txt", n=0, kind=MISSILE, a1=IRAN, a2=JAA, place=PANJGUR, trigger="missile"),
          mention("c.txt", n=0, kind=CLASH, a1=IRAN, a2=JAA, place=PANJGUR, trigger="killed"),
          mention("d.txt", n=0, kind=CLASH, a1=IRAN, a2=JAA, place=PANJGUR, trigger="killed")]
    (event,) = fuse(ms)
    assert event.event_type == "Explosions/Remote violence"
    assert event.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")


def test_the_agent_is_the_side_most_reports_name():
    # three reports name Iran's forces (in three ways), two name the militants as the agent
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR),
          mention("b.txt", n=0, a1=IRGC, a2=JAA, place=PANJGUR),
          mention("c.txt", n=0, a1=IRAN_GOV, a2=JAA, place=PANJGUR),
          mention("d.txt", n=0, a1=JAA, place=PANJGUR),
          mention("e.txt", n=0, a1=JAA, place=PANJGUR)]
    (event,) = fuse(ms)
    assert event.actor1.country == "IRN" and event.actor1.type != "rebel_group"
    assert event.actor2.name == JAA.name


def test_a_missing_target_is_filled_from_the_other_side():
    ms = [mention("a.txt", n=0, a1=IRAN, place=PANJGUR),
          mention("b.txt", n=0, a1=IRAN, place=PANJGUR),
          mention("c.txt", n=0, a1=JAA, place=PANJGUR)]
    (event,) = fuse(ms)
    assert (event.actor1.name, event.actor2.name) == (IRAN.name, JAA.name)
    assert JAA.name not in {a.name for a in event.associated}


def test_retaliation_answers_the_corroborated_attack_of_the_other_side():
    # Iran's strike in Panjgur is reported twice; a lone report has Iran striking Kech a day
    # later; Pakistan's retaliation names neither
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-16"),
          mention("c.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-16"),
          mention("b.txt", n=0, a1=IRAN, a2=JAA, place=KECH_TOWN, date="2024-01-17"),
          mention("d.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  published="2024-01-19", links=[cue("retaliation_for", words="retaliatory")])]
    events = fuse(ms)
    by_place = {e.place.name: e for e in events}
    assert len(by_place["Panjgur"].claims) == 2
    assert [ln.event for ln in by_place[SISTAN.name].links] == [by_place["Panjgur"].event_id]


def test_retaliation_fallback_needs_the_other_side_as_agent():
    ms = [mention("a.txt", n=0, a1=UBA, a2=FC, place=PANJGUR, date="2024-01-16", kind=IED,
                  trigger="IED"),
          mention("b.txt", n=0, a1=UBA, a2=FC, place=PANJGUR, date="2024-01-16", kind=IED,
                  trigger="IED"),
          mention("d.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  published="2024-01-19", links=[cue("retaliation_for", words="retaliatory")])]
    events = {e.place.name: e for e in fuse(ms)}
    # the IED was Pakistani militants against Pakistani forces: not the other side of a
    # strike into Iran
    assert events[SISTAN.name].links == ()


SYRIA = PANJGUR.__class__("Syria", "Syria", "SYR", None, None, 35.0, 38.0, 3, "country")


def _article_with_a_placeless_restatement(restated_doc="a.txt"):
    kerman = mention("k.txt", n=0, kind=IED, a1=JAA, place=PANJGUR, date="2024-01-03",
                     date_text="on 3 January", trigger="bombing")
    ms = [kerman,
          mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                  date_text="on Tuesday", trigger="air strike"),
          mention("a.txt", n=1, a1=IRAN, place=BALOCHISTAN, date="2024-01", precision=3,
                  trigger="missile strike"),
          mention("a.txt", n=2, a1=IRAN, place=SYRIA, date="2024-01", precision=3,
                  trigger="drone strikes"),
          # "those Iranian drone strikes answered the bombing": no place, no target
          mention(restated_doc, n=3, a1=IRAN, date="2024-01", precision=3,
                  trigger="drone strikes",
                  links=[cue("response_to", target=kerman.mention_id, words="in response to")])]
    return kerman, ms


def test_a_placeless_restatement_joins_the_event_its_article_reports_most():
    kerman, ms = _article_with_a_placeless_restatement()
    events = fuse(ms)
    home = next(e for e in events if ms[-1].mention_id in e.mention_ids)
    assert ms[1].mention_id in home.mention_ids          # the Balochistan strike, not Syria
    assert len(events) == 3
    bombing = next(e for e in events if kerman.mention_id in e.mention_ids)
    assert [(ln.type, ln.event) for ln in home.links] == [("response_to", bombing.event_id)]
    assert fuse(list(reversed(ms))) == events


def test_a_placeless_report_in_another_article_is_not_tied_by_its_agent_alone():
    _, ms = _article_with_a_placeless_restatement("b.txt")
    events = fuse(ms)
    assert len(events) == 4


def test_a_retaliation_naming_the_place_goes_by_the_name_not_the_latest_attack():
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=PANJGUR, date="2024-01-15"),
          mention("b.txt", n=0, a1=IRAN, a2=JAA, place=KECH_TOWN, date="2024-01-16"),
          mention("c.txt", n=0, a1=IRAN, a2=JAA, place=KECH_TOWN, date="2024-01-16"),
          mention("d.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  published="2024-01-19",
                  links=[cue("retaliation_for", text="the strike on Panjgur")])]
    by_place = {e.place.name: e for e in fuse(ms)}
    assert [ln.event for ln in by_place[SISTAN.name].links] == [by_place["Panjgur"].event_id]
