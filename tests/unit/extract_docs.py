"""Hand-built spaCy Docs for extraction tests (no statistical model)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab


def make_doc(rows):
    """rows: (word, lemma, head_index, dep) per token; head_index is absolute; the root
    points to itself."""
    words = [r[0] for r in rows]
    return Doc(_VOCAB, words=words, lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
               deps=[r[3] for r in rows], spaces=[True] * (len(rows) - 1) + [False])
