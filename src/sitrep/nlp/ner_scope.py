"""The model's NER over part of a Doc: around the names the entity ruler left open.

In en_core_web_sm the "ner" component has its own tok2vec, so it costs about as much as the
tagger, parser, attribute ruler and lemmatizer together (2.9 of 6.1 s on 1,000 ACLED notes), per
token. Extraction reads only place and group entities (GPE, LOC, FAC, NORP), and nearly all of
them contain a capitalised word; the ruler has already set the names sitrep knows (actors,
gazetteer places). So `ScopedNER` runs the NER only on `scope(doc)`: by default
(`open_windows`) the tokens within WINDOW of an "open" token (a capitalised word no entity
covers yet), inside its sentence, never cutting a ruler entity. Each range is copied into a
small Doc (`Span.as_doc`, with the ruler's entities set, which the NER keeps), recognised
there, and its entities written back at the same offsets; outside the ranges the ruler's
entities stay. A Doc whose range is all of it goes through the NER unchanged.

What changes: entities far from any open name (dates, numbers, lower-case words) are no longer
found, and the NER sees only WINDOW tokens of context either side. On 2,000 ACLED notes
(global_2020_05) the windows hold 43 % of the tokens (demo corpus: 38 %) and take 51 % of the
NER's time; their GPE/LOC/FAC/NORP entities equal a whole-Doc run's in all but 6 notes
(window 4: 11, window 3: 26) and score.py moved by one note of 2,000 (benchmarks/README.md).
Reading only the first sentence of short one-event reports was tried and left out: 36 % of the
tokens, but two notes of 2,000 lost on the place fields.
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
    attribute array for every piece unless given it; here it is read once per Doc and each
    piece gets its own copy (as_doc writes into the rows it takes): the same pieces."""
    ranges = [(start, end) for start, end in ranges if end > start]
    if not ranges:
        return []
    try:
        head = doc._get_array_attrs()   # what as_doc reads by default
        full = doc.to_array(head)
    except AttributeError:  # another spaCy: as_doc's own way
        return [(start, doc[start:end].as_doc()) for start, end in ranges]
    return [(start, doc[start:end].as_doc(array_head=head, array=full.copy())) for start, end in ranges]


def _write_back(doc: Doc, pieces: list[tuple[int, Doc]]) -> None:
    """Entities of the pieces replace the entities in their ranges; the rest stay."""
    spans = [(start, start + len(piece)) for start, piece in pieces]
    kept = [e for e in doc.ents if not any(s < e.end and e.start < t for s, t in spans)]
    new = [Span(doc, start + e.start, start + e.end, label=e.label, kb_id=e.kb_id, span_id=e.id)
           for start, piece in pieces for e in piece.ents]
    doc.ents = sorted(kept + new, key=lambda e: e.start)


# Tokens of context either side of an open name: the NER's tok2vec sees 4 (depth 4, window 1)
# and its transition features a little more; 5 was chosen on the note counts in the docstring.
WINDOW = 5


def is_open(tok) -> bool:
    """A token the NER might put in a name that the entity ruler has not: it has a capital
    letter and a letter ("Kibati", "al-Hasakeh"'s "Hasakeh", "ISWAP"), is in no entity yet, and
    is not a capitalised function word ("On", "The", "Around")."""
    return _open(tok.ent_iob, tok.text, tok.is_stop, tok.is_title)


def _open(ent_iob: int, text: str, is_stop, is_title) -> bool:
    if ent_iob in (1, 3):
        return False
    if text.islower() or not any(c.isupper() for c in text):
        return False
    return not (is_stop and is_title)


def open_windows(doc: Doc, window: int = WINDOW) -> list[tuple[int, int]] | None:
    """Token ranges around the open tokens, within their sentence, merged; None when they
    cover the whole Doc."""
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
            start, end = max(sent.start, i - window), min(sent.end, i + window + 1)
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
