"""Who speaks, not where it happened: the subject of a verb of saying and its modifiers
("officials in Quetta said", "Pakistan said its strikes ..."), a country or capital acting as
its government ("Tehran demanded", "accused Kabul"), and the victims' home ("residents of X",
"who hailed from Y"). Names in these roles are no evidence of an event's place (places.py)
and, told as the speaker of a reported clause, no place named by the sentence (roles.py)."""
from __future__ import annotations

import re

SAY_LEMMAS = {"say", "tell", "report", "claim", "add", "state", "announce", "confirm", "quote"}


def in_speaker(span, passive: bool = True, reporting: bool = False) -> bool:
    """Whether a name sits in the subject of a verb of saying ("an official in X said");
    `passive=False` leaves out "the attacks in X are said to have killed" (the reported event);
    `reporting`: the verb must govern a clause (what was said)."""
    tok = span.root
    subjects = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    for _ in range(6):
        head = tok.head     # (read once: each .head is a new Token)
        if tok.dep_ in subjects and head.lemma_.lower() in SAY_LEMMAS:
            return not reporting or any(c.dep_ == "ccomp" for c in head.children)
        if head.i == tok.i:
            return False    # the root: nothing above it
        tok = head
    return False


# the subject of these verbs is a government when it is a country or a capital ("Tehran
# demanded an explanation", "Islamabad accused Tehran"), not a place where something happened
GOVERNMENT_LEMMAS = {"accuse", "demand", "condemn", "allege", "warn", "deny", "vow", "urge", "blame",
                     "summon", "threaten", "protest", "insist", "denounce", "reject", "admit", "recall",
                     "criticise", "criticize", "call", "respond", "retaliate", "believe", "want"}
INSTITUTION_WORDS = {"governorship", "governorate", "municipality", "police", "council", "authorities",
                     "administration", "province", "district", "city", "state", "county", "court"}
SAY_RX = r"\b(?:said|says|say|told|tells|added|adds|stated|claimed|claims|reported|reports|according\s+to|" \
         r"quoted|announced|confirmed|wrote|tweeted|insisted|alleged)\b"
# "(resident of District Mianwali)", ", natives of Lahore,": a person's home in an
# apposition, not where it happened
ORIGIN = re.compile(r"[,(]\s*(?:an?\s+|all\s+|both\s+)?(?:residents?|natives?|inhabitants?)\s+of"
                    r"\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$", re.I)
# "labourers who hailed from the eastern Punjab province", "soldiers hailing from X": the
# victims' home ranks below any other place (and stands in only when there is none)
HAILING = re.compile(r"(?:\bhail(?:s|ed|ing)?\s+from|\boriginally\s+from|\bwho\s+(?:came|come|were|was|are|is)\s+"
                     r"from)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}$", re.I)


def the_speaker(span, reporting: bool = False) -> bool:
    """A name that only says who speaks: the subject of a verb of saying or its modifiers
    ("Pakistan said its strikes ...", "officials in Quetta said"), not a local authority's own
    name ("Aydin Governorship announced"). It is no evidence of where the act happened.
    `reporting`: only the speaker of a reported clause ("X said [its strikes hit ...]"), not one
    whose verb takes the act as its object ("X confirmed the attack": X's own part in it)."""
    return in_speaker(span, passive=False, reporting=reporting) and not (
        span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.lower_ in INSTITUTION_WORDS)
