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
from collections import defaultdict

from sitrep.extract import lexicon
from sitrep.extract.actors import (AGENT, ARMED_TYPES, PARTY, PATIENT, find_actors, generic_actor,
                                   kind_for_event_type, role_of)
from sitrep.extract.attribution import attribution
from sitrep.extract.candidates import candidate_chunks
from sitrep.extract.links import link_cues, resolve_target
from sitrep.extract.modality import modality
from sitrep.extract.numbers import figure, find_counts
from sitrep.extract.triggers import Trigger, best_hit, find_hits, frames_in
from sitrep.models import Actor, Mention

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
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# When a short report names no recognisable trigger at all, the commonest ACLED type in
# contemporary data (Protests/Peaceful protest, ~30% of global_2020_05) is the best guess;
# flagged by rule "fallback" and confidence 0.2.
FALLBACK = Trigger("fallback", "Protests", "Peaceful protest", "141", -6.5, 0)


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
        out = {}
        for a in articles:
            try:
                out[a.article_id] = self.extract_article(a, docs.get(a.article_id, []))
            except Exception:       # one odd article must not sink the batch; keep the evidence
                log.exception("extraction failed for %s", a.article_id)
                out[a.article_id] = []
        return out

    # ------------------------------------------------------------ one article

    def extract_article(self, article, chunk_docs) -> list[Mention]:
        anchor = _date(article.published)
        country = _article_country([d for _, d in chunk_docs])
        summary = len(chunk_docs) == 1 and "\n" not in article.text.strip() and \
            len(article.text) <= SUMMARY_MAX_CHARS
        mentions: list[Mention] = []
        previous = None
        for chunk, doc in chunk_docs:
            hits = find_hits(doc)
            frames = frames_in(hits, doc)
            for sent in doc.sents:
                shits = [h for h in hits if sent.start <= h.start < sent.end]
                m = self._sentence(article, chunk, doc, sent, shits, frames, country, anchor, previous,
                                   len(mentions), mentions)
                if m is not None:
                    mentions.append(m)
                    if m.date:
                        previous = (m.date, m.date_precision)
        if summary:
            return self._merge_summary(article, chunk_docs, mentions, country, anchor)
        return mentions

    def _sentence(self, article, chunk, doc, sent, hits, frames, country, anchor, previous, n,
                  earlier) -> Mention | None:
        got = best_hit(doc, hits, frames)
        if got is None:
            return None
        hit, trig = got
        place = _place(sent, doc, country)
        here = (place.iso3 if place else None) or country
        anchors = [hit.head] + [h.head for h in hits if h is not hit]
        a1, a2, assoc = _actors(doc, sent, anchors, trig, here)
        trig, a1, a2 = refine(trig, a1, a2, here, frames)
        counts = find_counts(sent.text)
        fat, inj = figure(counts, "killed"), figure(counts, "injured")
        if trig.event_type == "Violence against civilians" and a2 is None and (fat or inj):
            a2 = generic_actor("civilians", here)
        date, precision, date_text = _when(sent, anchor, previous)
        start = chunk.start + sent.start_char
        mid = f"{article.article_id}:{start}:{n}"
        cues = link_cues(sent.text)
        if cues:
            cands = [(m.mention_id, m.trigger, m.sentence) for m in reversed(earlier[-4:])
                     if m.start >= start - 600]
            cues = [resolve_target(c, cands) for c in cues]
        return Mention(
            mention_id=mid, article_id=article.article_id, document=article.document,
            article_index=article.index, sentence=sent.text, start=start, end=start + len(sent.text),
            trigger=hit.text, event_type=trig.event_type, sub_event_type=trig.sub_event_type,
            cameo=trig.cameo, goldstein=trig.goldstein, actor1=a1, actor2=a2, associated=tuple(assoc),
            place=place, date=date, date_precision=precision, date_text=date_text,
            fatalities=fat, injuries=inj, attributed_to=attribution(sent.text),
            modality=modality(doc, hit.head, sent), links=tuple(cues), outlet=article.outlet,
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
            if m.event_type == main.event_type and m.event_type and \
                    _priority(m) > _priority(main) and m.sub_event_type != main.sub_event_type:
                main = dataclasses.replace(main, sub_event_type=m.sub_event_type, cameo=m.cameo,
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
        date, precision, date_text = _when(sent, anchor, None)
        return Mention(
            mention_id=f"{article.article_id}:{chunk.start}:0", article_id=article.article_id,
            document=article.document, article_index=article.index, sentence=sent.text,
            start=chunk.start, end=chunk.start + len(sent.text), trigger="", event_type=FALLBACK.event_type,
            sub_event_type=FALLBACK.sub_event_type, cameo=FALLBACK.cameo, goldstein=FALLBACK.goldstein,
            actor1=generic_actor("protesters", here), place=place, date=date, date_precision=precision,
            date_text=date_text, outlet=article.outlet, published=article.published, confidence=0.2,
            rule="fallback", version=self.version)


# ---------------------------------------------------------------- helpers

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


def _when(sent, anchor, previous):
    if timex is None:
        return None, 1, None
    try:
        return timex.event_date(sent, anchor, previous)
    except Exception:
        log.debug("event_date failed", exc_info=True)
        return None, 1, None


def _actors(doc, sent, anchors: list[int], trig: Trigger, country: str | None):
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
        if span is not None and len(span):
            # the winning trigger first; if the parse does not connect the actor to it, the
            # sentence's other trigger words ("soldiers were killed ... in an ambush")
            for anchor in anchors:
                role = role_of(doc, span, anchor)
                if role is not None:
                    break
        roles.append((role, h))
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


def refine(trig: Trigger, a1: Actor | None, a2: Actor | None, country: str | None,
           frames: set[str]) -> tuple[Trigger, Actor | None, Actor | None]:
    """ACLED's coding depends on who acts against whom (codebook, section 1 of the taxonomy):
    violence between two organised armed actors is a Battle, a crowd's violence is a Riot,
    demonstrations are coded with 'Protesters (country)' / 'Rioters (country)' as actor1,
    and unknown perpetrators of an attack are an 'Unidentified Armed Group (country)'."""
    def rt(event_type, sub, cameo, goldstein, suffix):
        return dataclasses.replace(trig, id=f"{trig.id}>{suffix}", event_type=event_type,
                                   sub_event_type=sub, cameo=cameo, goldstein=goldstein)
    t1, t2 = (a1.type if a1 else None), (a2.type if a2 else None)
    if trig.sub_event_type == "Attack" and t2 in ARMED_TYPES and t1 not in ("civilians", "rioters", "protesters"):
        trig = rt("Battles", "Armed clash", "190", -10.0, "armed_target")
    elif trig.sub_event_type in ("Attack", "Armed clash") and t1 in ("rioters",):
        trig = rt("Riots", "Mob violence", "145", -7.5, "crowd")
    elif trig.sub_event_type == "Attack" and t1 == "civilians" and a1 is not None and a1.actor_id is None:
        # unorganised people (residents, community members) attacking someone: a mob
        trig = rt("Riots", "Mob violence", "145", -7.5, "crowd")
    elif trig.sub_event_type == "Armed clash" and {t1, t2} & {"protesters", "rioters", "civilians"}:
        if "protest" in frames or ({t1, t2} & {"protesters", "rioters"} and {t1, t2} & ARMED_TYPES):
            trig = rt("Riots", "Violent demonstration", "145", -7.5, "demonstrators")
        elif not ({t1, t2} & ARMED_TYPES):
            # a fight between unarmed groups (villagers, party supporters) is mob violence
            trig = rt("Riots", "Mob violence", "145", -7.5, "unarmed_sides")
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
    elif trig.event_type in VIOLENT and a1 is None:
        if trig.event_type != "Battles" or a2 is not None:
            a1 = generic_actor("unidentified", country)
    return trig, a1, a2
