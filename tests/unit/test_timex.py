"""Time expressions: explicit dates, weekdays, relative and coarse expressions, background years."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.timex import MAX_YEAR, MIN_YEAR, event_date, parse_date_text

FRI = dt.date(2024, 1, 19)          # a Friday


@pytest.mark.parametrize("text, value, precision", [
    ("On 9 May 2020, medical interns protested", "2020-05-09", 1),
    ("Reported on 28 April 2020, a bomb injured 2 soldiers", "2020-04-28", 1),
    ("Around 12 June 2021 (as reported), near Mexicali", "2021-06-12", 1),
    ("in Islamabad on January 18, 2024.", "2024-01-18", 1),
    ("after a deadly Jan. 3 bombing", "2024-01-03", 1),
    ("on 3 January the bomb went off", "2024-01-03", 1),
    ("on 3rd of January", "2024-01-03", 1),
    ("On Sept. 11 they struck", "2023-09-11", 1),        # the most recent 11 September
    ("the 2024-01-16 strike", "2024-01-16", 1),
    ("between 3 and 5 January", "2024-01-03", 2),
    ("from 3 to 5 January 2024", "2024-01-03", 2),
    ("January 3-5", "2024-01-03", 2),
    ("Iran struck on Tuesday", "2024-01-16", 1),
    ("on Friday", "2024-01-19", 1),                     # the anchor's own weekday: the same day
    ("last Friday", "2024-01-12", 1),
    ("Tuesday night", "2024-01-16", 1),
    ("today", "2024-01-19", 1),
    ("earlier this morning", "2024-01-19", 1),
    ("yesterday", "2024-01-18", 1),
    ("last night", "2024-01-18", 1),
    ("overnight", "2024-01-18", 1),
    ("three days ago", "2024-01-16", 1),
    ("this week", "2024-01-15", 2),
    ("last week", "2024-01-12", 2),
    ("last month", "2023-12", 3),
    ("earlier this month", "2024-01", 3),
    ("in December", "2023-12", 3),
    ("in March 2023", "2023-03", 3),
    ("last year", "2023", 3),
    ("killed by a drone in 2020", "2020", 3),
])
def test_event_date_against_anchor(text, value, precision):
    got, prec, words = event_date(text, FRI, None)
    assert (got, prec) == (value, precision)
    assert words and words.lower() in text.lower()


@pytest.mark.parametrize("text, value", [
    ("Two days later, Pakistan struck back", "2024-01-18"),
    ("A day after the strike, Iran summoned the envoy", "2024-01-17"),
    ("a week later", "2024-01-23"),
    ("the next day", "2024-01-17"),
    ("the following morning", "2024-01-17"),
    ("a day earlier", "2024-01-15"),
    ("the previous day", "2024-01-15"),
])
def test_relative_to_previous_mention(text, value):
    assert event_date(text, FRI, ("2024-01-16", 1))[0] == value


def test_background_is_never_the_event_date():
    for text in ("the group has fought since 2006", "the first such strike since the 1980-88 war",
                 "in the 1990s", "since March 2019"):
        exprs = parse_date_text(text, FRI)
        assert exprs and all(e.background for e in exprs), text
        assert event_date(text, FRI, None) == ("2024-01-19", 1, None)


def test_first_event_date_wins_over_later_background():
    text = "On Tuesday, militants attacked the post, the worst attack since 2006."
    assert event_date(text, FRI, None)[:2] == ("2024-01-16", 1)


def test_default_without_expression():
    assert event_date("Militants attacked a checkpoint.", FRI, ("2024-01-16", 1)) == ("2024-01-16", 1, None)
    assert event_date("Militants attacked a checkpoint.", FRI, None) == ("2024-01-19", 1, None)
    assert event_date("Militants attacked a checkpoint.", None, None) == (None, 1, None)


def test_without_anchor():
    assert event_date("On 9 May 2020, protesters gathered", None, None)[:2] == ("2020-05-09", 1)
    # a weekday cannot be placed without a date to count from: no date, rather than a wrong one
    assert event_date("on Tuesday", None, ("2020-05-09", 1))[0] is None
    assert event_date("this morning", None, None)[0] is None
    assert event_date("last month", None, None)[0] is None
    # "3 May" takes the year written elsewhere in the sentence
    assert event_date("On 3 May, after the 2020 elections", None, None)[0] == "2020-05-03"


def test_datetime_anchor_and_span_like_input():
    class Span:
        text = "yesterday"
    assert event_date(Span(), dt.datetime(2024, 1, 19, 12, 0), None)[0] == "2024-01-18"


def test_parse_offsets_and_order():
    text = "On Tuesday Iran struck; two days later, on 18 January, Pakistan replied."
    exprs = parse_date_text(text, FRI, ("2024-01-16", 1))
    assert [text[e.start:e.end] for e in exprs] == [e.text for e in exprs]
    assert [e.kind for e in exprs] == ["weekday", "rel_prev", "dmy"]
    assert exprs[2].value == "2024-01-18"


def test_invalid_dates_are_skipped():
    assert all(e.value != "2024-02-31" for e in parse_date_text("on 31 February 2024", FRI))
    assert parse_date_text("on 30 February", FRI) == []


def test_far_future_dropped():
    assert parse_date_text("on 3 May 2090", FRI) == []
    assert parse_date_text("in 2095", FRI) == []


# ---------------------------------------------------------------- properties

words = st.sampled_from(["on", "Tuesday", "last", "night", "3", "May", "2020", "January", "18,", "2024",
                         "between", "and", "5", "days", "later", "ago", "since", "in", "the", "1980s",
                         "this", "week", "month", "Jan.", "yesterday", "-", "31", "February", "today",
                         "two", "earlier", "next", "day", "9999", "0", "Sept.", "overnight"])


def _check(exprs, text, anchor):
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        assert e.precision in (1, 2, 3)
        if e.value is not None:
            year = int(e.value[:4])
            assert MIN_YEAR <= year <= MAX_YEAR
            assert len(e.value) in (4, 7, 10)
            if len(e.value) == 10:
                d = dt.date.fromisoformat(e.value)
                if anchor is not None:
                    assert d <= anchor + dt.timedelta(days=366)
            elif len(e.value) == 7:
                assert 1 <= int(e.value[5:]) <= 12


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_arbitrary_text_never_raises(text, anchor):
    exprs = parse_date_text(text, anchor)
    _check(exprs, text, anchor)
    value, precision, _ = event_date(text, anchor, None)
    assert precision in (1, 2, 3)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=12).map(" ".join),
       st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
       st.none() | st.tuples(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)).map(dt.date.isoformat),
                             st.sampled_from([1, 2, 3])))
def test_date_like_text_stays_in_range(text, anchor, previous):
    exprs = parse_date_text(text, anchor, previous)
    _check(exprs, text, anchor)
    value, precision, _ = event_date(text, anchor, previous)
    assert precision in (1, 2, 3)
    if value is not None:
        assert MIN_YEAR <= int(value[:4]) <= MAX_YEAR


# ------------------------------------------------------------ undated articles

def test_estimate_anchor_from_explicit_dates():
    from sitrep.extract.timex import estimate_anchor
    text = "The war began on March 2, 2021. Rebels shelled the town on 4 February, killing two."
    assert estimate_anchor(text) == dt.date(2022, 2, 4)      # yearless date after the latest dated one
    assert estimate_anchor("Rebels shelled the town on Monday.") is None
    assert estimate_anchor("no dates at all", dt.date(2023, 6, 1)) == dt.date(2023, 6, 1)   # a hint wins
    # background years do not date the story
    assert estimate_anchor("The group has fought since 2006. Police arrested three on Friday.") is None


def test_relative_expressions_with_estimated_month_only():
    approx = dt.date(2022, 2, 4)
    assert event_date("Rebels attacked on Tuesday", None, None, approx)[:2] == ("2022-02", 3)
    assert event_date("Rebels attacked this morning", None, None, approx)[:2] == ("2022-02", 3)
    assert event_date("Rebels attacked last month", None, None, approx)[:2] == ("2022-01", 3)
    # a yearless explicit date takes the story's year, not a year from background
    assert event_date("Rebels attacked on 2 February", None, ("2021-03-02", 1), approx)[:2] == ("2022-02-02", 1)
    # a sentence with no expression continues the story's month
    assert event_date("Rebels attacked the post.", None, None, approx)[:2] == ("2022-02", 3)


def test_relative_to_month_precise_previous_stays_coarse():
    assert event_date("two days later, rebels struck", FRI, ("2023-12", 3))[:2] == ("2023-12", 3)


def test_days_after_clause_dates_the_earlier_act():
    text = "It came a day after rebels shelled the town."
    # the act named after "a day after" happened a day BEFORE the story's reference event
    assert event_date(text, FRI, ("2024-01-16", 1), None, text.index("shelled"))[0] == "2024-01-15"
    # the act named before the expression is the later one
    text = "Rebels shelled the town a day after the raid."
    assert event_date(text, FRI, ("2024-01-16", 1), None, text.index("shelled"))[0] == "2024-01-17"


@pytest.mark.parametrize("text", ["Most recently, the envoy accused the militia of the raid.",
                                  "Earlier, police detained two men.",
                                  "\u201cPreviously, the two sides traded fire.",
                                  "In recent years the group has clashed with the army."])
def test_an_aside_out_of_the_timeline_keeps_the_month_not_the_day(text):
    """A sentence opened by a topic shift and giving no date of its own does not take the
    previous sentence's day (cues.yaml topic_shifts)."""
    assert event_date(text, dt.date(2024, 1, 20), ("2024-01-16", 1)) == ("2024-01", 3, None)


def test_an_aside_with_its_own_date_and_a_plain_sentence_are_unchanged():
    anchor, previous = dt.date(2024, 1, 20), ("2024-01-16", 1)
    assert event_date("Earlier on 12 January, police detained two men.", anchor, previous)[:2] == \
        ("2024-01-12", 1)
    assert event_date("Police detained two men.", anchor, previous) == ("2024-01-16", 1, None)
    assert event_date("Earliest accounts said police detained two men.", anchor, previous)[:2] == \
        ("2024-01-16", 1)
