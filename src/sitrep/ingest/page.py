"""One article out of a stretch of page lines: headline, stamp, body, sign-off.

A stretch reads head / body / tail. The body runs from the first to the last body paragraph
(boilerplate.body_shaped); the head above it holds the headline, publication stamp, byline,
captions, bullet summaries and widgets; the tail below it holds sign-offs and widgets. Only
the body is kept as text, minus the furniture that sits between paragraphs (captions, "READ:"
promos, section headings). A closing "About ..." box and everything after it is cut first.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sitrep.ingest.boilerplate import (body_shaped, clean_line, droppable_in_body, is_bullet,
                                       is_caption, is_end_box, outlet_shaped, title_shaped, words)
from sitrep.ingest.dates import dateline, find_dates
from sitrep.ingest.split import split_page


@dataclass
class Draft:
    """An article before it gets ids and a status (internal to ingest)."""
    title: str | None
    text: str
    published: dt.date | None = None
    published_how: str = "none"         # meta, dateline, record, feed, inferred, none
    inferred: bool = False
    outlet: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)


def text_lines(text: str) -> list[str]:
    return [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _cut_end_box(seg: list[str], first_body: int) -> list[str]:
    # Only in the lower part of the stretch: an "About ..." line near the top is not a box.
    floor = max(first_body + 1, len(seg) // 2)
    for k in range(floor, len(seg)):
        if seg[k] and is_end_box(seg[k]):
            return seg[:k]
    return seg


def _choose_title(head: list[str], repeated: frozenset[str] = frozenset()) -> str | None:
    """The last headline-shaped line above the first stamp, else the last one in the head
    (site names and taglines sit above headlines, not below them)."""
    stamp_at = next((i for i, line in enumerate(head) if dateline(line)), len(head))
    for zone in (head[:stamp_at], head):
        cands = [line for line in zone if line and line not in repeated and title_shaped(line)]
        if cands:
            return cands[-1]
    return None


def _stamp(lines: list[str]) -> dt.date | None:
    for line in lines:
        found = dateline(line) if line else None
        if found and found[0] == "date":
            return found[1]
    return None


def infer_published(captions: list[str]) -> dt.date | None:
    """The latest full date in the article's photo captions: pictures are dated the day they
    are taken, which for news photos is at or just before publication. Dates in the body are
    not used: they name the events reported, often years back."""
    dates = [d for c in captions for d, _, _ in find_dates(c)]
    return max(dates) if dates else None


def parse_stretch(seg: list[str], title_hint: str | None = None,
                  repeated: frozenset[str] = frozenset()) -> Draft:
    """A Draft from the lines of one article; `repeated` lines are the page's own furniture."""
    firsts = [i for i, line in enumerate(seg) if line and body_shaped(line)]
    if not firsts:
        head, body, tail = seg, [], []
    else:
        seg = _cut_end_box(seg, firsts[0])
        firsts = [i for i, line in enumerate(seg) if line and body_shaped(line)]
        first, last = firsts[0], firsts[-1]
        head, body, tail = seg[:first], seg[first:last + 1], seg[last + 1:]
    title = title_hint or _choose_title(head, repeated)
    captions = [line for line in seg if line and is_caption(line)]
    kept = [line for line in body if line and not droppable_in_body(line)
            and line not in repeated and not (title and line == title)]
    published = _stamp(head) or _stamp(tail)
    draft = Draft(title=title, text="\n".join(kept), published=published,
                  published_how="dateline" if published else "none", captions=captions)
    if published is None:
        guess = infer_published(captions)
        if guess:
            draft.published, draft.published_how, draft.inferred = guess, "inferred", True
    sign_off = next((line for line in tail if line), None)
    if sign_off and outlet_shaped(sign_off) and not is_bullet(sign_off):
        draft.outlet = sign_off
    return draft


def _masthead(lines: list[str], drafts: list[Draft]) -> str | None:
    """The site name printed at the top of a page ("The Daily Example"): the first line, when
    it is outlet-shaped, is not an article's headline and comes before any body text."""
    first = next((line for line in lines if line), None)
    if not first:
        return None
    name = first.split(" | ")[0].strip()
    if not outlet_shaped(name) or any(first == d.title for d in drafts):
        return None
    # "CAPITAL TIMES" -> "Capital Times": mastheads are often set in capitals
    return name.title() if name.isupper() and len(name) > 4 else name


def repeated_lines(lines: list[str]) -> frozenset[str]:
    """Short non-sentence lines printed three or more times on one page ("Continue reading
    below", a newsletter plug): a site's own furniture, whatever its wording. Headlines are
    printed twice at most (teaser and article), so three is the bar."""
    counts = Counter(line for line in lines if line and words(line) <= 8 and not body_shaped(line))
    return frozenset(line for line, n in counts.items() if n >= 3)


def parse_text_page(text: str, furniture: frozenset[str] = frozenset()) -> list[Draft]:
    """Every article of a captured text page, in page order. `furniture`: lines known to be
    furniture from other pages of the run (repeats.site_furniture)."""
    lines = text_lines(text)
    repeated = repeated_lines(lines) | furniture
    drafts = []
    for start, end, repeat in split_page(lines):
        hint = lines[start] if repeat is not None else None
        drafts.append(parse_stretch(lines[start:end], title_hint=hint, repeated=repeated))
    masthead = _masthead(lines, drafts)
    for d in drafts:
        d.outlet = d.outlet or masthead
    return drafts
