"""Holidays that name a day: "Christmas Day", "last Easter", "New Year's Eve", "Thanksgiving 1997".

A holiday that refers to a day is a DATE TIMEX3 (TimeML's guidelines list holidays among the
expressions to mark), valued here with that day: in the year written, the one "last"/"next"/"this"
gives, or the one the tense and the report's date give, as for a month and day. A holiday word
that only describes something ("Christmas shopping", "an Easter egg") is no time: a bare holiday
name is taken only after a preposition of time, a modifier, or before a year or a stop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, start_of, starting_with
from storyline.time.resolve import Tense
from storyline.time.words import YEAR


def easter(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian computus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_c, leap_r = divmod(century, 4)
    moon_fix = (century + 8) // 25
    epact_fix = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_c - epact_fix + 15) % 30
    week_r, week_rest = divmod(rest, 4)
    weekday_fix = (32 + 2 * leap_r + 2 * week_r - epact - week_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_fix) // 451
    month, day = divmod(epact + weekday_fix - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (the United States' Thanksgiving)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


# Each holiday as it is written (capitalised: "a good Friday for shares" is no holiday) and its day in a year:
# the ones news of the Christian and Western calendars dates by (each is in the gate of ``gates``).
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "Christmas": _fixed(12, 25),
    "Christmas Day": _fixed(12, 25),
    "Christmas Eve": _fixed(12, 24),
    "New Year's": _fixed(1, 1),
    "New Year's Day": _fixed(1, 1),
    "New Year's Eve": _fixed(12, 31),
    "Easter": easter,
    "Easter Sunday": easter,
    "Easter Monday": lambda year: easter(year) + timedelta(days=1),
    "Good Friday": lambda year: easter(year) - timedelta(days=2),
    "Thanksgiving": _thanksgiving,
    "Thanksgiving Day": _thanksgiving,
}
_BY_NAME = {name.lower(): day_of for name, day_of in HOLIDAYS.items()}
# Names that are a day on their own; the others ("Christmas", "Easter") also name a season or a feast.
_DAY_NAMES = frozenset(k.lower() for k in HOLIDAYS if " " in k) - {"new year's"}  # "New Year's resolutions"
# Calendars whose new year is not January 1: "the Lunar New Year's", "Chinese New Year's Day".
_OTHER_CALENDAR = re.compile(r"\b(?i:lunar|chinese|jewish|persian|iranian|islamic|vietnamese|korean|tibetan)\s+$")
# one space inside a name, as in the gate's words ("new year", "good friday")
_NAME = "|".join(sorted((k.replace("'", "['’]") for k in HOLIDAYS), key=len, reverse=True))
_PREP = r"(?i:on|at|before|after|by|until|till|since|over|for|around|during|through|from|to|of)"
_STOP_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?i:and|or|but|when|as|he|she|they|we|it)\b)")


def _holiday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    name = " ".join((lower(m, "name") or "").replace("’", "'").split())
    day_of = _BY_NAME[name]
    mod, year_text = lower(m, "mod"), m.group("year")
    described = not (mod or year_text or m.group("prep") or _STOP_AFTER.match(ctx.text, m.end()))
    if name not in _DAY_NAMES and described:
        return None  # "Christmas shopping", "Easter eggs"
    if name.startswith("new year") and _OTHER_CALENDAR.search(ctx.text, max(0, m.start("name") - 12), m.start("name")):
        return None
    start = start_of(m, "mod", "name")
    if year_text:
        return ctx.make(start, m.end(), "DATE", rs.day_resolved(day_of(int(year_text))))
    if ctx.dct is None:
        return None  # no year to put it in
    if mod is not None:
        offset = {"last": -1, "this": 0, "next": 1, "this past": -1, "this coming": 1}.get(mod, 0)
        tense: Tense = "past" if offset < 0 else "future" if offset > 0 else "present"
    else:
        tense = ctx.tense(start, m.end())
    return ctx.make(start, m.end(), "DATE", rs.day_resolved(_in_year(day_of, ctx.dct, tense)))


def _in_year(day_of: Callable[[int], date], dct: date, tense: Tense) -> date:
    """The holiday's day nearest the report on the tense's side (the last one before it, or the next one)."""
    this_year = day_of(dct.year)
    if tense == "past" and this_year > dct:
        return day_of(dct.year - 1)
    if tense == "future" and this_year < dct:
        return day_of(dct.year + 1)
    if tense == "present":
        days = (day_of(dct.year - 1), this_year, day_of(dct.year + 1))
        return min(days, key=lambda d: abs((d - dct).days))
    return this_year


HOLIDAY_RULE: Rule = (
    ("weekday, holiday or clock", "holiday name"),
    starting_with(
        "oabutsfdlncegt",  # a preposition, a modifier or a holiday's first letter
        rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<mod>(?i:last|next|this\s+past|this\s+coming|this))\s+)?"
        rf"(?P<name>{_NAME})\b(?:,?\s+(?P<year>{YEAR}))?",
    ),
    _holiday,
)
