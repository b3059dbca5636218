"""Killed and injured counts from text: digits and words, sums ("three women and four children"),
qualifiers ("at least nine", "nearly 100"), vague quantities by ACLED's conventions ("dozens" =
12, "hundreds" = 100, "several"/"many"/"a number of" = 10 — ACLED codebook fatality rules), and
explicit zeros ("no casualties were reported"). Pure functions over strings; no model needed."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract.prescan import Needs, needs, present
from sitrep.models import Figure

UNITS = {"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
         "a dozen": 12, "dozen": 12}
# Vague quantities: (value, upper bound or None). ACLED: tens 10, dozens 12, hundreds 100;
# "several"/"many"/"a number of"/unknown are coded as 10 in ACLED's notes.
VAGUE = {"dozens": (12, None), "dozens of": (12, None), "tens": (10, None), "hundreds": (100, None),
         "scores": (20, None), "several": (10, None), "many": (10, None), "a number of": (10, None),
         "an unknown number of": (10, None), "unknown number of": (10, None), "a few": (3, None),
         "some": (10, None), "multiple": (10, None), "numerous": (10, None)}
QUALS = ("at least", "more than", "over", "nearly", "almost", "around", "about", "approximately",
         "up to", "as many as", "roughly", "an estimated", "close to", "at most", "some", "over",
         "less than", "fewer than", "reportedly", "some")
LOWER_BOUND = {"at least", "more than", "over"}
UPPER_BOUND = {"nearly", "almost", "up to", "as many as", "at most", "less than", "fewer than"}

_tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_units = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen")
NUM = (rf"(?:\d[\d,]*(?:\s*(?:-|to)\s*\d[\d,]*)?|(?:{_tens})(?:[- ](?:{_units}))?|a hundred|a dozen|"
       rf"an unknown number of|unknown number of|a number of|dozens of|dozens|scores|tens|hundreds|several|"
       rf"many|multiple|numerous|a few|{_units}|an?|no)")
QUAL = r"(?:(?:at least|more than|over|nearly|almost|around|about|approximately|up to|as many as|roughly|an estimated|close to|at most|less than|fewer than|some)\s+)"
AUX = r"(?:(?:were|was|had been|have been|has been|are|is|got|being|been)\s+)"
ADV = r"(?:(?:reportedly|allegedly|also|all|later|subsequently|initially|instantly|immediately|confirmed|feared|seriously|critically|severely|slightly|badly|fatally|gravely|lightly)\s+)"
KILL_V = (r"(?:killed|dead|died|shot dead|slain|murdered|lost their lives|lost his life|lost her life|"
          r"succumbed|beheaded|executed|lynched|massacred|shot and killed|burned to death|burnt to death|"
          r"beaten to death|hacked to death|stabbed to death|shot to death|gunned down|perished|assassinated|"
          r"drowned|crushed to death|found dead|found killed|found murdered)")
INJ_V = r"(?:injured|wounded|hurt|sustained injuries|sustained gunshot wounds|sustained wounds|maimed)"
KILL_ACT = r"(?:killed|killing|kills|kill|murdered|murdering|claimed the lives of|left|leaving|slaying|slew|massacred|executed|executing|beheaded|beheading|gunned down|shot dead|shooting dead|shot and killed)"
INJ_ACT = r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|hurt|hurting)"
WORDS = r"(?:[\w'’()./-]+\s+)"
# words that may sit between a count and its verb: not auxiliaries, verbs of harm or clause breaks
NOUNISH = (r"(?:(?!(?:were|was|is|are|had|have|has|been|being|killed|injured|wounded|hurt|dead|died|and|or|but|"
           r"while|who|which|when|after|before|during|in|on|at|by)\b)[\w'’()./-]+\s+)")
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"


@dataclass(frozen=True)
class Count:
    kind: str           # killed or injured
    low: int
    best: int
    high: int | None
    qualifier: str | None
    start: int
    end: int
    text: str
    victims: str | None = None
    explicit: bool = False      # a stated total ("2 fatalities", "death toll rose to 9")


_DIGIT = re.compile(r"\d")
_DATE_LIKE = [re.compile(rx, flags) for rx, flags in (
    (rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?", 0),
    (rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?", 0),
    (r"\b(?:1[89]|20)\d{2}s?\b", 0),
    (r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|hrs)?", re.I),
    (r"\b\d+\s*(?:km|kilometres|kilometers|miles|metres|meters|hours|minutes|days|years|kg|%|percent)\b", re.I),
)]


def mask_dates(text: str) -> str:
    """Blank out dates, years and clock times so their digits are not read as counts (same length)."""
    def blank(m):
        return "§" * len(m.group(0))
    if not _DIGIT.search(text):
        return text     # every pattern needs a digit
    for rx in _DATE_LIKE:
        text = rx.sub(blank, text)
    return text


# The largest toll a single report plausibly gives (the deadliest events on record are in the
# hundreds of thousands); anything larger is not a count of people and would not fit the store.
MAX_PLAUSIBLE = 1_000_000


def number_value(words: str) -> tuple[int, int | None] | None:
    """'twenty-five' -> (25, 25); '7-10' -> (7, 10); 'dozens' -> (12, None); None if not a number."""
    w = words.lower().strip().replace("’", "'")
    if w in VAGUE:
        return VAGUE[w]
    m = re.fullmatch(r"(\d[\d,]*)\s*(?:-|to)\s*(\d[\d,]*)", w)
    if m:
        lo, hi = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
        if max(lo, hi) > MAX_PLAUSIBLE:
            return None
        return (lo, hi) if lo <= hi else (lo, lo)
    if re.fullmatch(r"\d[\d,]*", w):
        v = int(w.replace(",", ""))
        return (v, v) if v <= MAX_PLAUSIBLE else None
    if w in UNITS:
        return UNITS[w], UNITS[w]
    m = re.fullmatch(rf"({_tens})[- ]({_units})", w)
    if m:
        v = UNITS[m.group(1)] + UNITS[m.group(2)]
        return v, v
    return None


_NUM_IN = re.compile(rf"(?<![\w§])(?:{QUAL})?({NUM})(?![\w§])", re.I)


def _sum_numbers(phrase: str) -> tuple[int, int | None, str | None] | None:
    """Sum the counts joined by 'and' / commas in 'three women and four children'."""
    parts = re.split(r"\s*(?:,\s*and|,|\band\b|\bas well as\b|\bincluding\b)\s*", phrase.strip(), flags=re.I)
    total, high, qual, n_found = 0, 0, None, 0
    for i, part in enumerate(parts):
        if i and "including" in phrase.lower() and re.search(r"\bincluding\b", phrase, re.I):
            break   # "nine people, including two children": the part is inside the whole
        m = re.match(rf"\s*({QUAL})?({NUM})\b", part, re.I)
        if not m:
            continue
        val = number_value(m.group(2))
        if val is None:
            continue
        if m.group(2).lower() in ("a", "an", "no") and n_found == 0 and i > 0:
            continue
        n_found += 1
        total += val[0]
        high = None if (high is None or val[1] is None) else high + val[1]
        if m.group(1):
            qual = m.group(1).strip().lower()
    if not n_found:
        return None
    return total, high, qual


def _make(kind, value_text, m, text, victims=None, explicit=False, sum_phrase=None) -> Count | None:
    if sum_phrase is not None:
        got = _sum_numbers(sum_phrase)
        if not got:
            return None
        best, high, qual = got
    else:
        qm = re.match(rf"({QUAL})?(.+)", value_text.strip(), re.I)
        qual = qm.group(1).strip().lower() if qm.group(1) else None
        val = number_value(qm.group(2))
        if val is None:
            return None
        best, high = val
    if best > MAX_PLAUSIBLE or (high is not None and high > MAX_PLAUSIBLE):
        return None     # a phone number, a sum of money or garbage, not a casualty count
    low = best
    if qual in UPPER_BOUND:
        low = None if best == 0 else max(0, int(best * 0.9))    # "nearly 100": somewhat under
        high = best
    elif qual in LOWER_BOUND:
        high = None
    vague = value_text.strip().lower()
    if any(vague.endswith(v) for v in VAGUE):
        qual = qual or vague
    return Count(kind, low if low is not None else best, best, high, qual, m.start(), m.end(),
                 text[m.start():m.end()], victims, explicit)


def find_counts(text: str) -> list[Count]:
    """Every killed/injured count in `text`, overlapping readings resolved (longest first).
    Remembered for the last few texts: a short report is read once per sentence and again
    whole, and a one-sentence report is the same text twice (Count is frozen; each caller
    gets its own list)."""
    return list(_find_counts(text))


def _alternatives(rx: str) -> tuple[str, ...]:
    """The words of a plain alternation "(?:killed|dead|...)", lower-case."""
    words = tuple(rx[3:-1].split("|")) if rx.startswith("(?:") and rx.endswith(")") else ()
    if not words or any(re.escape(w).replace("\\ ", " ") != w or w != w.lower() for w in words):
        raise ValueError(f"not a plain alternation: {rx}")
    return words


_RESULT_WORDS = r"(?:resulted in|resulting in|results in|led to|leading to|leads to|caused|causing|causes)"
_RESULT = _RESULT_WORDS + r"\s+(?:the\s+)?"


@functools.lru_cache(maxsize=2)
def _patterns(kind: str) -> list[tuple[str, re.Pattern, Needs | None]]:
    """(name, pattern, needs) for one kind of count, compiled once. `needs` is a case-sensitive
    pre-test (prescan.py) for the words the pattern cannot match without (its verb or noun),
    or None."""
    flags = re.I
    verb, act = (KILL_V, KILL_ACT) if kind == "killed" else (INJ_V, INJ_ACT)
    noun = r"(?:fatalities|fatality|deaths|dead|bodies|people dead|killed)" if kind == "killed" else \
        r"(?:injuries|injured|wounded)"

    verb_words, act_words = needs(*_alternatives(verb)), needs(*_alternatives(act))
    out = [
        # "three women and four children were killed", "2 killed", "12 militants and 3 police were killed"
        ("p1", re.compile(rf"(?<![\w§])((?:{QUAL})?{NUM}\s+(?:{NOUNISH}{{0,5}}?(?:(?:and|,)\s+(?:(?:{QUAL})?{NUM}\s+)?{NOUNISH}{{0,4}}?)*))"
                          rf"(?:{AUX}{ADV}?|{ADV}?{AUX}|{ADV})(?:{ADV})?{verb}\b", flags), verb_words),
        ("p1b", re.compile(rf"(?<![\w§])((?:{QUAL})?{NUM}(?:\s+{NOUNISH}{{0,2}}?)?)\s*{verb}\b", flags), verb_words),
        # "seven people, three women and four children, were killed", "two soldiers, including
        # an officer, were killed": the head count; the words between commas only detail it
        ("p1c", re.compile(rf"(?<![\w§])((?:{QUAL})?{NUM}\s+[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?),\s+[^,.;:]{{1,60}}?,\s+"
                           rf"(?:{AUX}{ADV}?|{ADV}?{AUX})(?:{ADV})?{verb}\b", flags), verb_words),
        # "killing the six soldiers": the toll named with its victims known from before
        ("p2b", re.compile(rf"\b{act}\s+(?:all\s+)?the\s+((?!(?:an?|no)\b){NUM})\s+([\w'’-]+(?:\s+[\w'’-]+){{0,2}})", flags),
         act_words),
        # "led to the deaths of five villagers and injuries to eight more"
        # (a result, not a topic: "protested after the killing of a trader" counts no toll)
        ("p2c", re.compile(rf"\b{_RESULT}(?:deaths?|killings?)\s+of\s+((?:{QUAL})?{NUM})\s+([\w'’-]+)" if kind == "killed" else
                           rf"\b(?:{_RESULT}|and\s+(?:the\s+)?)(?:injuries|injury|wounds|wounding)\s+(?:to|of)\s+((?:{QUAL})?{NUM})\s+([\w'’-]+)",
                           flags),
         needs(*_alternatives(_RESULT_WORDS)) if kind == "killed" else needs("injuries", "injury", "wounds", "wounding")),
        # "killing at least 17 militants", "killed three civilians and two soldiers"
        ("p2", re.compile(rf"\b{act}\s+((?:{QUAL})?{NUM}(?:\s+{WORDS}{{0,3}}?(?:and|,)\s+(?:{QUAL})?{NUM})*)"
                          rf"(?:\s+([\w'’-]+(?:\s+[\w'’-]+){{0,2}}))?", flags), act_words),
        # stated totals: "2 fatalities", "death toll rose to 9", "coded as 10"
        ("p3", re.compile(rf"(?<![\w§])((?:{QUAL})?{NUM})\s+(?:reported\s+|confirmed\s+)?{noun}\b", flags),
         needs(*_alternatives(noun))),
        ("p4", re.compile(rf"\b(?:death toll|toll|fatalities|number of (?:dead|deaths))\s+(?:\w+\s+){{0,3}}?(?:to|of|at|is|was|stood at|reached|stands at)\s+((?:{QUAL})?{NUM})", flags)
         if kind == "killed" else
         re.compile(rf"\b(?:number of (?:injured|wounded))\s+(?:\w+\s+){{0,3}}?(?:to|of|at|is|was)\s+((?:{QUAL})?{NUM})", flags),
         needs("toll", "fatalities", "number of") if kind == "killed" else needs("number of")),
        ("p5", re.compile(rf"\b(?:fatalit\w*|casualt\w*|deaths|dead)\s+(?:\w+\s+){{0,3}}?coded as\s+({NUM})", flags)
         if kind == "killed" else None, needs("coded as")),
        # singular: "a woman was killed", "he was shot dead"
        ("p6", re.compile(rf"\b(?:he|she|(?:an?|the|one)\s+{WORDS}{{0,4}}?)(?:was|has been|had been)\s+{ADV}?{verb}\b", flags),
         verb_words),
        # "the man died", "the other died later", "a suspect was shot and died"
        ("p7", re.compile(rf"\b(?:he|she|(?:the|one|another)\s+(?:{NOUNISH}){{0,2}}?)(?:later\s+)?(?:died|succumbed)\b", flags)
         if kind == "killed" else None, needs("died", "succumbed")),
        ("p8", re.compile(r"\b(?:was|were)\s+(?:shot|stabbed|beaten|injured|wounded|attacked)\s+and\s+(?:later\s+)?died\b", flags)
         if kind == "killed" else None, needs("died")),
    ]
    return [(name, pat, need) for name, pat, need in out if pat is not None]


_ZERO = re.compile(r"\b(?:no|without|zero)\s+(?:one\s+(?:was\s+)?|reported\s+|immediate\s+|further\s+)?"
                   r"(casualties|casualty|fatalities|deaths|injuries|injured|killed|dead|one killed|one injured|one hurt|one was hurt)\b", re.I)

@functools.lru_cache(maxsize=1)
def _pre_tests() -> frozenset:
    """Every count pattern's pre-test (its verb or noun), for one scan of a text."""
    return frozenset(need for kind in ("killed", "injured") for _, _, need in _patterns(kind) if need is not None)


