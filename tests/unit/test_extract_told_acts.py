"""Acts told again or only claimed: a country that only speaks does not place the act, an act
that is only the content of an accusation is no event of its own, "the strikes" a speaker of
one side tells of are that side's strikes told before, and the day a source spoke is not the
day of the act. Example sentences written for these tests."""
import dataclasses
import datetime as dt

import pytest

from sitrep.extract.actors import generic_actor
from sitrep.extract.clauses import _blamed_fix
from sitrep.extract.modality import ALLEGED, ASSERTED, DENIED
from sitrep.extract.speakers import the_speaker
from sitrep.extract.roles import _names_place
from sitrep.extract.timex import event_date
from sitrep.fuse.build import build_event
from sitrep.fuse.features import Features
from sitrep.models import Actor, Mention

from extract_docs import best_of, make_doc
from model_runs import mentions_of

TUE = dt.date(2024, 1, 17)      # a Wednesday: "on Tuesday" is 16 January


# ---------------------------------------------------------------- the speaker is not the scene

def _said_clause():
    # "Ruritania said its jets hit the camps ."
    return make_doc([("Ruritania", "Ruritania", 1, "nsubj"), ("said", "say", 1, "ROOT"),
                     ("its", "its", 3, "poss"), ("jets", "jet", 4, "nsubj"), ("hit", "hit", 1, "ccomp"),
                     ("the", "the", 6, "det"), ("camps", "camp", 4, "dobj"), (".", ".", 1, "punct")])


def _confirmed_act():
    # "Ruritania confirmed the attack ."
    return make_doc([("Ruritania", "Ruritania", 1, "nsubj"), ("confirmed", "confirm", 1, "ROOT"),
                     ("the", "the", 3, "det"), ("attack", "attack", 1, "dobj"), (".", ".", 1, "punct")])


def test_the_speaker_of_a_reported_clause_is_only_the_speaker():
    doc = _said_clause()
    assert the_speaker(doc[0:1]) and the_speaker(doc[0:1], reporting=True)


def test_a_speaker_whose_verb_takes_the_act_as_object_still_names_a_place():
    doc = _confirmed_act()
    assert the_speaker(doc[0:1]) and not the_speaker(doc[0:1], reporting=True)


def test_a_sentence_naming_only_its_speaker_names_no_place():
    doc = _said_clause()
    doc.ents = [doc.char_span(0, len("Ruritania"), label="GPE")]
    assert not _names_place(doc[:])
    doc = _confirmed_act()
    doc.ents = [doc.char_span(0, len("Ruritania"), label="GPE")]
    assert _names_place(doc[:])


@pytest.mark.model
def test_a_country_that_only_speaks_leaves_the_place_told_before(extractor):
    got = mentions_of(extractor, "At least five shepherds died when Turkish drones hit a village in Iraq's "
                                 "Duhok province on Monday, a local official said.\n"
                                 "The official said the dead had been grazing flocks near the border.\n"
                                 "Turkey said its strikes targeted hideouts of the PKK.", published="2024-01-17")
    strike = next(m for m in got if m.sentence.startswith("Turkey said"))
    assert strike.place is not None and strike.place.iso3 == "IRQ"
    assert strike.place.feature != "country"


# ---------------------------------------------------------------- an accusation's content

ARMY = generic_actor("military", "PAK", "Islamabad")


def _act():
    return Mention(mention_id="a:0:1", article_id="a", document="d.txt", article_index=0,
                   sentence="The rebels accused the capital of shelling a market.", start=0, end=52,
                   trigger="shelling", event_type="Explosions/Remote violence",
                   sub_event_type="Shelling/artillery/missile attack", cameo="194", goldstein=-10.0,
                   date="2024-01-18", date_precision=1, actor1=Actor("Government of Pakistan", "PAK", "government"),
                   actor2=None, place=None)


def test_the_content_of_an_accusation_is_alleged():
    assert _blamed_fix(_act(), ARMY, "of shelling a market", accused=True).modality == ALLEGED


def test_an_act_condemned_as_fact_stays_asserted():
    assert _blamed_fix(_act(), ARMY, "for shelling a market", accused=False).modality == ASSERTED


def test_an_accusation_does_not_turn_a_denial_into_a_claim():
    denied = dataclasses.replace(_act(), modality=DENIED)
    assert _blamed_fix(denied, ARMY, "of shelling a market", accused=True).modality == DENIED


