"""Acts inside one sentence: coordinated verbs with different codes, acts on both sides of a
sequence cue ("X in response to Y", "a day after Y"), acts inside a condemnation ("condemned Y
for carrying out a strike"), claims of responsibility, one mention per target country."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

from sitrep.extract.actors import ARMED_TYPES, dated, entity_country, find_actors, generic_actor
from sitrep.extract.links import link_cues
from sitrep.extract.modality import ALLEGED, ASSERTED
from sitrep.extract.numbers import find_counts
from sitrep.extract.spantext import ents_of, span_text
from sitrep.extract.triggers import best_hit, frames_in, resolve, subordinate, usable
from sitrep.extract.kinds import FALLBACK, VIOLENT
from sitrep.models import LinkCue, Mention

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- helpers


CAME_AFTER = re.compile(r"^\W*(?:it|this|that|they|these|those|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:also\s+|only\s+)?"
                        r"(?:came|comes|happened|occurred|followed|took place|was carried out|were carried out)\s+"
                        r"(?:just\s+|only\s+)?$", re.I)


def _came_after(sent, got, earlier, start) -> list[Mention]:
    """'It came a day after Y launched strikes': the sentence tells of Y, the EARLIER act; the
    act referred to by 'it' (told just before) is the later one and carries the cue."""
    text = span_text(sent)
    m = next((c for c in SEQUENCE_CUES.finditer(text) if CAME_AFTER.match(text[:c.start()])), None)
    if m is None or not got:
        return got
    prev = next((k for k in range(len(earlier) - 1, -1, -1) if earlier[k].article_id == got[0].article_id
                 and start - earlier[k].end < 600 and earlier[k].start < start), None)
    if prev is None:
        return got
    out, target = [], None
    for g in got:
        at = text.find(g.trigger) if g.trigger else -1
        if at > m.start():
            # the cue sits on the later act, not on the earlier one this sentence names
            g = dataclasses.replace(g, links=tuple(c for c in g.links if c.target_mention))
            target = target or g
        out.append(g)
    if target is None:
        return got
    found = link_cues(text[m.start():])
    days = found[0].days_after if found else None
    cue = LinkCue(type=found[0].type if found else "follows", cue=m.group(0), target_text=target.trigger,
                  target_mention=target.mention_id, days_after=days)
    later = earlier[prev]
    earlier[prev] = dataclasses.replace(later, links=tuple(c for c in later.links if c.type != cue.type) + (cue,))
    return out


CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:responsibility|the (?:attack|bombing|blast|strike|assault|ambush|killing)s?)\b|"
                   r"\b(?:was|were|been|being|is|are|,)?\s*claimed\s+by\b", re.I)


def claimant(text: str, country: str | None):
    """The first named armed group (not a state's force) in `text`: who a claim of
    responsibility names, else None."""
    return next((h.actor for h in find_actors(text, country)
                 if h.actor.type in ARMED_TYPES - {"state_forces"} and not h.generic), None)


def _claimed(sent, got, earlier, start, country) -> list[Mention]:
    """'The attack was claimed by X', 'X claimed responsibility for the attack': X is the
    perpetrator (actor1) of the attack referred to - told in this sentence or the one
    before - not the source of a separate statement (CAMEO 010)."""
    # a claim is never a statement event of its own in a long article; at most it names a doer
    claims = [m for m in got if m.rule.endswith("claim_responsibility")]
    rest = [m for m in got if m not in claims]
    if not CLAIM.search(span_text(sent)):
        return rest
    group = claimant(span_text(sent), country)
    if group is None:
        return rest
    acts = [m for m in got if m.event_type in VIOLENT]
    target = None
    if acts:
        target = ("got", got.index(acts[0]))
    else:
        for k in range(len(earlier) - 1, -1, -1):
            m = earlier[k]
            if m.article_id != (got[0].article_id if got else m.article_id) or start - m.end > 400:
                break
            if m.event_type in VIOLENT:
                target = ("earlier", k)
                break
    if target is None:
        return rest
    where, k = target
    seq = got if where == "got" else earlier
    m = seq[k]
    if m.actor1 is None or m.actor1.type == "unidentified" or m.actor1.actor_id is None:
        seq[k] = dataclasses.replace(m, actor1=dated(group, m.date))    # under its name on that day
    return [m for m in got if m not in claims]


# ---------------------------------------------------------------- several acts in one sentence

# Words that put two acts in sequence: what follows them is an earlier, separate event
# ("strikes in response to a bombing", "protested after an assault in which gunmen ...").
SEQUENCE_CUES = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d+) days? after|hours after|weeks after|after|"
    r"in (?:apparent |an apparent )?retaliation (?:for|against)|in (?:a )?(?:direct )?response to|"
    r"in reaction to|to avenge)\b", re.I)


def _coordinated(doc, hits, frames, hit, trig):
    """Acts joined to the main verb by coordination that CAMEO codes differently: 'condemned
    the attack and summoned the envoy' is a condemnation and a summons. Two violent verbs
    joined ('attacked and killed') are one event and stay one."""
    head = doc[hit.head]
    if head.pos_ not in ("VERB", "AUX"):
        return []
    group = {head.i} | {t.i for t in head.conjuncts}
    out = []
    for h in hits:
        if h is hit or h.head == hit.head or h.head not in group or doc[h.head].pos_ != "VERB":
            continue    # (two readings of the same verb, "threatened ... with military action", are one act)
        t = usable(doc, h, hits, frames, False)
        if t is None and doc[h.head].dep_ == "conj":
            # a verb joined to the main verb is a second act, not the topic of the first
            # ("condemned the attack and summoned the envoy")
            t = resolve(h, frames)
            if t is not None and (t.short_only or subordinate(doc, h, hits)):
                t = None
        if t is None or t.cameo == trig.cameo or any(h.head == o.head or t.cameo == ot.cameo for o, ot in out):
            continue
        if t.event_type is not None and trig.event_type is not None:
            continue
        out.append((h, t))
    return out[:2]


_TIME_WORDS = {"a", "an", "few", "several", "some", "just", "only", "shortly", "soon", "hours", "days", "weeks",
               "months", "moments", "minutes", "two", "three", "four", "five", "barely", "mere"}


def _time_lead(span) -> bool:
    """Only a stretch of time before the cue ("A few days after ...", "Hours after ...")."""
    return len(span) > 0 and all(t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_WORDS for t in span)


def _split(doc, sent, hits, frames, hit, trig):
    """(main side, other side, its hit, its trigger) when a sequence cue separates the main
    act from another act the sentence reports as an event of its own; else None. The other
    side must name the act as a noun ('a suicide bombing') or a clause with its own subject
    ('after gunmen waylaid buses'); 'killed nine people after abducting them' is one event."""
    for m in SEQUENCE_CUES.finditer(span_text(sent)):
        cut = sent.start_char + m.start()
        ci = next((t.i for t in sent if t.idx >= cut), None)
        if ci is None or ci >= sent.end - 1:
            continue
        if ci <= sent.start + 1 or _time_lead(doc[sent.start:ci]):
            # "A day after X, Y ...", "A few days after X, Y ...": the cue's clause runs to the first comma
            comma = next((t.i for t in doc[ci:sent.end] if t.text == ","), None)
            if comma is None or comma >= sent.end - 2:
                continue
            left, right = doc[comma + 1:sent.end], doc[ci:comma]
            main_left = not (right.start <= hit.head < right.end)
            other = right if main_left else left
            cand = [h for h in hits if other.start <= h.head < other.end]
            got = _loose_best(doc, cand, hits, frames)
            if got is None or _back_reference(doc[_hroot(doc, got[0])], other):
                continue
            oh, ot = got
            return (left, right, oh, ot) if main_left else (right, left, oh, ot)
        left, right = doc[sent.start:ci], doc[ci:sent.end]
        main_left = hit.head < ci
        other = right if main_left else left
        cand = [h for h in hits if other.start <= h.head < other.end]
        got = _loose_best(doc, cand, hits, frames)
        if got is None:
            continue
        oh, ot = got
        cue_side = doc[_hroot(doc, oh if main_left else hit)]
        if not _own_act(cue_side, right):
            if not main_left:
                # the winning trigger only qualifies the act before the cue ("killed nine
                # people after abducting them", "retaliated for the ambush"): that act is the event
                return None, None, oh, ot
            continue
        if ot.cameo == trig.cameo and ot.sub_event_type == trig.sub_event_type and \
                (ot.event_type is not None or trig.event_type is not None):
            continue    # the same kind of act on both sides: a restatement, not two events
        if main_left:
            return left, right, oh, ot
        return right, left, oh, ot
    return None


BLAME_PREPS = {"for", "of", "over"}
ACCUSE = "112"      # CAMEO "accuse" (blame, allege); "111" condemns an act taken as fact


def _blamed_act(doc, sent, hits, frames, hit, trig, country):
    """'X condemned Y for carrying out a strike', 'X accused Y of shelling': the act is an event
    of its own whose doer is Y, not X. -> (condemnation's scope, act's scope, its hit, its
    trigger, Y as the act's actor1) or None."""
    if trig.event_type in VIOLENT:
        # the act won the sentence ("condemned Y for a strike that killed two"): the blame
        # verb governing it is the sentence's main act
        for h in hits:
            t = resolve(h, frames)
            if h is hit or t is None or t.event_type is not None or t.cameo not in ("111", "112"):
                continue
            got = _blamed_act(doc, sent, hits, frames, h, t, country)
            if got is not None and got[1].start <= hit.head < got[1].end:
                return got
        return None
    if trig.event_type is not None or trig.cameo not in ("111", "112"):
        return None
    verb = doc[hit.head]
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in BLAME_PREPS and c.i > verb.i), None)
    if prep is None and obj is not None:     # "accused Y of ...": the prep may hang on Y
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in BLAME_PREPS), None)
    if obj is None or prep is None or prep.i < obj.i:
        return None
    sub = list(prep.subtree)
    act = doc[sub[0].i:sub[-1].i + 1]
    cand = [h for h in hits if act.start <= h.head < act.end and h is not hit]
    cand = [h for h in cand if (resolve(h, frames) or FALLBACK).event_type in VIOLENT]
    got = _loose_best(doc, cand, hits, frames) if cand else None
    if got is None or got[1].event_type not in VIOLENT:
        return None
    who = doc[obj.left_edge.i:obj.right_edge.i + 1] if obj.right_edge.i < prep.i else doc[obj.left_edge.i:obj.i + 1]
    actor = _named_actor(who, country)
    if actor is None:
        return None
    return doc[sent.start:prep.i], act, got[0], got[1], actor, hit, trig


