"""The model's attribute_ruler, applied as a table: the same POS, MORPH and LEMMA, cheaper.

en_core_web_sm's AttributeRuler holds ~180 rules, nearly all of one token: a tag map
({"TAG": "NNS"} -> POS NOUN, Number=Plur) plus word exceptions ({"TAG": "PRP", "LOWER": "he"}
-> LEMMA he, Case=Nom|...; {"LOWER": "you", "DEP": "nsubj"} -> ...). spaCy runs them through a
Matcher and then sets each match's attributes token by token: 0.9 CPU s on 1,500 of the
benchmark's texts (parsed), 0.1 s this way. `TableRules` gives the same result:

  - which one-token rules fit a token depends only on its LOWER, IS_SPACE, TAG and DEP (the
    attributes those patterns test); each test is evaluated once per distinct value of its
    attribute (as bit masks over the rules) and the rules that fit a token are the AND of its
    four masks, remembered per (LOWER, IS_SPACE, TAG, DEP);
  - the few longer patterns ("gon na", "there is") go through a Matcher, but only for a Doc
    holding, for each of their tokens, a word or tag it asks for;
  - spaCy applies the matches in rule order, a later rule's value winning; the outcome of each
    token's list of rules is worked out once and the whole Doc is written as arrays.

A Doc it cannot handle the same way (untagged or unparsed tokens, a token left with no
morphology, an index outside its match), and a ruler with a pattern of another kind (a
quantifier, another attribute or operator), go through spaCy's own AttributeRuler code.
tests/unit/test_nlp_attribute_rules.py compares the two token by token.
"""
from __future__ import annotations

import functools
import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# what a rule may set, in the column order used below (rules set POS, MORPH and LEMMA)
COLUMNS = (POS, MORPH, LEMMA, TAG, DEP)
# the token attributes a one-token pattern may test here, as read with Doc.to_array
READ = (LOWER, IS_SPACE, TAG, DEP, ORTH)
_FIELD = {"LOWER": 0, "IS_SPACE": 1, "TAG": 2, "DEP": 3}


def _test(field: int, want):
    """A test on one attribute value as spaCy's Matcher reads `want`: ("in", hashes) for a
    string or an IN list (for IS_SPACE a bool, as 0/1), ("not_in", hashes), ("regex", compiled)
    on the string (LOWER only: re.search, as the Matcher does); None for other kinds."""
    if field == 1:
        return ("in", frozenset([int(want)])) if isinstance(want, bool) else None
    if isinstance(want, str):
        return "in", frozenset([get_string_id(want)])
    if not (isinstance(want, dict) and len(want) == 1):
        return None
    (op, arg), = want.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        return op.lower(), frozenset(get_string_id(a) for a in arg)
    if op == "REGEX" and isinstance(arg, str) and field == 0:
        return "regex", re.compile(arg)
    return None


