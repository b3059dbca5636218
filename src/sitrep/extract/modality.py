"""Is the event asserted? Denials ("has no hideouts in Iran", "denied carrying out"),
hypotheticals ("might welcome mediation"), plans and threats ("plans to", "vowed to"), and
questions are not events that happened. Uses the parse where there is one (a `neg` child or a
modal `aux` on the trigger), plus cue words from sitrep/data/cues.yaml near the trigger."""
from __future__ import annotations

import functools
import re

from sitrep.extract import lexicon
from sitrep.extract.spantext import span_text

ASSERTED, DENIED, HYPOTHETICAL, PLANNED, QUESTION = "asserted", "denied", "hypothetical", "planned", "question"
# the act one side accuses another of ("accused Islamabad of killing civilians"): a claim about
# an event, not a report of one; it may join the event it is about but stands as none alone
ALLEGED = "alleged"
WINDOW = 4      # tokens before the trigger inspected for cue words: "did not attack", "might welcome"


@functools.lru_cache(maxsize=1)
def _cues():
    c = lexicon.load("cues.yaml")
    return (frozenset(w for w in c["negations"] if " " not in w), frozenset(w for w in c["hedges"] if " " not in w),
            [w for w in c["plans"] + c["hedges"] if " " in w], frozenset(w for w in c["plans"] if " " not in w))


def _month_may(word: str, next_word: str, prev_word: str) -> bool:
    """'May' the month ("on May 19", "19 May", "in May 2020"), not the hedge 'may'."""
    return word == "May" and (next_word[:1].isdigit() or prev_word[:1].isdigit()
                              or prev_word.lower() in ("in", "on", "since", "of", "early", "late", "mid"))


def modality(doc, trigger_i: int, sent=None) -> str:
    """Modality of the event whose trigger is token `trigger_i` of `doc`."""
    negs, hedges, phrases, plans = _cues()
    trig = doc[trigger_i]
    sent = sent if sent is not None else trig.sent
    if span_text(sent).rstrip().endswith("?"):
        return QUESTION
    # the trigger's own dependents ("did not attack", "no hideouts", "might welcome")
    heads = [trig] + ([trig.head] if trig.dep_ in ("dobj", "pobj", "xcomp", "attr") else [])
    for h in heads:
        for child in h.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low in ("no", "never")):
                return DENIED
            if child.dep_ == "aux" and low in hedges:
                return HYPOTHETICAL
            if child.dep_ == "aux" and low in plans:
                return PLANNED
        if h.head.lemma_.lower() in ("deny", "reject", "refute") and h.dep_ in ("xcomp", "ccomp", "dobj", "pcomp"):
            return DENIED
        if h.dep_ == "xcomp" and h.head.lemma_.lower() in ("plan", "intend", "threaten", "vow", "want", "seek", "aim", "prepare"):
            return PLANNED
    start = max(sent.start, trigger_i - WINDOW)
    # the window's words read as arrays, from the word before it to the trigger (no Token per word)
    from spacy.attrs import LOWER, ORTH     # (here: importing this module needs no spaCy)
    n, lo = len(doc), max(start - 1, 0)
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER])[lo:min(trigger_i + 1, n)].tolist()
    texts, lowers = [strings[orth] for orth, _ in rows], [strings[low] for _, low in rows]
    before = [lowers[i - lo] for i in range(start, trigger_i)
              if not _month_may(texts[i - lo], texts[i + 1 - lo] if i + 1 < n else "", texts[i - 1 - lo] if i else "")]
    window_text = " ".join(before) + " "
    if any(w in negs for w in before) and not re.search(r"\bno (?:one|casualties)\b", window_text):
        return DENIED
    if any(w in hedges for w in before):
        return HYPOTHETICAL
    if any(p + " " in window_text for p in phrases):
        return PLANNED
    return ASSERTED


def text_modality(sentence: str, trigger_text: str) -> str:
    """The same judgement on plain text (no parse): cue words right before the trigger."""
    negs, hedges, phrases, plans = _cues()
    if sentence.rstrip().endswith("?"):
        return QUESTION
    idx = sentence.lower().find(trigger_text.lower())
    if idx < 0:
        return ASSERTED
    words = re.findall(r"[\w']+", sentence[:idx])
    before = [w.lower() for i, w in enumerate(words)
              if not _month_may(w, words[i + 1] if i + 1 < len(words) else "", words[i - 1] if i else "")][-WINDOW:]
    window_text = " ".join(before) + " "
    if any(w in negs or w.endswith("n't") for w in before):
        return DENIED
    if any(w in hedges for w in before):
        return HYPOTHETICAL
    if any(p + " " in window_text for p in phrases) or any(w in plans for w in before[-2:]):
        return PLANNED
    return ASSERTED


# Words that make a sentence about a pattern of events, not one event ("has often attacked",
# "in the past", "a string of attacks").
HABITUAL = {"often", "frequently", "regularly", "routinely", "repeatedly", "previously", "usually",
            "typically", "sometimes", "occasionally", "long", "past", "years", "decades", "history",
            "string", "series", "wave", "spate", "campaign", "insurgency", "since"}