def _named_actor(span, country):
    """The actor a short phrase names: a registry group, a described force, or a country's state."""
    found = [h.actor for h in find_actors(span_text(span), country)]
    if found:
        return next((a for a in found if a.actor_id), found[0])
    for ent in ents_of(span):
        if ent.label_ not in ("GPE", "NORP"):
            continue
        iso = entity_country(ent.text)
        if iso:
            return generic_actor("military", iso, ent.text)
    return None


def _blamed_fix(m: Mention, actor, act_text: str = "", accused: bool = False) -> Mention:
    """The blamed act: its doer is the one blamed; its day is not the day of the blame unless
    the act's own words date it; and a country it was given from outside its own words (the
    accused capital in "accused Islamabad of killing civilians", or the article's country) does
    not place it, nor its unnamed victims: the act may have happened anywhere. `accused`: the
    act is only the content of an accusation ("accused X of V-ing", "blamed X for"), not of a
    condemnation that takes it as fact ("condemned X for the strike"): it is alleged, a claim
    about an event told elsewhere that may join that event but is none of its own."""
    date, precision = m.date, m.date_precision
    if m.date_text is None and date and len(date) == 10:
        date, precision = date[:7], 3
    a2 = m.actor2 if m.actor2 is None or m.actor2.name != actor.name else None
    place = m.place
    if place is not None and place.feature == "country" and not (place.text and place.text in act_text):
        place = None
        if a2 is not None and a2.type == "civilians" and a2.actor_id is None:
            a2 = generic_actor("civilians", None, a2.text)
    modality = ALLEGED if accused and m.modality == ASSERTED else m.modality
    return dataclasses.replace(m, actor1=dated(actor, date), actor2=a2, date=date, date_precision=precision,
                               place=place, modality=modality)


