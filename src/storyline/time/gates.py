"""What each tagger rule cannot match without: the cheap tests a sentence must pass before its pattern runs.

Most sentences hold no time expression, and running 54 patterns on each cost most of the tagger's
time. A word gate opens when one of its words is in the lower-cased sentence. A shape gate is
something a rule cannot match without ("1998" before a year rule runs, "Sept" with its capital
before a month rule runs, a number before "weeks" before the duration rule runs), tested only when
the gate it refines is open. The word gates and the shapes that cannot span white space
(``TOKEN_SHAPES``) are decided word by word, in ``open_gates``. A gate only skips rules that could not
have matched, so the tagger's output is the same with or without them (``tests/time/test_time_gates.py``
checks this).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.time.words import DEICTIC_DAYS, MONTHS, REFS, SET_WORDS, WEEKDAYS

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
_COUNTED = re.compile(rf"(?:-|\s+)(?:half(?:-|\s+))?(?:{_UNITS})")
# How a number ("3", "a", "several", "twenty-one") or a fraction ("1/2", "½", "and a half") ends, or a
# number with "more", "extra" or "additional" after it.
_NUMBER_END = re.compile(
    r"(?:\d|\ban?|of|few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|half|"
    r"quarters?|[½¼¾]|more|extra|ional|secutive|straight|ccessive|hundred)\Z"
    # "ional": "additional", "secutive": "consecutive" (the test looks 9 characters back)
)
# A modifier (the end of a word: "the" in "bathe" too), maybe "fiscal", white space and a period.
_MODIFIED_PERIOD = re.compile(
    r"(?:past|coming|last|next|this|previous|following|current|the)(?:\s+fiscal)?"
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
NOT_FOLDED = ("ı", "İ", "ſ")


def _phrases(phrases: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word-by-word tests of a gate that opens where one of ``phrases`` stands in the sentence as whole
    words: a phrase of one word found inside a word, or a word that may end a longer phrase."""
    single = [p for p in phrases if " " not in p]
    last = sorted({p.split()[-1] for p in phrases if " " in p})
    return re.compile(rf"\b(?i:{_words(single)})\b"), re.compile(rf"\A(?i:{_words(last)})\b")


# Shape gates decided word by word: a match of the first pattern inside one word (split at white
# space) opens the gate, and each word is tested once for all the sentences it is in
# (``open_gates._TOKEN_MARKS``). A word that matches the second pattern may start or end a match that spans
# white space ("New Year", "every week", "9 p.m."): the sentence is then searched (``SHAPE_GATES``).
TOKEN_SHAPES: dict[Gate, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
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
