"""Which gates (``gates``) a sentence passes, and which tagger rules its words leave to run.

The word gates and the shapes that cannot span white space are decided word by word: each word of the
sentence (split at white space) is searched once for all of them and remembered (``_TOKEN_MARKS``), the
other gates are tested on the sentence when a rule first asks (``OpenGates``), and the rules the words'
marks leave to run are planned once per set of marks (``RulePlans``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Generic, TypeVar

from storyline.time.gates import NOT_FOLDED, SHAPE_GATES, TOKEN_SHAPES, WORD_GATES, Gate
from storyline.time.words import trie

# The word gates' words that hold a space ("the day", " from "), tested on the lower-cased sentence.
_WORDS_ACROSS: dict[Gate, tuple[str, ...]] = {
    g: across for g, words in WORD_GATES.items() if (across := tuple(w for w in words if " " in w))
}
_WHITE_SPACE = re.compile(r"\s+")  # a run of it, read as one space where a literal holds one


def _key(literal: str) -> str:
    """The longest piece of a literal that holds a space: a word of the sentence holds it when it has the literal."""
    return max(reversed(literal.split()), key=len)


Mark = str  # a gate opened by a word, or "<gate>?" when a word holds the key of one of its literals with a space


def _marks(found: str) -> frozenset[Mark]:
    """The marks of a word the finder reports: those of every gate word or key it starts with."""
    opened = {g for g, words in WORD_GATES.items() if any(found.startswith(w) for w in words if " " not in w)}
    maybe = {f"{g}?" for g, across in _WORDS_ACROSS.items() if any(found.startswith(_key(w)) for w in across)}
    return frozenset(opened | maybe)


_FINDER_WORDS = sorted(
    {w for words in WORD_GATES.values() for w in words if " " not in w}
    | {_key(w) for across in _WORDS_ACROSS.values() for w in across}
)
# One search, in a lower-cased word, for every word gate's words and keys at once, at every position
# (a lookahead, so that words that overlap are all seen): it reports the longest word starting
# there, and the others starting there are its prefixes.
_WORD_FINDER = re.compile(f"(?=({trie(_FINDER_WORDS)}))")
# The first place one of them starts, by a search the engine scans ahead for fast (a look-ahead stops it at
# every position): most words hold none, and the finder starts there.
_FIRST_FINDER_WORD = re.compile(trie(_FINDER_WORDS))
_OPENS: dict[str, frozenset[Mark]] = {found: _marks(found) for found in _FINDER_WORDS}


# The shapes whose patterns are tried only when the word holds a word of the gate they need (a unit before
# "unit word"): the pattern cannot match without it, as (?i) matches no other letters in a word than
# ``str.lower`` does, but for those of ``_FOLDED`` (such words take every test).
_SHAPE_NEEDS: dict[Gate, tuple[Gate | None, Gate | None]] = {
    "unit word": ("unit", None),
    "plural unit": ("unit", None),
    "span modifier": (None, None),
    "quarters": ("quarter", None),
    "set word": ("set", "set"),
    "deictic word": ("deictic", None),
    "ref word": ("ref", None),
    "clock shape": ("clock", None),
    # shapes that hold another's match: a full month's name its first three letters, an ISO date or a
    # decade its year (tried after it, in the order of ``TOKEN_SHAPES``)
    "month in full": ("month name", None),
    "iso date": ("year", None),
    "decade digits": ("year", None),
}
# A word with a letter that (?i) matches to an ASCII one and ``str.lower`` does not takes every test.
_FOLDED = ("ſ", "ı", "İ", "\u212a")
# The shapes that need a digit (``\d``, any script's), those that need a capital (none in a word that
# ``str.lower`` leaves as it is) and those that need a capital or a stop ("o'clock", "p.m."): skipped in a
# word without one.
_NEED_DIGIT = frozenset(["year", "ordinal day", "iso date", "slash date", "day number", "decade digits"])
_NEED_CAPITAL = frozenset(["month name", "month in full", "code"])
_NEED_CAPITAL_OR_STOP = frozenset(["weekday, holiday or clock"])
_STOPS = ("'", "’", ".")
_DIGIT = re.compile(r"\d")
# The patterns that match only at a word's start (``\A``), tried when one match of all of them at once,
# ``_AT_START``, finds one there (most words start with none).
_ANCHORED = [p for pair in TOKEN_SHAPES.values() for p in pair if p is not None and p.pattern.startswith(r"\A")]
_AT_START = re.compile("|".join(f"(?:{p.pattern})" for p in _ANCHORED))
# (gate, within, maybe, the mark ``within`` needs, the mark ``maybe`` needs); a pattern is None where it cannot match
_ShapeTest = tuple[Gate, re.Pattern[str] | None, re.Pattern[str] | None, Gate | None, Gate | None]


def _shape_tests(digit: bool, capital: bool, stop: bool, ascii_digits: bool, at_start: bool) -> tuple[_ShapeTest, ...]:
    """The shape tests of a word without letters folded by case, by whether it has a digit, a capital and a
    stop and whether ``_AT_START`` matches it; "clock shape" needs its mark only when any digit the word has
    is ASCII (its words are "0"-"9")."""
    tests = []
    for gate, (within, maybe) in TOKEN_SHAPES.items():
        if (gate in _NEED_DIGIT and not digit) or (gate in _NEED_CAPITAL and not capital):
            continue
        if gate in _NEED_CAPITAL_OR_STOP and not (capital or stop):
            continue
        within_needs, maybe_needs = _SHAPE_NEEDS.get(gate, (None, None))
        if gate == "clock shape" and not ascii_digits:
            within_needs = None
        tests.append(_unanchored(gate, within, maybe, within_needs, maybe_needs, at_start))
    return tuple(t for t in tests if t[1] is not None or t[2] is not None)


def _unanchored(
    gate: Gate, within: re.Pattern[str], maybe: re.Pattern[str] | None, w: Gate | None, m: Gate | None, at_start: bool
) -> _ShapeTest:
    """A shape's test, without the patterns anchored at the start when ``_AT_START`` did not match."""
    return (
        gate,
        within if at_start or within not in _ANCHORED else None,
        maybe if at_start or maybe not in _ANCHORED else None,
        w,
        m,
    )