def _loose_best(doc, cand, hits, frames):
    """The best act among `cand` where being the topic of a verb on the other side of a
    sequence cue does not count against it ("protested ... after gunmen attacked buses")."""
    # the other side is a scene of its own: its frame ("protest") comes from its own words
    frames = frames_in(cand, doc) if cand else frames
    got = best_hit(doc, cand, frames, short=False) if cand else None
    if got is not None:
        return got
    best = None
    for h in cand:
        t = resolve(h, frames)
        if t is None or t.short_only or subordinate(doc, h, hits):
            continue
        key = (t.priority, -h.start, h.end - h.start)
        if best is None or key > best[0]:
            best = (key, h, t)
    return best[1:] if best else None


def _hroot(doc, hit) -> int:
    """The syntactic head of a trigger's words ('drone strikes' -> strikes)."""
    return doc[hit.start:hit.end].root.i if hit.end > hit.start else hit.head


def _own_act(tok, span) -> bool:
    """Is the trigger after a sequence cue an act of its own? A noun that is not a bare
    back-reference ('a suicide bombing', "Tehran's strike"), or a clause with its own subject
    ('after gunmen waylaid buses'); not a subjectless gerund ('after abducting them')."""
    if tok.pos_ in ("VERB", "AUX"):
        verb = tok
        while verb.dep_ == "conj" and verb.head.i != verb.i:    # "waylaid buses and shot 14"
            verb = verb.head
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return not _back_reference(tok, span)


