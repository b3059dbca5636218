"""Modality: denials, hypotheticals, plans and questions."""
from sitrep.extract.modality import modality, text_modality

from extract_docs import make_doc


def test_negated_verb_is_denied():
    doc = make_doc([("Iran", "Iran", 3, "nsubj"), ("did", "do", 3, "aux"), ("not", "not", 3, "neg"),
                    ("attack", "attack", 3, "ROOT"), ("civilians", "civilian", 3, "dobj")])
    assert modality(doc, 3) == "denied"


def test_no_hideouts_is_denied():
    doc = make_doc([("Iran", "Iran", 1, "nsubj"), ("has", "have", 1, "ROOT"), ("no", "no", 3, "det"),
                    ("hideouts", "hideout", 1, "dobj")])
    assert modality(doc, 3) == "denied"


def test_modal_is_hypothetical():
    doc = make_doc([("Pakistan", "Pakistan", 2, "nsubj"), ("might", "might", 2, "aux"), ("welcome", "welcome", 2, "ROOT"),
                    ("mediation", "mediation", 2, "dobj")])
    assert modality(doc, 3) == "hypothetical"


def test_plan_to_attack_is_planned():
    doc = make_doc([("rebels", "rebel", 1, "nsubj"), ("plan", "plan", 1, "ROOT"), ("to", "to", 3, "aux"),
                    ("attack", "attack", 1, "xcomp"), ("the", "the", 5, "det"), ("city", "city", 3, "dobj")])
    assert modality(doc, 3) == "planned"


def test_plain_past_is_asserted():
    doc = make_doc([("rebels", "rebel", 1, "nsubj"), ("attacked", "attack", 1, "ROOT"), ("the", "the", 3, "det"),
                    ("city", "city", 1, "dobj")])
    assert modality(doc, 1) == "asserted"


def test_text_modality_question_and_denial():
    assert text_modality("Did the army shell the village?", "shell") == "question"
    assert text_modality("The group denied carrying out the bombing.", "bombing") == "denied"
    assert text_modality("Troops shelled the village.", "shelled") == "asserted"