_SHAPE_TESTS = {key: _shape_tests(*key) for key in itertools.product((False, True), repeat=5)}
_EVERY_TEST = {
    start: tuple(_unanchored(g, w, m, None, None, start) for g, (w, m) in TOKEN_SHAPES.items())
    for start in (False, True)
}
# The same tests compiled with ``re.ASCII``, for a word that is all ASCII: they match the same in it (it has no
# white space, and no letter that Unicode's case rules match to an ASCII one) and run faster.
_ASCII_TWIN = {p: re.compile(p.pattern, re.ASCII) for pair in TOKEN_SHAPES.values() for p in pair if p is not None}
_ASCII_SHAPE_TESTS = {
    key: tuple((g, w and _ASCII_TWIN[w], m and _ASCII_TWIN[m], w_needs, m_needs) for g, w, m, w_needs, m_needs in tests)
    for key, tests in _SHAPE_TESTS.items()
}
_AT_START_ASCII = re.compile(_AT_START.pattern, re.ASCII)
# Whether any test can run on a word whose words open no gate: none can on most words.
_TESTS_WITHOUT_MARKS = {
    key: any((t[1] is not None and t[3] is None) or (t[2] is not None and t[4] is None) for t in tests)
    for key, tests in _SHAPE_TESTS.items()
}


class _TokenMarks(dict[str, frozenset[Mark]]):
    """The marks of each word (split at white space) seen so far; cleared when it grows past ``limit``."""

    limit = 100_000

    def __missing__(self, token: str) -> frozenset[Mark]:
        lowered = token.lower()
        first = _FIRST_FINDER_WORD.search(lowered)
        gate_words = _WORD_FINDER.findall(lowered, first.start()) if first is not None else ()
        marks = set().union(*map(_OPENS.__getitem__, gate_words))
        if token.isascii():  # its digits are "0"-"9", which the word finder marks; no letter of ``_FOLDED``
            at_start = _AT_START_ASCII.match(token) is not None
            key = ("digit" in marks, token != lowered, "." in token or "'" in token, True, at_start)
            tests = _ASCII_SHAPE_TESTS[key] if marks or _TESTS_WITHOUT_MARKS[key] else ()
        elif any(map(token.__contains__, _FOLDED)):
            tests = _EVERY_TEST[_AT_START.match(token) is not None]
        else:
            digit, at_start = _DIGIT.search(token) is not None, _AT_START.match(token) is not None
            tests = _SHAPE_TESTS[digit, token != lowered, any(map(token.__contains__, _STOPS)), not digit, at_start]
        for gate, within, maybe, within_needs, maybe_needs in tests:
            if within is not None and (within_needs is None or within_needs in marks) and within.search(token):
                marks.add(gate)
            elif maybe is not None and (maybe_needs is None or maybe_needs in marks) and maybe.search(token):
                marks.add(f"{gate}?")
        if len(self) >= self.limit:
            self.clear()
        found = self[token] = frozenset(marks)
        return found


