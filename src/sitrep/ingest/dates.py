"""Dates in the forms news pages print them.

`find_dates(text)` finds every day-precise date ("19 January 2024", "January 18, 2024 at 11:26
am", "Jan. 18, 2024", "2024-01-18", "Thu, 18 Jan 2024 11:26:00 +0000"); `parse_date(value)` reads a
machine-written value (HTML meta, a JSONL field, a feed's pubDate); `dateline(line)` says whether a
whole line is a publication stamp ("Updated 19 January 2024") or a relative one ("Updated 6 sec
ago", which gives no date). Month-only mentions ("March 2015") are not publication dates and are
ignored on purpose.
"""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

_DATE_RE = re.compile(
    r"\b(?:"
    + _DAY.format(g="d1") + r"\s+(?:of\s+)?" + _MONTH.format(g="m1") + r",?\s+" + _YEAR.format(g="y1")
    + r"|" + _MONTH.format(g="m2") + r"\s+" + _DAY.format(g="d2") + r",?\s+" + _YEAR.format(g="y2")
    + r"|" + _YEAR.format(g="y3") + r"[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d)(?![\d])"
    + r")",
    re.IGNORECASE)

# Words a publication stamp may carry besides the date itself.
_STAMP_WORDS = re.compile(
    r"\b(?:updated|update|published|posted|last|first|modified|created|on|at|date|dated|time|"
    r"mon(?:day)?|tue(?:sday)?|tues|wed(?:nesday)?|thu(?:rsday)?|thur|thurs|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?|am|pm|a\.m\.|p\.m\.|gmt|utc|pkt|ist|est|edt|cet|bst|ast|pst|"
    r"[+-]\d{4}|\d{1,2}[:.]\d\d(?::\d\d)?|\d{1,2}\s*(?:am|pm)|t\d\d:\d\d(?::\d\d)?z?)\b",
    re.IGNORECASE)
_RELATIVE = re.compile(
    r"^(?:updated|published|posted|last updated)?\s*:?\s*(?:\d+|an?|one)\s*"
    r"(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\b.*\bago\.?$|"
    r"^(?:updated|published|posted)?\s*:?\s*(?:just now|today|yesterday)\.?$",
    re.IGNORECASE)


_BY_TAIL = re.compile(r"(?:\bby\s+|\|\s*|\s[-–—]\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def _make(y: str, m: str | int, d: str) -> dt.date | None:
    month = m if isinstance(m, int) else _MONTHS.get(m.lower().rstrip("."), None)
    if month is None:
        month = int(m) if str(m).isdigit() else None
    try:
        return dt.date(int(y), int(month), int(d)) if month else None
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every day-precise date in `text` as (date, start, end)."""
    out = []
    for m in _DATE_RE.finditer(text or ""):
        g = m.groupdict()
        if g["y1"]:
            d = _make(g["y1"], g["m1"], g["d1"])
        elif g["y2"]:
            d = _make(g["y2"], g["m2"], g["d2"])
        else:
            d = _make(g["y3"], int(g["m3"]), g["d3"])
        if d is not None:
            out.append((d, m.start(), m.end()))
    return out


def parse_date(value) -> dt.date | None:
    """A machine-written date (ISO 8601, RFC 822, or a printed form) or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        # epoch seconds (some JSON exports); plausible news range only
        if 0 < value < 4102444800:
            return dt.datetime.fromtimestamp(value, dt.timezone.utc).date()
        return None
    text = str(value).strip()
    if not text:
        return None
    found = find_dates(text)
    if found:
        return found[0][0]
    try:
        from email.utils import parsedate_to_datetime
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def dateline(line: str) -> tuple[str, dt.date | None] | None:
    """("date", d) when the whole line is a publication stamp, ("relative", None) for
    "6 sec ago"-style stamps, else None. A stamp is a date with at most two other words
    (besides prefixes such as "Updated", weekdays and times), so a sentence that merely
    mentions a date is not one."""
    text = line.strip()
    if not text or len(text) > 90:
        return None
    if _RELATIVE.match(text):
        return ("relative", None)
    found = find_dates(text)
    if not found:
        return None
    d, start, end = found[0]
    rest = text[:start] + " " + text[end:]
    # a byline or agency riding on the stamp: "Posted on ... by Field Desk", "... | Reuters"
    rest = _BY_TAIL.sub(" ", rest)
    rest = _STAMP_WORDS.sub(" ", rest)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return ("date", d) if len(words) <= 2 else None


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
