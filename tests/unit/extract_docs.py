"""Hand-built spaCy Docs for extraction tests (no statistical model)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def trig(tid: str):
    """The lexicon's trigger with id `tid`."""
    from sitrep.extract.triggers import lexicon_index
    return next(t for _, t in lexicon_index()[0] if t.id == tid)


def best_of(doc_or_rows):
    """The winning trigger of a hand-built sentence (a Doc, or make_doc rows), or None."""
    from sitrep.extract.triggers import best_hit, find_hits, frames_in
    doc = make_doc(doc_or_rows) if isinstance(doc_or_rows, list) else doc_or_rows
    hits = find_hits(doc)
    got = best_hit(doc, hits, frames_in(hits, doc))
    return got[1] if got else None


def make_doc(rows):
    """rows: (word, lemma, head_index, dep[, tag, pos]) per token; head_index is absolute; the
    root points to itself."""
    words = [r[0] for r in rows]
    tagged = {"tags": [r[4] for r in rows], "pos": [r[5] for r in rows]} if len(rows[0]) > 4 else {}
    return Doc(_VOCAB, words=words, lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
               deps=[r[3] for r in rows], spaces=[True] * (len(rows) - 1) + [False], **tagged)


NO_SPACE_BEFORE = {",", ".", "'s", ")", ":"}


def make_place_doc(text_tokens: str, ents: dict[str, str] | None = None,
                   sentences: bool = False) -> Doc:
    """A Doc from space-separated tokens; `ents` maps a token run ("A B") to its label (first
    occurrence); with `sentences` every "." ends a sentence."""
    words = text_tokens.split(" ")
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] != "("
              for i in range(len(words))]
    tags = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        parts = phrase.split(" ")
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                tags[i] = f"B-{label}"
                tags[i + 1:i + len(parts)] = [f"I-{label}"] * (len(parts) - 1)
                break
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))] if sentences else None
    return Doc(_VOCAB, words=words, spaces=spaces, ents=tags, sent_starts=starts)
