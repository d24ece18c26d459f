"""Cheap tests a sentence must pass before a tagger rule's pattern is run on it.

Most sentences hold no time expression, and running 54 patterns on each cost most of the tagger's
time. A word gate opens when one of its words is in the lower-cased sentence. A shape gate is
something a rule cannot match without ("1998" before a year rule runs, "Sept" with its capital
before a month rule runs, a number before "weeks" before the duration rule runs), tested only when
the gate it refines is open. The word gates and the shapes that cannot span white space are decided
word by word: each word of the sentence (split at white space) is searched once for all of them and
remembered, and the rules those marks leave to run are planned once per set of marks
(``RulePlans``). A gate only skips rules that could not have matched, so the tagger's output is the
same with or without them (``tests/time/test_time_gates.py`` checks this).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from storyline.time.words import DEICTIC_DAYS, MONTHS, REFS, SET_WORDS, WEEKDAYS, trie

Gate = str
# The set words, less those holding another one ("biweekly" holds "weekly"): enough for a substring test.
_SET_STEMS = tuple(w for w in SET_WORDS if not any(o != w and o in w for o in SET_WORDS))
# Each holiday's name (``holidays.HOLIDAYS``) holds one of these: "Christmas Day", "New Year's Eve", "Labor Day".
HOLIDAY_WORDS = ("Christmas", "New Year", "Easter", "Good Friday", "Thanksgiving", "Halloween", "Day")

# Words a rule's pattern cannot match without, searched in the lower-cased sentence.
WORD_GATES: dict[Gate, tuple[str, ...]] = {
    "digit": tuple("0123456789"),
    "unit": ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade"),
    "ago": ("ago", "from now", "from today", "hence"),
    "anchored": ("earlier", "later"),
    "deictic": ("day", "night", "tomorrow", "morning", "afternoon", "evening"),
    "part": ("morning", "afternoon", "evening", "night"),
    "set": (*_SET_STEMS, "every", "each", "per", "once", "twice", "times", "days"),
    "clock": ("noon", "midday", "midnight", *"0123456789"),
    "quarter": ("quarter",),
    "decade": ("ties", "0s"),
    "century": ("centur", "millennium"),  # "century", "centuries"
    "half": ("half",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "yearword": ("nineteen", "thousand"),
    "anaphor": ("that", "same", "previous", "preceding", "prior", "following", "next"),
    "in the day": ("in the day", "earlier in the", "later in the", "early in the", "late in the"),
    "then": ("then", "at the time", "at that time"),
    "the day": ("the day",),
    "from": (" from ",),
    "ahead": ("ahead",),
    "before last or after next": ("before last", "after next"),
    "week of": ("week of",),
    "day edge": ("dawn", "daybreak", "sunrise", "dusk", "sunset", "nightfall"),
    "hours of": ("hours of",),
    "long": ("long",),  # "a year-long strike", "weeklong"
    "day of": ("day of",),  # "the first day of the year"
    "season word": ("season", "year", "term", "campaign"),  # "the 2023-24 season", "school year"
    "before or after": tuple(f"{unit} {word}" for unit in ("week", "month", "year") for word in ("before", "after")),
    "ordinal": (
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "teenth",
        "tieth",
    ),
    "ref": (
        "recent",
        "current",
        "now",
        "present",
        "past",
        "soon",
        "future",
        "these",
        "term",
        "later",
        "other day",
        "long time ago",
    ),
    # "one day", "some day"; "the year", "the full year", "fiscal year", "whole year"; "year-ago"; "the latest period"
    "frame": (
        "e day",
        "coming ",
        "e year",
        "l year",
        "year-",
        " period",
        "year end",
        "year's end",
        "year’s end",
        "midyear",
        "mid-year",
    ),
}


def _words(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


Search = Callable[[str], object]  # truthy when the text has the shape


@dataclass(frozen=True)
class Shape:
    """What a rule cannot match without, tested when the gate it refines is open (or it refines none)."""

    refines: Gate | None  # None when the shape holds one of its word gate's words in any text
    exact: Search  # on the text as written, with the rules' own case rules
    # the same test without (?i), on the lower-cased text, which is faster; used when the text has no
    # "ı", "İ" or "ſ" (the only letters (?i) matches to ASCII ones that ``str.lower`` does not)
    folded: Search | None = None


_UNITS = "minute|hour|day|week|fortnight|month|year|decade"
_COUNTED = re.compile(rf"[- ](?:half[- ])?(?:{_UNITS})")
# How a number ("3", "a", "several", "twenty-one") or a fraction ("1/2", "½", "and a half") ends, or a
# number with "more", "extra" or "additional" after it.
_NUMBER_END = re.compile(
    r"(?:\d|\ban?|of|few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|half|"
    r"quarters?|[½¼¾]|more|extra|ional|secutive|straight|ccessive|hundred)\Z"
    # "ional": "additional", "secutive": "consecutive" (the test looks 9 characters back)
)
# A modifier (the end of a word: "the" in "bathe" too), maybe "fiscal", white space and a period.
_MODIFIED_PERIOD = re.compile(
    r"(?:past|coming|last|next|this|previous|following|current|the)(?:\s* fiscal)?"
    r"\s+(?:week|month|year|weekend|decade)\b"
)


def _counted_unit(lowered: str) -> bool:
    """A number right before a unit ("three weeks", "a half-hour"): the duration rule needs one."""
    return any(_NUMBER_END.search(lowered, max(0, m.start() - 9), m.start()) for m in _COUNTED.finditer(lowered))


def _period_unit(lowered: str) -> bool:
    """A modifier right before a period ("last week", "the year"): the period rule needs one."""
    return _MODIFIED_PERIOD.search(lowered) is not None


_DEICTIC = _words(list(DEICTIC_DAYS))
_REFS = _words([*REFS, "recent", "current"])  # the adjectives too (``frames.REF_ADJECTIVE``)
_SET = [*_SET_STEMS, *(w.lower() + "s" for w in WEEKDAYS), r"every\s", r"each\s", r"per\s", "once", "twice", "times"]
SHAPE_GATES: dict[Gate, Shape] = {
    # a weekday's or a holiday's name (both capitalised), or a spoken clock time ("nine o'clock", "eight p.m."),
    # searched in the sentence when a word may start "New Year" (the rest is decided word by word)
    "weekday, holiday or clock": Shape(
        None, re.compile("|".join([*WEEKDAYS, *HOLIDAY_WORDS, "'clock", "’clock", r"\.m\.", r"\.M\."])).search
    ),
    # refinements, so that each of the two rarer rules runs only where its own words are
    "holiday name": Shape("weekday, holiday or clock", re.compile("|".join(HOLIDAY_WORDS)).search),
    # "o'clock", "p.m.": one character class first, which the search skips ahead to
    "spoken clock": Shape("weekday, holiday or clock", re.compile(r"['’.](?:(?<=['’])clock|(?<=\.)[mM]\.)").search),
    "deictic word": Shape(
        "deictic", re.compile(rf"\b(?i:{_DEICTIC})\b").search, re.compile(rf"(?:{_DEICTIC})\b").search
    ),
    # refinements of "unit word", which holds in any text where they are tried
    "counted unit": Shape("unit word", bool, _counted_unit),
    "period unit": Shape("unit word", bool, _period_unit),
    "set word": Shape(
        "set",
        re.compile(
            rf"\b(?:{'|'.join(SET_WORDS)})|(?:{'|'.join(WEEKDAYS)})s|\b(?i:every|each|per)\s|(?i:once|twice|times)"
        ).search,
        re.compile("|".join(_SET)).search,
    ),
    "clock shape": Shape(
        "clock",
        re.compile(
            r"\d\s*[aApP]\.?[mM]|\d:\d|(?i:noon|midday|midnight)|\d{4}\s+(?:[ECMP][SD]T|GMT|UTC|(?i:local|hours))"
        ).search,
        # one character class first, so that the search skips ahead fast
        re.compile(
            r"[0-9:nm](?:(?<=[0-9])(?:\s*[ap]\.?m|\d\d\d\s+(?:[ecmp][sd]t|gmt|utc|local|hours))"
            r"|(?<=:)[0-5]|(?<=n)oon|(?<=m)id(?:day|night))"
        ).search,
    ),
    # "the July-September quarter": a month's name (with its capital) right after a dash
    "month range": Shape("quarter", re.compile(r"[a-z][-–](?:" + "|".join(MONTHS) + ")").search),
    # "a week from Tuesday": a unit, "from", then a capital or a deictic day
    "unit from": Shape("from", re.compile(r"\s(?i:from)\s+(?:[A-Z]|(?i:tomorrow|yesterday)\b)").search),
    "ref word": Shape("ref", re.compile(rf"\b(?i:{_REFS})\b").search, re.compile(rf"(?:{_REFS})\b").search),
}
_NOT_FOLDED = ("ı", "İ", "ſ")


def _phrases(phrases: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word-by-word tests of a gate that opens where one of ``phrases`` stands in the sentence as whole
    words: a phrase of one word found inside a word, or a word that may end a longer phrase."""
    single = [p for p in phrases if " " not in p]
    last = sorted({p.split()[-1] for p in phrases if " " in p})
    return re.compile(rf"\b(?i:{_words(single)})\b"), re.compile(rf"\A(?i:{_words(last)})\b")


