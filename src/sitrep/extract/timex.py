"""When did it happen: time expressions resolved against the article's date.

    parse_date_text(text, anchor, previous=None) -> list[TimeExpr]   every expression, in order
    event_date(sent, anchor, previous) -> (value, precision, text)   the event's date

Values are ISO strings at the precision known: "2024-01-16" (precision 1, a day),
"2024-01-16" with precision 2 for a week or a range of days (the first day, as ACLED
codes ranges), "2024-01" or "2024" with precision 3. `anchor` is the publication date;
`previous` is (value, precision) of the article's previous event mention, which is what
"two days later" counts from.

Reading rules (news is reported in the past tense, so a bare weekday or "3 January" is the
most recent such day on or before the publication date):
  explicit dates   "On 9 May 2020", "January 18, 2024", "Jan. 3", "3 January", "May 19"
  ranges           "between 3 and 5 May", "3-5 May", "from 3 to 5 May"  -> first day, precision 2
  weekdays         "on Tuesday", "last Tuesday", "Tuesday night"  -> latest such day <= anchor
  deictic          "today", "this morning", "tonight" -> anchor; "yesterday", "last night",
                   "overnight" -> anchor - 1; "N days ago" -> anchor - N
  same day         "hours after", "moments before" -> previous (day-precise), else anchor
  from previous    "two days later", "a day after", "the next day" -> previous + N;
                   "a day earlier", "the previous day" -> previous - N
  coarse           "this week", "earlier this week" (precision 2), "last week" (anchor - 7,
                   precision 2), "last month", "earlier this month", "in January" (YYYY-MM,
                   precision 3), "last year", "in 2019" (YYYY, precision 3)
  background       "since 2006", "in the 1980s", "1980-88" are recorded with
                   `background=True` and never chosen as the event date
Dates more than a year after the anchor, or outside 1900..2100, are dropped.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sitrep.extract import lexicon
from sitrep.extract.prescan import needs, present
from sitrep.extract.spantext import span_text

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": 3, "few": 3, "a few": 3, "couple of": 2, "a couple of": 2}

MIN_YEAR, MAX_YEAR = 1900, 2100
# A "3 January" read against a 1 January anchor is last year's unless within this many days
# ahead (datelines are sometimes a day behind the events in other time zones).
FUTURE_SLACK_DAYS = 7

_MON = r"(?P<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "hours after", "moments before", "minutes prior to": an act on the same day as the one it is
# told against. The one reading of the phrase: the "hours_rel" expression below, the day of
# the told act in roles._day_of_told_act ("hours before the attack") and the extractor's guard
# that keeps such a pluperfect act on its day (SAME_DAY).
HOURS_REL = r"(?:hours?|minutes?|moments?)\s+(?:after|before|earlier|later|prior\s+to)\b"
SAME_DAY = re.compile(r"\b" + HOURS_REL, re.I)
_NUM = r"(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|(?:a )?few|(?:a )?couple of)"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Order matters: longer, more specific forms first; a span matched once is not re-read.
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I)) for name, rx in [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("range_dm", r"\b(?:between|from)?\s*(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*" + _DAY
                 + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("range_md", r"\b(?:between|from)?\s*" + _MON + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*"
                 + _DAY + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("dmy", r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("mdy", r"\b" + _MON + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b(?!:)"),
    ("month_year", r"\b(?P<pre>since|until|till|before|by\s+)?\s*(?:in\s+|of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b"),
    ("background_decade", r"\b(?:in\s+)?the\s+(?:19|20)\d0s\b|\b(?:19|20)\d\d\s*[-–]\s*\d\d(?:\d\d)?\b"),
    ("since_year", r"\b(?:since|until|till|before|by|from)\s+(?:early\s+|late\s+|mid-?)?" + _YEAR + r"\b"),
    ("in_year", r"\b(?:in|during|of)\s+(?:early\s+|late\s+|mid-?)?" + _YEAR + r"\b"),
    ("rel_prev", r"\b" + _NUM + r"\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|after(?:wards)?|earlier|before|prior)\b"),
    ("hours_rel", r"\b(?:(?:a\s+few|several|some|\d+|two|three|four|five|six|just|only|mere)\s+)?" + HOURS_REL),
    ("next_day", r"\bthe\s+(?P<which>next|following|previous|preceding)\s+(?P<unit>day|morning|night|evening|week)\b"),
    ("ago", r"\b" + _NUM + r"\s+(?P<unit>days?|weeks?)\s+ago\b"),
    ("weekday", r"\b(?P<pre>last|this\s+past|on|this|next|early|late)?\s*" + _WD
                + r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("today", r"\b(?:earlier\s+)?(?P<w>today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("yesterday", r"\b(?P<w>yesterday|last\s+night|overnight|late\s+last\s+night)\b"),
    ("week", r"\b(?P<w>(?:earlier\s+|later\s+)?this\s+week|last\s+week|(?:earlier|later)\s+in\s+the\s+week)\b"),
    ("month_rel", r"\b(?P<w>last\s+month|(?:earlier|later)\s+this\s+month|this\s+month|next\s+month)\b"),
    ("year_rel", r"\b(?P<w>last\s+year|earlier\s+this\s+year|this\s+year)\b"),
    ("in_month", r"\b(?:in|during|since|early|late|mid-?)\s+" + _MON + r"\b(?!\s+[0-3]?\d)"),
]]

# Pre-tests (prescan.py): words or digits each pattern above cannot match without; all of a
# pattern's tests must find something before the pattern itself is run.
_DIGIT = re.compile(r"\d")
_MONTH_STEM = needs("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_OR_WEEK = needs("day", "week")
PRE_TESTS: dict[str, tuple] = {      # (each a `needs` or a regex: both have .search)
    "iso": (_DIGIT,), "range_dm": (_DIGIT, _MONTH_STEM), "range_md": (_DIGIT, _MONTH_STEM),
    "dmy": (_DIGIT, _MONTH_STEM), "mdy": (_DIGIT, _MONTH_STEM), "month_year": (_DIGIT, _MONTH_STEM),
    "background_decade": (_DIGIT,), "since_year": (_DIGIT,), "in_year": (_DIGIT,),
    "rel_prev": (_DAY_OR_WEEK,), "hours_rel": (needs("hour", "minute", "moment"),),
    "next_day": (needs("next", "following", "previous", "preceding"),),
    "ago": (_DAY_OR_WEEK, needs("ago")), "weekday": (needs(*WEEKDAYS),),
    "today": (needs("today", "tonight", "this"),), "yesterday": (needs("yesterday", "last", "overnight"),),
    "week": (needs("week"),), "month_rel": (needs("month"),), "year_rel": (needs("year"),),
    "in_month": (_MONTH_STEM,),
}
_ALL_PRE_TESTS = tuple(dict.fromkeys(t for tests in PRE_TESTS.values() for t in tests))


@dataclass(frozen=True)
class TimeExpr:
    text: str
    start: int                  # character offsets in the text given
    end: int
    value: str | None           # ISO day, month or year; None when it cannot be resolved
    precision: int              # 1 day, 2 week/range, 3 month or coarser
    kind: str                   # the pattern that read it
    background: bool = False    # "since 2006": context, never the event's date


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if MIN_YEAR <= y <= MAX_YEAR else None
    except ValueError:
        return None


def _month(text: str | None) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _num(text: str) -> int:
    t = text.lower()
    return int(t) if t.isdigit() else NUMBERS.get(t, 1)


def _prev_date(previous) -> dt.date | None:
    if not previous or not previous[0]:
        return None
    text = str(previous[0])
    try:
        d = dt.date.fromisoformat(text[:10]) if len(text) >= 10 else (
            dt.date(int(text[:4]), int(text[5:7]), 1) if len(text) == 7 else dt.date(int(text[:4]), 1, 1))
    except ValueError:
        return None
    return d if MIN_YEAR <= d.year <= MAX_YEAR else None


def _year_for(month: int, day: int, anchor: dt.date | None, fallback_year: int | None,
              approx: dt.date | None = None) -> dt.date | None:
    """The most recent such day on or before the anchor (news reports the past). Without an
    anchor: a year written in the same text, else the latest such day up to the end of the
    estimated story month (`approx`), else the previous mention's year."""
    if anchor is None and approx is not None and fallback_year is None:
        anchor = _month_end(approx)
    if anchor is None:
        return _date(fallback_year, month, day) if fallback_year else None
    for year in (anchor.year, anchor.year - 1):
        d = _date(year, month, day)
        if d and d <= anchor + dt.timedelta(days=FUTURE_SLACK_DAYS):
            return d
    return None