_TOKEN_MARKS = _TokenMarks()
# The gates whose answer the marks give (with a test of the sentence for a literal that holds a space).
BY_WORD: frozenset[Gate] = frozenset(WORD_GATES) | frozenset(TOKEN_SHAPES)


class OpenGates:
    """The gates one sentence passes: those decided by its words at once, the others when a rule first asks."""

    __slots__ = ("_folded", "_lowered", "_text", "known", "marks")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered: str | None = None
        self._folded: bool | None = None
        self.marks: frozenset[Mark] = frozenset().union(*map(_TOKEN_MARKS.__getitem__, text.split()))
        self.known: dict[Gate, bool] = {}

    def passes(self, gates: tuple[Gate, ...]) -> bool:
        """True when the sentence passes every gate (the tagger inlines this loop)."""
        for name in gates:
            found = self.known.get(name)
            if found is None:
                found = self.test(name)
            if not found:
                return False
        return True

    def test(self, name: Gate) -> bool:
        """Test one gate and remember the answer."""
        if name in BY_WORD:
            found = name in self.marks or (f"{name}?" in self.marks and self._across(name))
        else:
            found = self._has_shape(name)
        self.known[name] = found
        return found

    def _across(self, name: Gate) -> bool:
        """The test of the sentence for a gate its words may open. A literal's space stands for any white space,
        as in the rules' patterns ("other" and "day" on two lines hold "other day")."""
        if name in SHAPE_GATES:
            return self._has_shape(name)
        spaced = _WHITE_SPACE.sub(" ", self.lowered)
        return any(map(spaced.__contains__, _WORDS_ACROSS[name]))

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self._text.lower()
        return self._lowered

    def _has_shape(self, name: Gate) -> bool:
        shape = SHAPE_GATES[name]
        if shape.refines is not None:
            refined = self.known.get(shape.refines)
            if not (self.test(shape.refines) if refined is None else refined):
                return False
        if shape.folded is not None:
            if self._folded is None:
                self._folded = not any(map(self._text.__contains__, NOT_FOLDED))
            if self._folded:
                return bool(shape.folded(self.lowered))
        return bool(shape.exact(self._text))


Item = TypeVar("Item")


class RulePlans(Generic[Item]):
    """Which rules a sentence's words leave to run, and the gates still to test for each, by its marks.

    A rule is left out when a gate its words decide is closed; the plan is the same for every
    sentence with the same marks, so it is made once for them.
    """

    limit = 20_000

    def __init__(self, rules: Sequence[tuple[tuple[Gate, ...], Item]]) -> None:
        # each rule with the gates decided by words that it needs open (its own, or those its shapes refine)
        self._rules = tuple((frozenset(_decided_by_words(gates)), gates, item) for gates, item in rules)
        self._plans: dict[frozenset[Mark], tuple[tuple[tuple[Gate, ...], Item], ...]] = {}

    def __call__(self, opened: OpenGates) -> tuple[tuple[tuple[Gate, ...], Item], ...]:
        plan = self._plans.get(opened.marks)
        if plan is None:
            if len(self._plans) >= self.limit:
                self._plans.clear()
            plan = self._plans[opened.marks] = self._plan(opened.marks)
        return plan

    def _plan(self, marks: frozenset[Mark]) -> tuple[tuple[tuple[Gate, ...], Item], ...]:
        may_open = {m.removesuffix("?") for m in marks}  # the gates the words open, or may open
        return tuple(
            (gates if marks.isdisjoint(gates) else tuple(g for g in gates if g not in marks), item)
            for needed, gates, item in self._rules
            if needed <= may_open
        )


def _decided_by_words(gates: tuple[Gate, ...]) -> set[Gate]:
    """The gates decided word by word that must be open for all of ``gates`` to pass."""
    needed = set()
    for gate in gates:
        while gate not in BY_WORD and (refines := SHAPE_GATES[gate].refines) is not None:
            gate = refines
        if gate in BY_WORD:
            needed.add(gate)
    return needed