# Shape gates decided word by word: a match of the first pattern inside one word (split at white
# space) opens the gate, and each word is tested once for all the sentences it is in
# (``_TOKEN_MARKS``). A word that matches the second pattern may start or end a match that spans
# white space ("New Year", "every week", "9 p.m."): the sentence is then searched (``SHAPE_GATES``).
_TOKEN_SHAPES: dict[Gate, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    "year": (re.compile(r"(?:1[89]|20)\d\d"), None),
    "month name": (re.compile("|".join(m[:3] for m in MONTHS)), None),  # case matters in month rules
    "month in full": (re.compile("|".join(MONTHS)), None),
    "weekday, holiday or clock": (
        re.compile(
            "|".join([*WEEKDAYS, *(w for w in HOLIDAY_WORDS if " " not in w), "'clock", "’clock", r"\.m\.", r"\.M\."])
        ),  # "Good Friday" holds "Friday"
        re.compile("Year"),
    ),
    # "Q3 2024", "H1", "FY2025" (capitals only; "QY" or "F1" pass, and match no rule); "on the 12th"
    "code": (re.compile(r"[QHF][1-4Y]"), None),
    "ordinal day": (re.compile(r"\d(?i:st|nd|rd|th)\b"), None),
    # a unit that starts a word or follows a hyphen ("Decades ago" may start the sentence)
    "unit word": (re.compile(rf"^(?i:{_UNITS})|-(?i:{_UNITS})"), None),
    # "1998-06-12", "6/12/1998", "12 June", "the 1990s", "several quarters": refinements for single rules
    "iso date": (re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-"), None),
    "slash date": (re.compile(r"\d/(?:3[01]|[12]\d|0?[1-9])/"), None),
    "day number": (re.compile(r"\b(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\Z"), None),  # a day before a month
    "decade digits": (re.compile(r"(?:1[89]|20)\d0s\b"), None),
    "quarters": (re.compile(r"\b(?i:quarters)\b"), None),
    # "for weeks", "months of talks": a plural unit as a word of its own
    "plural unit": (re.compile(r"\b(?i:hours|days|weeks|months|years|decades)\b"), None),
    # "the past three weeks", "the coming days": the modifier is a word of its own
    "span modifier": (re.compile(r"\A(?i:past|last|previous|next|coming|first|final|following)\Z"), None),
    "set word": (
        re.compile(rf"\b(?:{'|'.join(SET_WORDS)})|(?:{'|'.join(WEEKDAYS)})s|(?i:once|twice|times)"),
        re.compile(r"\b(?i:every|each|per)\Z"),
    ),
    "deictic word": _phrases(list(DEICTIC_DAYS)),
    "ref word": _phrases([*REFS, "recent", "current"]),
    "clock shape": (
        re.compile(r"\d[aApP]\.?[mM]|\d:\d|(?i:noon|midday|midnight)"),
        # "9 p.m.", "1535 GMT", "at 1800 hours": the word after the number
        re.compile(r"\A(?:[aApP]\.?[mM]|[ECMP][SD]T\b|GMT|UTC|(?i:local|hours)\b)"),
    ),
}
# The word gates' words that hold a space ("the day", " from "), tested on the lower-cased sentence.
_WORDS_ACROSS: dict[Gate, tuple[str, ...]] = {
    g: across for g, words in WORD_GATES.items() if (across := tuple(w for w in words if " " in w))
}


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
    # decade its year (tried after it, in the order of ``_TOKEN_SHAPES``)
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
_ANCHORED = [p for pair in _TOKEN_SHAPES.values() for p in pair if p is not None and p.pattern.startswith(r"\A")]
_AT_START = re.compile("|".join(f"(?:{p.pattern})" for p in _ANCHORED))
# (gate, within, maybe, the mark ``within`` needs, the mark ``maybe`` needs); a pattern is None where it cannot match
_ShapeTest = tuple[Gate, re.Pattern[str] | None, re.Pattern[str] | None, Gate | None, Gate | None]


def _shape_tests(digit: bool, capital: bool, stop: bool, ascii_digits: bool, at_start: bool) -> tuple[_ShapeTest, ...]:
    """The shape tests of a word without letters folded by case, by whether it has a digit, a capital and a
    stop and whether ``_AT_START`` matches it; "clock shape" needs its mark only when any digit the word has
    is ASCII (its words are "0"-"9")."""
    tests = []
    for gate, (within, maybe) in _TOKEN_SHAPES.items():
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
    start: tuple(_unanchored(g, w, m, None, None, start) for g, (w, m) in _TOKEN_SHAPES.items())
    for start in (False, True)
}
# The same tests compiled with ``re.ASCII``, for a word that is all ASCII: they match the same in it (it has no
# white space, and no letter that Unicode's case rules match to an ASCII one) and run faster.
_ASCII_TWIN = {p: re.compile(p.pattern, re.ASCII) for pair in _TOKEN_SHAPES.values() for p in pair if p is not None}
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
BY_WORD: frozenset[Gate] = frozenset(WORD_GATES) | frozenset(_TOKEN_SHAPES)


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
        """The test of the sentence for a gate its words may open."""
        if name in SHAPE_GATES:
            return self._has_shape(name)
        return any(map(self.lowered.__contains__, _WORDS_ACROSS[name]))

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
                self._folded = not any(map(self._text.__contains__, _NOT_FOLDED))
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
