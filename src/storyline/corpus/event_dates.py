"""Which dates of two event mentions may be one event's (the events stage's date rules, ``events``):
explicit dates must be compatible, a report does not tell of a happening dated after it, two borrowed
dates may lie a few days apart, and so may the publication dates of an event no mention dates to a day
in its own words (``PublishedSpans``), and a mention dated only by its report tells that day's news
unless it closely paraphrases a happening dated weeks before (``retold``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from storyline.corpus.event_search import NO_DAY, day_numbers
from storyline.corpus.timeline import dates_compatible, week_days
from storyline.records import IsoDate
from storyline.time.iso_dates import day_number, day_of

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
    return day_number(iso, coarse=None, missing=NO_DAY)


def borrowed_near(a: Candidate, b: Candidate, days: int) -> bool:
    """Both dates are borrowed (publication or narrative) and days, at most ``days`` apart."""
    if not (a.borrowed and b.borrowed and days > 0 and a.mention.date and b.mention.date):
        return False
    first, second = _day_number(a.mention.date), _day_number(b.mention.date)
    return NO_DAY not in (first, second) and abs(first - second) <= days


class PublishedSpans:
    """Per group of mentions (the merge loop's clusters), the first and last publication day of its
    mentions dated only by publication. Two groups may merge when together they are fewer than
    ``size`` mentions, or their publication days lie at most ``days`` apart, or the pair that links
    them holds an anchor (``is_anchor``): a mention that dates the happening to a day in its own words, or
    names who did a deed (a dispute is retold for weeks, ``deeds.told_as``), and is no running tally told
    on its report's day, whose day counts as its report's (``Candidate.window_day``). Undated sentences of reports weeks
    apart tell the story's state at two times ("the virus has killed up to 60 in Mexico", then "up
    to 176"), not one happening, however alike each reads to the next; a report weeks later joins a
    happening only as a close paraphrase of its dated mention (``retold``)."""

    def __init__(self, cands: Sequence[Candidate], members: Mapping[int, list[int]], days: int, size: int = 2) -> None:
        self.days, self.size, self.members = days, size, members
        self.anchors = [is_anchor(c) for c in cands]
        self.spans: dict[int, tuple[int, int] | None] = {}
        window = window_days(cands).tolist()
        for a, rows in members.items():
            published = [n for r in rows if (n := window[r]) != NO_DAY]
            self.spans[a] = (min(published), max(published)) if published else None

    def holds(self, a: int, b: int, i: int, j: int) -> bool:
        """Groups ``a`` and ``b``, linked by the pair of mentions ``i`` and ``j``, may be one event."""
        if self.days <= 0 or len(self.members[a]) + len(self.members[b]) < self.size:
            return True
        left, right = self.spans[a], self.spans[b]
        if left is None or right is None or max(left[1], right[1]) - min(left[0], right[0]) <= self.days:
            return True
        return self.anchors[i] or self.anchors[j]

    def merge(self, kept: int, gone: int) -> None:
        """Group ``gone`` joins group ``kept``."""
        left, right = self.spans[kept], self.spans.pop(gone)
        if left is None or right is None:
            self.spans[kept] = left or right
        else:
            self.spans[kept] = (min(left[0], right[0]), max(left[1], right[1]))


def window_days(cands: Sequence[Candidate]) -> np.ndarray:
    """Per candidate, the day number its publication window counts (``Candidate.window_day``), else ``NO_DAY``:
    the one reading of it for ``PublishedSpans`` and for the copies met in row order (``events.cluster``)."""
    return day_numbers([c.window_day for c in cands])


def is_anchor(c: Candidate) -> bool:
    """A mention that may link groups across the publication window: dated to a day by its own words, or
    naming who did a deed; never a running tally told on its report's day (``event_tallies``), whose day is
    when the figure was said."""
    return not c.tally and (_own_day(c) or c.told == "doer")


def _own_day(c: Candidate) -> bool:
    """Dated to a day by its own words (not a month, not the narrative's day before it)."""
    return not c.borrowed and day_of(c.explicit, coarse=None) is not None


def borrowed_apart(a: Candidate, b: Candidate) -> bool:
    """Both dates are borrowed (publication or narrative) and they differ: a report of the 13th and
    one of the 20th that tell a state of things with no date of their own are one happening only as
    close paraphrases, however many places they share."""
    return a.borrowed and b.borrowed and a.mention.date != b.mention.date


@lru_cache(maxsize=1 << 12)
def _last_day(iso: IsoDate) -> int:
    """The day number of the last day of a day, month ("YYYY-MM") or year, else ``NO_DAY``."""
    return day_number(iso, coarse="last", missing=NO_DAY)


def retold(a: Candidate, b: Candidate, days: int) -> bool:
    """``a`` is dated only by its publication, more than ``days`` after the end of ``b``'s own date."""
    if not (days and a.published and b.explicit):
        return False
    published, ended = _day_number(a.published), _last_day(b.explicit)
    return NO_DAY not in (published, ended) and published - ended > days
