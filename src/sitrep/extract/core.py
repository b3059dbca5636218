"""Extractor: articles -> Mentions, one per sentence that reports an event.

    chunks   = candidate paragraphs (candidates.py)         cheap regex, before the model
    docs     = nlp.pipe(chunks, batch_size, n_process)      only candidates are parsed
    per sentence: trigger (triggers.py) -> place (places.event_place) -> actors and roles
    (actors.py) -> ACLED refinements by actor type -> counts (numbers.py) -> date
    (timex.event_date) -> attribution, modality, link cues

A short one-paragraph document (an ACLED-style note or a wire brief) describes ONE event: its
sentences are merged into a single mention (see _merge_summary).

The rules the extractor applies live beside it: clauses.py (several acts in one sentence:
coordinated verbs, sequence cues, condemnations, claims, one mention per target country),
roles.py (actors and roles, reporters vs doers, dates and places of a sentence, `refine`),
kinds.py (shared constants)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict

from sitrep.extract import lexicon, timex
from sitrep.extract.actors import ARMED_TYPES, dated, find_actors, generic_actor
from sitrep.extract.attribution import attribution
from sitrep.extract.candidates import candidate_chunks
from sitrep.extract.communities import regional_militia
from sitrep.extract.links import link_cues, resolve_target
from sitrep.extract.modality import background, generic_reference, modality
from sitrep.extract.numbers import figure, find_counts
from sitrep.extract.places import carried_place
from sitrep.extract.spantext import full_text, span_text
from sitrep.extract.triggers import best_hit, find_hits, frames_in
from sitrep.models import Actor, Mention
from sitrep.extract.kinds import (ARMED_WORDS, CASUALTY_WORDS, FIREARMS, FALLBACK_DEATH, SUMMARY_MAX_CHARS,
                                  VIOLENT, arrest_is_protest_cause, fallback_for)
from sitrep.extract.clauses import (ACCUSE, SEQUENCE_CUES, _back_reference, _blamed_act, _blamed_fix, _came_after,
                                    _claimed, _coordinated, _hroot, _per_country, _sequence, _split)
from sitrep.extract.roles import (ENUMERATED, PART_OF_SET, _actors, _article_country, _date, _definite,
                                  _first_person, _names_country, _names_place, _no_threat, _old, _place,
                                  _pluperfect, _unnamed_doer, _home, _day_of_told_act, frontline, _priority,
                                  _reporter, _told_doer, _when, refine, unnamed_sides)

log = logging.getLogger(__name__)


def _one_event(article, n_chunks: int) -> bool:
    """A short one-paragraph report (an ACLED-style note, a wire brief): one event."""
    return n_chunks == 1 and "\n" not in article.text.strip() and len(article.text) <= SUMMARY_MAX_CHARS


def _other_side(main: Mention, later: Mention) -> Actor | None:
    """The side a later sentence adds to a one-event report: its target, or, when its target is
    the report's doer ("X shelled villages. Y responded and killed several of X's fighters"),
    its own doer."""
    if later.actor2 is not None and main.actor1 is not None and later.actor2.name == main.actor1.name:
        return later.actor1
    return later.actor2


def _subject(doc, hit) -> bool:
    """Is the actor found at `hit` (character offsets in doc) the subject of a verb, or names
    its owner ("the Governor's Office closed ...")?"""
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in ("compound", "poss") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj"


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
        if anchor is None:
            try:
                approx = timex.estimate_anchor(article.text, hint)
            except Exception:
                log.debug("estimate_anchor failed", exc_info=True)
        self._approx = approx
        country = _article_country([d for _, d in chunk_docs])
        summary = _one_event(article, len(chunk_docs))
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
                if got and got[0].date and not _old(got[0].date, anchor or approx, 45) and \
                        (got[0].date_text or got[0].date_precision < 3 or got[0].event_type) and \
                        (got[0].date_text or not timex.shifts_topic(span_text(sent))):
                    # a background date ("since the October 2023 attacks") does not become
                    # the date the rest of the story continues from, nor does a month only
                    # guessed for a statement told in passing ("the group had pledged allegiance")
                    # or for an aside out of the timeline ("Earlier, ...")
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
        if split is not None and SEQUENCE_CUES.match(span_text(scope)):
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
                SEQUENCE_CUES.match(span_text(xscope)) else previous
            m = built[k - 1] if (k - 1) in built else \
                self._build(article, chunk, doc, sent, xscope, xhit, xtrig, [xhit], frames, country,
                            anchor, xprev, n + k, earlier, summary, cues=False)
            if m is None:
                continue
            if blamed is not None and xscope is blamed[1]:
                m = _blamed_fix(m, blamed[4], span_text(xscope), accused=blamed[6].cameo == ACCUSE)
            if main is not None and split is not None and xscope is split[1]:
                m, main = _sequence(main, m, split[0], xscope)
                out[0] = main
            out.append(m)
        return [x for m in out for x in _per_country(doc, m, sent, self._place_of)]

    def _place_of(self, span, doc):
        return _place(span, doc, None)

    def _build(self, article, chunk, doc, sent, scope, hit, trig, hits, frames, country, anchor,
               previous, n, earlier, summary=False, cues=True) -> Mention | None:
        scope_text, sent_text = span_text(scope), span_text(sent)
        counts = find_counts(scope_text)
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
            # no place named: the sentence continues the story of the mentions before it
            place = carried_place(chunk.start + sent.start_char,
                                  ((m.end, m.place) for m in reversed(earlier)
                                   if m.article_id == article.article_id)) or place
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
        a1, a2, assoc = _actors(doc, scope, anchors, trig, here if trig.event_type is not None or summary
                                else _home(sent, here, country), victims)
        if not summary and a1 is not None and _reporter(doc, hit, a1):
            a1 = None       # "the army confirmed the attack": who tells of it did not do it
        if not summary and a1 is None and earlier:
            a1 = _told_doer(doc, hit, earlier, article.article_id, trig.event_type)
        if not summary:
            a1, a2 = _first_person(a1, sent), _first_person(a2, sent)
            if place is not None and a1 is not None and place.text and a1.text and \
                    place.text.lower() == a1.text.lower() and place.feature == "country":
                place = None    # "strikes by Iran": the doer's name, not where it happened
        trig, a1, a2 = refine(trig, a1, a2, here, frames, bool(ARMED_WORDS.search(scope_text)),
                              invent=summary or (a1 is None and _unnamed_doer(doc, hit)),
                              firearms=bool(FIREARMS.search(scope_text)),
                              killed=fat is not None and max(fat.low or 0, fat.best or 0, fat.high or 0) > 0)
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
        told = None if summary else _day_of_told_act(scope_text, date_text, earlier, article.article_id)
        if told is not None:
            date, precision = told
        if not summary and date_text is None and date and len(date) == 10 and _definite(doc, hit):
            # "The strikes by Iran were ...": an act told before, named again; its day is that
            # act's, not the day the story has reached
            date, precision = date[:7], 3
        if not summary and date_text is None and date and len(date) == 10 and _pluperfect(doc, hit) and \
                not timex.SAME_DAY.search(scope_text):
            # "Iran had also carried out strikes ...": before the story's time, day unknown
            date, precision = date[:7], 3
        if not summary and date_text is None and PART_OF_SET.search(scope_text):
            # "In the other attack, ...": one of the attacks enumerated earlier ("two more
            # attacks ... on May 19") - it has their date, not the previous sentence's
            told = next((m for m in reversed(earlier) if m.article_id == article.article_id and m.date
                         and ENUMERATED.search(m.sentence)), None)
            if told is not None:
                date, precision = told.date, told.date_precision
        a1, a2 = frontline(trig, a1, a2, place, date, sent_text)
        a1, a2 = regional_militia(a1, place, date), regional_militia(a2, place, date)
        a1, a2, assoc = dated(a1, date, here), dated(a2, date, here), [dated(a, date, here) for a in assoc]
        if not summary and trig.cameo == "138" and date_text is None:
            return None     # "vowed revenge against ...": a threat is an event when dated and specific
        ref = anchor or getattr(self, "_approx", None)
        if not summary and date and ref and _old(date, ref) and not (fat or inj):
            return None     # years before the story, no toll: background ("after the 2001 attacks")
        start = chunk.start + sent.start_char
        mid = f"{article.article_id}:{start}:{n}"
        links = link_cues(sent_text) if cues else []
        if links:
            cands = [(m.mention_id, m.trigger, m.sentence) for m in reversed(earlier[-4:])
                     if m.start >= start - 600]
            links = [resolve_target(c, cands) for c in links]
        return Mention(
            mention_id=mid, article_id=article.article_id, document=article.document,
            article_index=article.index, sentence=sent_text, start=start, end=start + len(sent_text),
            trigger=hit.text, event_type=trig.event_type, sub_event_type=trig.sub_event_type,
            cameo=trig.cameo, goldstein=trig.goldstein, actor1=a1, actor2=a2, associated=tuple(assoc),
            place=place, date=date, date_precision=precision, date_text=date_text,
            fatalities=fat, injuries=inj, attributed_to=attribution(sent_text),
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
            if main.event_type == "Protests" and m.rule.split(":")[-1].startswith("arrests") and \
                    arrest_is_protest_cause(main.sentence, m.sentence):
                continue    # "... demanding the release of X. X was arrested ...": the protest's cause
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
            main = dataclasses.replace(main, actor1=main.actor1 or m.actor1,
                                       actor2=main.actor2 or _other_side(main, m),
                                       place=main.place or m.place, date=main.date or m.date)
        if main.actor2 is not None and main.actor1 is not None and main.actor1.name == main.actor2.name \
                and main.event_type != "Battles":
            main = dataclasses.replace(main, actor2=None)
        if main.date_text is None:
            # the act was told in a later sentence ("... dismantled a lab. Two were arrested."):
            # the report's own date is the first one it writes
            for sent in doc.sents:
                date, precision, text = _when(sent, anchor, None, getattr(self, "_approx", None))
                if text:
                    main = dataclasses.replace(main, date=date, date_precision=precision, date_text=text)
                    break
        text = full_text(doc)    # doc.text, kept from placing the event (spaCy joins every token on each ask)
        counts = find_counts(text)
        fat, inj = figure(counts, "killed"), figure(counts, "injured")
        main = dataclasses.replace(main, fatalities=fat or main.fatalities, injuries=inj or main.injuries,
                                   sentence=text, start=chunk.start, end=chunk.start + len(text))
        return [unnamed_sides(main, (main.place.iso3 if main.place else None) or country)]

    def _fallback(self, article, chunk, doc, country, anchor) -> Mention:
        sent = next(iter(doc.sents))
        place = _place(sent, doc, country)
        here = (place.iso3 if place else None) or country
        date, precision, date_text = _when(sent, anchor, None, getattr(self, "_approx", None))
        # an armed actor without an act, or a government that is the subject of one: forces
        # moving, authorities imposing measures ("the governorship closed the district"), both
        # ACLED's strategic developments (a government only asked or blamed is not the doer)
        armed = [h.actor for h in find_actors(full_text(doc), here)
                 if h.actor.type in ARMED_TYPES or (h.actor.type == "government" and _subject(doc, h))]
        # a named group or a qualified force ("Turkish forces") before a bare "forces"
        armed.sort(key=lambda a: a.actor_id is None and len((a.text or "").split()) < 2)
        fat = figure(find_counts(full_text(doc)), "killed")
        trig = fallback_for(full_text(doc), bool(armed), fat is not None and (fat.best or fat.low or 0) > 0)
        actor2 = None
        if armed:
            actor1 = dated(armed[0], date, here)
            # a second party named ("soldiers ... joined the Taliban", "tensions between tribesmen
            # and Houthi forces"): the other side of the development
            other = next((a for a in armed[1:] if a.name != armed[0].name), None)
            actor2 = dated(other, date, here) if other is not None else None
        elif trig is FALLBACK_DEATH:
            actor1, actor2 = generic_actor("unidentified", here), generic_actor("civilians", here)
        else:
            actor1 = generic_actor("protesters", here)
        return Mention(
            mention_id=f"{article.article_id}:{chunk.start}:0", article_id=article.article_id,
            document=article.document, article_index=article.index, sentence=span_text(sent),
            start=chunk.start, end=chunk.start + len(span_text(sent)), trigger="", event_type=trig.event_type,
            sub_event_type=trig.sub_event_type, cameo=trig.cameo, goldstein=trig.goldstein,
            actor1=actor1, actor2=actor2, place=place, date=date, date_precision=precision,
            date_text=date_text, outlet=article.outlet, published=article.published, confidence=0.2,
            rule=f"fallback:{trig.id}", version=self.version)
