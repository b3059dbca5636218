"""The model's NER over part of a Doc: around the names the entity ruler left open.

In en_core_web_sm the "ner" component has its own tok2vec, so it costs about as much as the
tagger, parser, attribute ruler and lemmatizer together (2.9 of 6.1 s on 1,000 ACLED notes), per
token. Extraction reads place and group entities (GPE, LOC, FAC, NORP), and DATE/TIME ones only
to rule a capitalised word out as a place or to read a time lead ("Hours after ..."); nearly
all the place and group names contain a capitalised word, and the ruler has already set the
names sitrep knows (actors, gazetteer places). So `ScopedNER` runs the NER only on
`scope(doc)`: by default (`open_windows`) the tokens from LEFT before to RIGHT after an "open"
token (a capitalised word no entity covers yet, not a month, weekday or group noun: NOT_OPEN),
inside its sentence, never cutting a ruler entity. Each range is copied into a small Doc
(`Span.as_doc`, with the ruler's entities set, which the NER keeps), recognised there, and its
entities written back at the same offsets; outside the ranges the ruler's entities stay. A Doc
whose range is all of it goes through the NER unchanged.

What changes: entities far from any open name (dates, numbers, lower-case words) are no longer
found, and the NER sees only LEFT/RIGHT tokens of context. When the windows were first set
(5 either side, every capitalised word open), on 2,000 ACLED notes (global_2020_05) they held
43 % of the tokens (demo corpus: 38 %) and took 51 % of the NER's time; their GPE/LOC/FAC/NORP
entities equalled a whole-Doc run's in all but 6 notes (window 4: 11, window 3: 26) and
score.py moved by one note of 2,000 (benchmarks/README.md). NOT_OPEN and RIGHT 4 then took the
notes' windows from 41.7 % to 37.8 % of the tokens (benchmark corpus: 55.7 % to 46.7 %), with
GPE/LOC/FAC/NORP entities changed in 6 notes of 2,000 and no exported event changed on the
benchmark corpus, 3,500 notes and the demo corpus. Reading only the first sentence of short
one-event reports was tried and left out: 36 % of the tokens, but two notes of 2,000 lost on
the place fields.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.attrs import ENT_IOB, IS_STOP, IS_TITLE, ORTH
from spacy.tokens import Doc, Span
from spacy.util import minibatch

Scope = Callable[[Doc], "list[tuple[int, int]] | None"]


class ScopedNER:
    """A pipeline component that runs `ner` only on `scope(doc)` of each Doc."""

    def __init__(self, ner, scope: Scope, name: str = "ner"):
        self.ner, self.scope, self.name = ner, scope, name

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            jobs: list[tuple[Doc, int | None, Doc]] = []   # (doc, offset or None, what NER sees)
            for doc in batch:
                ranges = self.scope(doc) if len(doc) else []
                if ranges is None:
                    jobs.append((doc, None, doc))
                    continue
                jobs.extend((doc, start, piece) for start, piece in _pieces(doc, ranges))
            if jobs:
                list(self.ner.pipe([piece for _, _, piece in jobs], batch_size=batch_size))
            found: dict[int, list[tuple[int, Doc]]] = {}
            for doc, start, piece in jobs:
                if start is not None:
                    found.setdefault(id(doc), []).append((start, piece))
            for doc in batch:
                if id(doc) in found:
                    _write_back(doc, found[id(doc)])
                yield doc


def _pieces(doc: Doc, ranges: list[tuple[int, int]]) -> list[tuple[int, Doc]]:
    """(start, doc[start:end].as_doc()) for each non-empty range. as_doc reads the whole Doc's
    attribute array for every piece unless given it; here it is read once per Doc. as_doc
    writes into the rows it takes (heads that leave the piece, the first entity tag): pieces
    of ranges that do not overlap (open_windows merges them) share the one array, as no piece
    reads a row another wrote; overlapping ranges get a copy each. The same pieces, byte for
    byte."""
    ranges = [(start, end) for start, end in ranges if end > start]
    if not ranges:
        return []
    try:
        head = doc._get_array_attrs()   # what as_doc reads by default
        full = doc.to_array(head)
    except AttributeError:  # another spaCy: as_doc's own way
        return [(start, doc[start:end].as_doc()) for start, end in ranges]
    ordered = sorted(ranges)
    apart = all(e <= s for (_, e), (s, _) in zip(ordered, ordered[1:]))
    return [(start, doc[start:end].as_doc(array_head=head, array=full if apart else full.copy()))
            for start, end in ranges]


def _write_back(doc: Doc, pieces: list[tuple[int, Doc]]) -> None:
    """Entities of the pieces replace the entities in their ranges; the rest stay."""
    spans = [(start, start + len(piece)) for start, piece in pieces]
    kept = [e for e in doc.ents if not any(s < e.end and e.start < t for s, t in spans)]
    new = [Span(doc, start + e.start, start + e.end, label=e.label, kb_id=e.kb_id, span_id=e.id)
           for start, piece in pieces for e in piece.ents]
    doc.ents = sorted(kept + new, key=lambda e: e.start)


# Tokens of context around an open name. The NER's tok2vec sees 4 tokens either side (depth 4,
# window 1); inside an entity a token's transition features add the token before it (and the
# entity's first token), and its valid moves look at the token after it. So the open token's
# own decision reads at most 5 tokens to its left (besides the moves made before it)
# and 4 to its right: LEFT 5 was chosen on the note counts in the docstring, RIGHT 4
# (was 5) changed the GPE/LOC/FAC/NORP entities of 1 note of 2,000 and no exported event.
LEFT, RIGHT = 5, 4


def _calendar_words() -> frozenset[str]:
    """Month and weekday names as the date reader knows them (extract/timex.py), without the
    abbreviations ("Mar", "Jan" are names too): a word that begins another is one."""
    from sitrep.extract.timex import MONTHS, WEEKDAYS
    words = (*MONTHS, *WEEKDAYS)
    return frozenset(w for w in words if not any(o != w and o.startswith(w) for o in words))


def _group_words() -> frozenset[str]:
    """One-word generic heads of the actor registry ("police", "protesters"), as actors.py
    reads them (with a plural s/es)."""
    from sitrep.extract import lexicon
    heads = [str(h).lower() for g in (lexicon.load("actors.yaml").get("generic") or {}).values()
             for h in g["heads"] if " " not in str(h)]
    return frozenset(w + end for w in heads for end in ("", "s", "es"))


# Capitalised words that open no window of their own: a month or weekday name, or a word the
# actor registry reads as a common noun for a group ("Police", "Protesters", "Army"), is
# capitalised at a sentence start or inside a name, not the name the NER is needed for (the
# name's own capitalised words open windows). Measured on 2,000 ACLED notes: GPE/LOC/FAC/NORP
# entities changed in 5 notes ("Gendarmerie" no longer a GPE; "east" a LOC in two), no exported
# event changed; the NER's input (tokens plus 4 padding rows per piece) shrank 11 % on the
# benchmark corpus.
NOT_OPEN = _calendar_words() | _group_words()


def is_open(tok) -> bool:
    """A token the NER might put in a name that the entity ruler has not: it has a capital
    letter and a letter ("Kibati", "al-Hasakeh"'s "Hasakeh", "ISWAP"), is in no entity yet, and
    is not a capitalised function word ("On", "The", "Around") nor a word of NOT_OPEN
    ("April", "Monday")."""
    return _open(tok.ent_iob, tok.text, tok.is_stop, tok.is_title)


def _open(ent_iob: int, text: str, is_stop, is_title) -> bool:
    if ent_iob in (1, 3):
        return False
    if text.islower() or not any(c.isupper() for c in text):
        return False
    return not (is_stop and is_title) and text.lower() not in NOT_OPEN


def open_windows(doc: Doc, left: int = LEFT, right: int = RIGHT) -> list[tuple[int, int]] | None:
    """Token ranges from `left` tokens before to `right` tokens after each open token, within
    its sentence, merged; None when they cover the whole Doc."""
    ranges: list[list[int]] = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]  # no parser: one piece
    # the tokens read as arrays, not Token by Token (indexing a Doc makes a new Token each time)
    strings = doc.vocab.strings
    rows = doc.to_array([ENT_IOB, ORTH, IS_STOP, IS_TITLE]).tolist()
    iob = [row[0] for row in rows]
    for sent in sents:
        for i in range(sent.start, sent.end):
            if not _open(iob[i], strings[rows[i][1]], rows[i][2], rows[i][3]):
                continue
            start, end = max(sent.start, i - left), min(sent.end, i + right + 1)
            while start > sent.start and iob[start] == 1:   # never cut a ruler entity
                start -= 1
            while end < sent.end and iob[end] == 1:
                end += 1
            if ranges and start <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], end)
            else:
                ranges.append([start, end])
    if len(ranges) == 1 and ranges[0] == [0, len(doc)]:
        return None
    return [(s, e) for s, e in ranges]
