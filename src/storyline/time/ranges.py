"""Keep the end of a range after its start: "from November to February", "from Friday to Monday".

TimeML annotates each end of a range as a TIMEX3 of its own (the range itself is a relation between
them). The tagger resolves each end against the report's date, so an end named without a year can
land before its start: in a past-tense report of March 1998, "from November to February" gives
November 1997 and February 1998 rightly, but "from March to May" gives March 1998 and May 1997. This
step moves the end, when it names a month or a weekday and no year, to its first occurrence after the
start; or, when that would be after the report, the start back before the end (March 1997). After a
start with its year ("from March 1996 to May") a month always takes the first occurrence after it; a
weekday in order stays as it is ("from Sept. 14 to Thursday" is the Thursday before the report).

``in_a_range`` tells an end of a range of days ("samples taken April 21-27", "between March 3 and 9"), which
names no single day, from a day named on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.words import MONTH_ANY, WEEKDAY

_FROM_BEFORE = re.compile(r"\b(?i:from|between)\s+$")
_TO_BETWEEN = re.compile(r"\s*(?:(?i:to|through|till|until|and)\s+|[-–]\s*)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_NAMED = rf"(?:{MONTH_ANY}|{WEEKDAY})"
_DASH = r"\s*[-–]\s*"
_TO = r"\s+(?i:to|through|till|until)\s+"
# After a range's first end: "-27", "– May 2", " to Friday", " through April 27"; a bare number after "to" only
# when nothing but punctuation follows it ("rose on Monday to 52 cents" is no range).
_RANGE_NEXT = re.compile(rf"{_DASH}(?:\d{{1,2}}\b(?![:.,]?\d)|{_NAMED})|{_TO}(?:{_NAMED}|\d{{1,2}}\b(?!\s*\w))")
# Before a range's last end: "21-", "April 21 to ", "Monday to " ("fell 5 to Monday's close" is no range).
_RANGE_BEFORE = re.compile(rf"(?:\b\d{{1,2}}{_DASH}|(?:{MONTH_ANY}\s*\d{{1,2}}|{_NAMED}){_TO})$")
_BETWEEN = re.compile(r"\b(?i:between)\s+$")
_AND_NEXT = re.compile(rf"\s+and\s+(?:\d{{1,2}}\b|{_NAMED})")
# An open range's end: "since April 20", "until Friday", "before the evening of April 23", "by the end of May".
_BOUND = re.compile(
    r"\b(?i:before|after|since|until|till|by)\s+(?:the\s+)?"
    r"(?:(?i:early|late)\s+)?(?:(?i:morning|afternoon|evening|night|end|start|middle)\s+of\s+)?(?:the\s+)?$"
)
_POSSESSIVE = re.compile(r"['’]s\b")
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:morning|afternoon|evening|night|and|or|to|through|till|until)\b)[A-Za-z]")
_BETWEEN_AND = re.compile(r"\b(?i:between)\s+\S+(?:\s+\S+){0,3}?\s+and\s+$")


def order(found: list[TimeExpression], text: str, dct: date | None) -> list[TimeExpression]:
    """``found`` (in text order) with each "from A to B" range put in order: B moved after A, or, when
    that would put B after the report and A was named without a year, A moved before B."""
    if len(found) < 2 or ("rom " not in text and "etween " not in text):
        return found  # most sentences: no "from"/"From" or "between"/"Between" before two expressions
    out = list(found)
    for i in range(1, len(out)):
        start, end = out[i - 1], out[i]
        if any(c.isdigit() for c in end.text) or not _is_range(start, end, text):
            continue
        explicit = any(c.isdigit() for c in start.text)
        later = _after(start.value, end.value)
        if later is None or later == end.value or _may_stay(start, end, explicit):
            continue
        earlier = None if explicit else _before(start.value, end.value)
        if earlier is not None and dct is not None and later > dct.isoformat()[: len(later)]:
            out[i - 1] = _revalued(start, earlier)
        else:
            out[i] = _revalued(end, later)
    return out


def _may_stay(start: TimeExpression, end: TimeExpression, explicit: bool) -> bool:
    """The end is not before the start, and is not a month after a start written with its year."""
    return end.value >= start.value and not (explicit and _MONTH.fullmatch(end.value))


def _revalued(expr: TimeExpression, value: str) -> TimeExpression:
    return TimeExpression(expr.start, expr.end, expr.text, expr.type, value, value)


def _is_range(start: TimeExpression, end: TimeExpression, text: str) -> bool:
    joined = _TO_BETWEEN.fullmatch(text, start.end, end.start) is not None
    return joined and _FROM_BEFORE.search(text, max(0, start.start - 9), start.start) is not None


def _after(start: str, end: str) -> str | None:
    """The first occurrence of ``end``'s month or weekday at or after ``start`` (both months, or both days)."""
    if _MONTH.fullmatch(start) and _MONTH.fullmatch(end):
        year, month = int(start[:4]), int(end[5:])
        return rs.iso_month(year if month >= int(start[5:]) else year + 1, month)
    if _DAY.fullmatch(start) and _DAY.fullmatch(end):
        first, last = date.fromisoformat(start), date.fromisoformat(end)
        return (first + timedelta(days=(last.weekday() - first.weekday()) % 7)).isoformat()
    return None


