"""Copies of one report vs reports written from one template (ingest.variants.swapped)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from sitrep.ingest import variants
from sitrep.ingest.variants import swapped, tokens

WIRE = ("Gunmen on motorbikes stormed a cattle market near the town of Dakoro on Sunday, "
        "killing 14 herders and driving off hundreds of animals, the regional governor said. "
        "The attackers fled towards the border before soldiers arrived, residents told reporters. "
        "It was the third raid on a market in the area this month.")


def test_identical_and_unrelated_texts():
    assert swapped(WIRE, WIRE) is None
    assert swapped("", "") is None


def test_a_different_place_at_the_same_spot_is_a_different_report():
    other = WIRE.replace("Dakoro", "Tessaoua")
    why = swapped(WIRE, other)
    assert why and "Dakoro" in why and "Tessaoua" in why


def test_a_different_party_or_victim_name_is_a_different_report():
    a = "On 4 June, soldiers of the Northern Brigade detained Musa Ali at a checkpoint outside the city."
    assert swapped(a, a.replace("Musa Ali", "Ibrahim Sani"))
    assert swapped(a, a.replace("Northern Brigade", "Eastern Command"))


def test_a_different_number_at_the_same_spot_is_a_different_report():
    assert swapped(WIRE, WIRE.replace("14 herders", "19 herders"))
    # ... but a figure spelled out is the same statement, not a contradiction
    assert swapped(WIRE, WIRE.replace("14 herders", "fourteen herders")) is None


def test_a_swap_split_around_one_shared_word_is_still_one_spot():
    a = "Artillery hit positions in the area of Lenine Airport."
    b = "Artillery hit positions in the area of Kamianka, Lenine."
    assert swapped(a, b)


def test_edits_a_copy_undergoes_are_not_swaps():
    added = WIRE + " A local aid group said it would send food to the families of the victims."
    cut = WIRE.replace(" It was the third raid on a market in the area this month.", "")
    aside = WIRE.replace("Dakoro on Sunday", "Dakoro (Maradi region) on Sunday")
    for copy in (added, cut, aside):
        assert swapped(WIRE, copy) is None


def test_credits_differ_between_copies_of_one_story():
    a = "NIAMEY (Reuters) - " + WIRE + "\n(Reporting by Amadou Diallo; Editing by Peter Graham)"
    b = "NIAMEY (AFP) - " + WIRE + "\n(Reporting by Fatima Sow; Editing by Clare Hunt)"
    assert swapped(a, b) is None
    c = "By Amadou Diallo\n" + WIRE
    d = "By Fatima Sow, Sahel Wire\n" + WIRE
    assert swapped(c, d) is None


def test_sentence_initial_words_count_as_names_only_when_they_are_places(monkeypatch):
    monkeypatch.setattr(variants, "_is_place", lambda w: w in {"Dakoro", "Tessaoua"})
    a = "Dakoro came under fire overnight. Two houses were hit."
    assert swapped(a, a.replace("Dakoro", "Tessaoua"))
    # a reworded sentence opening is an edit, not another report
    assert swapped(a, a.replace("Two houses", "Several houses")) is None


def test_the_gazetteer_knows_a_sentence_initial_place():
    a = "Kandahar came under rocket fire overnight, officials said."
    assert swapped(a, a.replace("Kandahar", "Mosul"))


def test_token_kinds():
    got = {t.text: (t.kind, t.credit) for t in tokens("On 9 May, troops entered Goma. Police said (Reuters).")}
    assert got["On"] == ("initial", False) and got["9"] == ("number", False)
    assert got["May"] == ("name", False) and got["Goma"] == ("name", False)
    assert got["troops"] == ("word", False) and got["Police"] == ("initial", False)
    assert got["Reuters"][1] is True


NAMES = st.sampled_from(["Dakoro", "Tessaoua", "Maradi", "Zinder", "Agadez", "Tahoua"])


@settings(max_examples=40, deadline=None)
@given(NAMES, NAMES, st.sampled_from(["", " Fighting continued into the night."]))
def test_swapped_is_symmetric_and_sees_every_place_swap(x, y, tail):
    a = f"Soldiers repelled an attack on a patrol near {x}, Niger, killing 6 assailants.{tail}"
    b = f"Soldiers repelled an attack on a patrol near {y}, Niger, killing 6 assailants."
    assert (swapped(a, b) is None) == (swapped(b, a) is None)
    assert (swapped(a, b) is None) == (x == y)


def test_a_perpetrator_after_by_is_not_a_credit():
    a = "Two farmers were killed near the village (attack by Dogon hunters), residents said."
    assert swapped(a, a.replace("Dogon hunters", "Fulani herders"))
    b = "A convoy was ambushed on the road north of the town.\n(by Dogon hunters)"
    assert swapped(b, b.replace("Dogon", "Bambara"))


def test_another_spelling_of_the_same_place_is_an_edit():
    a = "Shelling hit a school in the north of Kiev on Monday, the mayor said."
    assert swapped(a, a.replace("Kiev", "Kyiv")) is None
    assert swapped(a, a.replace("Kiev", "Kharkiv"))


def test_figures_are_compared_by_value_and_count():
    a = "Students marched through the city centre for the second day (03/02)."
    assert swapped(a, a.replace("(03/02)", "(02/02)"))
    assert swapped(a, a.replace("second day", "third day"))
    assert swapped(a, a.replace("second day", "2nd day")) is None
    b = "Gunmen killed thirty-one villagers and wounded two hundred."
    assert swapped(b, "Gunmen killed 31 villagers and wounded 200.") is None
    assert swapped(b, "Gunmen killed 35 villagers and wounded 200.")