@functools.lru_cache(maxsize=256)
def _find_counts(text: str) -> tuple[Count, ...]:
    masked = mask_dates(text)
    found_words = present(masked, _pre_tests())
    out: list[Count] = []
    for kind in ("killed", "injured"):
        for name, pat, need in _patterns(kind):
            if need is not None and found_words is not None and need not in found_words:
                continue    # the pattern's verb or noun is not in the text: it cannot match
            for m in pat.finditer(masked):
                if name in ("p1", "p1b", "p1c"):
                    phrase = m.group(1)
                    if name == "p1b" and re.match(r"(?:an?|no)\b", phrase.strip(), re.I):
                        continue
                    c = _make(kind, phrase, m, text, victims=_victims(phrase), sum_phrase=phrase)
                elif name in ("p2b", "p2c"):
                    c = _make(kind, m.group(1), m, text, victims=m.group(2), sum_phrase=m.group(1))
                elif name == "p2":
                    if kind == "killed" and m.group(0).lower().startswith(("left", "leaving")) and \
                            not re.search(r"\bdead\b", m.group(0), re.I):
                        continue
                    c = _make(kind, m.group(1), m, text, victims=_victims(m.group(1)) or m.group(2),
                              sum_phrase=m.group(1))
                elif name in ("p3", "p4", "p5"):
                    if re.fullmatch(r"an?|no", m.group(1).strip(), re.I):
                        continue
                    c = _make(kind, m.group(1), m, text, explicit=True)
                else:   # p6, p7, p8: one victim
                    c = Count(kind, 1, 1, 1, None, m.start(), m.end(), text[m.start():m.end()], None)
                if c:
                    out.append(c)
    # explicit zeros
    for m in _ZERO.finditer(masked):
        word = m.group(1).lower()
        kinds = ("killed", "injured") if word.startswith("casualt") else \
            (("injured",) if word.startswith(("injur", "one injured", "one hurt", "one was hurt")) else ("killed",))
        for k in kinds:
            out.append(Count(k, 0, 0, 0, None, m.start(), m.end(), text[m.start():m.end()], None, True))
    return tuple(_resolve_overlaps([c for c in out if not _COMPARED.search(text, 0, c.start)]))


