"""Reading a date value into calendar days: the one reader of an ``IsoDate``, a publication stamp or a TIMEX3
value that the corpus stages share.

A value is read by its leading "YYYY", "YYYY-MM" or "YYYY-MM-DD": a timestamp ("2010-06-15T10:00") is its day,
and a week, season or quarter of a year ("2010-W23", "2010-SU", "2010-Q2") is that year. ``period`` gives the
first and last day of what a value names; ``day_of`` gives one day, and its caller says which day a month or a
year stands for (``coarse``): its first, its last, or none, when only a day names a day. A value with no year
in front ("PRESENT_REF", "XXXX-06-15", ""), or a day or month the calendar lacks ("2010-02-30", "2010-13"),
is read as no day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import Literal

Window = tuple[date, date]  # the first and the last day of a period
Coarse = Literal["first", "last"]  # which day a month or a year stands for

_LEADING = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def period(value: str | None) -> Window | None:
    """The first and last day of a date's leading day, month or year (a season or a week of a year counts as
    its year); None when undated or unreadable."""
    found = _LEADING.match(value or "")
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        if day is not None:
            one = date(int(year), int(month), int(day))
            return one, one
        if month is not None:
            first = date(int(year), int(month), 1)
            return first, first.replace(day=monthrange(first.year, first.month)[1])  # December 9999 too
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:  # "2010-02-30", "2010-13": no such day or month
        return None


def day_of(value: str | None, *, coarse: Coarse | None) -> date | None:
    """The day a date names (``period``); a month or a year stands for its first day or its last, as ``coarse``
    says, or for no day when ``coarse`` is None. None when undated or unreadable."""
    span = period(value)
    if span is None or (coarse is None and span[0] != span[1]):
        return None
    return span[1] if coarse == "last" else span[0]


def day_number(value: str | None, *, coarse: Coarse | None, missing: int) -> int:
    """``day_of`` as a day number (the proleptic Gregorian ordinal), ``missing`` when it is None: for arrays."""
    day = day_of(value, coarse=coarse)
    return missing if day is None else day.toordinal()


def days_apart(a: Window, b: Window) -> int:
    """The days from the end of the earlier period to the start of the later one; 0 when they overlap."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
