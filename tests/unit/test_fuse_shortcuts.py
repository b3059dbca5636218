"""Fusion's shortcuts give the answers of the general way: the ASCII path of `norm`, the length
bound of `same_name`, `place_names` without copying the country words, a lone mention's
cluster, the disputes of one report, events with no copies to attach."""
from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata

from fuse_builders import (BALOCHISTAN, BLF, CLASH, IRAN, JAA, KECH, PAKISTAN, PANJGUR, RECALL,
                           SARAVAN, SISTAN, STRIKE, killed, mention)
from hypothesis import given
from hypothesis import strategies as st
from test_fuse_properties import settings_

from sitrep.fuse import fuse, with_copies
from sitrep.fuse import features as F
from sitrep.fuse.build import build_event
from sitrep.fuse.cluster import clusters, is_specific
from sitrep.fuse.features import Features, norm, place_names, same_name
from sitrep.fuse.figures import disputes
from sitrep.models import Actor, Copy


def _norm_before(text):
    """norm as it was written before its ASCII path (every text decomposed)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _same_name_before(a, b):
    """same_name before the length bound: difflib asked for every pair."""
    na, nb = _norm_before(a), _norm_before(b)
    if not na or not nb:
        return None
    if na == nb:
        return True
    na, nb = na.replace(" and ", " "), nb.replace(" and ", " ")
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.8


def _place_names_before(m):
    """place_names before: the country words and days copied into each mention's context."""
    context = set(F._country_words()) | F._CALENDAR
    for a in (m.actor1, m.actor2, *m.associated):
        if a is not None:
            context.update(norm(a.name).split(), norm(a.text).split())
    p = m.place
    if p is not None:
        for x in (p.name, p.admin1, p.admin2, p.country, p.text):
            context.update(norm(x).split())
    context.update(norm(m.attributed_to).split())
    places, areas = set(), set()
    text = m.sentence or ""
    for match in F._PLACE_NAME.finditer(text):
        kept = [w for w in norm(match.group(1)).split()
                if w not in context and len(w) > 2 and not w.isdigit()]
        if kept:
            (areas if F._AREA_AFTER.match(text, match.end()) else places).add(" ".join(kept))
    return frozenset(places), frozenset(areas)


MIXED = "Thé the-Ōmar Zürich İstanbul ǅ ﬁ² ABC and 42"      # accents, ligatures, case folds


@settings_
@given(st.one_of(st.text(max_size=30), st.text(alphabet=MIXED, max_size=30)))
def test_norm_of_any_text_is_the_decomposing_answer(text):
    assert norm(text) == _norm_before(text)


def test_norm_on_ascii_and_on_accents():
    assert norm("The Sistan-Baluchestan  Province") == "sistan baluchestan province"
    assert norm("Zürich") == "zurich" and norm("ﬁrst") == "first"


NAME = st.text(alphabet="aeiokhnrstb -", min_size=0, max_size=14)


@settings_
@given(NAME, NAME, st.booleans())
def test_same_name_with_the_length_bound_is_difflibs_answer(a, b, extend):
    if extend:
        b = a + b       # one name inside the other: ratios near the bound
    assert same_name(a, b) == _same_name_before(a, b)


def test_same_name_keeps_transliterations_and_parts_apart():
    assert same_name("Baluchistan", "Balochistan") is True
    assert same_name("Sistan and Baluchestan", "Sistan-Baluchestan") is True
    assert same_name("Kerman", "Kermanshah") is False      # lengths 6 and 10: bound 0.75
    assert same_name("Tump", "Tumpur") is True             # 4 and 6: bound and ratio 0.8
    assert same_name("Kech", "Kachhi") is False
    assert same_name("Kech", None) is None


WORDS = ["in", "at", "near", "village of", "outskirts of", "shelled", "raided", "the", "Kalag",
         "Tump", "district", "province", "Pakistan", "Iranian", "Tuesday", "January", "Sami",
         "Koh", "Sabz", "al", "12", "Kech", "and", ",", "Jaish", "Adl", "Balochistan", "Saravan",
         "Tor", "Ghar", "struck", "on"]


@settings_
@given(st.lists(st.sampled_from(WORDS), max_size=18),
       st.sampled_from([None, IRAN, JAA, BLF, Actor("Tor Ghar Lashkar", text="the Tor men")]),
       st.sampled_from([None, KECH, SARAVAN, PANJGUR, BALOCHISTAN]),
       st.sampled_from([None, "Koh officials", "Pakistani media"]))
def test_place_names_are_those_of_copying_the_context(words, actor, place, attributed):
    m = mention("a.txt", a1=actor, place=place, attributed_to=attributed,
                sentence=" ".join(words))
    assert place_names(m) == _place_names_before(m)


def test_place_names_of_a_sentence_naming_nothing():
    assert place_names(mention(sentence="they said it was over")) == (frozenset(), frozenset())


LONE = {
    "specific": mention("a.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH),
    "vague": mention("a.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=BALOCHISTAN,
                     date="2024-01", precision=3),
    "placeless": mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA),
    "windowless": mention("a.txt", kind=STRIKE, a1=IRAN, place=SISTAN, date=None,
                          published=None),
    "statement": mention("a.txt", kind=RECALL, a1=PAKISTAN, a2=IRAN),
}


def test_a_lone_mention_is_the_group_the_general_steps_give_it():
    """Each kind of report, next to one it can never meet (another family, another month), is
    a group of its own in the general steps; alone it is that group."""
    far = Features.of(mention("z.txt", kind=RECALL, a1=IRAN, a2=PAKISTAN, date="2023-06-01",
                              published="2023-06-02"))
    assert is_specific(Features.of(LONE["specific"]))
    assert not is_specific(Features.of(LONE["vague"]))
    for kind, m in LONE.items():
        f = Features.of(m)
        assert clusters([f]) == [[f]], kind
        assert sorted(clusters([f, far]), key=lambda g: g[0].mention.document) == [[f], [far]]


def test_one_report_has_no_disputes_two_that_differ_have():
    one = mention("a.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, fatalities=killed(3))
    ev = build_event([Features.of(one)])
    assert ev.disputes == () and disputes(ev.claims, [one]) == ()
    other = mention("b.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, fatalities=killed(5))
    both = build_event([Features.of(one), Features.of(other)])
    assert [d.field for d in both.disputes] == ["fatalities"]


def test_events_without_copies_are_kept_as_they_are():
    events = fuse([mention("a.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH),
                   mention("b.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN)])
    mirror = Copy(document="m.txt", article=0, article_id="m.txt:0")
    out = with_copies(events, {"b.txt:0": [mirror]})
    kept = next(i for i, e in enumerate(events) if e.claims[0].article_id == "a.txt:0")
    assert out[kept] is events[kept]
    copied = out[1 - kept]
    assert copied.claims[0].copies == (mirror,)
    assert copied == dataclasses.replace(events[1 - kept], claims=(
        dataclasses.replace(events[1 - kept].claims[0], copies=(mirror,)),))
