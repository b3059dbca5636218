"""What a line of a captured page is: headline, body paragraph, dateline, caption, furniture.

Rules look at a line's shape (length, capitalisation, final punctuation, credits) and take
their general cue patterns from `sitrep/data/boilerplate.yaml`; where a line sits on the page is
decided in `sitrep.ingest.page`. Thresholds were set on hand-made pages of several site styles
(tests/golden/ingest) and checked against captured pages of real news sites.
"""
from __future__ import annotations

import functools
import re

from sitrep.datafiles import read_yaml
from sitrep.ingest.dates import dateline, find_dates

_TERMINAL = ".!?:;\"”’'»)…"
_BULLET = re.compile(r"^\s*[•·▪●◦‣∙*–-]\s+\S")
_BYLINE = re.compile(r"^(?i:by|written by|reporting by|report by)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}"
                     r"(?:\s*(?:,|and|&|\|)\s*.{0,60})?$")
_CAPS_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z &'-]{1,24})\s*:\s*(?P<rest>\S.*)$")


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """The compiled cue patterns of data/boilerplate.yaml."""
    raw = read_yaml("boilerplate.yaml")

    def whole(pats):
        return [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in pats]

    return {
        "version": raw.get("version"),
        "furniture": whole(raw["furniture_lines"]),
        "promo": re.compile(rf"^(?:{'|'.join(raw['promo_labels'])})\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE),
        "credits": [re.compile(rf"(?:{p})\s*$", re.IGNORECASE) for p in raw["caption_credits"]],
        # credit lines inside an article and wire agencies (ingest/variants.py: edits, not swaps)
        "credit_cues": [re.compile(p, re.IGNORECASE) for p in raw.get("credit_cues", [])],
        "agencies": frozenset(a.lower() for a in raw.get("agencies", [])),
        "end_boxes": whole(raw["end_boxes"]),
    }


def clean_line(line: str) -> str:
    """Whitespace-normalised line (non-breaking and zero-width spaces are common in captures)."""
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", line).strip()


def words(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _TERMINAL


def is_furniture(line: str) -> bool:
    text = line.strip().rstrip(":").strip()
    return bool(text) and words(text) <= 6 and any(p.match(text) for p in cues()["furniture"])


def is_promo(line: str) -> bool:
    """"READ: <another headline>" / "OPINION: <...>": a label, a colon and a headline (a
    dateline such as "CITY: <sentence>." ends in a full stop and is body text)."""
    m = cues()["promo"].match(line) or _CAPS_LABEL.match(line)
    if not m:
        return False
    rest = m.group("rest").strip()
    return words(rest) <= 30 and not rest.endswith(".")


def is_byline(line: str) -> bool:
    return words(line) <= 12 and bool(_BYLINE.match(line))


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_subhead(line: str) -> bool:
    """A short all-capitals section heading inside a body ("TALKS 'ON HOLD'")."""
    letters = [c for c in line if c.isalpha()]
    return (0 < words(line) <= 8 and len(letters) >= 3 and all(c.isupper() for c in letters)
            and not ends_sentence(line.rstrip("’'\"”")))


def is_caption(line: str) -> bool:
    """A photo caption: ends with a picture credit, or is one short sentence that ends with a
    full date ("... in Islamabad on Jan. 18, 2024."), the way captions are written and body
    sentences almost never are."""
    if not line or words(line) > 60:
        return False
    if any(p.search(line) for p in cues()["credits"]) and words(line) >= 4:
        return True
    dates = find_dates(line)
    if dates and words(line) <= 40:
        tail = line[dates[-1][2]:].strip()
        single_sentence = not re.search(r"[.!?]\s+[A-Z]", line[:dates[-1][1]])
        return tail in ("", ".") and single_sentence and not line.startswith(("“", "\""))
    return False


def is_end_box(line: str) -> bool:
    return words(line) <= 6 and any(p.match(line.rstrip(":")) for p in cues()["end_boxes"])


def is_stamp(line: str) -> bool:
    return dateline(line) is not None


def title_shaped(line: str) -> bool:
    """Headline shape: 3-35 words, starts with a capital, letter or quote, no final full stop,
    not furniture, a stamp, a byline, a caption or a bullet."""
    n = words(line)
    if not (3 <= n <= 35) or len(line) > 260 or line.endswith((".", ",", ":", ";")):
        return False
    first = line.lstrip("‘“'\"«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if find_dates(line):        # headlines name days ("Tuesday"), almost never full dates
        return False
    return not (is_furniture(line) or is_stamp(line) or is_byline(line) or is_bullet(line)
                or is_caption(line) or is_promo(line) or is_subhead(line) or is_end_box(line))


def body_shaped(line: str) -> bool:
    """A body paragraph: a real sentence of some length. Short lines between two body
    paragraphs are kept too (see page.py); this only decides where the body starts and ends."""
    n = words(line)
    if n < 8 or is_caption(line) or is_bullet(line) or is_promo(line) or is_furniture(line):
        return False
    return ends_sentence(line) or n >= 20


def droppable_in_body(line: str) -> bool:
    """Furniture that sits between body paragraphs."""
    return (is_furniture(line) or is_promo(line) or is_caption(line) or is_subhead(line)
            or is_stamp(line) or is_byline(line))


def outlet_shaped(line: str) -> bool:
    """A sign-off such as "Arab News" or "Reuters": 1-5 capitalised words, no sentence marks."""
    toks = line.split()
    if not (1 <= len(toks) <= 5) or is_furniture(line) or is_end_box(line):
        return False
    small = {"of", "the", "and", "&", "de", "la", "al", "el"}
    return all(t[0].isupper() or t.lower() in small for t in toks) and \
        re.fullmatch(r"[\w&.'’ -]+", line) is not None and not line.endswith(".")