class TableRules:
    """The one-token rules of an AttributeRuler as bit masks (see the module docstring)."""

    MEMO_MAX = 200_000

    def __init__(self, ruler: AttributeRuler):
        self.ruler, self.strings = ruler, ruler.vocab.strings
        self.n_rules = len(ruler.attrs)
        # what the table was built from: `clear()` (initialize, from_bytes) makes new ones
        self.built_from = (ruler.attrs, ruler.matcher)
        self.ok = all(set(attrs) <= set(COLUMNS) for attrs in ruler.attrs)
        self.alternatives: list[tuple[int, dict]] = []   # (rule, {field: test}) per one-token pattern
        self.multi = Matcher(ruler.vocab)
        self.multi_needs: list[tuple[tuple[int, frozenset], ...]] = []
        for rule in range(self.n_rules):
            got = ruler.matcher.get(str(rule))
            for pattern in (got[1] if got else ()):
                if len(pattern) == 1:
                    self._add_single(rule, pattern[0])
                else:
                    self._add_multi(rule, pattern)
        self._indexes = [self._index(field) for field in range(4)]
        self._masks: list[dict] = [{}, {}, {}, {}]      # per field: value -> mask of alternatives
        self._rules: dict[tuple, tuple[int, ...]] = {}  # (LOWER, IS_SPACE, TAG, DEP) -> rules
        self._outcomes: dict[tuple[int, ...], tuple] = {}

    def _add_single(self, rule: int, token: dict) -> None:
        tests = {}
        for attr, want in token.items():
            test = _test(_FIELD[attr], want) if attr in _FIELD else None
            if test is None:
                self.ok = False
                return
            tests[_FIELD[attr]] = test
        if self.ruler.indices[rule] not in (0, -1):
            self.ok = False     # spaCy raises E1001 for this; let it
        self.alternatives.append((rule, tests))

    def _add_multi(self, rule: int, pattern: list) -> None:
        self.multi.add(str(rule), [pattern])
        column = {"LOWER": 0, "TAG": 2, "DEP": 3, "ORTH": 4, "TEXT": 4}
        needs = []
        for token in pattern:
            for attr, want in token.items():
                if attr not in column:
                    continue
                allowed = [want] if isinstance(want, str) else want.get("IN") \
                    if isinstance(want, dict) and isinstance(want.get("IN"), list) else None
                if allowed is not None:
                    needs.append((column[attr], frozenset(get_string_id(v) for v in allowed)))
        self.multi_needs.append(tuple(needs))

    # -------------------------------------------------------------- one-token rules

    def _index(self, field: int):
        """For one field: (mask of the alternatives that do not test it, value -> mask of
        those whose test lists that value, [(bit, test)] for the other tests)."""
        free, listed, other = 0, {}, []
        for bit, (_, tests) in enumerate(self.alternatives):
            test = tests.get(field)
            if test is None:
                free |= 1 << bit
            elif test[0] == "in":
                for value in test[1]:
                    listed[value] = listed.get(value, 0) | 1 << bit
            else:
                other.append((bit, test))
        return free, listed, other

    def _mask(self, field: int, value: int) -> int:
        """The alternatives whose test of `field` this value passes (as bits)."""
        masks = self._masks[field]
        got = masks.get(value)
        if got is None:
            free, listed, other = self._indexes[field]
            got = free | listed.get(value, 0)
            for bit, (op, arg) in other:
                if op == "not_in":
                    fits = value not in arg
                else:   # regex
                    fits = bool(arg.search(self.strings[value]))
                if fits:
                    got |= 1 << bit
            if len(masks) >= self.MEMO_MAX:
                masks.clear()
            masks[value] = got
        return got

    def rules_of(self, lower: int, space: int, tag: int, dep: int) -> tuple[int, ...]:
        """The one-token rules (ascending) whose patterns fit a token with these values."""
        key = (lower, space, tag, dep)
        got = self._rules.get(key)
        if got is None:
            mask = self._mask(0, lower) & self._mask(1, space) & self._mask(2, tag) & self._mask(3, dep)
            rules = set()
            while mask:
                low_bit = mask & -mask
                rules.add(self.alternatives[low_bit.bit_length() - 1][0])
                mask ^= low_bit
            got = tuple(sorted(rules))
            if len(self._rules) >= self.MEMO_MAX:
                self._rules.clear()
            self._rules[key] = got
        return got

    # -------------------------------------------------------------- a Doc

    def _may_match_multi(self, rows) -> bool:
        """Whether some longer pattern can match: each of its tokens' LOWER/TAG/DEP/ORTH tests
        is met by some token of the Doc (a necessary condition)."""
        if not self.multi_needs:
            return False
        present = [set(col) for col in zip(*rows)]
        return any(all(not present[col].isdisjoint(allowed) for col, allowed in needs)
                   for needs in self.multi_needs)

    def _outcome(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        got = self._outcomes.get(rules)
        if got is None:
            merged: dict[int, int] = {}
            for rule in rules:          # in rule order: a later rule's value wins
                merged.update(self.ruler.attrs[rule])
            got = tuple((COLUMNS.index(attr), value) for attr, value in merged.items())
            if len(self._outcomes) >= self.MEMO_MAX:
                self._outcomes.clear()
            self._outcomes[rules] = got
        return got

    def annotate(self, doc: Doc) -> bool:
        """Set what spaCy's AttributeRuler would set; False (nothing set) to leave it to spaCy."""
        if not self.ok or not len(doc):
            return False
        rows = doc.to_array(list(READ)).tolist()
        per_token = []
        known = self._rules
        for lower, space, tag, dep, _ in rows:
            if tag == 0 or dep == 0:
                return False
            got = known.get((lower, space, tag, dep))
            per_token.append(got if got is not None else self.rules_of(lower, space, tag, dep))
        if self._may_match_multi(rows):
            for m_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
                rule = int(self.strings[m_id])
                index = self.ruler.indices[rule]
                at = start + index if index >= 0 else end + index
                if not start <= at < end:
                    return False
                per_token[at] = tuple(sorted(set(per_token[at]) | {rule}))
        values = doc.to_array(list(COLUMNS)).tolist()
        used = {0, 1, 2}
        outcomes = self._outcomes
        for row, rules in zip(values, per_token):
            if rules:
                outcome = outcomes.get(rules)
                for col, value in (outcome if outcome is not None else self._outcome(rules)):
                    row[col] = value
                    used.add(col)
        if any(row[1] == 0 for row in values):
            return False    # Doc.from_array would register an empty morphology: leave it to spaCy
        cols = sorted(used)
        doc.from_array([COLUMNS[c] for c in cols],
                       numpy.asarray([[row[c] for c in cols] for row in values], dtype="uint64"))
        return True


class _TableAttributeRuler:
    """Mixed into the model's AttributeRuler class: __call__ through TableRules."""

    def __call__(self, doc: Doc) -> Doc:
        table = self.__dict__.get("_sitrep_table")
        if table is None or table.n_rules != len(self.attrs) or table.built_from[0] is not self.attrs \
                or table.built_from[1] is not self.matcher:
            table = self.__dict__["_sitrep_table"] = TableRules(self)
        try:
            if table.annotate(doc):
                return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as in AttributeRuler
            return self.get_error_handler()(self.name, self, [doc], e)
        return super().__call__(doc)


@functools.lru_cache(maxsize=None)
def _table_class(base: type) -> type:
    return type(f"Table{base.__name__}", (_TableAttributeRuler, base), {"__module__": __name__})


def use_table(ruler) -> bool:
    """Give `ruler` (the model's attribute_ruler) the table __call__, when it is spaCy's own
    class and its patterns have no quantifiers (which would let a one-token pattern depend on
    its neighbours). True when done."""
    if not isinstance(ruler, AttributeRuler) or isinstance(ruler, _TableAttributeRuler):
        return False
    if any(getattr(type(ruler), name) is not getattr(AttributeRuler, name)
           for name in ("__call__", "match", "set_annotations")):
        return False
    if any("OP" in tok for p in ruler.patterns for pat in p["patterns"] for tok in pat):
        return False
    ruler.__class__ = _table_class(type(ruler))
    return True
