"""Trigger lexicon matching: which words in a sentence make it report an event, and how ACLED
and CAMEO code that event (data: sitrep/data/triggers.yaml).

Patterns are matched on token lemmas or lower-case forms so they work on any spaCy Doc,
including hand-built ones in tests. A pattern like "recall * ambassador" allows up to GAP tokens
between its words (the PETRARCH dictionary convention)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.extract import lexicon
from sitrep.extract.spantext import span_text

GAP = 6                 # max tokens a "*" may skip; PETRARCH phrases rarely span more
MONTHS = {"march", "may"}   # trigger words that are also month names: skipped when capitalised


@dataclass(frozen=True)
class Trigger:
    id: str
    event_type: str | None
    sub_event_type: str | None
    cameo: str
    goldstein: float
    priority: int
    frame: str | None = None
    frame_only: str | None = None
    topic_ok: bool = False
    yields_to: tuple[str, ...] = ()
    short_only: bool = False    # only in a short one-event report (see core.SUMMARY_MAX_CHARS)


@dataclass(frozen=True)
class Hit:
    trigger: Trigger
    start: int          # token index (doc-level) of the first matched token
    end: int            # one past the last matched token
    head: int           # token index used for the parse: the first matched token
    text: str
    gapped: bool = False    # the pattern had a "*"


def _compile(pattern: str) -> list:
    """'recall * ambassador' -> [{'recall'}, GAP, {'ambassador'}]; 'a|b' alternatives;
    hyphenated words become separate tokens as spaCy splits them; 'retaliat~' is a prefix."""
    out: list = []
    for word in pattern.lower().split():
        if word == "*":
            out.append(None)
            continue
        pieces = [w for w in re.split(r"(-)", word) if w] if "-" in word.strip("-~") else [word]
        for piece in pieces:
            out.append(frozenset(piece.split("|")))
    return out


@functools.lru_cache(maxsize=1)
def lexicon_index():
    """(list of (compiled pattern, Trigger)), first-word index, topic heads."""
    data = lexicon.load("triggers.yaml")
    entries, first = [], {}
    for t in data["triggers"]:
        trig = Trigger(id=t["id"], event_type=t.get("event_type"), sub_event_type=t.get("sub_event_type"),
                       cameo=t["cameo"], goldstein=float(t["goldstein"]), priority=int(t["priority"]),
                       frame=t.get("frame"), frame_only=t.get("frame_only"), topic_ok=bool(t.get("topic_ok")),
                       yields_to=tuple(t.get("yields_to") or ()), short_only=bool(t.get("short_only")))
        for p in t["patterns"]:
            comp = _compile(p)
            entries.append((comp, trig))
            for w in comp[0]:
                first.setdefault(w.rstrip("~"), []).append(len(entries) - 1)
    overrides = {t["id"]: t.get("in_frame") or {} for t in data["triggers"]}
    return entries, first, frozenset(data["topic_heads"]), overrides


@functools.lru_cache(maxsize=1)
def trigger_priorities() -> dict[str, int]:
    """Trigger id -> priority, of the first lexicon entry with that id (what a scan of the
    entries in order finds)."""
    out: dict[str, int] = {}
    for _, t in lexicon_index()[0]:
        out.setdefault(t.id, t.priority)
    return out


@functools.lru_cache(maxsize=1)
def filter_words() -> frozenset:
    """For the cheap pre-filter: per pattern, its most distinctive word (the longest; every
    word of a pattern must be present for it to match, so one is enough to look for)."""
    entries, _, _, _ = lexicon_index()
    out = set()
    for comp, _ in entries:
        elements = [el for el in comp if el is not None and el != frozenset({"-"})]
        best = max(elements, key=lambda el: min(len(w) for w in el))
        out.update(w.rstrip("~") for w in best)
    return frozenset(out)


# Words whose lemma looks like an act but never names one: "according to" is attribution.
NEVER_TRIGGER = frozenset({"according"})


def _word_ok(alts: frozenset, low: str, lem: str) -> bool:
    """Whether a token (its lower-case form and lower-case lemma) is one of `alts`."""
    if low in NEVER_TRIGGER:
        return False
    for a in alts:
        if a.endswith("~"):
            if low.startswith(a[:-1]) or lem.startswith(a[:-1]):
                return True
        elif a == low or a == lem:
            return True
    return False


# A "*" does not reach past the end of a sentence ("... injured hundreds. Police ..." is no
# "injure * police"): the words are matched over a whole paragraph.
SENTENCE_ENDS = frozenset({".", "!", "?"})


def _match_at(comp: list, lows: list[str], lems: list[str], i: int) -> int | None:
    """End index (exclusive, relative to the word lists) when `comp` matches from word i."""
    j, k, gap = i, 0, False
    n = len(lows)
    while k < len(comp):
        el = comp[k]
        if el is None:
            gap = True
            k += 1
            continue
        limit = min(n, j + GAP + 1) if gap else min(n, j + 1)
        found = None
        for m in range(j, limit):
            if _word_ok(el, lows[m], lems[m]):
                found = m
                break
            if lows[m] in SENTENCE_ENDS:
                break
        if found is None:
            return None
        j, gap = found + 1, False
        k += 1
    return j


def find_hits(span) -> list[Hit]:
    """All trigger matches in a sentence (a spaCy Span or Doc), longest per start token."""
    from spacy.attrs import LEMMA, LOWER, ORTH     # (here: importing this module needs no spaCy)
    entries, first, _, _ = lexicon_index()
    hits: list[Hit] = []
    doc = span.doc
    start = getattr(span, "start", 0)   # (a Doc starts at 0)
    # the words read as arrays, not Token by Token: indexing a Doc makes a new Token each time
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, LEMMA])[start:start + len(span)].tolist()
    lows = [strings[low] for _, low, _ in rows]
    lems = [strings[lemma].lower() for _, _, lemma in rows]
    for i, low in enumerate(lows):
        if low in MONTHS and strings[rows[i][0]][:1].isupper():
            continue
        by_low, by_lemma = first.get(low), first.get(lems[i])
        if by_low is None and by_lemma is None:
            continue    # (most words begin no trigger phrase)
        cands = set(by_low or ()) | set(by_lemma or ())
        for idx in cands:
            comp, trig = entries[idx]
            end = _match_at(comp, lows, lems, i)
            if end is not None:
                s0, last = start + i, start + end - 1
                hits.append(Hit(trig, s0, last + 1, s0, span_text(doc[s0:last + 1]), None in comp))
    # a hit inside a longer contiguous hit is part of that phrase ("grenade" in "grenade
    # launcher", "shells" in "tear gas shells"), not a trigger of its own
    return [h for h in hits if not any(
        o is not h and not o.gapped and not o.trigger.frame_only and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
        for o in hits)]


def is_topic(doc, hit: Hit) -> bool:
    """True when the trigger is only what another act is about: its syntactic ancestors (up to
    three steps) include a topic head such as 'protest', 'condemn', 'against' or 'demand'."""
    _, _, heads, _ = lexicon_index()
    tok = doc[hit.head]
    steps = 0
    while tok.head.i != tok.i and steps < 4:
        child, tok = tok, tok.head
        steps += 1
        if hit.start <= tok.i < hit.end:
            continue
        if tok.lemma_.lower() == "claim" and child.dep_ == "xcomp":
            return False    # "the rebels claimed to have ambushed a convoy": a claimed act, not a topic
        if child.dep_ == "conj" and tok.pos_ == "VERB" and tok.lemma_.lower() in clause_words()["crowd_verbs"]:
            continue        # "demonstrated and smashed shop windows": the crowd's two acts, not its topic
        if tok.lemma_.lower() in heads or tok.lower_ in heads:
            return True
        if tok.lemma_.lower() == "call" and any(c.lower_ == "for" for c in tok.children):
            return True     # "calling for the arrest of ...", "called for the judiciary to arrest ...": a demand
    return _claimed_by_relative(doc, hit)


RELATIVES = frozenset({"who", "which", "that"})


@functools.lru_cache(maxsize=1)
def clause_words() -> dict[str, frozenset]:
    """The word lists the clause rules read (triggers.yaml): crowd_verbs, claim_verbs, closures."""
    data = lexicon.load("triggers.yaml")
    return {k: frozenset(w.lower() for w in data[k]) for k in ("crowd_verbs", "claim_verbs", "closures")}


def _claimed_by_relative(doc, hit: Hit) -> bool:
    """"parents who claim their sons were abducted by X kept up their vigil": the act is what
    the people named claim happened to them. The parser often hangs the claimed verb, not
    the claim, on the main clause; read the words: a claim verb opening a relative clause
    ("who claim", "who allege") a few words before the trigger, with no punctuation and no other
    verb between ("parents who claim ... kept up their vigil": the vigil is theirs)."""
    claims = clause_words()["claim_verbs"]
    try:
        first = doc[hit.start].sent.start
    except ValueError:      # a Doc without sentence boundaries
        first = 0
    for i in range(hit.start - 1, max(first, hit.start - 9) - 1, -1):
        tok = doc[i]
        if tok.is_punct or (tok.pos_ == "VERB" and tok.lemma_.lower() not in claims):
            return False
        if tok.lemma_.lower() in claims and i > first and doc[i - 1].lower_ in RELATIVES:
            return True
    return False


def backgrounded(doc, hit: Hit) -> bool:
    """A trigger in a relative clause or used as a modifier ("activists who were detained",
    "the arrested president", "house arrest") describes background, not the reported act."""
    tok = doc[hit.head]
    while hit.start <= tok.head.i < hit.end and tok.head.i != tok.i:
        tok = tok.head      # "stone pelting": the phrase's own head ("pelting"), not its first word
    if tok.dep_ in ("amod", "compound") or (tok.dep_ in ("pobj", "dobj") and tok.head.dep_ == "compound"):
        return True
    for _ in range(2):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def crowds_own_act(doc, hit: Hit, trig: Trigger) -> bool:
    """A riot told in words about the crowd is the event itself, not a side remark: "rioting
    inmates", "police fired at demonstrators who threw stones" (an active relative clause;
    a passive one says what was done to them, see told_of_someone)."""
    if trig.event_type != "Riots":
        return False
    tok = doc[hit.head]
    if tok.lower_ in ("rioting", "rioters", "rioter"):
        return True     # (not "riot police")
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head      # "who had marched to the square and thrown stones"
    # the act is the clause's own verb on a crowd named ("to deplore the attack" is about an
    # act; "those who stole" names no crowd)
    return tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and \
        not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not told_of_someone(doc, hit)


def told_of_someone(doc, hit: Hit) -> bool:
    """A trigger inside a passive relative or participial clause says what was done to someone
    named ("relatives of a trader who was seized and shot by gunmen", "widows of men killed by
    bombings", "students who had been jailed for throwing a petrol bomb"): it
    describes those people, not the act reported. (An active one may be the crowd's own act:
    "demonstrators who threw stones".)"""
    tok = doc[hit.head]
    for _ in range(6):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head      # "abducted and killed": the clause is the first verb's
        if tok.dep_ == "prep" and tok.lower_ not in ("by", "for"):
            return False        # "(a scuffle) which was turned into clashes": the act, not its doer or cause
        if tok.dep_ == "relcl":
            return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        if tok.dep_ == "acl":     # (a participle alone may be a misparsed past tense: "citizens built")
            return any(c.dep_ in ("auxpass", "agent") for c in tok.children)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def closed_by_no_one(doc, hit: Hit) -> bool:
    """A closure told in the passive with no one doing it ("the crossing was shut down", "roads
    were closed due to the curfew") is the authorities' measure, no protest ("traders shut down
    the market" is one)."""
    tok = doc[hit.head]
    return tok.lemma_.lower() in clause_words()["closures"] and any(c.dep_ == "auxpass" for c in tok.children) and \
        not any(c.dep_ == "agent" for c in tok.children)


def resolve(hit: Hit, frames: set[str]) -> Trigger | None:
    """The coding of `hit` given the frames open in its paragraph, or None if it needs a frame
    that is not open."""
    trig = hit.trigger
    if trig.frame_only and trig.frame_only not in frames:
        return None
    _, _, _, overrides = lexicon_index()
    for frame, over in overrides.get(trig.id, {}).items():
        if frame in frames:
            return Trigger(id=f"{trig.id}@{frame}", event_type=over["event_type"],
                           sub_event_type=over["sub_event_type"], cameo=str(over["cameo"]),
                           goldstein=float(over["goldstein"]), priority=int(over["priority"]),
                           frame=trig.frame, topic_ok=trig.topic_ok)
    return trig


def subordinate(doc, hit: Hit, hits: list[Hit]) -> bool:
    """An infinitive of purpose hanging off another trigger ("summoned the envoy to protest
    the shelling") states why, not a second event."""
    tok = doc[hit.head]
    if hit.trigger.frame and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i != tok.i and \
            any(o is not hit and o.start <= tok.head.head.i < o.end for o in hits):
        return True     # "recalled its ambassador in protest at ...": the manner of another act
        # ("took part in a demonstration" is the act itself)
    if tok.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    # a claim or accusation governing the act ("claimed to have thwarted an attack") reports
    # it rather than explaining it, so the act stands
    return any(o is not hit and not o.trigger.topic_ok and o.start <= tok.head.i < o.end for o in hits)


def usable(doc, h: Hit, hits: list[Hit], frames: set[str], short: bool = True) -> Trigger | None:
    """The trigger reading of a hit if it can name an event of its own, else None."""
    trig = resolve(h, frames)
    if trig is None or (trig.short_only and not short):
        return None
    if not trig.topic_ok and is_topic(doc, h):
        return None
    if trig.event_type == "Protests" and closed_by_no_one(doc, h):
        return None
    if subordinate(doc, h, hits):
        return None
    if (trig is not h.trigger or trig.frame_only) and backgrounded(doc, h) and not crowds_own_act(doc, h, trig):
        return None     # a frame-dependent reading needs the act itself, not a side remark
    if "protest" in frames and trig.event_type != "Protests" and told_of_someone(doc, h):
        return None     # a demonstration's report: what was done to its people is its cause
    return trig


def best_hit(doc, hits: list[Hit], frames: set[str], short: bool = True) -> tuple[Hit, Trigger] | None:
    """The winning trigger of a sentence: highest priority among the usable hits; ties go to
    the earlier, then the longer match."""
    best = None
    for h in hits:
        trig = usable(doc, h, hits, frames, short)
        if trig is None:
            continue
        key = (trig.priority, -h.start, h.end - h.start)
        if best is None or key > best[0]:
            best = (key, h, trig)
    if best is None:
        return None
    _, h, trig = best
    if trig.yields_to:
        # weapons used in a clash belong to the clash (ACLED: remote violence is coded
        # "absent an armed clash"; two sides exchanging fire is an Armed clash)
        for o in hits:
            if o.trigger.id in trig.yields_to and (o.trigger.topic_ok or not is_topic(doc, o)):
                ot = resolve(o, frames)
                if ot is not None and ot.event_type == "Battles":
                    return o, ot
    return h, trig


def frames_in(hits: list[Hit], doc=None) -> set[str]:
    """Frames opened by hits (a protest trigger that is not a mere topic opens 'protest')."""
    out = set()
    for h in hits:
        if h.trigger.frame and (doc is None or ((h.trigger.topic_ok or not is_topic(doc, h))
                                                and not subordinate(doc, h, hits)
                                                and not (h.trigger.event_type == "Protests"
                                                         and closed_by_no_one(doc, h)))):
            out.add(h.trigger.frame)
    return out