def _back_reference(tok, span) -> bool:
    """'the ambush', 'that deadly attack': a definite act noun with nothing new about it (no
    agent, no toll, no compound naming its kind) points back to an event already told."""
    kids = list(tok.children)
    return tok.pos_ in ("NOUN", "PROPN") and not find_counts(span_text(span)) and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those") for c in kids) and \
        all(c.dep_ in ("det", "amod", "punct") for c in kids)


def _sequence(main: Mention, other: Mention, main_scope, other_scope):
    """Order and link two acts split by a sequence cue: the later act carries the cue,
    pointing at the earlier; 'N days after X' dates X N days before the later act."""
    # the side that opens with the cue names the earlier act
    later, earlier = (main, other) if SEQUENCE_CUES.match(span_text(other_scope)) else (other, main)
    cue_text = (other_scope if later is main else main_scope).text
    found = link_cues(cue_text)
    m = SEQUENCE_CUES.match(cue_text)
    days = None
    if m and m.group("n"):
        from sitrep.extract.numbers import number_value
        val = number_value(m.group("n"))
        days = val[0] if val else None
    if found:
        links = tuple(LinkCue(type=c.type, cue=c.cue, target_text=c.target_text,
                              target_mention=earlier.mention_id, days_after=c.days_after)
                      for c in found[:1])
        later = dataclasses.replace(later, links=links + tuple(
            c for c in later.links if c.type != found[0].type))
        earlier = dataclasses.replace(earlier, links=tuple(c for c in earlier.links if c.type != found[0].type))
    if days and later.date and later.date_precision == 1 and len(later.date) == 10 and \
            not earlier.date_text:
        d = dt.date.fromisoformat(later.date) - dt.timedelta(days=days)
        earlier = dataclasses.replace(earlier, date=d.isoformat(), date_precision=1)
    elif earlier.date_text is None and later.date and earlier.date == later.date and \
            m and m.group(0).lower() in ("after", "weeks after"):
        # "after X" with no date of its own: X is earlier, its day unknown
        earlier = dataclasses.replace(earlier, date=later.date[:7], date_precision=3)
    # (the other act, the main act) as the caller holds them
    return (earlier, later) if later.mention_id == main.mention_id else (later, earlier)


PLACE_PREPS = {"against", "in", "on", "into", "inside", "across", "at"}


def _per_country(doc, m: Mention, sent, place_of) -> list[Mention]:
    """'strikes against Syria, Iraq and Kurdistan': coordinated targets in different
    countries are one mention per country (same act, same agent)."""
    if m.event_type not in VIOLENT:
        return [m]
    words = m.trigger.split()
    first = next((t.i for t in sent if t.text == words[0]), None)
    if first is None:
        return [m]
    toks = list(doc[first:min(sent.end, first + len(words))])
    toks += [t.head for t in toks if t.dep_ in ("dobj", "pobj", "nsubjpass")]
    toks += [c for t in toks for c in t.children if c.dep_ == "dobj"]
    ents = []
    preps = [c for t in toks for c in t.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for t in [pobj] + list(pobj.conjuncts):
                ent = next((e for e in ents_of(sent) if e.start <= t.i < e.end and e.label_ == "GPE"), None)
                if ent is not None and ent not in ents:
                    ents.append(ent)
    if len(ents) < 2:
        return [m]
    places = []
    for ent in ents:
        p = place_of(doc[ent.start:ent.end], doc)
        # only names of countries split the act; a region among them ("Syria, Iraq and
        # Kurdistan") is part of one of them, and its namesakes elsewhere are a trap
        if p is not None and p.iso3 and p.feature == "country" and p.iso3 not in {q.iso3 for q in places}:
            places.append(p)
    if len(places) < 2:
        return [m]
    return [m if i == 0 and m.place is not None and m.place.iso3 == p.iso3 else
            dataclasses.replace(m, place=p, mention_id=m.mention_id + (f"/{i}" if i else ""))
            for i, p in enumerate(places)]
