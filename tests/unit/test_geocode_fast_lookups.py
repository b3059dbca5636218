"""The gazetteer's faster close-spelling lookup gives the answers of the plain difflib scan."""
from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.geocode import get_gazetteer
from sitrep.geocode.gazetteer import _close_spellings


def _plain(k, candidates, cutoff):
    """The lookup as it was first written: a SequenceMatcher for every candidate."""
    for ckey, item in candidates:
        if ckey[:1] != k[:1] or abs(len(ckey) - len(k)) > 3:
            continue
        sm = difflib.SequenceMatcher(None, k, ckey)
        if sm.real_quick_ratio() < cutoff or sm.quick_ratio() < cutoff:
            continue
        ratio = sm.ratio()
        if ratio >= cutoff:
            yield ratio, item


names = st.text(alphabet="aeiklnorstuyb h", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(names, st.lists(names, max_size=30), st.sampled_from([0.5, 0.7, 0.84, 0.86, 1.0]))
def test_close_spellings_equal_the_plain_difflib_scan(k, keys, cutoff):
    cands = [(c, i) for i, c in enumerate(keys)]
    assert list(_close_spellings(k, cands, cutoff)) == list(_plain(k, cands, cutoff))


def test_close_spellings_examples():
    cands = [("tillaberi", 1), ("tilaberi", 2), ("atakora", 3), ("tahoua", 4), ("zinder", 5)]
    assert [i for _, i in _close_spellings("tillabery", cands, 0.84)] == [1]      # "tilaberi": 0.82
    assert [i for _, i in _close_spellings("tillabery", cands, 0.8)] == [1, 2]
    assert [i for _, i in _close_spellings("atacora", cands, 0.84)] == [3]


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _fuzzy_admin1_by_scan(gaz, k, iso3, cutoff):
    """fuzzy_admin1's choice made over every admin1 spelling (no index)."""
    rows = gaz._con.execute(
        "SELECT DISTINCT n.key, p.name, p.iso3 FROM places p CROSS JOIN names n ON n.pid = p.pid"
        " WHERE p.feature = 'admin1' AND n.is_primary >= 0").fetchall()
    scored = sorted(((r, a, i) for r, (a, i) in _plain(
        k, ((ak, (a, i)) for ak, a, i in rows if not iso3 or i == iso3), cutoff)), reverse=True)
    if not scored:
        return None
    best = scored[0]
    if not iso3 and any(r[2] != best[2] and r[0] >= best[0] - 0.03 for r in scored[1:]):
        return None
    return gaz.admin1(best[1], best[2])


@pytest.mark.parametrize("name, iso3", [
    ("Atacora", "BEN"), ("Atacora", None), ("Tillabery", "NER"), ("Tillabery", None), ("Balochistaan", "PAK"),
    ("Khyber Pakhtunkwa", None), ("Nangarhaar", None), ("Sistan Baluchistan", "IRN"), ("Qwerty Zone", None),
])
def test_fuzzy_admin1_equals_a_scan_of_every_spelling(gaz, name, iso3):
    from sitrep.geocode.names import key
    assert gaz.fuzzy_admin1(name, iso3) == _fuzzy_admin1_by_scan(gaz, key(name), iso3, 0.84)


def test_fuzzy_place_same_answer_when_its_province_is_remembered(gaz):
    gaz._province_places.cache_clear()
    first = gaz._fuzzy_place("turbaat", "PAK", "Balochistan", 0.86)
    assert first is not None and first.name == "Turbat"
    assert gaz._fuzzy_place("turbaat", "PAK", "Balochistan", 0.86) == first     # from the kept rows
    assert gaz._province_places.cache_info().hits >= 1