def _month_end(d: dt.date) -> dt.date:
    nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


# Expressions that count from the publication date; with no publication date they say only
# "around the time of the story" (the estimated month), never a precise day.
ANCHORED_KINDS = {"weekday", "today", "yesterday", "ago", "week", "month_rel", "year_rel", "next_day"}


def _iso(d: dt.date | None, precision: int) -> str | None:
    if d is None:
        return None
    return d.isoformat() if precision < 3 else d.isoformat()[:7]


def _read(kind: str, m: re.Match, anchor: dt.date | None, prev: dt.date | None,
          fallback_year: int | None, approx: dt.date | None = None,
          sentence_year: int | None = None, prev_precision: int = 1) -> tuple[str | None, int, bool] | None:
    """(value, precision, background) for one match, or None when it is not a date after all."""
    g = m.groupdict()
    if anchor is None and kind in ANCHORED_KINDS and not (kind == "next_day" and prev is not None):
        if approx is None:
            return None, 3, False
        if kind == "month_rel" and g["w"].lower().startswith(("last", "next")):
            y, mo = approx.year, approx.month + (1 if g["w"].lower().startswith("next") else -1)
            y, mo = (y - 1, 12) if mo == 0 else ((y + 1, 1) if mo == 13 else (y, mo))
            return f"{y:04d}-{mo:02d}", 3, False
        if kind == "year_rel":
            return str(approx.year - 1 if g["w"].lower().startswith("last") else approx.year), 3, False
        return approx.isoformat()[:7], 3, False
    if kind == "iso":
        d = _date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d.isoformat(), 1, False) if d else None
    if kind in ("dmy", "mdy", "range_dm", "range_md"):
        mon, day = _month(g["mon"]), int(g["day"])
        if kind.startswith("range"):
            day = int(g["d1"])
            if not (1 <= day < int(g["day"]) <= 31):
                return None
        d = _date(int(g["year"]), mon, day) if g.get("year") else \
            _year_for(mon, day, anchor, sentence_year if approx is not None else fallback_year, approx)
        if d is None:
            return None
        return d.isoformat(), 2 if kind.startswith("range") else 1, False
    if kind == "month_year":
        mon, year = _month(g["mon"]), int(g["year"])
        if not (MIN_YEAR <= year <= MAX_YEAR):
            return None
        return f"{year:04d}-{mon:02d}", 3, bool(g.get("pre"))
    if kind == "background_decade":
        return None, 3, True
    if kind == "since_year":
        return g["year"], 3, True
    if kind == "in_year":
        return g["year"], 3, False
    if kind == "in_month":
        mon = _month(g["mon"])
        ref = anchor or (_month_end(approx) if approx else None) or prev
        if ref is None:
            return None, 3, False
        year = ref.year if mon <= ref.month else ref.year - 1
        return f"{year:04d}-{mon:02d}", 3, m.group(0).lower().startswith("since")
    if kind == "rel_prev":
        n, unit, back = _num(g["num"]), g["unit"].lower(), g["dir"].lower() in ("earlier", "before", "prior")
        days = n * (7 if unit.startswith("week") else 1)
        if prev is None:
            return None, 1, False
        if prev_precision >= 3:     # "two days later" than a month-precise event: that month
            return prev.isoformat()[:7], 3, False
        d = prev - dt.timedelta(days=days) if back else prev + dt.timedelta(days=days)
        return d.isoformat(), 2 if unit.startswith("week") else 1, False
    if kind == "hours_rel":
        # "hours after the strike", "moments before the blast": the same day as what it
        # counts from (the story's last event, else the day of publication)
        base = prev if prev is not None and prev_precision < 3 else anchor
        return (base.isoformat(), 1, False) if base is not None else (None, 1, False)
    if kind == "next_day":
        which, unit = g["which"].lower(), g["unit"].lower()
        base = prev or anchor
        if base is None:
            return None, 1, False
        step = dt.timedelta(days=7 if unit == "week" else 1)
        d = base + step if which in ("next", "following") else base - step
        return d.isoformat(), 2 if unit == "week" else 1, False
    if kind == "ago":
        if anchor is None:
            return None, 1, False
        n, unit = _num(g["num"]), g["unit"].lower()
        return (anchor - dt.timedelta(days=n * (7 if unit.startswith("week") else 1))).isoformat(), \
            2 if unit.startswith("week") else 1, False
    if kind == "weekday":
        pre = (g.get("pre") or "").lower()
        if anchor is None:
            return None, 1, False
        back = (anchor.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        if pre == "next":
            return (anchor + dt.timedelta(days=(7 - back) % 7 or 7)).isoformat(), 1, False
        if pre.startswith("last") and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat(), 1, False
    if kind == "today":
        return (anchor.isoformat(), 1, False) if anchor else (None, 1, False)
    if kind == "yesterday":
        return ((anchor - dt.timedelta(days=1)).isoformat(), 1, False) if anchor else (None, 1, False)
    if kind == "week":
        if anchor is None:
            return None, 2, False
        w = g["w"].lower()
        d = anchor - dt.timedelta(days=7) if w.startswith("last") else anchor - dt.timedelta(days=anchor.weekday())
        return d.isoformat(), 2, False
    if kind == "month_rel":
        if anchor is None:
            return None, 3, False
        w = g["w"].lower()
        y, mo = anchor.year, anchor.month
        if w.startswith("last"):
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif w.startswith("next"):
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        return f"{y:04d}-{mo:02d}", 3, False
    if kind == "year_rel":
        if anchor is None:
            return None, 3, False
        return str(anchor.year - 1 if g["w"].lower().startswith("last") else anchor.year), 3, False
    return None


def _in_range(value: str | None, anchor: dt.date | None) -> bool:
    if value is None:
        return True
    year = int(value[:4])
    if not (MIN_YEAR <= year <= MAX_YEAR):
        return False
    if anchor is not None and len(value) == 10:
        return dt.date.fromisoformat(value) <= anchor + dt.timedelta(days=366)
    if anchor is not None:
        return year <= anchor.year + 1
    return True


@functools.lru_cache(maxsize=512)
def _scan(text: str) -> tuple[int | None, tuple[tuple[str, re.Match], ...]]:
    """What parse_date_text reads of a text whatever the anchor: the first year written in it
    (it completes "3 January" when there is no anchor) and every match of PATTERNS, pattern
    by pattern in their order. Remembered for the last few texts: a sentence is read for the
    event's date and again with other anchors (matches are immutable)."""
    years = re.findall(r"\b((?:19|20)\d\d)\b", text)
    found_words = present(text, _ALL_PRE_TESTS)
    matches = []
    for kind, rx in PATTERNS:
        if found_words is not None and not found_words.issuperset(PRE_TESTS[kind]):
            continue    # a word or digit the pattern needs is not in the text
        matches.extend((kind, m) for m in rx.finditer(text))
    return (int(years[0]) if years else None), tuple(matches)


def parse_date_text(text: str, anchor: dt.date | None = None, previous=None,
                    approx: dt.date | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, in order of appearance. `approx` is the estimated
    month of the story when the publication date is unknown (see estimate_anchor)."""
    if not text:
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if anchor is not None:
        approx = None
    prev = _prev_date(previous)
    prev_precision = int(previous[1] or 1) if previous and previous[0] else 1
    sentence_year, matches = _scan(text)
    fallback_year = sentence_year or (prev.year if prev else None)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    for kind, m in matches:
        s, e = m.span()
        # leading whitespace matched by optional prefixes is not part of the expression
        while s < e and text[s].isspace():
            s += 1
        if s == e or any(s < te and ts < e for ts, te in taken):
            continue
        try:
            read = _read(kind, m, anchor, prev, fallback_year, approx, sentence_year, prev_precision)
        except (OverflowError, ValueError):     # arithmetic off the calendar's ends
            read = None
        if read is None:
            continue
        value, precision, background = read
        if not _in_range(value, anchor):
            continue
        taken.append((s, e))
        found.append(TimeExpr(text[s:e], s, e, value, precision, kind, background))
    return sorted(found, key=lambda t: t.start)


def estimate_anchor(text: str, hint: dt.date | None = None) -> dt.date | None:
    """The story's approximate date (month precision) when the publication date is unknown.

    `hint` (e.g. the publication date of other articles captured on the same page) bounds the
    story in time; otherwise the article's own explicit dates do: the latest written date
    with a year, and a yearless "3 January" after it is the first such day that follows
    ("October 7, 2023" ... "3 January" -> January 2024). None when the text gives no year."""
    if hint is not None:
        return hint
    latest = None
    for e in parse_date_text(text or "", None, None):
        if e.background or not e.value or e.kind not in ("iso", "dmy", "mdy", "month_year", "range_dm", "range_md"):
            continue
        if not re.search(r"(?:19|20)\d\d", e.text):
            continue
        d = _prev_date((e.value, 1))
        if d is not None and (latest is None or d > latest):
            latest = d
    if latest is None:
        return None
    best = latest
    _, matches = _scan(text)    # (each pattern's matches, as parse_date_text read them above)
    for kind in ("dmy", "mdy"):
        for m in (m for k, m in matches if k == kind):
            if m.group("year"):
                continue
            mon, day = _month(m.group("mon")), int(m.group("day"))
            for year in (latest.year, latest.year + 1):
                d = _date(year, mon, day) if mon else None
                if d is not None and d >= latest:
                    if d - latest <= dt.timedelta(days=366) and d > best:
                        best = d
                    break
    return best


def event_date(sent, anchor: dt.date | None, previous=None,
               approx: dt.date | None = None, trigger_at: int | None = None) -> tuple[str | None, int, str | None]:
    """The date of the event a sentence reports: (value, precision, the words it came from).

    The first resolvable, non-background expression wins (news and ACLED notes put the
    event's date first; later dates are usually background: "... since the attack on 3
    January"). With none, the sentence continues the story: the previous mention's date,
    else the publication date (precision 1 either way, text None).
    """
    # a Span's text without a Token per word (span_text), a Doc's or Token's own, else str()
    text = sent if isinstance(sent, str) else span_text(sent) if hasattr(sent, "text") else str(sent)
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    exprs = parse_date_text(text, anchor, previous, approx)
    for k, expr in enumerate(exprs):
        if not expr.background and expr.value:
            if _day_of_saying(text, expr, exprs[k + 1:], trigger_at):
                continue
            if expr.kind == "rel_prev" and trigger_at is not None and trigger_at >= expr.end and \
                    re.search(r"\bafter\b", expr.text, re.I) and expr.precision == 1:
                # "(it came) a day after Iran launched attacks": the act named after the
                # expression is the EARLIER one, N days before what the story was about
                m = PATTERNS[[k for k, _ in PATTERNS].index("rel_prev")][1].search(expr.text)
                prev = _prev_date(previous)
                if m and prev is not None:
                    return (prev - dt.timedelta(days=_num(m.group("num")))).isoformat(), 1, expr.text
            return expr.value, expr.precision, expr.text
    if anchor is None and any(e.kind in ANCHORED_KINDS and not e.background for e in exprs):
        # "on Tuesday" with nothing to count from: no date rather than a wrong one
        return None, 3, None
    if previous and previous[0] and _prev_date(previous) is not None:
        if shifts_topic(text):
            # "Most recently, X alleged ...": out of the story's timeline, so the day before
            # is no evidence; its month is (ACLED codes such reports by month, precision 3)
            return str(previous[0])[:7], 3, None
        return str(previous[0]), min(3, max(1, int(previous[1] or 1))), None
    if anchor is not None:
        return anchor.isoformat(), 1, None
    if approx is not None:
        return approx.isoformat()[:7], 3, None
    return None, 1, None


# "Pakistan said on Wednesday that ...", "told reporters on Friday": the words right before a
# day that make it the day of the statement
SAID_ON = re.compile(r"\b(?:said|says|announced|stated|confirmed|reported|added|told\s+(?:\w+\s+){0,2}?\w+)"
                     r"\s*,?\s*$", re.I)


def _day_of_saying(text: str, expr: TimeExpr, later: list[TimeExpr], trigger_at: int | None) -> bool:
    """The day a source spoke, not the day of the act it tells of ("Pakistan said on Wednesday
    that two children died when Iran fired missiles late on Tuesday"): the expression follows a
    verb of saying, the act comes after it, and a later expression at least as precise dates
    the act."""
    if trigger_at is None or trigger_at < expr.end or not SAID_ON.search(text[:expr.start]):
        return False
    return any(not e.background and e.value and e.precision <= expr.precision for e in later)


def shifts_topic(text: str) -> bool:
    """The sentence opens with a cue that steps out of the story's timeline (cues.yaml
    topic_shifts: "Most recently, ...", "Earlier, ...")."""
    return bool(_topic_shift_rx().match(text.lstrip(" \"'\u201c(").lower()))


@functools.lru_cache(maxsize=1)
def _topic_shift_rx() -> re.Pattern:
    """Any cue of cues.yaml topic_shifts at the start, as a whole word (cues are lower case)."""
    cues = lexicon.load("cues.yaml")["topic_shifts"]
    return re.compile("(?:" + "|".join(re.escape(c) for c in cues) + r")\b")
