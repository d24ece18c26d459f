"""Holidays that name a day: "Christmas Day", "last Easter", "New Year's Eve", "Thanksgiving 1997", "Labor Day".

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


def _fixed(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: date(year, month, day)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date | None]:
    """The ``n``-th ``weekday`` (0 = Monday) of ``month``; the last one when ``n`` is -1."""

    def day_of(year: int) -> date:
        if n < 0:
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    return day_of


def _election_day(year: int) -> date | None:
    """The United States' general election: the Tuesday after the first Monday of November, in even years."""
    if year % 2:
        return None
    monday = _nth_weekday(11, 0, 1)(year)
    return monday + timedelta(days=1) if monday else None


def _inauguration_day(year: int) -> date | None:
    """A United States president takes office on January 20 of the year after a presidential election."""
    return date(year, 1, 20) if year % 4 == 1 else None


# Each holiday as it is written (capitalised: "a good Friday for shares" is no holiday) and its day in a year
# (None in a year without one): the ones news of the Christian and Western calendars, and the United States'
# public holidays and election days, dates by (each is in the gate of ``gates``). "Independence Day" and
# "Boxing Day" are left out: many countries have an independence day, and "the Boxing Day tsunami" is a year's.
HOLIDAYS: dict[str, Callable[[int], date | None]] = {
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
    "Halloween": _fixed(10, 31),
    "Valentine's Day": _fixed(2, 14),
    "May Day": _fixed(5, 1),
    "Bastille Day": _fixed(7, 14),
    "Veterans Day": _fixed(11, 11),
    "Veterans' Day": _fixed(11, 11),
    "Labor Day": _nth_weekday(9, 0, 1),
    "Memorial Day": _nth_weekday(5, 0, -1),
    "Martin Luther King Day": _nth_weekday(1, 0, 3),
    "Martin Luther King Jr. Day": _nth_weekday(1, 0, 3),
    "MLK Day": _nth_weekday(1, 0, 3),
    "Presidents' Day": _nth_weekday(2, 0, 3),
    "Presidents Day": _nth_weekday(2, 0, 3),
    "Columbus Day": _nth_weekday(10, 0, 2),
    "Mother's Day": _nth_weekday(5, 6, 2),
    "Father's Day": _nth_weekday(6, 6, 3),
    "Election Day": _election_day,
    "Inauguration Day": _inauguration_day,
}
# Days that come every second or fourth year: said in the present, or in the past more than a year after the
# last one, they are the coming one ("campaigns are spending before Election Day", "urged people to vote on
# Election Day" in an election year's summer).
_NOT_YEARLY = frozenset(["election day", "inauguration day"])
_BY_NAME = {name.lower(): day_of for name, day_of in HOLIDAYS.items()}
# Names that are a day on their own; the others ("Christmas", "Easter") also name a season or a feast.
_DAY_NAMES = frozenset(k.lower() for k in HOLIDAYS if " " in k) - {"new year's"}  # "New Year's resolutions"
# Calendars whose new year is not January 1: "the Lunar New Year's", "Chinese New Year's Day".
_OTHER_CALENDAR = re.compile(r"\b(?i:lunar|chinese|jewish|persian|iranian|islamic|vietnamese|korean|tibetan)\s+$")
# one space inside a name, as in the gate's words ("new year", "good friday")
NAME = "|".join(
    r"\s+".join(re.escape(w) for w in k.split()).replace("'", "['’]") for k in sorted(HOLIDAYS, key=len, reverse=True)
)
_PREP = r"(?i:on|at|before|after|by|until|till|since|over|for|around|during|through|from|to|of)"
_STOP_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?i:and|or|but|when|as|he|she|they|we|it)\b)")


def _holiday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    name = " ".join((lower(m, "name") or "").replace("’", "'").split())
    day_of = _BY_NAME[name]
    mod, year_text = lower(m, "mod"), m.group("year")
    # "of" alone does not make a bare name a day: "sold out of Halloween costumes"
    prep = lower(m, "prep")
    described = not (mod or year_text or (prep and prep != "of") or _STOP_AFTER.match(ctx.text, m.end()))
    if name not in _DAY_NAMES and described:
        return None  # "Christmas shopping", "Easter eggs"
    if name.startswith("new year") and _OTHER_CALENDAR.search(ctx.text, max(0, m.start("name") - 12), m.start("name")):
        return None
    start = start_of(m, "mod", "name")
    if year_text:
        day = day_of(int(year_text))
        return ctx.make(start, m.end(), "DATE", rs.day_resolved(day)) if day else None
    if ctx.dct is None:
        return None  # no year to put it in
    if mod is not None:
        offset = {"last": -1, "this": 0, "next": 1, "this past": -1, "this coming": 1}.get(mod, 0)
        tense: Tense = "past" if offset < 0 else "future" if offset > 0 else "present"
    else:
        tense = ctx.tense(start, m.end())
        if name in _NOT_YEARLY and (tense == "present" or (ctx.dct - _in_year(day_of, ctx.dct, "past")).days > 366):
            tense = "future"
    return ctx.make(start, m.end(), "DATE", rs.day_resolved(_in_year(day_of, ctx.dct, tense)))


def _in_year(day_of: Callable[[int], date | None], dct: date, tense: Tense) -> date:
    """The holiday's day nearest the report on the tense's side (the last one before it, or the next one)."""
    days = [d for year in range(dct.year - 4, dct.year + 5) if (d := day_of(year)) is not None]
    if tense == "past":
        return max(d for d in days if d <= dct)
    if tense == "future":
        return min(d for d in days if d >= dct)
    return min(days, key=lambda d: abs((d - dct).days))


HOLIDAY_RULE: Rule = (
    ("weekday, holiday or clock", "holiday name"),
    starting_with(
        "oabutsfdl"
        + "nt"
        + "".join(sorted({k[0] for k in HOLIDAYS})),  # a preposition, a modifier or a holiday's first letter
        rf"\b(?:(?P<prep>{_PREP})\s+)?(?:(?P<mod>(?i:last|next|this\s+past|this\s+coming|this))\s+)?"
        rf"(?P<name>{NAME})\b(?:,?\s+(?P<year>{YEAR}))?",
    ),
    _holiday,
)
