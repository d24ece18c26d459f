"""Which dates of two event mentions may be one event's (the events stage's date rules, ``events``):
explicit dates must be compatible, a report does not tell of a happening dated after it, two borrowed
dates may lie a few days apart and two publication dates no more (``published_apart``), and a mention
dated only by its report tells that day's news unless it closely paraphrases a happening dated weeks
before (``retold``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.corpus.event_search import NO_DAY, day_numbers
from storyline.corpus.timeline import dates_compatible, week_days
from storyline.records import IsoDate

if TYPE_CHECKING:  # events imports this module
    from storyline.corpus.event_mentions import Candidate


def _before(a: IsoDate, b: IsoDate) -> bool:
    """``a`` ends before ``b`` starts, compared at the coarser of the two granularities (a week by its
    days)."""
    if (week := week_days(a)) is not None:
        a = week[1].isoformat()
    if (week := week_days(b)) is not None:
        b = week[0].isoformat()
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def dates_can_match(a: Candidate, b: Candidate) -> bool:
    """Explicit dates are compatible, and a report (dated by publication) does not tell of an event
    dated after it."""
    if a.explicit and b.explicit and not dates_compatible(a.explicit, b.explicit):
        return False
    return not (
        (a.published and b.explicit and _before(a.published, b.explicit))
        or (b.published and a.explicit and _before(b.published, a.explicit))
    )


@lru_cache(maxsize=1 << 16)
def _day_number(iso: IsoDate) -> int:
    """The day number of an ISO date of a day, else ``NO_DAY``."""
    return int(day_numbers([iso])[0])


def borrowed_near(a: Candidate, b: Candidate, days: int) -> bool:
    """Both dates are borrowed (publication or narrative) and days, at most ``days`` apart."""
    if not (a.borrowed and b.borrowed and days > 0 and a.mention.date and b.mention.date):
        return False
    first, second = _day_number(a.mention.date), _day_number(b.mention.date)
    return NO_DAY not in (first, second) and abs(first - second) <= days


def published_apart(a: Candidate, b: Candidate, days: int) -> bool:
    """Both are dated only by their reports' publication, more than ``days`` days apart: undated
    sentences of reports weeks apart tell the story's state at two times ("the virus has killed up
    to 60 in Mexico", then "up to 176"), not one happening, however alike they read. A hard rule, so
    that one close pair at a time cannot chain them across weeks. 0: off."""
    if not (days > 0 and a.published and b.published):
        return False
    first, second = _day_number(a.published), _day_number(b.published)
    return NO_DAY not in (first, second) and abs(first - second) > days


def borrowed_apart(a: Candidate, b: Candidate) -> bool:
    """Both dates are borrowed (publication or narrative) and they differ: a report of the 13th and
    one of the 20th that tell a state of things with no date of their own are one happening only as
    close paraphrases, however many places they share."""
    return a.borrowed and b.borrowed and a.mention.date != b.mention.date


@lru_cache(maxsize=1 << 12)
def _last_day(iso: IsoDate) -> int:
    """The day number of the last day of a day, month ("YYYY-MM") or year, else ``NO_DAY``."""
    if len(iso) == 7 and iso[:4].isdigit() and iso[5:].isdigit() and 1 <= int(iso[5:]) <= 12:
        year, month = int(iso[:4]), int(iso[5:])
        return _day_number(f"{year + month // 12:04d}-{month % 12 + 1:02d}-01") - 1
    if len(iso) == 4 and iso.isdigit():
        return _day_number(f"{iso}-12-31")
    return _day_number(iso)


def retold(a: Candidate, b: Candidate, days: int) -> bool:
    """``a`` is dated only by its publication, more than ``days`` after the end of ``b``'s own date."""
    if not (days and a.published and b.explicit):
        return False
    published, ended = _day_number(a.published), _last_day(b.explicit)
    return NO_DAY not in (published, ended) and published - ended > days