def _before(start: str, end: str) -> str | None:
    """``start`` moved to its last occurrence before ``end`` (both months, or both days)."""
    if _MONTH.fullmatch(start) and _MONTH.fullmatch(end):
        year, month = int(end[:4]), int(start[5:])
        return rs.iso_month(year if month <= int(end[5:]) else year - 1, month)
    if _DAY.fullmatch(start) and _DAY.fullmatch(end):
        first, last = date.fromisoformat(start), date.fromisoformat(end)
        return (first - timedelta(weeks=-(-(first - last).days // 7))).isoformat()
    return None


def in_a_range(expr: TimeExpression, text: str, offset: int = 0) -> bool:
    """Whether ``expr`` is an end of a range of days, closed ("April 21-27", "from Monday to Friday", "between
    March 3 and 9") or open ("since April 20", "before the evening of April 23"), so that it names no day on
    which something happened; a list ("on April 21 and 22") is no range, nor a day given to a happening ("since
    the April 20 explosion", "after Monday's vote": ``_attributive``). ``text`` holds the expression at
    ``expr.start - offset``."""
    start, end = expr.start - offset, expr.end - offset
    if _RANGE_NEXT.match(text, end) or _RANGE_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _BOUND.search(text, max(0, start - 40), start) and not _attributive(text, start, end):
        return True
    between = _BETWEEN.search(text, max(0, start - 9), start) is not None
    return (between and _AND_NEXT.match(text, end) is not None) or _BETWEEN_AND.search(
        text, max(0, start - 60), start
    ) is not None


def _attributive(text: str, start: int, end: int) -> bool:
    """The day names when a happening took place ("since the April 20 explosion", "after Monday's vote"), not
    the bound of a period."""
    if _POSSESSIVE.match(text, end):
        return True
    return _THE_BEFORE.search(text, max(0, start - 4), start) is not None and _NOUN_AFTER.match(text, end) is not None


def single_days(times: Sequence[TimeExpression], text: str, offset: int = 0) -> list[TimeExpression]:
    """``times`` without the ends of ranges (``in_a_range``)."""
    return [t for t in times if not in_a_range(t, text, offset)]


# Two weekdays or months joined by "and" or "or" ("on Friday and Saturday", "late Thursday or early Friday",
# "planned for December and January").
_JOINED = re.compile(r"\s*,?\s*(?i:and|or)\s+(?:(?i:on|in)\s+)?")
_WEEKDAY_WORD = re.compile(WEEKDAY)
_MONTH_WORD = re.compile(rf"(?:(?i:early|late|mid)[- ])?{MONTH_ANY}")


def next_in_turn(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """``found`` with two joined weekdays or months that follow each other in the week or year put one day or
    month apart, as each read on its own against the report may not: "meeting in Sopot on Friday and Saturday" in
    a Friday report is that Friday and the next day, not the Saturday before; "advertising planned for December and
    January" in November is the coming December, not last year's. The second moves after the first, or, when it
    lies more than a month after it, the first moves to the month before it."""
    out = list(found)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        if first.date is None or second.date is None or not _JOINED.fullmatch(text, first.end, second.start):
            continue
        if len(first.date) == len(second.date) == 10 and _WEEKDAY_WORD.search(first.text):
            out[i] = _day_after(first, second) if _WEEKDAY_WORD.search(second.text) else second
        elif _MONTH_WORD.fullmatch(first.text) and _MONTH_WORD.fullmatch(second.text):
            out[i - 1], out[i] = _months_in_turn(first, second)
    return out


def _day_after(first: TimeExpression, second: TimeExpression) -> TimeExpression:
    """``second`` on the day after ``first`` when it names that weekday (its part of the day kept)."""
    day, other = date.fromisoformat(first.date or ""), date.fromisoformat(second.date or "")
    after = day + timedelta(days=1)
    if other.weekday() != after.weekday() or other == after:
        return second
    value = after.isoformat() + second.value[len(after.isoformat()) :]
    return TimeExpression(second.start, second.end, second.text, second.type, value, after.isoformat())


def _months_in_turn(first: TimeExpression, second: TimeExpression) -> tuple[TimeExpression, TimeExpression]:
    """``first`` and ``second`` a month apart when the second names the month after the first."""
    if not (_MONTH.fullmatch(first.value) and _MONTH.fullmatch(second.value)):
        return first, second
    a, b = _month_index(first.value), _month_index(second.value)
    if (b - a) % 12 != 1 or b - a == 1:
        return first, second
    if b < a:
        return first, _revalued(second, _month_of(a + 1))
    return _revalued(first, _month_of(b - 1)), second


def _month_index(value: str) -> int:
    """A count of months from year 0 of an ISO month ("2024-01": 2024 * 12)."""
    return int(value[:4]) * 12 + int(value[5:7]) - 1


def _month_of(index: int) -> str:
    """The ISO month of a count of months from year 0 (``_month_index``)."""
    year, month0 = divmod(index, 12)
    return rs.iso_month(year, month0 + 1)
