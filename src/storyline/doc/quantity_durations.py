"""Lengths of time written after their number, for ``quantity_read``: "three days", "24 hours", "15 more days",
"three remarkable weeks"; not "a three-day visit", "500,000 people year after year" nor "the 2016 election year";
and one period and a half written around it, "an hour and a half".
"""

from __future__ import annotations

import re

from storyline.doc.quantity_units import is_counted
from storyline.doc.quantity_words import WORD_VALUES, plural

# a period right after its number, which makes the number no quantity; a whole word, so that "a $4.99 monthly fee",
# "3 nightclubs", "12 secondary schools" keep theirs
DURATION = re.compile(
    r"^[\s-]*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?"
    r"|centur(?:y|ies)|millenni(?:um|ums|a))(?-i:(?![a-z]))",  # "2 monthsAll", a lost space, still is one
    re.I,
)
# a duration written apart from its number ("three days", "24 hours", "15 more days"); "a three-day visit" is not one
DURATION_UNIT = re.compile(
    r"\s+(?:(?:more|fewer|extra|additional|further)\s+)?(?P<unit>second|minute|hour|day|night|fortnight|week|month|year|decade|centur(?=y|ies)|millenni(?=um|a)"
    r"|(?-i:secs?|mins?|yrs?|wks?)(?=[\s,.;)]|$))(?:s|y|ies|um|ums|a)?\b(?![-’'])",
    re.I,
)
# one describing word before a length of time, "three remarkable weeks"; not a function word ("30 per day"), "light"
# ("40 light years") nor a noun (read in ``quantity_read.unit_after``), nor before a period that modifies a noun
# ("room night fees")
_DESCRIBED = re.compile(
    r"\s+(?!(?:per|a|an|the|each|every|this|that|these|those|last|next|of|in|on|at|for|by|to|from|with|and|or|than"
    r"|light|some|all|is|are|was|were|be|been|had|has|have|will|would|can|could)\s)(?P<word>[a-z]+(?:-[a-z]+)*)"
    r"(?=\s+(?:second|minute|hour|day|night|week|month|year|decade)s?\b(?!\s+[a-z]+s\b))"
)
_YEAR = re.compile(r"(?:1\d|20)\d\d")  # "the 2016 election year" names a year, it lasts none
_DURATION_NAMES = {"centur": "century", "millenni": "millennium", "sec": "second", "secs": "second", "min": "minute",
                   "mins": "minute", "yr": "year", "yrs": "year", "wk": "week", "wks": "week"}  # fmt: skip


def duration_after(text: str, pos: int, number: str) -> tuple[int, str, str] | None:
    """The length of time written right after ``number`` (which ends at ``pos``): where it ends, its unit's
    name and its words as written ("remarkable weeks"), or None."""
    described = _DESCRIBED.match(text, pos) if not _YEAR.fullmatch(number) else None
    word = described["word"] if described is not None else ""
    if word and (plural(word) or is_counted(word) or word in WORD_VALUES or DURATION_UNIT.fullmatch(f" {word}")):
        described = None  # a noun or a number before the period: "500,000 people year after year", "18 hour days"
    duration = DURATION_UNIT.match(text, described.end() if described else pos)
    if duration is None:
        return None
    unit = duration.group("unit").lower()
    return duration.end(), _DURATION_NAMES.get(unit, unit), text[pos : duration.end()].strip()


# one period and a half, the half after the period: "a minute and a half later", "an hour and a half"
_PERIOD_AND_A_HALF = re.compile(
    r"\ban?\s+(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|century)\s+and\s+a\s+half\b"
    r"(?![-’'])",
    re.I,
)


def periods_and_a_half(text: str) -> list[tuple[int, int, str]]:
    """(start, end, period) of each "a <period> and a half" in ``text``: 1.5 of that period."""
    return [(m.start(), m.end(), m.group("unit").lower()) for m in _PERIOD_AND_A_HALF.finditer(text)]
