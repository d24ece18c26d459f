"""Normalize time expressions against the document creation time (DCT): calendar arithmetic only.

Every function here is pure: it takes the DCT (a ``datetime.date``) and the parts the tagger read
from the text, and returns a date or a TIMEX3 value. Parts the text leaves open are written with
``X`` ("XXXX-09-10", "XXXX-WXX-4") when there is no DCT to fill them from.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from storyline.records import IsoDate

Tense = Literal["past", "present", "future"]  # present: the occurrence nearest the DCT
Unit = Literal["minute", "hour", "day", "week", "month", "year", "decade"]
Modifier = Literal["last", "next", "this"]
Resolved = tuple[str, IsoDate | None]  # (TIMEX3 value, calendar date or None)

YEAR_SLACK_DAYS = 62  # a month-day this far after the DCT in a past-tense sentence is last year's
UNRESOLVED_DAY = "XXXX-XX-XX"

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DURATION_CODES: dict[Unit, str] = {
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
}


def parse_dct(value: str | None) -> date | None:
    """The DCT as a date, from a "YYYY-MM-DD" string; None for a missing or partial date."""
    if value is None:
        return None
    m = _ISO_DAY.fullmatch(value.strip())
    if m is None:
        return None
    return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month (Feb 29 of a common year)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def nearest_month_day(month_day: tuple[int, int], reference: date) -> date | None:
    """The date of ``month_day`` ((month, day), no year) in the year that puts it nearest ``reference``."""
    options = [make_date(y, *month_day) for y in (reference.year - 1, reference.year, reference.year + 1)]
    valid = [d for d in options if d is not None]
    return min(valid, key=lambda d: abs((d - reference).days)) if valid else None


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def day_resolved(d: date) -> Resolved:
    return d.isoformat(), d.isoformat()


_UNITS_PER_YEAR: dict[Unit, float] = {
    "minute": 525_960, "hour": 8_766, "day": 365.25, "week": 52.18, "month": 12, "year": 1, "decade": 0.1,
}  # fmt: skip


def can_shift(d: date, n: float, unit: Unit) -> bool:
    """Whether ``d`` moved by ``n`` units stays in the calendar years 1-9999 ("200,000 years ago" does not)."""
    return 1 < d.year + n / _UNITS_PER_YEAR[unit] < 9999


def shift(d: date, n: int, unit: Unit) -> date:
    """``d`` moved by ``n`` units (negative: back); month and year shifts clamp to the month's end."""
    if unit in ("minute", "hour"):
        per_day = 1440 if unit == "minute" else 24
        return d + timedelta(days=int(n / per_day))
    if unit in ("day", "week"):
        return d + timedelta(days=n * (7 if unit == "week" else 1))
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def weekday_date(dct: date, weekday: int, tense: Tense, modifier: Modifier | None = None) -> date:
    """The date of a weekday (Monday=0) named in a sentence of the given tense.

    Past: the most recent such day, the DCT itself when it is that weekday; future: the next one,
    again the DCT itself on the same weekday; present: the nearer of the two (at most three days
    away). "last" and "next" always leave the DCT's day.
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if modifier == "last":
        return dct - timedelta(days=back or 7)
    if modifier == "next":
        return dct + timedelta(days=ahead or 7)
    if tense == "past" or (tense == "present" and back <= 3):
        return dct - timedelta(days=back)
    return dct + timedelta(days=ahead)


POSSESSIVE_DAY_REACH = 2  # days before the DCT within which a possessive weekday is that day, whatever the tense


def recent_weekday(dct: date, weekday: int) -> date | None:
    """The weekday (Monday=0) when it fell one or two days before the DCT, else None: "Monday's ruling will
    reverberate" in a Tuesday report is the day before, as a report names the happenings of the last days by
    their day. (The days just after the DCT are not read so: "Tuesday's quake" in a Sunday report is most often
    five days back, as often as "Tuesday's primary" is two days ahead.)"""
    back = (dct.weekday() - weekday) % 7
    if 0 < back <= POSSESSIVE_DAY_REACH:
        return dct - timedelta(days=back)
    return None


PLAN_DAYS_BACK = 2  # days before the DCT within which the day of a plan told in the past is that day


def planned_weekday(dct: date, weekday: int) -> date:
    """The weekday (Monday=0) of a plan told in the past ("was due to begin on Tuesday"): one or two days
    before the DCT when it fell then, else the DCT or the next one (up to four days ahead). Read on news,
    such a day was the day before the report or one to four days after it, seldom three days back."""
    back = (dct.weekday() - weekday) % 7
    if 0 < back <= PLAN_DAYS_BACK:
        return dct - timedelta(days=back)
    return dct + timedelta(days=(weekday - dct.weekday()) % 7)


def month_year(dct: date, month: int, tense: Tense, modifier: Modifier | None = None) -> int:
    """The year of a month named without one.

    "last October" is the most recent October strictly before the DCT's month (so "last December"
    in a January report is the previous year's); "in October" in the past tense is the most recent
    one not after the DCT's month, in the future tense the next one not before it, in the present
    tense the nearer of the two (the coming one when both are six months away).
    """
    if modifier == "last":
        return dct.year if month < dct.month else dct.year - 1
    if modifier == "next":
        return dct.year if month > dct.month else dct.year + 1
    if modifier == "this":
        return dct.year
    if tense == "present":
        tense = "past" if (dct.month - month) % 12 < 6 else "future"
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    return dct.year if month >= dct.month else dct.year + 1


def month_day_date(dct: date, month: int, day: int, tense: Tense, slack_days: int = YEAR_SLACK_DAYS) -> date | None:
    """The date of a month-day without a year: the DCT's year, unless that puts it far on the
    wrong side of the DCT for the tense (a past event ~2 months in the future is last year's); in the
    present tense the nearest such day ("payable Jan. 2" in a November report is next year's)."""
    year = dct.year
    if tense == "present":
        return nearest_month_day((month, day), dct)
    candidate = make_date(year, month, day)
    if candidate is not None and tense == "past" and (candidate - dct).days > slack_days:
        year -= 1
    elif candidate is not None and tense == "future" and (dct - candidate).days > slack_days:
        year += 1
    return make_date(year, month, day)


def relative_period(dct: date, unit: Unit, offset: int) -> Resolved:
    """ "last week" (offset -1), "this month" (0), "next year" (+1): the period around the DCT.

    A week's calendar date is its month when the whole week (Monday to Sunday) lies in one month
    ("earlier this week" in a report of Saturday 2022-09-10 is 2022-09), as a month named in the
    text would be; a week across two months has none (the stage falls back to the publication date).
    """
    if unit == "week":
        day = dct + timedelta(weeks=offset)
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        month = (
            iso_month(monday.year, monday.month) if (monday.year, monday.month) == (sunday.year, sunday.month) else None
        )
        return iso_week(day), month
    if unit == "month":
        d = shift(dct.replace(day=1), offset, "month")
        value = iso_month(d.year, d.month)
        return value, value
    if unit == "decade":
        return f"{(dct.year // 10 + offset):03d}", None
    year = str(dct.year + offset)
    return year, year


def ago(dct: date, n: int, unit: Unit, approximate: bool = False) -> Resolved:
    """ "three weeks ago": the value at the unit's granularity, the date to the day.

    The day is kept because it is what an event is placed at ("a year ago" from 2024-02-29 is
    2023-02-28); the value follows TIMEX3 ("2023"). An ``approximate`` amount of weeks, months or
    years ("about three weeks ago", "nearly two years ago") pins no day: its date is the month of the
    day counted back for weeks and months (the best single guess, even when the week spans two
    months), the year for years.
    """
    d = shift(dct, -n, unit)
    if approximate and unit == "year":
        return str(d.year), str(d.year)
    if approximate and unit in ("week", "month"):
        month = iso_month(d.year, d.month)
        return (iso_week(d) if unit == "week" else month), month
    if unit in ("minute", "hour", "day"):
        value = iso_day(d)
    elif unit == "week":
        value = iso_week(d)
    elif unit == "month":
        value = iso_month(d.year, d.month)
    elif unit == "decade":
        value = f"{d.year // 10:03d}"
    else:
        value = str(d.year)
    return value, iso_day(d)


def duration_value(n: float | None, unit: Unit) -> str:
    """TIMEX3 duration: P3W, PT24H, P2DE; ``n`` None gives the vague PXW.

    A fraction goes into the next smaller unit when it comes out whole there (1.5 years is P1Y6M,
    1.5 minutes PT1M30S, 2.5 days P2DT12H); otherwise it stays a decimal (P1.25W).
    """
    code = _DURATION_CODES[unit]
    if n is not None and n != int(n) and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        rest = (n - int(n)) * per
        if abs(rest - round(rest)) < 1e-9:
            whole = _components(int(n), code) if int(n) else ""
            return _join(whole, _components(round(rest), smaller))
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    return _join(_components_text(amount, code))


_SMALLER: dict[Unit, tuple[str, int]] = {
    "decade": ("Y", 10),
    "year": ("M", 12),
    "month": ("D", 30),
    "week": ("D", 7),
    "day": ("TH", 24),
    "hour": ("TM", 60),
    "minute": ("TS", 60),
}


def _components(n: int, code: str) -> str:
    return _components_text(str(n), code)


def _components_text(amount: str, code: str) -> str:
    return f"T{amount}{code[1:]}" if code.startswith("T") else f"{amount}{code}"


def _join(*parts: str) -> str:
    """ "P" and the parts in order, with one "T" before the first time part (P1DT12H, PT1M30S)."""
    dates = "".join(p for p in parts if p and not p.startswith("T"))
    times = "".join(p.removeprefix("T") for p in parts if p.startswith("T"))
    return f"P{dates}" + (f"T{times}" if times else "")


def unresolved_weekday(weekday: int) -> str:
    return f"XXXX-WXX-{weekday + 1}"


def unresolved_month_day(month: int, day: int | None = None) -> str:
    return f"XXXX-{month:02d}" if day is None else f"XXXX-{month:02d}-{day:02d}"
