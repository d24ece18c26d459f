"""Keep the end of a range after its start: "from November to February", "from Friday to Monday".

TimeML annotates each end of a range as a TIMEX3 of its own (the range itself is a relation between
them). The tagger resolves each end against the report's date, so an end named without a year can
land before its start: in a past-tense report of March 1998, "from November to February" gives
November 1997 and February 1998 rightly, but "from March to May" gives March 1998 and May 1997. This
step moves the end, when it names a month or a weekday and no year, to its first occurrence after the
start; or, when that would be after the report, the start back before the end (March 1997). After a
start with its year ("from March 1996 to May") a month always takes the first occurrence after it; a
weekday in order stays as it is ("from Sept. 14 to Thursday" is the Thursday before the report).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import resolve as rs

_FROM_BEFORE = re.compile(r"\b(?i:from|between)\s+$")
_TO_BETWEEN = re.compile(r"\s*(?:(?i:to|through|till|until|and)\s+|[-–]\s*)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


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
