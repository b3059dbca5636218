"""Cues that an event answers an earlier one: "in retaliation for", "in response to",
"tit-for-tat", "a day after", "in protest at" (patterns: sitrep/data/cues.yaml). The cue becomes
a LinkCue on the mention; fusion turns it into a link between events."""
from __future__ import annotations

import functools
import re

from sitrep.extract import lexicon
from sitrep.extract.numbers import number_value
from sitrep.extract.prescan import folded, required_literal
from sitrep.models import LinkCue


@functools.lru_cache(maxsize=1)
def _patterns():
    """(type, pattern, pre-test) of each link cue: the pre-test is the words every match of
    the pattern holds (prescan.required_literal), looked for before the pattern is tried."""
    out = []
    for c in lexicon.load("cues.yaml")["links"]:
        rx = re.compile(c["pattern"], re.I)
        out.append((c["type"], rx, required_literal(rx)))
    return out


def link_cues(sentence: str) -> list[LinkCue]:
    """Every link cue in a sentence, one per type (the first wins)."""
    out, seen = [], set()
    low = folded(sentence)      # (None: a character re.I folds onto ASCII; every pattern is tried)
    for kind, pat, words in _patterns():
        if kind in seen:
            continue
        if words and low is not None and words not in low:
            continue    # the words every match holds are not there
        m = pat.search(sentence)
        if not m:
            continue
        seen.add(kind)
        groups = m.groupdict()
        target = (groups.get("target") or "").strip() or None
        days = None
        if groups.get("n"):
            val = number_value(groups["n"])
            days = val[0] if val else None
        out.append(LinkCue(type=kind, cue=m.group(0)[:80].strip(), target_text=target, days_after=days))
    return out


def _words(text: str) -> set[str]:
    """Content-word stems (first five letters: "ambushed" and "ambush" meet)."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


_STOP = {"that", "this", "with", "from", "their", "they", "were", "have", "been", "after", "about", "which"}


def resolve_target(cue: LinkCue, candidates: list[tuple[str, str, str]]) -> LinkCue:
    """Point the cue at an earlier mention of the same or previous sentence: `candidates` are
    (mention_id, trigger words, sentence) of those mentions, nearest first. The one sharing most
    words with the cue's target text wins; with no target words, the nearest earlier mention."""
    if not candidates:
        return cue
    target = _words(cue.target_text or "")
    best, best_score = None, 0
    for mid, trigger, sentence in candidates:
        score = len(target & (_words(trigger) | _words(sentence))) if target else 0
        if score > best_score:
            best, best_score = mid, score
    if best is None and not target:
        best = candidates[0][0]
    if best is None:
        return cue
    return LinkCue(type=cue.type, cue=cue.cue, target_text=cue.target_text, target_mention=best,
                   days_after=cue.days_after)
