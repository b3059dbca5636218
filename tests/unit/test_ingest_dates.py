import datetime as dt

import pytest

from sitrep.ingest.dates import dateline, find_dates, parse_date

D = dt.date


@pytest.mark.parametrize("line, expected", [
    ("Updated 4 March 2023", D(2023, 3, 4)),
    ("March 6, 2023 at 9:05 pm", D(2023, 3, 6)),
    ("Published: Sunday 5th March 2023 - 10:12 GMT", D(2023, 3, 5)),
    ("Mar. 7, 2023", D(2023, 3, 7)),
    ("2023-03-08", D(2023, 3, 8)),
    ("Posted on March 9, 2023 by Field Desk", D(2023, 3, 9)),
    ("10 March 2023 | Metro Wire", D(2023, 3, 10)),
    ("Last updated: Fri, 10 Mar 2023 08:00:00 +0000", D(2023, 3, 10)),
])
def test_stamps(line, expected):
    assert dateline(line) == ("date", expected)


@pytest.mark.parametrize("line", ["Updated 5 sec ago", "Last updated 2 hours ago",
                                  "Updated 16 min 27 sec ago", "Published yesterday"])
def test_relative_stamps_give_no_date(line):
    assert dateline(line) == ("relative", None)


@pytest.mark.parametrize("line", [
    "Troops entered the town on March 3, 2023, residents said.",     # a sentence, not a stamp
    "The ceasefire signed in 2019 collapsed",
    "Updated",
    "",
])
def test_not_stamps(line):
    assert dateline(line) is None


def test_find_dates_skips_invalid_and_month_only():
    text = "On 31 February 2023 nothing happened; in March 2015 a parade; on Jan. 16, 2024 a meeting."
    assert [d for d, _, _ in find_dates(text)] == [D(2024, 1, 16)]


@pytest.mark.parametrize("value, expected", [
    ("2023-03-11T08:00:00Z", D(2023, 3, 11)),
    ("Sat, 11 Mar 2023 08:00:00 GMT", D(2023, 3, 11)),
    ("11 March 2023", D(2023, 3, 11)),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected
