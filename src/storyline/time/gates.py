"""Cheap tests a sentence must pass before a tagger rule's pattern is run on it.

Most sentences hold no time expression, and running 28 patterns on each cost most of the tagger's
time. A word gate opens when one of its words is in the lower-cased sentence; one search finds
every gate's words at once. A shape gate is something a rule cannot match without ("1998" before a
year rule runs, "Sept" with its capital before a month rule runs, a number before "weeks" before
the duration rule runs), tested only when the gate it refines is open. A gate only skips rules that
could not have matched, so the tagger's output is the same with or without them
(``tests/time/test_time_gates.py`` checks this).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.time.words import DEICTIC_DAYS, MONTHS, REFS, SET_WORDS, WEEKDAYS

Gate = str
# The set words, less those holding another one ("biweekly" holds "weekly"): enough for a substring test.
_SET_STEMS = tuple(w for w in SET_WORDS if not any(o != w and o in w for o in SET_WORDS))
# Each holiday's name (``holidays.HOLIDAYS``) holds one of these: "Christmas Day", "New Year's Eve", "Easter Monday".
HOLIDAY_WORDS = ("Christmas", "New Year", "Easter", "Good Friday", "Thanksgiving")

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
    "century": ("century", "millennium"),
    "half": ("half",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "yearword": ("nineteen", "thousand"),
    "anaphor": ("that", "same", "previous", "preceding", "prior", "following", "next"),
    "in the day": ("in the day",),
    "then": ("then",),
    "the day": ("the day",),
    "from": (" from ",),
    "ahead": ("ahead",),
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
    "ref": ("recent", "current", "now", "present", "past", "soon", "future", "these", "term", "later", "other day"),
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
_PERIOD = re.compile(r"\s(?:week|month|year|weekend|decade)\b")
_PERIOD_MODIFIERS = ("past", "coming", "last", "next", "this", "previous", "following", "current", "the")


def _counted_unit(lowered: str) -> bool:
    """A number right before a unit ("three weeks", "a half-hour"): the duration rule needs one."""
    return any(_NUMBER_END.search(lowered, max(0, m.start() - 9), m.start()) for m in _COUNTED.finditer(lowered))


def _period_unit(lowered: str) -> bool:
    """A modifier right before a period ("last week", "the year"): the period rule needs one."""
    return any(
        lowered[: m.start()].rstrip().removesuffix(" fiscal").rstrip().endswith(_PERIOD_MODIFIERS)
        for m in _PERIOD.finditer(lowered)
    )


_DEICTIC = _words(list(DEICTIC_DAYS))
_REFS = _words([*REFS, "recent", "current"])  # the adjectives too (``frames.REF_ADJECTIVE``)
_SET = [*_SET_STEMS, *(w.lower() + "s" for w in WEEKDAYS), r"every\s", r"each\s", r"per\s", "once", "twice", "times"]
_SLASH_DATE = re.compile(r"\d/\d\d?/\d\d(?!\d)")


def _slash_date(text: str) -> bool:
    """A numeric date with a two-digit year ("10/19/87"); most sentences have no slash to search from."""
    return "/" in text and _SLASH_DATE.search(text) is not None


SHAPE_GATES: dict[Gate, Shape] = {
    "year": Shape(None, re.compile(r"(?:1[89]|20)\d\d").search),
    "month name": Shape(None, re.compile("|".join(m[:3] for m in MONTHS)).search),  # case matters in month rules
    "month in full": Shape("month name", re.compile("|".join(MONTHS)).search),
    # a weekday's or a holiday's name (both capitalised), or a spoken clock time ("nine o'clock", "eight p.m."):
    # one search of literals that start with rare characters serves three rules
    "weekday, holiday or clock": Shape(
        None, re.compile("|".join([*WEEKDAYS, *HOLIDAY_WORDS, "'clock", "’clock", r"\.m\.", r"\.M\."])).search
    ),
    # refinements, so that each of the two rarer rules runs only where its own words are
    "holiday name": Shape("weekday, holiday or clock", re.compile("|".join(HOLIDAY_WORDS)).search),
    "spoken clock": Shape("weekday, holiday or clock", re.compile(r"['’]clock|\.[mM]\.").search),
    "deictic word": Shape(
        "deictic", re.compile(rf"\b(?i:{_DEICTIC})\b").search, re.compile(rf"(?:{_DEICTIC})\b").search
    ),
    # a unit that starts a word ("Decades ago" may start the sentence)
    "unit word": Shape(
        "unit", re.compile(rf"(?:^|[\s-])(?i:{_UNITS})").search, re.compile(rf"(?:^|[\s-])(?:{_UNITS})").search
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
    # "Q3 2024", "H1", "FY2025" (capitals only, so tested on the text as written); "on the 12th"
    # one character class first, so that the search skips ahead fast ("QY" or "F1" pass, and match no rule)
    "code": Shape(None, re.compile(r"[QHF][1-4Y]").search),
    "slash date": Shape("digit", _slash_date),  # "10/19/87"
    # "the July-September quarter": a month's name (with its capital) right after a dash
    "month range": Shape("quarter", re.compile(r"[a-z][-–](?:" + "|".join(MONTHS) + ")").search),
    "ordinal day": Shape(
        None, re.compile(r"\d(?i:st|nd|rd|th)\b").search, re.compile(r"[0-9](?:st|nd|rd|th)\b").search
    ),
    # "a week from Tuesday": a unit, "from", then a capital or a deictic day
    "unit from": Shape("from", re.compile(r"\s(?i:from)\s+(?:[A-Z]|(?i:tomorrow|yesterday)\b)").search),
    "ref word": Shape("ref", re.compile(rf"\b(?i:{_REFS})\b").search, re.compile(rf"(?:{_REFS})\b").search),
}
_NOT_FOLDED = ("ı", "İ", "ſ")


_Node = dict[str, "_Node"]  # a trie node: the next character -> its node ("" marks a word's end)


def _trie(words: list[str]) -> str:
    """A pattern that matches, where one of ``words`` starts, the longest word that starts there.

    The words sharing a prefix share its branch ("da(?:y(?:break|s)?|wn|...)"), so that the engine
    tests each character once instead of each word in turn.
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: _Node) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body  # greedy: a longer word first

    return branch(root)


_GATE_WORDS = sorted({w for words in WORD_GATES.values() for w in words})
# One search for every word gate's words at once, at every position (a lookahead, so that words that
# overlap are all seen): it reports the longest word starting there, and the others starting there
# are its prefixes. The ``in`` tests of each gate's words took about twice as long on TimeBank.
_WORD_FINDER = re.compile(f"(?=({_trie(_GATE_WORDS)}))")
# The word gates a reported word opens: those with a word that the reported one starts with.
_OPENS: dict[str, frozenset[Gate]] = {
    found: frozenset(g for g, words in WORD_GATES.items() if any(map(found.startswith, words))) for found in _GATE_WORDS
}
_WORD_GATES_CLOSED = dict.fromkeys(WORD_GATES, False)


class OpenGates:
    """The gates one sentence passes: the word gates all at once, a shape gate when a rule first asks for it."""

    __slots__ = ("_folded", "_lowered", "_open_words", "_text", "known")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered = text.lower()
        self._folded: bool | None = None
        # every word gate is known at once: most are asked for on every sentence
        self._open_words = frozenset().union(*map(_OPENS.__getitem__, _WORD_FINDER.findall(self._lowered)))
        self.known: dict[Gate, bool] = {**_WORD_GATES_CLOSED, **dict.fromkeys(self._open_words, True)}

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
        found = name in self._open_words if name in WORD_GATES else self._has_shape(name)
        self.known[name] = found
        return found

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
                return bool(shape.folded(self._lowered))
        return bool(shape.exact(self._text))
