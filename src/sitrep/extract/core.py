"""Extractor: articles -> Mentions, one per sentence that reports an event.

    chunks   = candidate paragraphs (candidates.py)         cheap regex, before the model
    docs     = nlp.pipe(chunks, batch_size, n_process)      only candidates are parsed
    per sentence: trigger (triggers.py) -> place (places.event_place) -> actors and roles
    (actors.py) -> ACLED refinements by actor type -> counts (numbers.py) -> date
    (timex.event_date) -> attribution, modality, link cues

A short one-paragraph document (an ACLED-style note or a wire brief) describes ONE event: its
sentences are merged into a single mention (see _merge_summary)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections import defaultdict

from sitrep.extract import lexicon
from sitrep.extract.actors import (AGENT, ARMED_TYPES, PARTY, PATIENT, find_actors, generic_actor,
                                   kind_for_event_type, role_of)
from sitrep.extract.attribution import attribution
from sitrep.extract.candidates import candidate_chunks
from sitrep.extract.links import link_cues, resolve_target
from sitrep.extract.modality import background, generic_reference, modality
from sitrep.extract.numbers import figure, find_counts
from sitrep.extract.triggers import Trigger, best_hit, find_hits, frames_in, resolve, subordinate, usable
from sitrep.models import Actor, LinkCue, Mention

log = logging.getLogger(__name__)

try:
    from sitrep.extract import timex
except ImportError:     # the time stage lands separately; run without dates until then
    timex = None
try:
    from sitrep.extract import places
except ImportError:
    places = None

# A document of one paragraph under this size reports one event (ACLED notes are 100-900
# characters; a news article runs to several paragraphs).
SUMMARY_MAX_CHARS = 1500
# Bare casualty words: in a short report's later sentences they give figures, not event types.
CASUALTY_WORDS = {"killed", "injured", "wounded", "dead", "died", "hurt", "killing", "injuring"}
# Weapons that make a brawl an armed fight.
ARMED_WORDS = re.compile(r"\b(?:fired|firing|opened fire|gun\w*|rifles?|shot|shooting|machetes?|firearms?|"
                         r"weapons?|bullets?|guns?)\b", re.I)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# When a short report names no recognisable trigger at all: an armed actor without an act is
# most often a movement or presence of forces (ACLED "Change to group/activity"); otherwise the
# commonest ACLED type in contemporary data (Protests/Peaceful protest, ~30% of global_2020_05).
# Flagged by rule "fallback" and confidence 0.2.
FALLBACK = Trigger("fallback", "Protests", "Peaceful protest", "141", -6.5, 0)
FALLBACK_ARMED = Trigger("fallback_armed", "Strategic developments", "Change to group/activity", "154", -7.2, 0)


class Extractor:
    def __init__(self, settings=None, nlp=None):
        self.settings = settings
        self._nlp = nlp
        self.version = lexicon.version()

    @property
    def nlp(self):
        if self._nlp is None:
            from sitrep.nlp import load_pipeline
            self._nlp = load_pipeline()
        return self._nlp

    def extract(self, articles) -> dict[str, list[Mention]]:
        articles = list(articles)
        chunks = [c for a in articles for c in candidate_chunks(a.article_id, a.text)]
        batch = getattr(self.settings, "batch_size", 64) or 64
        n_process = getattr(self.settings, "n_process", 1) or 1
        docs = defaultdict(list)
        for chunk, doc in zip(chunks, self.nlp.pipe((c.text for c in chunks), batch_size=batch,
                                                     n_process=n_process)):
            docs[chunk.article_id].append((chunk, doc))
        # articles captured on one page were published around the same time: an undated one
        # takes its siblings' latest date as the bound of its story (month precision)
        siblings = defaultdict(list)
        for a in articles:
            d = _date(a.published)
            if d is not None:
                siblings[getattr(a, "document", None)].append(d)
        out = {}
        for a in articles:
            try:
                hint = max(siblings.get(getattr(a, "document", None)) or [None], key=lambda d: d or dt.date.min)
                out[a.article_id] = self.extract_article(a, docs.get(a.article_id, []), hint=hint)
            except Exception:       # one odd article must not sink the batch; keep the evidence
                log.exception("extraction failed for %s", a.article_id)
                out[a.article_id] = []
        return out

    # ------------------------------------------------------------ one article

    def extract_article(self, article, chunk_docs, hint=None) -> list[Mention]:
        anchor = _date(article.published)
        # no publication date: relative expressions resolve only to the story's estimated month
        approx = None
        if anchor is None and timex is not None:
            try:
                approx = timex.estimate_anchor(article.text, hint)
            except Exception:
                log.debug("estimate_anchor failed", exc_info=True)
        self._approx = approx
        country = _article_country([d for _, d in chunk_docs])
        summary = len(chunk_docs) == 1 and "\n" not in article.text.strip() and \
            len(article.text) <= SUMMARY_MAX_CHARS
        mentions: list[Mention] = []
        previous = None
        for chunk, doc in chunk_docs:
            hits = find_hits(doc)
            # a short report is one scene: a protest named anywhere colours all its violence;
            # in a long article each sentence stands on its own
            doc_frames = frames_in(hits, doc) if summary else None
            for sent in doc.sents:
                shits = [h for h in hits if sent.start <= h.start < sent.end]
                frames = doc_frames if summary else frames_in(shits, doc)
                got = self._sentence(article, chunk, doc, sent, shits, frames, country, anchor, previous,
                                     len(mentions), mentions, summary)
                if not summary:
                    got = _claimed(sent, got, mentions, chunk.start + sent.start_char, country)
                    got = _came_after(sent, got, mentions, chunk.start + sent.start_char)
                for m in got:
                    mentions.append(m)
                if got and got[0].date and not _old(got[0].date, anchor or approx, 45):
                    # a background date ("since the October 2023 attacks") does not become
                    # the date the rest of the story continues from
                    previous = (got[0].date, got[0].date_precision)
        if summary:
            return self._merge_summary(article, chunk_docs, mentions, country, anchor)
        return mentions

    def _sentence(self, article, chunk, doc, sent, hits, frames, country, anchor, previous, n,
                  earlier, summary=False) -> list[Mention]:
        """The mentions a sentence reports: its main act, plus acts coordinated with it that
        code differently ("condemned the attack and summoned the envoy") and the act on the
        other side of a sequence cue ("strikes in response to a bombing that killed 85")."""
        got = best_hit(doc, hits, frames, short=summary)
        if got is None:
            return []
        hit, trig = got
        if not summary and _back_reference(doc[_hroot(doc, hit)], sent):
            # "the attack", "that attack" again: the sentence's news is its other act, if any
            # ("had met the minister hours before the attack"); alone, a reference to an
            # event told before is no new mention
            rest = [h for h in hits if not (h.start <= _hroot(doc, hit) < h.end) and h.head != hit.head]
            again = best_hit(doc, rest, frames, short=False) if rest else None
            if again is None:
                return []
            hit, trig = again
        scope, extras, split, blamed = sent, [], None, None
        if not summary:
            split = _split(doc, sent, hits, frames, hit, trig)
            if split is not None and split[0] is None:
                hit, trig, split = split[2], split[3], None
            if split is not None:
                scope = split[0]
                extras.append(split[1:])
            extras += [(sent, h, t) for h, t in _coordinated(doc, hits, frames, hit, trig)]
            if split is None:
                blamed = _blamed_act(doc, sent, hits, frames, hit, trig, country)
                if blamed is not None:
                    scope, hit, trig = blamed[0], blamed[5], blamed[6]
                    extras.insert(0, blamed[1:4])
        built = {}
        mprev = previous
        if split is not None and SEQUENCE_CUES.match(scope.text):
            # the main act is the earlier one ("... in response to Tehran's strike a day
            # before"): the later act's date is what its relative date counts from
            xscope, xhit, xtrig = extras[0]
            built[0] = self._build(article, chunk, doc, sent, xscope, xhit, xtrig, [xhit], frames, country,
                                   anchor, previous, n + 1, earlier, summary, cues=False)
            if built[0] is not None and built[0].date:
                mprev = (built[0].date, built[0].date_precision)
        main = self._build(article, chunk, doc, sent, scope, hit, trig, hits, frames, country, anchor,
                           mprev, n, earlier, summary)
        out = [main] if main is not None else []
        for k, (xscope, xhit, xtrig) in enumerate(extras, 1):
            # "X in response to Y a day before": Y's relative date counts from X
            xprev = (main.date, main.date_precision) if main is not None and main.date and \
                SEQUENCE_CUES.match(xscope.text) else previous
            m = built[k - 1] if (k - 1) in built else \
                self._build(article, chunk, doc, sent, xscope, xhit, xtrig, [xhit], frames, country,
                            anchor, xprev, n + k, earlier, summary, cues=False)
            if m is None:
                continue
            if blamed is not None and xscope is blamed[1]:
                m = _blamed_fix(m, blamed[4])
            if main is not None and split is not None and xscope is split[1]:
                m, main = _sequence(main, m, split[0], xscope)
                out[0] = main
            out.append(m)
        return [x for m in out for x in _per_country(doc, m, sent, self._place_of)]

    def _place_of(self, span, doc):
        return _place(span, doc, None)

    def _build(self, article, chunk, doc, sent, scope, hit, trig, hits, frames, country, anchor,
               previous, n, earlier, summary=False, cues=True) -> Mention | None:
        counts = find_counts(scope.text)
        fat, inj = figure(counts, "killed"), figure(counts, "injured")
        if not summary and trig.event_type in VIOLENT and fat is None and inj is None \
                and generic_reference(doc, hit.head, sent):
            return None     # background: "militants have often attacked ..." is no one event
        place = _place(scope, doc, country)
        if scope is not sent and place is not None:
            # part of a sentence: its names are read with the whole sentence's country in mind
            whole = _place(sent, doc, country)
            if whole is not None and whole.iso3 and whole.iso3 != place.iso3:
                again = _place(scope, doc, whole.iso3)
                if again is not None and again.iso3 == whole.iso3:
                    place = again
                elif not _names_country(scope, place.iso3):
                    place = whole
        if not summary and earlier and not _names_place(scope):
            # no place named: the sentence continues the story of the mention before it
            last = earlier[-1]
            if last.place is not None and last.article_id == article.article_id and \
                    chunk.start + sent.start_char - last.end < 600:
                place = last.place
        here = (place.iso3 if place else None) or country
        anchors = [hit.head] + ([_hroot(doc, hit)] if _hroot(doc, hit) != hit.head else []) + \
            [h.head for h in hits if h is not hit]
        # "X responded by striking ...": the gerund's doer is the subject of the verb it hangs on
        anchors += [doc[a].head.head.i for a in anchors[:2] if doc[a].dep_ == "pcomp" and doc[a].head.lower_ == "by"]
        # "Tehran said it attacked ...": the pronoun doer is the one who said so
        anchors += [doc[a].head.i for a in anchors[:2] if doc[a].dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "they") for c in doc[a].children)]
        # "X chased ... and fired at them": the subject sits on the first of the joined verbs
        anchors += [doc[a].head.i for a in anchors if doc[a].dep_ == "conj"]
        victims = [(c.start, c.end) for c in counts]
        a1, a2, assoc = _actors(doc, scope, anchors, trig, here, victims)
        if not summary and a1 is not None and _reporter(doc, hit, a1):
            a1 = None       # "the army confirmed the attack": who tells of it did not do it
        if not summary:
            a1, a2 = _first_person(a1, sent), _first_person(a2, sent)
            if place is not None and a1 is not None and place.text and a1.text and \
                    place.text.lower() == a1.text.lower() and place.feature == "country":
                place = None    # "strikes by Iran": the doer's name, not where it happened
        trig, a1, a2 = refine(trig, a1, a2, here, frames, bool(ARMED_WORDS.search(scope.text)),
                              invent=summary)
        if trig.event_type is None and a1 is None and a2 is None and not summary:
            return None     # a CAMEO interaction needs a source or a target ("de-escalation would be difficult")
        if not summary and trig.event_type in VIOLENT and a1 is None and a2 is None and fat is None \
                and inj is None and doc[hit.head].pos_ in ("NOUN", "PROPN"):
            return None     # "the attack", with no one, no toll: a reference, not a report
        if not summary and background(doc, _hroot(doc, hit), sent, trig.event_type in VIOLENT and (fat or inj)):
            return None
        if not summary and _no_threat(doc, hit, trig, a2):
            return None
        if trig.event_type == "Violence against civilians" and a2 is None:
            # ACLED: the other side of violence against civilians is always civilians
            a2 = generic_actor("civilians", here)
        date, precision, date_text = _when(scope, anchor, previous, getattr(self, "_approx", None),
                                           doc[hit.head].idx - scope.start_char)
        if not summary and date_text is None and date and len(date) == 10 and _definite(doc, hit):
            # "The strikes by Iran were ...": an act told before, named again; its day is that
            # act's, not the day the story has reached
            date, precision = date[:7], 3
        if not summary and date_text is None and date and len(date) == 10 and _pluperfect(doc, hit) and \
                not re.search(r"\bhours? (?:before|after|earlier|later)\b", scope.text, re.I):
            # "Iran had also carried out strikes ...": before the story's time, day unknown
            date, precision = date[:7], 3
        if not summary and date_text is None and PART_OF_SET.search(scope.text):
            # "In the other attack, ...": one of the attacks enumerated earlier ("two more
            # attacks ... on May 19") - it has their date, not the previous sentence's
            told = next((m for m in reversed(earlier) if m.article_id == article.article_id and m.date
                         and ENUMERATED.search(m.sentence)), None)
            if told is not None:
                date, precision = told.date, told.date_precision
        if not summary and trig.cameo == "138" and date_text is None:
            return None     # "vowed revenge against ...": a threat is an event when dated and specific
        ref = anchor or getattr(self, "_approx", None)
        if not summary and date and ref and _old(date, ref) and not (fat or inj):
            return None     # years before the story, no toll: background ("after the 2001 attacks")
        start = chunk.start + sent.start_char
        mid = f"{article.article_id}:{start}:{n}"
        links = link_cues(sent.text) if cues else []
        if links:
            cands = [(m.mention_id, m.trigger, m.sentence) for m in reversed(earlier[-4:])
                     if m.start >= start - 600]
            links = [resolve_target(c, cands) for c in links]
        return Mention(
            mention_id=mid, article_id=article.article_id, document=article.document,
            article_index=article.index, sentence=sent.text, start=start, end=start + len(sent.text),
            trigger=hit.text, event_type=trig.event_type, sub_event_type=trig.sub_event_type,
            cameo=trig.cameo, goldstein=trig.goldstein, actor1=a1, actor2=a2, associated=tuple(assoc),
            place=place, date=date, date_precision=precision, date_text=date_text,
            fatalities=fat, injuries=inj, attributed_to=attribution(sent.text),
            modality=modality(doc, hit.head, sent), links=tuple(links), outlet=article.outlet,
            published=article.published, confidence=round(min(1.0, 0.5 + trig.priority / 200), 2),
            rule=f"trigger:{trig.id}", version=self.version)

    def _merge_summary(self, article, chunk_docs, mentions, country, anchor) -> list[Mention]:
        """One mention for a one-event report: the first sentence's trigger wins; a later
        sentence may sharpen it within the same event type (a protest later "dispersed with
        tear gas"), and fills in what the first left open (actors, place, date). Counts are
        read over the whole text, where a stated total ("3 fatalities") beats the parts."""
        if not chunk_docs:
            return mentions
        chunk, doc = chunk_docs[0]
        if not mentions:
            mentions = [self._fallback(article, chunk, doc, country, anchor)]
        main = mentions[0]
        for m in mentions[1:]:
            if m.modality != "asserted":
                continue
            if m.trigger.lower() in CASUALTY_WORDS and m.event_type == main.event_type:
                continue    # "2 injured." adds a count, not a different kind of event
            # a protest that turned violent later in the report is a riot (ACLED: Violent demonstration)
            turned = main.event_type == "Protests" and m.sub_event_type == "Violent demonstration"
            if (turned or m.event_type == main.event_type and m.event_type) and \
                    _priority(m) > _priority(main) and m.sub_event_type != main.sub_event_type:
                main = dataclasses.replace(main, event_type=m.event_type, sub_event_type=m.sub_event_type,
                                           cameo=m.cameo, actor1=m.actor1 if turned else main.actor1,
                                           goldstein=m.goldstein, rule=main.rule + "+" + m.rule.split(":")[-1],
                                           actor2=main.actor2 or m.actor2)
            elif main.event_type is None and m.event_type is not None:
                main = dataclasses.replace(m, mention_id=main.mention_id)
            main = dataclasses.replace(main, actor1=main.actor1 or m.actor1, actor2=main.actor2 or m.actor2,
                                       place=main.place or m.place, date=main.date or m.date)
        if main.actor2 is not None and main.actor1 is not None and main.actor1.name == main.actor2.name \
                and main.event_type != "Battles":
            main = dataclasses.replace(main, actor2=None)
        counts = find_counts(doc.text)
        fat, inj = figure(counts, "killed"), figure(counts, "injured")
        main = dataclasses.replace(main, fatalities=fat or main.fatalities, injuries=inj or main.injuries,
                                   sentence=doc.text, start=chunk.start, end=chunk.start + len(doc.text))
        return [main]

    def _fallback(self, article, chunk, doc, country, anchor) -> Mention:
        sent = next(iter(doc.sents))
        place = _place(sent, doc, country)
        here = (place.iso3 if place else None) or country
        date, precision, date_text = _when(sent, anchor, None, getattr(self, "_approx", None))
        armed = [h.actor for h in find_actors(doc.text, here) if h.actor.type in ARMED_TYPES]
        trig = FALLBACK_ARMED if armed else FALLBACK
        actor1 = armed[0] if armed else generic_actor("protesters", here)
        return Mention(
            mention_id=f"{article.article_id}:{chunk.start}:0", article_id=article.article_id,
            document=article.document, article_index=article.index, sentence=sent.text,
            start=chunk.start, end=chunk.start + len(sent.text), trigger="", event_type=trig.event_type,
            sub_event_type=trig.sub_event_type, cameo=trig.cameo, goldstein=trig.goldstein,
            actor1=actor1, place=place, date=date, date_precision=precision,
            date_text=date_text, outlet=article.outlet, published=article.published, confidence=0.2,
            rule=f"fallback:{trig.id}", version=self.version)


# ---------------------------------------------------------------- helpers

CAME_AFTER = re.compile(r"^\W*(?:it|this|that|they|these|those|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:also\s+|only\s+)?"
                        r"(?:came|comes|happened|occurred|followed|took place|was carried out|were carried out)\s+"
                        r"(?:just\s+|only\s+)?$", re.I)


def _came_after(sent, got, earlier, start) -> list[Mention]:
    """'It came a day after Y launched strikes': the sentence tells of Y, the EARLIER act; the
    act referred to by 'it' (told just before) is the later one and carries the cue."""
    text = sent.text
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


def _claimed(sent, got, earlier, start, country) -> list[Mention]:
    """'The attack was claimed by X', 'X claimed responsibility for the attack': X is the
    perpetrator (actor1) of the attack referred to - told in this sentence or the one
    before - not the source of a separate statement (CAMEO 010)."""
    # a claim is never a statement event of its own in a long article; at most it names a doer
    claims = [m for m in got if m.rule.endswith("claim_responsibility")]
    rest = [m for m in got if m not in claims]
    if not CLAIM.search(sent.text):
        return rest
    armed = [h.actor for h in find_actors(sent.text, country)
             if h.actor.type in ARMED_TYPES - {"state_forces"} and not h.generic]
    if not armed:
        return rest
    group = armed[0]
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
        seq[k] = dataclasses.replace(m, actor1=group)
    return [m for m in got if m not in claims]


def _priority(m: Mention) -> int:
    from sitrep.extract.triggers import lexicon_index
    tid = m.rule.split(":")[-1].split("+")[-1]
    base, _, frame = tid.partition("@")
    _, _, _, overrides = lexicon_index()
    if frame and frame in overrides.get(base, {}):
        return int(overrides[base][frame]["priority"])
    for _, t in lexicon_index()[0]:
        if t.id == base:
            return t.priority
    return 0


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _article_country(docs) -> str | None:
    if places is None or not docs:
        return None
    for doc in docs:
        try:
            iso = places.article_country(doc)
        except Exception:   # the gazetteer may be unavailable; places are then unknown
            log.debug("article_country failed", exc_info=True)
            return None
        if iso:
            return iso
    return None


def _place(sent, doc, country):
    if places is None:
        return None
    try:
        return places.event_place(sent, doc, country)
    except Exception:
        log.debug("event_place failed", exc_info=True)
        return None


_ACTS = r"(?:attacks|assaults|blasts|bombings|explosions|ambushes|raids|strikes|incidents|clashes|killings)"
PART_OF_SET = re.compile(r"\b(?:in\s+)?(?:the\s+other|the\s+(?:first|second|third|latter|former)|one\s+of\s+the|"
                         r"the\s+(?:first|second|third|other)\s+of\s+the)\b(?:\s+\w+){0,3}?\s+"
                         r"(?:attack|assault|blast|bombing|explosion|ambush|raid|strike|incident|clash|killing|" +
                         _ACTS[3:-1] + r")\b", re.I)
ENUMERATED = re.compile(r"\b(?:two|three|four|five|several|\d+|twin)\s+(?:more\s+|separate\s+|other\s+|"
                        r"further\s+|\w+\s+)?" + _ACTS + r"\b", re.I)


FIRST_PERSON = {"our", "we", "us"}


def _first_person(actor, sent):
    """'Our forces', 'we': the speaker's side, not the country where it happened. The speaker
    is named after the quote ("..., the official in Islamabad said"); unknown -> no actor."""
    if actor is None or not actor.text or actor.text.split()[0].lower() not in FIRST_PERSON:
        return actor
    text = sent.text
    cut = max(text.rfind("”"), text.rfind('"'), text.rfind("’ "))
    iso = None
    for ent in sent.ents:
        if ent.start_char - sent.start_char <= cut or ent.label_ not in ("GPE", "NORP"):
            continue
        try:
            from sitrep.geocode import country_iso3 as geo_iso3
            iso = geo_iso3(ent.text, metonyms=True)
        except Exception:   # no gazetteer: names and demonyms from the local table
            from sitrep.extract.actors import country_iso3
            iso = country_iso3(ent.text)
        if iso:
            break
    if iso is None:
        return None
    kind = {"state_forces": "military", "government": "government"}.get(actor.type)
    return generic_actor(kind, iso, actor.text) if kind else None


def _no_threat(doc, hit, trig, a2) -> bool:
    """A threat (CAMEO 13x) in a long article is an event only when someone is threatened
    ("the move threatened to tarnish the city's name", "we have warned everyone" are not) and
    it is made, not a purpose or a guarantee ("would not allow any group to threaten ...")."""
    if not (trig.cameo or "").startswith("13") or trig.event_type is not None:
        return False
    if a2 is None:
        return True
    head = doc[hit.head]
    if head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return True
    # "the move, which threatened to ...": a thing, not someone, does the threatening
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and head.dep_ == "relcl":
        subj = head.head
    return subj is not None and subj.pos_ == "NOUN" and subj.ent_type_ == "" and \
        not find_actors(" ".join(t.text for t in subj.subtree if t.i < head.i or t.i <= subj.i))


REPORT_VERBS = {"confirm", "report", "announce", "acknowledge", "deny", "verify", "condemn", "denounce",
                "investigate", "describe", "note", "mention", "welcome", "reject", "dismiss"}


def _reporter(doc, hit, actor) -> bool:
    """Is `actor` only the subject of a verb that tells of the act ('X confirmed the attack')?"""
    tok = doc[_hroot(doc, hit)]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "nsubjpass") or \
            tok.head.lemma_.lower() not in REPORT_VERBS or not actor.text:
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and actor.text.lower() in " ".join(t.text for t in subj.subtree).lower()


def _definite(doc, hit) -> bool:
    tok = doc[_hroot(doc, hit)]
    while tok.dep_ in ("compound", "nmod", "amod") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head      # "Iran's missile assault": the phrase's head noun
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in tok.subtree if c.dep_ == "det" and c.i < tok.i and c.head.i in (tok.i,) + tuple(
        t.i for t in tok.children)]
    if any(c.dep_ == "poss" for c in tok.children):
        return True     # "Iran's strike", "Tehran's attack": named by its doer, told before
    return any(c.lower_ in ("the", "that", "this", "these", "those") for c in dets)


def _pluperfect(doc, hit) -> bool:
    tok = doc[_hroot(doc, hit)]
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _names_country(span, iso3) -> bool:
    """Does the span name the country itself (or its people), not just a place in it?"""
    from sitrep.extract.actors import country_iso3
    return any(e.label_ in ("GPE", "NORP") and country_iso3(e.text) == iso3 for e in span.ents)


def _names_place(span) -> bool:
    return any(e.label_ in ("GPE", "LOC", "FAC") for e in span.ents)


def _old(value: str, ref: dt.date | None, days: int = 400) -> bool:
    if ref is None or not value:
        return False
    try:
        d = dt.date(int(value[:4]), int(value[5:7]) if len(value) >= 7 else 12,
                    int(value[8:10]) if len(value) >= 10 else 28)
    except ValueError:
        return False
    return (ref - d).days > days


def _when(sent, anchor, previous, approx=None, trigger_at=None):
    if timex is None:
        return None, 1, None
    try:
        return timex.event_date(sent, anchor, previous, approx, trigger_at)
    except Exception:
        log.debug("event_date failed", exc_info=True)
        return None, 1, None


def _actors(doc, sent, anchors: list[int], trig: Trigger, country: str | None, victims=()):
    """(actor1, actor2, associated) for the trigger: agents first, then patients; the parse
    decides, sentence order breaks ties ("clashes between A and B": A then B)."""
    found = find_actors(sent.text, default_country=country)
    violent = trig.event_type in VIOLENT or trig.event_type in ("Riots", "Protests")
    roles = []
    for h in found:
        if violent and h.actor.type == "government" and h.generic:
            continue        # "officials said": a source, not a party to the fighting
        span = doc.char_span(sent.start_char + h.start, sent.start_char + h.end, alignment_mode="expand")
        role = None
        if any(vs <= h.start and h.end <= ve for vs, ve in victims):
            role = PATIENT      # named inside a casualty count ("six soldiers lost their lives")
        elif span is not None and len(span):
            # the winning trigger first; if the parse does not connect the actor to it, the
            # sentence's other trigger words ("soldiers were killed ... in an ambush")
            for anchor in anchors:
                role = role_of(doc, span, anchor)
                if role is not None:
                    break
        roles.append((role, h))
    roles += _country_actors(doc, sent, anchors, trig, [h for _, h in roles])
    agents = [h.actor for r, h in roles if r == AGENT]
    patients = [h.actor for r, h in roles if r == PATIENT]
    others = [h.actor for r, h in roles if r not in (AGENT, PATIENT)]
    a1 = agents[0] if agents else None
    rest = [a for a in others if a is not a1]
    if a1 is None and rest:
        # unconnected actors: a non-civilian one is the likelier doer
        pick = next((a for a in rest if a.type not in ("civilians",)), None)
        if pick is not None and not (patients and pick.type == patients[0].type):
            a1 = pick
            rest = [a for a in rest if a is not pick]
    a2 = patients[0] if patients else (rest[0] if rest else None)
    if a2 is not None and a1 is not None and a2.name == a1.name and trig.event_type != "Battles":
        a2 = None
    used = {id(a1), id(a2)}
    assoc = [h.actor for _, h in roles if id(h.actor) not in used and h.actor.actor_id][:3]
    return a1, a2, assoc


def _country_actors(doc, sent, anchors, trig, found):
    """A country (or its capital) that the parse makes the doer or target of the act stands for
    its state: 'Pakistan conducted strikes' -> Military Forces of Pakistan; 'Tehran condemned'
    -> Government of Iran. A country that is only where something happened is a place."""
    from sitrep.extract.actors import ActorHit, country_iso3
    out = []
    taken = [(h.start, h.end) for h in found]
    violent = trig.event_type in VIOLENT
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        s, e = ent.start_char - sent.start_char, ent.end_char - sent.start_char
        if any(a <= s < b or a < e <= b for a, b in taken):
            continue
        iso = None
        try:
            from sitrep.geocode import country_iso3 as geo_iso3
            iso = geo_iso3(ent.text, metonyms=True)
        except Exception:   # no gazetteer: names and demonyms from the local table
            iso = country_iso3(ent.text)
        if not iso:
            continue
        role = None
        for anchor in anchors:
            role = role_of(doc, ent, anchor)
            if role is not None:
                break
        if role not in (AGENT, PATIENT) or (role == PATIENT and violent):
            continue    # a target country of a strike is the territory hit, not a party
        if ent.label_ == "NORP" and ent.root.dep_ not in ("nsubj", "poss", "nsubjpass"):
            continue    # "Iranian missiles": the demonym qualifies a weapon, not a party
        actor = generic_actor("military" if violent else "government", iso, ent.text)
        out.append((role, ActorHit(actor, s, e, "country", True)))
    return out


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
        if h is hit or h.head not in group or doc[h.head].pos_ != "VERB":
            continue
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


def _split(doc, sent, hits, frames, hit, trig):
    """(main side, other side, its hit, its trigger) when a sequence cue separates the main
    act from another act the sentence reports as an event of its own; else None. The other
    side must name the act as a noun ('a suicide bombing') or a clause with its own subject
    ('after gunmen waylaid buses'); 'killed nine people after abducting them' is one event."""
    for m in SEQUENCE_CUES.finditer(sent.text):
        cut = sent.start_char + m.start()
        ci = next((t.i for t in sent if t.idx >= cut), None)
        if ci is None or ci >= sent.end - 1:
            continue
        if ci <= sent.start + 1:
            # "A day after X, Y ...": the cue's clause runs to the first comma
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
    from sitrep.extract.actors import country_iso3
    found = [h.actor for h in find_actors(span.text, country)]
    if found:
        return next((a for a in found if a.actor_id), found[0])
    for ent in span.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        try:
            from sitrep.geocode import country_iso3 as geo_iso3
            iso = geo_iso3(ent.text, metonyms=True)
        except Exception:   # no gazetteer: names and demonyms from the local table
            iso = country_iso3(ent.text)
        if iso:
            return generic_actor("military", iso, ent.text)
    return None


def _blamed_fix(m: Mention, actor) -> Mention:
    """The blamed act: its doer is the one blamed; its day is not the day of the blame unless
    the act's own words date it."""
    date, precision = m.date, m.date_precision
    if m.date_text is None and date and len(date) == 10:
        date, precision = date[:7], 3
    a2 = m.actor2 if m.actor2 is None or m.actor2.name != actor.name else None
    return dataclasses.replace(m, actor1=actor, actor2=a2, date=date, date_precision=precision)


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
    return tok.pos_ in ("NOUN", "PROPN") and not find_counts(span.text) and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those") for c in kids) and \
        all(c.dep_ in ("det", "amod", "punct") for c in kids)


def _sequence(main: Mention, other: Mention, main_scope, other_scope):
    """Order and link two acts split by a sequence cue: the later act carries the cue,
    pointing at the earlier; 'N days after X' dates X N days before the later act."""
    # the side that opens with the cue names the earlier act
    later, earlier = (main, other) if SEQUENCE_CUES.match(other_scope.text) else (other, main)
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
                ent = next((e for e in sent.ents if e.start <= t.i < e.end and e.label_ == "GPE"), None)
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


def refine(trig: Trigger, a1: Actor | None, a2: Actor | None, country: str | None,
           frames: set[str], armed_words: bool = False,
           invent: bool = True) -> tuple[Trigger, Actor | None, Actor | None]:
    """ACLED's coding depends on who acts against whom (codebook, section 1 of the taxonomy):
    violence between two organised armed actors is a Battle, a crowd's violence is a Riot,
    demonstrations are coded with 'Protesters (country)' / 'Rioters (country)' as actor1,
    and unknown perpetrators of an attack are an 'Unidentified Armed Group (country)'."""
    def rt(event_type, sub, cameo, goldstein, suffix):
        return dataclasses.replace(trig, id=f"{trig.id}>{suffix}", event_type=event_type,
                                   sub_event_type=sub, cameo=cameo, goldstein=goldstein)
    t1, t2 = (a1.type if a1 else None), (a2.type if a2 else None)
    if trig.sub_event_type == "Armed clash" and t2 == "civilians" and t1 in ARMED_TYPES and \
            trig.id in ("operation", "fire_on_positions"):
        # a raid or shooting by an armed actor that hits only civilians is one-sided violence
        # (ACLED: Violence against civilians); a "clash" with villagers stays a clash
        trig = rt("Violence against civilians", "Attack", "180", -9.0, "civilian_target")
    elif trig.sub_event_type == "Attack" and t2 in ARMED_TYPES and t1 not in ("civilians", "rioters", "protesters"):
        trig = rt("Battles", "Armed clash", "190", -10.0, "armed_target")
    elif trig.sub_event_type in ("Attack", "Armed clash") and t1 in ("rioters",):
        trig = rt("Riots", "Mob violence", "145", -7.5, "crowd")
    elif trig.sub_event_type == "Attack" and t1 == "civilians" and a1 is not None and a1.actor_id is None:
        # unorganised people (residents, community members) attacking someone: a mob
        trig = rt("Riots", "Mob violence", "145", -7.5, "crowd")
    elif trig.sub_event_type == "Armed clash" and {t1, t2} & {"protesters", "rioters", "civilians"}:
        # a crowd fighting the police or army is a riot, whatever the crowd is called
        if "protest" in frames or ({t1, t2} & {"protesters", "rioters"} and {t1, t2} & ARMED_TYPES):
            trig = rt("Riots", "Violent demonstration", "145", -7.5, "demonstrators")
        elif not ({t1, t2} & ARMED_TYPES) and not armed_words:
            # a fight between unarmed groups (villagers, party supporters) is mob violence;
            # with guns or machetes it is an armed clash of communal militias
            trig = rt("Riots", "Mob violence", "145", -7.5, "unarmed_sides")
    if trig.sub_event_type == "Excessive force against protesters" and t1 != "state_forces":
        # lethal force against protesters needs someone using it; a death the protest is
        # about is not that (ACLED codes it rarely: ~0.1% of events)
        trig = rt("Protests", "Peaceful protest", "141", -6.5, "no_force")
    crowd_kind = kind_for_event_type(trig.event_type)
    if crowd_kind:
        # the crowd belongs where the event is; an actor's own country only stands in
        crowd = generic_actor(crowd_kind, country or (a1.country if a1 else None), a1.text if a1 else None)
        if a1 is not None and a1.type in ("state_forces",) and trig.event_type == "Protests":
            a2 = a2 if a2 is not None and a2.type != "protesters" else a1   # police dispersing protesters
        elif a1 is not None and a1.type in ("state_forces",) and a2 is None:
            a2 = a1
        if a2 is not None and a2.type in ("protesters", "rioters", "civilians") and trig.event_type == "Protests":
            a2 = None
        a1 = crowd
    elif trig.event_type in VIOLENT and a1 is None and invent:
        # (a one-event report names its perpetrator or ACLED's "unidentified" stands in; in a
        # long article the sentence may continue a story whose agent is named elsewhere, and
        # the country at hand may be only the speaker's: leave the agent open there)
        if trig.event_type != "Battles" or a2 is not None:
            a1 = generic_actor("unidentified", country)
    return trig, a1, a2
