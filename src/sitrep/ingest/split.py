"""Cut a captured text page into the articles it holds.

Two general signals mark where an article starts:

1. a headline-shaped line that comes back within a few lines, with only furniture between
   the two copies (many sites print the headline in a teaser block, then "Updated ...",
   "Follow" and similar widgets, then the headline again above the body);
2. a headline-shaped line after a run of blank lines (or at the top) followed within a few
   lines by a publication stamp ("Updated 14 May 2024", "3 hours ago") and then body text.

A page with neither signal is one article. Lines before the first start that hold no body
paragraph (a site header) are dropped; if they do hold one, they form an article of their own.
"""
from __future__ import annotations

from sitrep.ingest.boilerplate import body_shaped, is_stamp, title_shaped

# How far apart the two copies of a headline may be: the widgets between them on the pages
# looked at take 2-6 lines (caption, short URL, stamp, follow button, blank lines).
REPEAT_WINDOW = 10
# How soon after a headline a stamp must come for signal 2.
STAMP_WINDOW = 4


def _repeat_starts(lines: list[str]) -> list[tuple[int, int]]:
    """(start, repeat) for every headline that recurs with no body paragraph between."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line and title_shaped(line):
            for j in range(i + 1, min(len(lines), i + 1 + REPEAT_WINDOW)):
                if lines[j] == line:
                    out.append((i, j))
                    i = j
                    break
                if body_shaped(lines[j]):
                    break
        i += 1
    return out


def _stamp_starts(lines: list[str]) -> list[int]:
    """Headlines after blank lines (or at the top) followed closely by a stamp, then body."""
    out = []
    for i, line in enumerate(lines):
        if not line or not title_shaped(line):
            continue
        blanks_before = i == 0 or (i >= 2 and not lines[i - 1] and not lines[i - 2])
        if not blanks_before:
            continue
        seen = [k for k in range(i + 1, min(len(lines), i + 1 + STAMP_WINDOW * 2)) if lines[k]]
        stamp = next((n for n, k in enumerate(seen[:STAMP_WINDOW]) if is_stamp(lines[k])), None)
        # the stamp must belong to this headline: no other headline-shaped line in between
        if stamp is None or any(title_shaped(lines[k]) for k in seen[:stamp]):
            continue
        if any(body_shaped(lines[k]) for k in seen[stamp + 1:]):
            out.append(i)
    return out


def split_page(lines: list[str]) -> list[tuple[int, int, int | None]]:
    """Segments of `lines` (already cleaned) as (start, end, repeated_title_line or None)."""
    repeats = _repeat_starts(lines)
    starts: dict[int, int | None] = {s: r for s, r in repeats}
    if len(starts) < 2:
        inside = {k for s, r in repeats for k in range(s, r + 1)}
        for s in _stamp_starts(lines):
            if s not in inside:
                starts.setdefault(s, None)
    if not starts:
        return [(0, len(lines), None)]
    order = sorted(starts)
    segments = []
    if any(body_shaped(line) for line in lines[:order[0]]):
        segments.append((0, order[0], None))
    for n, s in enumerate(order):
        end = order[n + 1] if n + 1 < len(order) else len(lines)
        segments.append((s, end, starts[s]))
    return segments
