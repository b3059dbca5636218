"""Killed/injured counts from plain strings."""
import pytest

from sitrep.extract.numbers import combine, figure, find_counts, number_value
from sitrep.models import Figure


def fig(text, kind="killed"):
    return figure(find_counts(text), kind)


@pytest.mark.parametrize("words,value", [
    ("7", (7, 7)), ("twenty-five", (25, 25)), ("twenty five", (25, 25)), ("7-10", (7, 10)),
    ("dozens", (12, None)), ("hundreds", (100, None)), ("several", (10, None)), ("a dozen", (12, 12)),
    ("1,200", (1200, 1200)), ("walnut", None)])
def test_number_value(words, value):
    assert number_value(words) == value


def test_sum_of_groups():
    f = fig("Gunmen stormed the bus; three women and four children were killed.")
    assert f.best == 7 and "children" in f.victims


def test_verb_before_count_with_qualifier():
    f = fig("The army said it had repelled the raid, killing at least nine attackers.")
    assert (f.low, f.best, f.high, f.qualifier) == (9, 9, None, "at least")


def test_nearly_is_an_upper_bound():
    f = fig("Nearly 100 people died in the fire.")
    assert f.best == 100 and f.high == 100 and f.low < 100 and f.qualifier == "nearly"


def test_vague_dozens_is_twelve():
    assert fig("Dozens were wounded when the blast hit the market.", "injured").best == 12


def test_killed_and_injured_kept_apart():
    counts = find_counts("A woman was killed and two other people were hurt in the shooting.")
    assert figure(counts, "killed").best == 1
    assert figure(counts, "injured").best == 2


def test_dates_are_not_counts():
    f = fig("On 12 March 2023, gunmen killed 3 farmers near the river.")
    assert f.best == 3


def test_stated_total_wins_over_parts():
    f = fig("Two soldiers and three rebels were killed. 5 fatalities in total were reported.")
    assert f.best == 5


def test_explicit_zero():
    counts = find_counts("Shots were fired but no casualties were reported.")
    assert figure(counts, "killed").best == 0 and figure(counts, "injured").best == 0


def test_death_toll_phrase():
    assert fig("The death toll rose to 14 on Monday.").best == 14


def test_no_number_no_figure():
    assert fig("Police patrolled the area after the clashes.") is None


def test_combine_does_not_double_count_repeated_figure():
    a = Figure(low=3, best=3, high=3, text="3 killed")
    assert combine([a, a]).best == 3
    b = Figure(low=2, best=2, high=2, text="2 soldiers killed")
    assert combine([a, b]).best == 5


def test_participle_with_definite_count_is_a_toll():
    c = find_counts("A mine blew up a jeep near the border, killing the five guards, including an officer.")
    assert figure(c, "killed").best == 5


def test_deaths_of_and_injuries_to_are_tolls():
    c = find_counts("The shelling resulted in the deaths of four farmers and injuries to seven others.")
    assert figure(c, "killed").best == 4 and figure(c, "injured").best == 7


def test_killing_of_as_a_topic_is_no_toll():
    c = find_counts("Locals blocked streets to protest the killing of a trader by gunmen.")
    assert figure(c, "killed") is None


@pytest.mark.parametrize("text,best", [
    ("At least nine people died when shells hit the market, a higher figure than the seven dead reported first.", 9),
    ("The toll rose to 12 dead, up from the 9 killed counted on Monday.", 12),
    ("Officials said 14 were killed, more than the 10 dead the army reported.", 14),
    ("More than 20 people were killed in the blast.", 20),       # no article: a qualifier, kept
])
def test_a_figure_named_to_compare_with_is_not_a_count(text, best):
    assert figure(list(find_counts(text)), "killed").best == best


@pytest.mark.parametrize("text,best,victims", [
    ("Officials said eight people, five men and three boys, were killed in the raid.", 8, "people"),
    ("Two soldiers, including a captain, were killed near the post.", 2, "soldiers"),
    ("Four guards, who had just begun their shift, were wounded.", None, None),   # injured, not killed
])
def test_a_count_detailed_between_commas_is_the_head_count(text, best, victims):
    got = figure(list(find_counts(text)), "killed")
    assert (got.best if got else None, got.victims if got else None) == (best, victims)
