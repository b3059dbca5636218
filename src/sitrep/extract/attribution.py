"""Who makes the claim: "Iranian media said", "according to the BLF", "the Pakistani ministry
said", "..., police said." Pure functions over the sentence text (the say-verbs are data:
sitrep/data/cues.yaml)."""
from __future__ import annotations

import functools
import re

from sitrep.extract import lexicon

_SOURCE = r"((?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[\w'’.-]+){0,6}?)"


@functools.lru_cache(maxsize=1)
def _patterns():
    verbs = [v for v in lexicon.load("cues.yaml")["say_verbs"] if v != "according"]
    # the verb must be written in lower case ("Islamic State" is no "stated") and not be passive
    verb_re = "(?-i:" + "|".join(sorted({re.escape(v) for v in verbs}, key=len, reverse=True)) + r")(?!\s+by\b)"
    # every pattern below needs "according to" or a say-verb after a space or comma: a sentence
    # with neither is no claim, and is told so without trying the (backtracking) patterns
    maybe = re.compile(r"(?i:according to)|(?<!\w)" + verb_re)
    return maybe, tuple(verbs), [
        # "according to the BLF", "according to Iranian state media"
        re.compile(r"\baccording to\s+((?:the\s+)?[^,.;:()]{2,70}?)(?=\s*(?:[,.;:)]|$|\s+(?:on|in|at|who|which|that)\b))", re.I),
        # "..., police said." / "..., said the ministry."
        re.compile(rf",\s*(?:{verb_re})\s+{_SOURCE}\s*[.;]?\s*$", re.I),
        re.compile(rf",?\s*{_SOURCE}\s+(?:(?:has|have|had)\s+)?(?:{verb_re})\.?\s*$", re.I),
        # "Iranian media said (that) ...", "The BLF claimed ..."
        re.compile(rf"^\s*{_SOURCE}\s+(?:(?:has|have|had|also)\s+)?(?:{verb_re})\b(?:\s+that)?", re.I),
        # "..., the ministry said in a statement, ..."
        re.compile(rf",\s*{_SOURCE}\s+(?:{verb_re})\b(?:\s+(?:in|on)\s+[^,]+)?,", re.I),
    ]


_NOT_SOURCE = re.compile(r"^(?:it|this|that|there|they|he|she|we|i|which|who|what|and|but|the report|reports|"
                         r"sources)(?:\s|$)", re.I)


def _ends_with(sentence: str, verbs: tuple[str, ...]) -> bool:
    """Does the sentence end with one of `verbs`, as written, then at most a full stop and
    white space? What the third pattern ("..., police said.") cannot match without: it is
    tried at every position of the sentence (~0.2 ms), this test is not."""
    end = sentence.rstrip()     # (the same white space as the patterns' \s)
    return end.endswith(verbs) or (end.endswith(".") and end[:-1].endswith(verbs))


def attribution(sentence: str) -> str | None:
    """The source a sentence attributes its claim to, or None for a bare assertion."""
    maybe, verbs, patterns = _patterns()
    if not maybe.search(sentence):
        return None
    for pat in patterns:
        if pat is patterns[2] and not _ends_with(sentence, verbs):
            continue
        m = pat.search(sentence)
        if not m:
            continue
        src = m.group(1).strip(" ,.;")
        src = re.sub(r"^(?:the|a|an)\s+", "", src, flags=re.I)
        if not src or _NOT_SOURCE.match(src) or len(src) > 70:
            continue
        if pat is patterns[3] and not (src[0].isupper() or src.lower().split()[0] in ("police", "officials", "media")):
            continue
        return src
    return None
