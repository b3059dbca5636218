"""Shortcuts taken for speed give the answers of the plain reading: the literal pre-tests before
costly regexes (factions, community militias, brackets, code names and borders), the gazetteer's
remembered rows and its country-name table, and event_date's reading of a Span's text."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract import communities, factions, places, timex
from sitrep.extract.place_admin import PAREN, from_parenthesis
from sitrep.geocode import get_gazetteer

# ---------------------------------------------------------------- texts made of telling pieces

PIECES = ["Raia Mutomboki", "Raya Mutomboki", "-", "Walike", "Hamakombo", "raia mutomboki", " ", ", ", ". ",
          "clan", "Clan Militia", "militiamen", "from the", "Hawadle", "and", "Jarer", "clans", "two rival",
          "families", "Al Omar", "family", "Tiv", "ethnic militia", "Fulani", "raiders", "tribesmen", "Bani Ali",
          "cult", "cultists", "Los Zetas", "gang", "members of", "youths", "from", "Ogbede", "community",
          "\u212aILLED", "\u017ftreet", "\u0130", "militia", "MILITIA", "Militias", "inter-clan", "forces loyal to",
          "Khalifa Haftar", "(", ")", "Uvira", "Sud-Kivu", "codenamed", "'", "\u201c", "border", "frontier",
          "borders", "with", "Iran", "Pakistan", "along the", "Border"]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _plain_faction_hits(text):
    """faction_hits as it read before its pre-test: every pattern run."""
    hits = []
    for rx, actor, template, _ in factions._factions():
        for m in rx.finditer(text):
            named = dataclasses.replace(actor, name=template.format(faction=m.group("faction")), text=m.group(0))
            hits.append((named, m.start(), m.end()))
    return hits


@settings(max_examples=300, deadline=None)
@given(texts)
def test_faction_pretest_skips_only_texts_without_a_match(text):
    got = [(h.actor, h.start, h.end) for h in factions.faction_hits(text)]
    assert got == _plain_faction_hits(text)


def test_faction_hits_still_found():
    hits = factions.faction_hits("Clashes between Raia Mutomboki-Walike and the army.")
    assert [h.actor.name for h in hits] == ["Mayi Mayi Militia (Raia Mutomboki-Walike)"]
    assert factions.faction_hits("Raia Mutomboki fighters attacked a village.") == []


def _community_militias_every_pattern_run(text, country):
    """community_militias with no word pre-test: every pattern run."""
    kept = communities._community_patterns
    plain = [dataclasses.replace(p, needs=None) for p in kept()]
    communities._community_patterns = lambda: plain
    try:
        return communities.community_militias(text, country, [])
    finally:
        communities._community_patterns = kept


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["SOM", "LBN", "NGA", "MEX", "YEM", "AFG"]))
def test_community_pretests_change_no_hit(text, country):
    assert communities.community_militias(text, country, []) == _community_militias_every_pattern_run(text, country)


def test_community_pretests_are_the_first_words_of_each_alternative():
    assert communities._first_words("clan militia|clansmen|Clan Militia").words == ("clan", "clansmen")
    assert communities._first_words("inter-clan|two rival clans").words == ("inter-clan", "two")
    assert communities._first_words("Île militia|gunmen") is None      # not ASCII: no pre-test
    assert all(p.needs for p in communities._community_patterns())
    # a hit the pre-test must let through, in any case for a (?i:...) pattern
    hits = communities.community_militias("MILITIAMEN from the Hawadle clan attacked a village.", "SOM", [])
    assert [h.actor.name for h in hits] == ["Hawadle Clan Militia (Somalia)"]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_no_bracket_no_parenthesis_reading(text):
    if "(" not in text:
        assert PAREN.search(text) is None
        assert from_parenthesis(text, get_gazetteer(), None, set()) is None


def test_parenthesis_still_read():
    place = from_parenthesis("Fighting in Uvira (Uvira, Sud-Kivu) left two dead.", get_gazetteer(), "COD", {"COD"})
    assert place is not None and place.iso3 == "COD"


def _plain_not_a_location(m, doc_text):
    """places._not_a_location as it read before its pre-tests."""
    if places.HYPHEN_MODIFIER.match(doc_text, m.end) or places.shared_border(m, doc_text):
        return True
    before = doc_text[max(0, m.start - 80):m.start]
    return bool(places.CODE_NAME.search(before)) or bool(places.BORDER_WITH.search(before[-40:]))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["Iran", "Pakistan", "Uvira"]))
def test_not_a_location_pretests_change_nothing(text, name):
    doc_text = text + name + " said."
    m = places._Mention(len(text), len(text) + len(name), name, "GPE")
    assert places._not_a_location(m, doc_text) == _plain_not_a_location(m, doc_text)


def test_not_a_location_examples():
    for before, want in [("militants along the border with ", True), ("strikes codenamed '", True),
                         ("strikes in ", False), ("near the frontier with ", True)]:
        text = before + "Iran"
        assert places._not_a_location(places._Mention(len(before), len(text), "Iran", "GPE"), text) is want


# ---------------------------------------------------------------- event_date reads the text once

class _Sentence:
    """A span-like object whose str() would be a second join of its words."""
    text = "On 3 May 2021 gunmen attacked a post."

    def __str__(self):
        raise AssertionError("str() of a span is not needed when it has its text")


def test_event_date_reads_a_span_text_without_str():
    assert timex.event_date(_Sentence(), dt.date(2021, 5, 10)) == \
        timex.event_date(_Sentence.text, dt.date(2021, 5, 10)) == ("2021-05-03", 1, "3 May 2021")


# ---------------------------------------------------------------- gazetteer

@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_country_rows_equal_the_query_for_every_key(gaz):
    keys = [k for (k,) in gaz._con.execute("SELECT DISTINCT key FROM country_names")]
    assert len(keys) > 1000
    for k in keys + ["no such country", ""]:
        want = tuple(gaz._con.execute("SELECT iso3, kind FROM country_names WHERE key = ?", (k,)).fetchall())
        assert gaz._country_rows(k) == want


def test_country_table_is_forgotten_with_the_cache(gaz):
    gaz._country_rows("pakistan")
    assert "_country_names" in gaz.__dict__
    gaz.clear_cache()
    assert "_country_names" not in gaz.__dict__
    assert gaz.country_iso3("Pakistanis") == "PAK"


@pytest.mark.parametrize("name", ["Turbat", "Kabul", "Tripoli", "Punjab", "UP", "Qamishli", "Nowhere Town"])
@pytest.mark.parametrize("codes", [False, True])
def test_rows_are_the_query_and_asked_once(gaz, name, codes):
    from sitrep.geocode.names import key
    k = key(name)
    want = gaz._con.execute(
        "SELECT p.pid, p.geonameid, p.name, p.iso3, p.admin1, p.admin2, p.lat, p.lon,"
        " p.population, p.feature, p.source, MAX(n.is_primary)"
        " FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND n.is_primary >= ?"
        " GROUP BY p.pid", (k, -1 if codes else 0)).fetchall()
    first = gaz._rows(k, codes)
    assert list(first) == want
    assert gaz._rows(k, codes) is first        # remembered: one query per key


def test_population_by_index_equals_the_scan(gaz):
    assert gaz._has_gid_index()         # a cache this revision builds has places_gid
    found = [p for p in (gaz.best(name, iso3) for name, iso3 in [
        ("Kabul", "AFG"), ("Lagos", "NGA"), ("Goma", "COD"), ("Quetta", "PAK"), ("Aleppo", "SYR")])
        if p is not None and p.geonameid is not None]
    assert len(found) >= 3
    for place in found:
        row = gaz._con.execute("SELECT MAX(population) FROM places NOT INDEXED WHERE geonameid = ?",
                               (place.geonameid,)).fetchone()
        assert gaz.population(place) == int(row[0] or 0) > 0


def test_built_cache_has_the_population_index(gaz):
    sql = [s for (s,) in gaz._con.execute("SELECT sql FROM sqlite_master WHERE name = 'places_gid'")]
    assert sql and re.search(r"ON places\s*\(geonameid\)", sql[0])


# ---------------------------------------------------------------- count pre-tests

COUNT_PIECES = ["resulted in", "RESULTED IN", "led to", "causing", "the deaths of", "the killing of", "five", "12",
                "villagers", "and injuries to", "wounds to", "injury of", "number of injured", "number of dead",
                "death toll", "toll", "rose to", "stood at", "fatalities", "coded as", "3", "dead", "killed",
                " ", ", ", ". ", "\u212aILLED", "\u017f", "Fatalities coded as 2", "casualties"]
count_texts = st.lists(st.sampled_from(COUNT_PIECES), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(count_texts)
def test_count_pretests_change_no_count(text):
    from sitrep.extract import numbers
    want = numbers._find_counts.__wrapped__(text)
    kept = numbers.present
    numbers.present = lambda text, tests: None      # "cannot tell": every pattern runs
    try:
        assert numbers._find_counts.__wrapped__(text) == want
    finally:
        numbers.present = kept


def test_counts_behind_the_new_pretests_still_found():
    from sitrep.extract.numbers import figure, find_counts
    assert figure(find_counts("The blast resulted in the deaths of five villagers."), "killed").best == 5
    assert figure(find_counts("The death toll rose to 9."), "killed").best == 9
    assert figure(find_counts("Fatalities coded as 3."), "killed").best == 3
    assert figure(find_counts("The clash caused injuries to four police officers."), "injured").best == 4


# ---------------------------------------------------------------- attribution's end test

ATTR_PIECES = ["police", "Police", "said", "SAID", "says", "claimed", "told reporters", "the army", "officials",
               "has", "had", ",", ".", "..", " ", "  ", "\n", "\u00a0", "\u2003", "said by", "Islamic State",
               "according to", "the ministry", "stated", "added", ";", "\t"]
attr_texts = st.lists(st.sampled_from(ATTR_PIECES), max_size=10).map(" ".join) | \
    st.lists(st.sampled_from(ATTR_PIECES), max_size=10).map("".join)


def _attribution_every_pattern_run(sentence):
    """attribution as it read before the end test: every pattern tried."""
    from sitrep.extract import attribution as mod
    kept = mod._ends_with
    mod._ends_with = lambda sentence, verbs: True
    try:
        return mod.attribution(sentence)
    finally:
        mod._ends_with = kept


@settings(max_examples=400, deadline=None)
@given(attr_texts)
def test_attribution_end_test_changes_no_source(sentence):
    from sitrep.extract.attribution import attribution
    assert attribution(sentence) == _attribution_every_pattern_run(sentence)


@settings(max_examples=300, deadline=None)
@given(attr_texts)
def test_end_test_holds_wherever_the_third_pattern_matches(sentence):
    from sitrep.extract import attribution as mod
    _, verbs, patterns = mod._patterns()
    if patterns[2].search(sentence):
        assert mod._ends_with(sentence, verbs)


def test_attribution_at_the_end_still_read():
    from sitrep.extract.attribution import attribution
    assert attribution("Two rockets hit the base, the garrison commander said.\n") == "garrison commander"
    assert attribution("Two rockets hit the base; police said") == "police"


# ---------------------------------------------------------------- needs: substring tests

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kill", "ed", "dead", " ", "de", "a", "d", "die", "x"]), max_size=8).map("".join),
       st.lists(st.sampled_from(["killed", "dead", "died", "a", "de ad"]), min_size=1, max_size=3))
def test_needs_finds_what_the_regex_of_its_words_finds(text, words):
    from sitrep.extract.prescan import needs
    rx = re.compile("|".join(re.escape(w) for w in words))
    assert needs(*words).search(text) == bool(rx.search(text))


# ---------------------------------------------------------------- link cues: the words every match holds

def test_required_literal_reads_the_top_level_runs():
    from sitrep.extract.prescan import required_literal
    assert required_literal(re.compile(r"\bhours after\s+(?P<t>\w+)", re.I)) == "hours after"
    assert required_literal(re.compile(r"\b(?:in |as )?(?:a )?tit[- ]for[- ]tat\b", re.I)) == "tit"
    assert required_literal(re.compile(r"\bIn Protest (?:at|over)", re.I)) == "in protest "
    assert required_literal(re.compile(r"\bIn Protest")) == "In Protest"       # case-sensitive: as written
    assert required_literal(re.compile(r"killed|dead", re.I)) == ""             # an alternation holds none
    assert required_literal(re.compile(r"\bÉté (?:x)", re.I)) == ""


LINK_PIECES = ["in", "retaliation", "for", "Retaliation", "RETALIATORY", "tit-for-tat", "tit for tat", " ", ", ",
               "the", "attack", "two", "days", "after", "hours", "to avenge", "in response to", "in reaction to",
               "in protest", "at", "against", "\u212a", "\u0131", "İn", "strikes", "a", "day", "Hours After"]
link_texts = st.lists(st.sampled_from(LINK_PIECES), max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(link_texts)
def test_link_pretests_change_no_cue(sentence):
    from sitrep.extract import links
    got = links.link_cues(sentence)
    kept = links._patterns
    plain = [(k, p, "") for k, p, _ in kept()]
    links._patterns = lambda: plain
    try:
        assert links.link_cues(sentence) == got
    finally:
        links._patterns = kept


def test_link_cues_still_found():
    from sitrep.extract.links import link_cues
    got = link_cues("The strikes came two days after the bombing in Kerman, in retaliation for the raid.")
    assert {c.type for c in got} == {"follows", "retaliation_for"}
    assert next(c for c in got if c.type == "follows").days_after == 2


# ---------------------------------------------------------------- estimate_anchor reuses the scan

def _estimate_anchor_by_its_own_scan(text):
    """estimate_anchor as it read before: the yearless dates found by running dmy and mdy again."""
    latest = None
    for e in timex.parse_date_text(text or "", None, None):
        if e.background or not e.value or e.kind not in ("iso", "dmy", "mdy", "month_year", "range_dm", "range_md"):
            continue
        if not re.search(r"(?:19|20)\d\d", e.text):
            continue
        d = timex._prev_date((e.value, 1))
        if d is not None and (latest is None or d > latest):
            latest = d
    if latest is None:
        return None
    best = latest
    for kind in ("dmy", "mdy"):
        for m in dict(timex.PATTERNS)[kind].finditer(text):
            if m.group("year"):
                continue
            mon, day = timex._month(m.group("mon")), int(m.group("day"))
            for year in (latest.year, latest.year + 1):
                d = timex._date(year, mon, day) if mon else None
                if d is not None and d >= latest:
                    if d - latest <= dt.timedelta(days=366) and d > best:
                        best = d
                    break
    return best


DATE_PIECES = ["On", "3 January", "January 18, 2024", "October 7, 2023", "12 Dec 2021", "Feb 29", "31 March",
               "2019-04-07", "in May 2020", "late last night", "Monday", ",", ".", " ", "Sept 3", "4th of July",
               "\u212a", "1 and 3 June", "May 5-6"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=10).map(" ".join))
def test_estimate_anchor_equals_its_own_scan(text):
    assert timex.estimate_anchor(text) == _estimate_anchor_by_its_own_scan(text)


def test_province_places_keep_the_order_of_the_admin1_index(gaz):
    """The towns of a province, read through places_province, come in the order the query gave
    through places_admin1 before (feature, name, pid)."""
    provinces = gaz._con.execute("SELECT iso3, admin1 FROM places WHERE feature IN ('city', 'admin2')"
                                 " GROUP BY iso3, admin1 ORDER BY COUNT(*) DESC LIMIT 40").fetchall()
    assert len(provinces) == 40
    gaz._province_places.cache_clear()
    for iso3, admin1 in provinces:
        want = gaz._con.execute(
            "SELECT p.pid, p.geonameid, p.name, p.iso3, p.admin1, p.admin2, p.lat, p.lon, p.population,"
            " p.feature, p.source, 1 FROM places p INDEXED BY places_admin1 WHERE p.iso3 = ? AND p.admin1 = ?"
            " AND p.feature IN ('city', 'admin2')", (iso3, admin1)).fetchall()
        assert [row for _, row in gaz._province_places(iso3, admin1)] == want
    gaz._province_places.cache_clear()
