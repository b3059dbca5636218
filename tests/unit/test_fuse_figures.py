"""Fatality/injury ranges across reports: low/high as reported, best by ACLED's conservative rule."""
from __future__ import annotations

from fuse_builders import killed

from sitrep.fuse.figures import bounds, disputes, figure_range
from sitrep.models import Claim, Figure


def claims(*figures, modality="asserted"):
    return tuple(Claim(f"m{i}", "d.txt", 0, "d:0", None, None, "t", None, fatalities=f,
                       modality=modality) for i, f in enumerate(figures))


def rng(*figures):
    r = figure_range(claims(*figures), "fatalities")
    return r.low, r.best, r.high


def test_agreeing_reports_give_that_figure():
    assert rng(killed(4), killed(4)) == (4, 4, 4)


def test_differing_reports_take_lowest_as_best():
    assert rng(killed(9, qualifier="at least"), killed(7)) == (7, 7, 9)


def test_nearly_is_an_upper_bound_only():
    assert bounds(Figure(best=100, high=100, qualifier="nearly")) == (None, 100, 100)
    assert rng(killed(85), Figure(best=100, high=100, qualifier="nearly")) == (85, 85, 100)


def test_a_lone_nearly_still_gives_a_low():
    low, best, high = rng(Figure(best=100, high=100, qualifier="nearly"))
    assert high == 100 and low is not None and low <= high


def test_vague_counts_yield_to_numbers():
    assert rng(killed(3, qualifier="several"), killed(7)) == (7, 7, 7)
    assert rng(killed(12, qualifier="dozens")) == (12, 12, 12)


def test_claim_without_a_figure_is_not_zero():
    assert rng(None, killed(5)) == (5, 5, 5)
    assert rng(None) == (None, None, None)


def test_zero_beside_deaths_is_a_denial_not_a_low():
    assert rng(killed(0), killed(7)) == (7, 7, 7)
    assert rng(killed(0)) == (0, 0, 0)


def test_denied_claims_do_not_count():
    assert figure_range(claims(killed(3), modality="denied"), "fatalities").low is None


def test_explicit_range_in_one_report():
    assert rng(Figure(low=10, best=12, high=15)) == (10, 12, 15)


def test_vague_words_without_qualifier_are_vague():
    several = Figure(low=10, best=10, high=None, text="Several terrorists were killed")
    assert rng(several, killed(7)) == (7, 7, 7)
    assert rng(Figure(low=10, best=10, text="a number of militants were killed")) == (10, 10, 10)
    assert rng(Figure(low=3, best=3, text="three soldiers and several militants")) == (3, 3, 3)


def test_nearly_with_extractor_low():
    assert rng(killed(85), Figure(low=90, best=100, high=100, qualifier="nearly")) == (85, 85, 100)


def test_a_total_over_several_events_yields_to_this_events_figure():
    total = Claim("m0", "d.txt", 0, "d:0", None, None,
                  "before two more attacks on security forces in which seven soldiers died",
                  None, fatalities=killed(7))
    single = Claim("m1", "d.txt", 0, "d:0", None, None,
                   "a roadside bomb hit a patrol truck and six soldiers died", None,
                   fatalities=killed(6))
    r = figure_range((total, single), "fatalities")
    assert (r.low, r.best, r.high) == (6, 6, 6)
    assert not any(d.field == "fatalities" for d in disputes((total, single), []))
    alone = figure_range((total,), "fatalities")
    assert (alone.low, alone.high) == (7, 7)     # with nothing else, the total is all there is


def test_a_year_before_attacks_is_not_a_count_of_events():
    old = Claim("m0", "d.txt", 0, "d:0", None, None, "unlike the 2019 attacks, it killed nine",
                None, fatalities=killed(9))
    new = Claim("m1", "d.txt", 0, "d:0", None, None, "at least eleven were killed", None,
                fatalities=killed(11, qualifier="at least"))
    r = figure_range((old, new), "fatalities")
    assert (r.low, r.high) == (9, 11)
