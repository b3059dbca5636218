"""The word pre-tests in numbers.py and timex.py only skip regexes that would find nothing:
the same counts and dates come out when every regex is run."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract import numbers, timex
from sitrep.extract.prescan import present

COUNT_TEXTS = [
    "Gunmen shot dead three farmers and wounded two herders near the market on 4 May 2021.",
    "At least 12 soldiers were killed and dozens injured when their convoy hit a mine.",
    "The attack left 7 dead; the death toll later rose to 9, officials said.",
    "No casualties were reported after the clash, which caused injuries to four police officers.",
    "A woman was killed and one man died later in hospital; fatalities coded as 2.",
    "Protesters marched peacefully through the capital on Friday.",
    "The driver later died of his burns.",
    "Militants beheaded a village chief and massacred scores of residents.",
    "Two \u212aILLED in the raid",      # a Kelvin sign: the pre-tests cannot tell, every regex runs
]
DATE_TEXTS = [
    "On 9 May 2020 fighters attacked a post; two days later the army struck back.",
    "Between 3 and 5 January, and again last Tuesday night, shells fell on the town.",
    "Since 2006 the group has raided villages; the previous day a convoy was hit.",
    "Yesterday and earlier this week, hours after the ceasefire, clashes resumed.",
    "Police said the bodies were found this morning, a few days ago, in March.",
    "Nothing here names a time at all.",
    "January 18, 2024: late last night, in the 1990s, during mid-2019, 2019-04-07.",
]


def _no_pretests(text, tests):
    return None     # "cannot tell": every regex runs


def test_counts_equal_with_every_regex_run(monkeypatch):
    want = {t: numbers._find_counts.__wrapped__(t) for t in COUNT_TEXTS}
    assert any(want.values())
    # the pre-tests do skip regexes on these texts (a verb test finds nothing in the protest)
    tests = {need for kind in ("killed", "injured") for _, _, need in numbers._patterns(kind) if need}
    assert len(present(COUNT_TEXTS[5], tests)) < len(tests)
    assert want[COUNT_TEXTS[6]]
    monkeypatch.setattr(numbers, "present", _no_pretests)
    assert {t: numbers._find_counts.__wrapped__(t) for t in COUNT_TEXTS} == want


def test_dates_equal_with_every_regex_run(monkeypatch):
    anchor = dt.date(2024, 1, 20)
    want = {t: timex.parse_date_text(t, anchor) for t in DATE_TEXTS}
    assert sum(map(len, want.values())) > 15
    assert len(present(DATE_TEXTS[5], timex._ALL_PRE_TESTS)) < len(timex._ALL_PRE_TESTS)
    monkeypatch.setattr(timex, "present", _no_pretests)
    timex._scan.cache_clear()       # (the scan of a text is remembered)
    assert {t: timex.parse_date_text(t, anchor) for t in DATE_TEXTS} == want
    timex._scan.cache_clear()


def test_a_remembered_scan_gives_what_a_fresh_one_gives():
    """_scan keeps a text's matches; read again with another anchor, previous date or
    approximate month, the answer is the one a fresh scan gives."""
    calls = [(dt.date(2024, 1, 20), None, None), (None, ("2023-12-30", 1), dt.date(2023, 12, 1)),
             (dt.date(2020, 5, 11), ("2020-05-09", 1), None), (None, None, None)]
    fresh = []
    for args in calls:
        timex._scan.cache_clear()
        fresh.append([timex.parse_date_text(t, *args) for t in DATE_TEXTS])
    timex._scan.cache_clear()
    kept = [[timex.parse_date_text(t, *args) for t in DATE_TEXTS] for args in calls]
    assert timex._scan.cache_info().hits >= len(DATE_TEXTS) * (len(calls) - 1)
    assert kept == fresh


PIECES = ["three ", "12 ", "at least ", "dozens of ", "soldiers ", "were ", "was ", "killed", "dead", "died",
          "wounded", "injured", " and ", ", ", "killing ", "the ", "toll rose to ", "fatalities", "no ",
          "casualties", "On ", "9 ", "May ", "2020", "Tuesday", " night", "two days later", "yesterday",
          "last week", "this month", "hours after", "since ", "2006", "\u212a", "ſ", "\u0130", "ago", " ",
          "January ", "3-5 ", "in ", "the next day", "."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_any_text_gives_the_same_counts_and_dates(text):
    counts = numbers._find_counts.__wrapped__(text)
    dates = timex.parse_date_text(text, dt.date(2021, 6, 1))
    saved = numbers.present, timex.present
    numbers.present = timex.present = _no_pretests
    timex._scan.cache_clear()
    try:
        assert numbers._find_counts.__wrapped__(text) == counts
        assert timex.parse_date_text(text, dt.date(2021, 6, 1)) == dates
    finally:
        numbers.present, timex.present = saved
        timex._scan.cache_clear()