SPECIFIC_DETS = {"the", "this", "these", "those", "that", "its", "their", "his", "her", "tuesday", "monday",
                 "wednesday", "thursday", "friday", "saturday", "sunday", "latest", "last", "recent", "yesterday",
                 "today", "'s"}


def generic_reference(doc, trigger_i: int, sent=None) -> bool:
    """True when the trigger speaks of events in general rather than one event: a bare plural
    ("carried out attacks in Iran", "militant attacks") or habitual wording ("previously",
    "in the past", "a string of attacks"). Background and analysis in news articles."""
    tok = doc[trigger_i]
    sent = sent if sent is not None else tok.sent
    words = {t.lower_ for t in sent}
    if words & {"often", "frequently", "regularly", "routinely", "repeatedly", "previously", "usually", "typically"}:
        return True
    if any(c.dep_ in ("det", "amod", "predet") and c.lower_ in ("such", "each", "every", "any") for c in tok.children):
        return True     # "such attacks", "each cross-border attack": a kind, not an event
    if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in tok.children):
        # "militias have launched strikes on ...": a bare plural doer and a bare plural act in
        # the present perfect sum up a pattern, not one event
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        if subj and obj and all(_bare_plural(x) for x in subj + obj):
            return True
    # a bare plural with no doer ("militant attacks", "attacks on its territory") is a pattern;
    # with a subject ("Iran carried out strikes against Syria") it can be one event
    if tok.tag_ in ("NNS", "NNPS") and not any(
            c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in SPECIFIC_DETS) for c in tok.children):
        verb = tok.head if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") else tok
        if tok.dep_ == "pobj" and tok.head.head is not None:
            verb = tok.head.head
        if not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children) or \
                verb.tag_ in ("VBZ", "VBP") or any(c.lower_ in ("has", "have") for c in verb.children):
            return True
    for anc in [tok] + list(tok.ancestors)[:3]:
        for c in anc.children:
            if c.lower_ in ("string", "series", "wave", "spate") or (c.dep_ == "prep" and any(
                    g.lower_ in ("past", "years", "decades") for g in c.children)):
                return True
    return False


def _bare_plural(tok) -> bool:
    return tok.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in SPECIFIC_DETS) for c in tok.children)


PRESENT = ("VBZ", "VBP")


def background(doc, trigger_i: int, sent=None, has_toll: bool = False) -> bool:
    """True when a long article's sentence states a habit, a general truth or context rather
    than an event: a verb trigger in the present simple or progressive ("they accuse China",
    "militants are also targeting workers", "have been attacking"), habitual adverbs on the
    trigger ("has long accused"), "in the past" on the verb, or an act named only as the point
    of reference of "since" ("tensions since the October attacks")."""
    tok = doc[trigger_i]
    sent = sent if sent is not None else tok.sent
    if any(a.lower_ == "since" and a.dep_ == "prep" for a in tok.ancestors):
        return True     # inside the object of "since" ("since the May raids by X and Y's shelling of Z")
    if tok.pos_ in ("NOUN", "PROPN"):
        # the same when the parse loses the phrase: "since" and no verb before the act noun
        since = next((t for t in reversed(list(sent[:max(0, tok.i - sent.start)])) if t.lower_ == "since"), None)
        if since is not None and not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[since.i + 1:tok.i]):
            return True
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if verb is None and tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.pos_ == "VERB":
        verb = tok.head
    if verb is None:
        return False
    kids = list(verb.children)
    chain = [verb] + [a for a in list(verb.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
    subjects = [c for v in chain for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_history_span(c) for x in chain + subjects for c in x.children):
        # "in the past, the two sides agreed to ...", "over the past few years they have
        # set up bases": history, not the news (the parse may hang the phrase on the subject)
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("long", "often", "frequently", "regularly", "routinely",
                                                "usually", "typically", "always", "generally") for c in kids):
        return True
    if has_toll:
        return False
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in PRESENT and not auxes and verb.dep_ in ("ROOT", "conj", "relcl") and \
            any(c.dep_ == "nsubj" for c in kids):
        return True     # "they accuse", "militias launch", "rebels who hold camps there":
                        # present simple states a habit or a standing state
    if verb.tag_ == "VBG" and any(a.lower_ in ("are", "is", "am") for a in auxes) and \
            not any(a.lower_ in ("was", "were") for a in auxes):
        return True     # "are targeting": ongoing, no single event
    if verb.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes):
        return True     # "have been attacking"
    return False


def _history_span(prep) -> bool:
    """"in the past", "over the past few years", "in recent years", "during the last decade"
    (units and modifiers from cues.yaml history_spans)."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "over", "during", "for"):
        return False
    spans = lexicon.load("cues.yaml")["history_spans"]
    return any(g.dep_ == "pobj" and (g.lower_ == "past" or (
        g.lower_ in spans["units"] and any(a.lower_ in spans["modifiers"] for a in g.children)))
        for g in prep.children)