def test_an_alleged_act_joins_events_but_makes_none_alone():
    alleged = _blamed_fix(_act(), ARMY, "of shelling a market", accused=True)
    assert Features.of(alleged).usable
    assert build_event([Features.of(alleged)]) is None
    told = dataclasses.replace(alleged, mention_id="a:0:0", modality=ASSERTED)
    event = build_event([Features.of(told), Features.of(alleged)])
    assert event is not None and len(event.claims) == 2


@pytest.mark.model
def test_an_accused_killing_is_no_event_of_its_own(extractor):
    got = mentions_of(extractor, "Turkish drones hit a village in Iraq's Duhok province on Monday, killing "
                                 "five shepherds.\nThe PKK accused Ankara of killing civilians and said the "
                                 "dead were farmers.", published="2024-01-17")
    act = next(m for m in got if m.sentence.startswith("The PKK") and m.event_type is not None)
    assert act.modality == ALLEGED
    accusation = next(m for m in got if m.cameo == "112")
    assert accusation.modality == ASSERTED


# ---------------------------------------------------------------- "the strikes" told again

@pytest.mark.parametrize("words", [
    [("the", "the", 1, "det"), ("strikes", "strike", 2, "nsubj"), ("destroyed", "destroy", 2, "ROOT"),
     ("two", "two", 4, "nummod"), ("depots", "depot", 2, "dobj")],
    [("five", "five", 1, "nummod"), ("fighters", "fighter", 3, "nsubjpass"), ("were", "be", 3, "auxpass"),
     ("killed", "kill", 3, "ROOT"), ("in", "in", 3, "prep"), ("the", "the", 6, "det"),
     ("strikes", "strike", 4, "pobj")],
])
def test_a_strike_that_destroys_or_kills_is_an_air_strike(words):
    assert best_of(words).id == "air_strike"


def test_a_walk_out_is_still_no_air_strike():
    got = best_of([("workers", "worker", 1, "nsubj"), ("went", "go", 1, "ROOT"), ("on", "on", 1, "prep"),
                   ("strike", "strike", 2, "pobj")])
    assert got is None or got.id != "air_strike"


@pytest.mark.model
def test_the_strikes_a_speaker_tells_of_are_its_sides_strikes_told_before(extractor):
    got = mentions_of(extractor, "Turkish jets struck militant positions in Iraq's Duhok province late on Monday.\n"
                                 "Turkish officials said the strikes on Monday destroyed three depots belonging "
                                 "to the PKK.", published="2024-01-17")
    again = next(m for m in got if m.sentence.startswith("Turkish officials"))
    assert again.sub_event_type == "Air/drone strike"
    assert again.actor1.name == "Military Forces of Turkey" and again.actor2.name.startswith("PKK")


@pytest.mark.model
def test_a_speakers_nationality_alone_is_no_doer(extractor):
    got = mentions_of(extractor, "Turkish officials said the strikes on Monday destroyed three depots belonging "
                                 "to the PKK.", published="2024-01-17")
    assert all(m.actor1 is None or m.actor1.name != "Military Forces of Turkey" for m in got)


# ---------------------------------------------------------------- the day a source spoke

SAID = "Officials said on Wednesday that gunmen stormed a village late on Tuesday."


def test_the_day_of_the_statement_gives_way_to_the_acts_own_day():
    assert event_date(SAID, TUE, trigger_at=SAID.index("stormed"))[:2] == ("2024-01-16", 1)


def test_the_day_of_the_statement_stands_when_the_act_has_none():
    text = "Officials said on Wednesday that gunmen stormed a village."
    assert event_date(text, TUE, trigger_at=text.index("stormed"))[0] == "2024-01-17"


def test_an_act_told_before_the_statement_keeps_the_first_day():
    text = "Gunmen stormed a village on Wednesday, officials said on Tuesday."
    assert event_date(text, TUE, trigger_at=text.index("stormed"))[0] == "2024-01-17"


def test_a_coarser_later_expression_does_not_displace_the_day():
    text = "Officials said on Wednesday that gunmen stormed a village earlier this month."
    assert event_date(text, TUE, trigger_at=text.index("stormed"))[0] == "2024-01-17"
