"""Links between events from the mentions' cues: later -> earlier."""
from __future__ import annotations

from fuse_builders import (BALOCHISTAN, BLF, CIV_IRN, CONDEMN, IRAN, IRAN_GOV, ISK, JAA, KERMAN,
                           PAK_GOV, PAKISTAN, RECALL, SISTAN, SUICIDE, cue, killed, mention)

from sitrep.fuse import fuse


def chain(pak_cue, iran_cue=None):
    kerman = mention("a.txt", n=0, kind=SUICIDE, a1=ISK, a2=CIV_IRN, place=KERMAN, date="2024-01-03",
                     fatalities=killed(85), trigger="suicide bombing")
    iran = mention("a.txt", n=1, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16",
                   links=[iran_cue] if iran_cue else [])
    pak = mention("b.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  links=[pak_cue] if pak_cue else [])
    events = fuse([kerman, iran, pak])
    by_date = {e.date: e for e in events}
    return by_date["2024-01-03"], by_date["2024-01-16"], by_date["2024-01-18"]


def test_retaliation_resolves_to_reversed_pair_without_target_text():
    kerman, iran, pak = chain(cue("retaliation_for", words="retaliatory"))
    assert [(ln.type, ln.event) for ln in pak.links] == [("retaliation_for", iran.event_id)]
    assert iran.links == () and kerman.links == ()


def test_response_to_a_suicide_bombing_resolves_by_target_text():
    kerman, iran, pak = chain(None, cue("response_to", text="the suicide attack claimed by Isis-K",
                                        words="in response to"))
    assert [(ln.type, ln.event) for ln in iran.links] == [("response_to", kerman.event_id)]


def test_target_mention_wins_and_links_never_point_forward():
    kerman, iran, pak = chain(None, cue("response_to", target="b.txt:0:0:0"))
    assert iran.links == ()     # the named mention is a later event
    kerman, iran, pak = chain(cue("follows", target="a.txt:0:100:1", words="a day after"))
    assert [ln.event for ln in pak.links] == [iran.event_id]


def test_days_after_picks_the_event_that_many_days_earlier():
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16"),
          mention("a.txt", n=1, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-10"),
          mention("b.txt", n=0, kind=RECALL, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17",
                  links=[cue("follows", days=1, words="a day after")])]
    events = {e.date: e for e in fuse(ms)}
    assert [ln.event for ln in events["2024-01-17"].links] == [events["2024-01-16"].event_id]


def test_protest_at_an_attack_links_the_statement_to_the_strike():
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16"),
          mention("a.txt", n=1, kind=CONDEMN, a1=PAK_GOV, a2=IRAN_GOV, date="2024-01-17",
                  links=[cue("protest_at", text="Tuesday's attack", words="in protest at")])]
    events = {e.date: e for e in fuse(ms)}
    assert [ln.type for ln in events["2024-01-17"].links] == ["protest_at"]


def test_no_evidence_no_link():
    ms = [mention("a.txt", n=0, kind=SUICIDE, a1=ISK, a2=CIV_IRN, place=KERMAN, date="2024-01-03"),
          mention("b.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  links=[cue("retaliation_for", text="the border clashes")])]
    later = [e for e in fuse(ms) if e.date == "2024-01-18"][0]
    assert later.links == ()


def test_retaliatory_strike_answers_the_strike_not_the_statements_between():
    from fuse_builders import IRAN_GOV
    ms = [mention("a.txt", n=0, a1=IRAN, a2=JAA, place=BALOCHISTAN, date="2024-01-16"),
          mention("a.txt", n=1, kind=CONDEMN, a1=IRAN_GOV, a2=PAK_GOV, date="2024-01-17",
                  trigger="accused"),
          mention("b.txt", n=0, a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                  links=[cue("retaliation_for", words="tit-for-tat")])]
    events = {e.date: e for e in fuse(ms)}
    assert [ln.event for ln in events["2024-01-18"].links] == [events["2024-01-16"].event_id]