# "a higher figure than the seven dead first reported", "up from the 12 killed counted on
# Monday": another report's figure, named to compare with this one; not a count of its own
# ("more than 20 people were killed" has no article and stays a qualifier)
_COMPARED = re.compile(r"\b(?:than|from)\s+the\s+(?:\w+\s+)?$", re.I)


def _victims(phrase: str | None) -> str | None:
    if not phrase:
        return None
    words = re.sub(rf"^\s*(?:{QUAL})?{NUM}\s+", "", phrase.strip(), flags=re.I).strip()
    words = re.sub(r"\s+\b(?:and|of|on|in|at|,)$", "", words).strip(" ,")
    return words or None


def _resolve_overlaps(counts: list[Count]) -> list[Count]:
    """Per kind, keep the longest of overlapping readings; stated totals win over partial counts."""
    kept: list[Count] = []
    for c in sorted(counts, key=lambda c: (not c.explicit, -(c.end - c.start), c.start)):
        if any(k.kind == c.kind and k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def figure(counts: list[Count], kind: str) -> Figure | None:
    """One Figure for a sentence: stated totals win; otherwise the counts of `kind` are summed
    (separate groups of victims in one sentence add up)."""
    mine = [c for c in counts if c.kind == kind]
    if not mine:
        return None
    explicit = [c for c in mine if c.explicit]
    if explicit:
        mine = [max(explicit, key=lambda c: c.best)]
    best = sum(c.best for c in mine)
    low = sum(c.low for c in mine)
    high = None if any(c.high is None for c in mine) else sum(c.high for c in mine)
    quals = [c.qualifier for c in mine if c.qualifier]
    victims = "; ".join(c.victims for c in mine if c.victims) or None
    return Figure(low=low, best=best, high=high, qualifier=quals[0] if quals else None,
                  text=" … ".join(c.text for c in mine), victims=victims)


def combine(figures: list[Figure | None]) -> Figure | None:
    """Figures from several sentences of one short report of a single event: a stated total wins
    (taken as the largest one), else distinct counts add up; a count repeated verbatim is one count."""
    figs = [f for f in figures if f is not None]
    if not figs:
        return None
    seen, parts = set(), []
    for f in figs:
        if (f.best, f.text) in seen:
            continue
        seen.add((f.best, f.text))
        parts.append(f)
    if len(parts) == 1:
        return parts[0]
    nonzero = [f for f in parts if f.best]
    if not nonzero:
        return parts[0]
    best = sum(f.best for f in nonzero)
    low = sum(f.low or 0 for f in nonzero)
    high = None if any(f.high is None for f in nonzero) else sum(f.high for f in nonzero)
    return Figure(low=low, best=best, high=high, qualifier=next((f.qualifier for f in nonzero if f.qualifier), None),
                  text=" | ".join(f.text or "" for f in nonzero), victims=nonzero[0].victims)
