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
from sitrep.extract.modality import generic_reference, modality
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
                m = self._sentence(article, chunk, doc, sent, shits, frames, country, anchor, previous,
                                   len(mentions), mentions, summary)
                if m is not None:
                    mentions.append(m)
                    if m.date:
                        previous = (m.date, m.date_precision)
        if summary:
            return self._merge_summary(article, chunk_docs, mentions, country, anchor)
        return mentions

    def _sentence(self, article, chunk, doc, sent, hits, frames, country, anchor, previous, n,
                  earlier, summary=False) -> Mention | None:
        got = best_hit(doc, hits, frames, short=summary)
        if got is None:
            return None
        hit, trig = got
        counts = find_counts(sent.text)
        fat, inj = figure(counts, "killed"), figure(counts, "injured")
        if not summary and trig.event_type in VIOLENT and fat is None and inj is None \
                and generic_reference(doc, hit.head, sent):
            return None     # background: "militants have often attacked ..." is no one event
        place = _place(sent, doc, country)
        here = (place.iso3 if place else None) or country
        anchors = [hit.head] + [h.head for h in hits if h is not hit]
        # "X chased ... and fired at them": the subject sits on the first of the joined verbs
        anchors += [doc[a].head.i for a in anchors if doc[a].dep_ == "conj"]
        victims = [(c.start, c.end) for c in counts]
        a1, a2, assoc = _actors(doc, sent, anchors, trig, here, victims)
        trig, a1, a2 = refine(trig, a1, a2, here, frames, bool(ARMED_WORDS.search(sent.text)))
        if trig.event_type is None and a1 is None and a2 is None and not summary:
            return None     # a CAMEO interaction needs a source or a target ("de-escalation would be difficult")
        if trig.event_type == "Violence against civilians" and a2 is None:
            # ACLED: the other side of violence against civilians is always civilians
            a2 = generic_actor("civilians", here)
        date, precision, date_text = _when(sent, anchor, previous, getattr(self, "_approx", None))
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


def _when(sent, anchor, previous, approx=None):
    if timex is None:
        return None, 1, None
    try:
        return timex.event_date(sent, anchor, previous, approx)
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


def refine(trig: Trigger, a1: Actor | None, a2: Actor | None, country: str | None,
           frames: set[str], armed_words: bool = False) -> tuple[Trigger, Actor | None, Actor | None]:
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
    elif trig.event_type in VIOLENT and a1 is None:
        if trig.event_type != "Battles" or a2 is not None:
            a1 = generic_actor("unidentified", country)
    return trig, a1, a2
