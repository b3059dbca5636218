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


# ------------------------------------------------------------ habitual, generic, background

def test_present_simple_and_progressive_are_background():
    from sitrep.extract.modality import background
    accuse = make_doc([("They", "they", 1, "nsubj", "PRP", "PRON"), ("accuse", "accuse", 1, "ROOT", "VBP", "VERB"),
                      ("rebels", "rebel", 1, "dobj", "NNS", "NOUN")])
    assert background(accuse, 1)
    targeting = make_doc([("Militants", "militant", 2, "nsubj", "NNS", "NOUN"), ("are", "be", 2, "aux", "VBP", "AUX"),
                         ("targeting", "target", 2, "ROOT", "VBG", "VERB"), ("workers", "worker", 2, "dobj", "NNS", "NOUN")])
    assert background(targeting, 2)
    long_ = make_doc([("Iran", "Iran", 3, "nsubj", "NNP", "PROPN"), ("has", "have", 3, "aux", "VBZ", "AUX"),
                     ("long", "long", 3, "advmod", "RB", "ADV"), ("accused", "accuse", 3, "ROOT", "VBN", "VERB"),
                     ("rebels", "rebel", 3, "dobj", "NNS", "NOUN")])
    assert background(long_, 3)
    since = make_doc([("tension", "tension", 0, "ROOT", "NN", "NOUN"), ("since", "since", 0, "prep", "IN", "ADP"),
                     ("the", "the", 3, "det", "DT", "DET"), ("attacks", "attack", 1, "pobj", "NNS", "NOUN")])
    assert background(since, 3)


def test_past_event_is_not_background():
    from sitrep.extract.modality import background
    doc = make_doc([("Rebels", "rebel", 1, "nsubj", "NNS", "NOUN"), ("attacked", "attack", 1, "ROOT", "VBD", "VERB"),
                   ("a", "a", 3, "det", "DT", "DET"), ("post", "post", 1, "dobj", "NN", "NOUN")])
    assert not background(doc, 1)
    # a present-tense headline-style verb with a toll still reports one event
    doc = make_doc([("Rebels", "rebel", 1, "nsubj", "NNS", "NOUN"), ("kill", "kill", 1, "ROOT", "VBP", "VERB"),
                   ("five", "five", 3, "nummod", "CD", "NUM"), ("soldiers", "soldier", 1, "dobj", "NNS", "NOUN")])
    assert not background(doc, 1, has_toll=True)


def test_such_and_each_make_a_kind_not_an_event():
    from sitrep.extract.modality import generic_reference
    doc = make_doc([("Each", "each", 1, "det", "DT", "DET"), ("attack", "attack", 2, "nsubj", "NN", "NOUN"),
                   ("ended", "end", 2, "ROOT", "VBD", "VERB")])
    assert generic_reference(doc, 1)
    doc = make_doc([("Such", "such", 2, "predet", "PDT", "DET"), ("an", "an", 2, "det", "DT", "DET"),
                   ("attack", "attack", 3, "nsubj", "NN", "NOUN"), ("hurts", "hurt", 3, "ROOT", "VBZ", "VERB")])
    assert generic_reference(doc, 2)
    doc = make_doc([("The", "the", 1, "det", "DT", "DET"), ("attack", "attack", 2, "nsubj", "NN", "NOUN"),
                   ("failed", "fail", 2, "ROOT", "VBD", "VERB")])
    assert not generic_reference(doc, 1)


def test_present_perfect_bare_plurals_are_a_pattern():
    from sitrep.extract.modality import generic_reference
    doc = make_doc([("Militias", "militia", 2, "nsubj", "NNS", "NOUN"), ("have", "have", 2, "aux", "VBP", "AUX"),
                   ("launched", "launch", 2, "ROOT", "VBN", "VERB"), ("raids", "raid", 2, "dobj", "NNS", "NOUN")])
    assert generic_reference(doc, 2)
    doc = make_doc([("Militias", "militia", 2, "nsubj", "NNS", "NOUN"), ("have", "have", 2, "aux", "VBP", "AUX"),
                   ("launched", "launch", 2, "ROOT", "VBN", "VERB"), ("two", "two", 4, "nummod", "CD", "NUM"),
                   ("raids", "raid", 2, "dobj", "NNS", "NOUN")])
    assert not generic_reference(doc, 2)


def test_the_month_may_is_not_a_hedge():
    from sitrep.extract.modality import text_modality
    assert text_modality("Two attacks on May 19 killed seven soldiers.", "killed") == "asserted"
    assert text_modality("Since May rebels killed seven soldiers.", "killed") == "asserted"
    assert text_modality("Rebels may attack the convoy.", "attack") == "hypothetical"


def test_a_period_of_years_makes_history_even_on_the_subject():
    """"over the past few years" on the verb, or hung by the parse on its subject, and "in
    recent years" make the clause history; "over the past day" and "last year" do not."""
    from sitrep.extract.modality import background

    def clause(prep, mod, unit, on_subject):
        head = 0 if on_subject else 5
        return make_doc([("rebels", "rebel", 5, "nsubj", "NNS", "NOUN"), (prep, prep, head, "prep", "IN", "ADP"),
                        ("the", "the", 4, "det", "DT", "DET"), (mod, mod, 4, "amod", "JJ", "ADJ"),
                        (unit, unit, 1, "pobj", "NNS", "NOUN"), ("set", "set", 5, "ROOT", "VBD", "VERB"),
                        ("camps", "camp", 5, "dobj", "NNS", "NOUN")])
    assert background(clause("over", "past", "years", on_subject=True), 5)
    assert background(clause("in", "recent", "years", on_subject=False), 5)
    assert background(clause("during", "last", "decades", on_subject=False), 5)
    assert not background(clause("over", "past", "days", on_subject=True), 5)
    assert not background(clause("in", "heavy", "years", on_subject=False), 5)


def test_present_simple_in_a_relative_clause_is_a_standing_state():
    """"militants who hold camps there": a state, not an act; "who seized camps" is one."""
    from sitrep.extract.modality import background

    def who(verb, tag):
        return make_doc([("militants", "militant", 3, "nsubj", "NNS", "NOUN"), ("who", "who", 2, "nsubj", "WP", "PRON"),
                        (verb, verb, 0, "relcl", tag, "VERB"), ("fled", "flee", 3, "ROOT", "VBD", "VERB"),
                        ("camps", "camp", 2, "dobj", "NNS", "NOUN")])
    assert background(who("hold", "VBP"), 4)
    assert not background(who("seized", "VBD"), 4)
