"""What the rules read of a Doc again and again, made once. spaCy rebuilds `doc.text`,
`span.text` and the entities on each ask (`text` makes a Token object per word); the rules ask
for a sentence's text a dozen times.

    full_text(doc)      = doc.text, remembered for the last Doc
    span_text(span)     = span.text, a slice of full_text(span.doc)
    title_flags(doc)    = each token's is_title, as a list
    ents_of(span)       = span.ents (doc.ents), the Doc's entities made once

A Doc's text is its tokens' texts each followed by its trailing space, so a span's text is the
slice from its first token's offset to the end of its last token (span.text drops the last
token's trailing space the same way).
"""
from __future__ import annotations

_LAST_TEXT: tuple = (None, "")


def full_text(doc) -> str:
    """`doc.text`, remembered for the last Doc: spaCy rebuilds it from every token on each
    access, and one sentence's place resolution asks for it a dozen times. (One tuple,
    swapped in one assignment, so threads never see one Doc with another's text.)"""
    global _LAST_TEXT
    last = _LAST_TEXT
    if last[0] is doc:
        return last[1]
    # = doc.text (each token's text plus its trailing space), read as arrays, not Token by Token
    from spacy.attrs import ORTH, SPACY
    strings = doc.vocab.strings
    text = "".join([strings[orth] + " " if space else strings[orth]
                    for orth, space in doc.to_array([ORTH, SPACY]).tolist()])
    _LAST_TEXT = (doc, text)
    return text


def span_text(span) -> str:
    """`span.text` of a Span, without a Token per word (anything else: its own `.text`)."""
    try:
        start, end = span.start_char, span.end_char
    except AttributeError:      # a Doc or a Token
        return span.text
    if span.end <= span.start:
        return ""
    return full_text(span.doc)[start:end]


_LAST_TITLES: tuple = (None, [])


def title_flags(doc) -> list:
    """`doc[i].is_title` for every token i, remembered for the last Doc (read as one array: a
    Token per word costs more than the test)."""
    global _LAST_TITLES
    last = _LAST_TITLES
    if last[0] is doc:
        return last[1]
    from spacy.attrs import IS_TITLE
    flags = [bool(f) for f in doc.to_array([IS_TITLE]).tolist()] if len(doc) else []
    _LAST_TITLES = (doc, flags)
    return flags


_LAST_ENTS: tuple = (None, ())


def ents_of(span) -> tuple | list:
    """`span.ents` (a Span: the entities wholly inside it, as spaCy picks them) or `doc.ents` (a
    Doc), from the Doc's entities made once for the last Doc: spaCy makes a new Span per entity
    of the whole Doc on each ask. (The rules only read entities; none sets them.)"""
    global _LAST_ENTS
    doc = span.doc
    last = _LAST_ENTS
    if last[0] is doc:
        ents = last[1]
    else:
        ents = doc.ents
        _LAST_ENTS = (doc, ents)
    if span is doc:
        return ents
    start, end = span.start, span.end
    out = []
    for ent in ents:    # (Span.ents: in order, up to the first one past the end)
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out
