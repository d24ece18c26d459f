"""Date helpers shared by the corpus stages, and each event's one-line summary.

The helpers (granularity containment, sort keys for mixed "YYYY", "YYYY-MM" and "YYYY-MM-DD" dates)
serve the events, figures, contradictions and summary stages; ``order_events`` lists events by date.
The ``timeline`` stage itself, the story's key dates, is ``storyline.corpus.key_dates``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from contextlib import suppress
from typing import TypeVar

from storyline.doc.dateline import strip_dateline
from storyline.records import DocumentId, Event, IsoDate, Mention, TimelineEntry

_STATUS_RANK = {"reported": 0, "confirmed": 0, "claimed": 1, "unverified": 2, "denied": 3}


_ANAPHORIC = re.compile(
    r"^(?:he|she|it|they|this|that|these|those|his|her|its|their|there"
    r"|(?:the|that|this)\s+(?:figure|estimate|claim|decision|move|statement|official|ministry|images?|video|analysis|same))\b",
    re.IGNORECASE,
)


def opens_on_pronoun(text: str) -> bool:
    """True for a sentence that opens on a pronoun or a noun that points back ("He said ...", "They
    entered ...", "The figure was ..."): it leans on the sentence before it and does not read on its
    own in a timeline or a summary."""
    return bool(_ANAPHORIC.match(strip_dateline(text)))


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# A TIMEX3 season ("2022-FA") and its months; winter runs from its year's December into the next year.
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 13, 14)}


def week_days(iso: IsoDate) -> tuple[dt.date, dt.date] | None:
    """The Monday and Sunday of an ISO week ("2023-W23": 2023-06-05 and 2023-06-11), else None."""
    week = _WEEK.match(iso)
    if week is None or not 1 <= int(week.group(2)) <= 53:
        return None
    with suppress(ValueError):  # week 53 of a year that has 52
        monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday, monday + dt.timedelta(days=6)
    return None


def _in_week(coarse: IsoDate, fine: IsoDate) -> bool | None:
    """Whether a week holds a day, or a month or year holds all of a week; None when neither is a week."""
    if (week := week_days(coarse)) is not None:
        return len(fine) == 10 and fine[4] == "-" and week[0].isoformat() <= fine <= week[1].isoformat()
    if (week := week_days(fine)) is not None:
        return all(day.isoformat().startswith(coarse + "-") for day in week)
    return None


def contains(coarse: IsoDate, fine: IsoDate) -> bool:
    """True when ``fine`` lies inside ``coarse`` ("2022-09" contains "2022-09-12" and itself; the
    season "2022-FA" contains "2022-10" and its days; the week "2023-W23" contains 2023-06-05 to
    2023-06-11, and "2023-06" contains it)."""
    if fine == coarse or fine.startswith(coarse + "-"):
        return True
    if (weekly := _in_week(coarse, fine)) is not None:
        return weekly
    season = _SEASON.match(coarse)
    if season is None or len(fine) < 7 or not fine[:4].isdigit() or not fine[5:7].isdigit():
        return False
    year, months = int(season.group(1)), _SEASON_MONTHS[season.group(2)]
    return 12 * (int(fine[:4]) - year) + int(fine[5:7]) in months


def dates_compatible(a: IsoDate | None, b: IsoDate | None) -> bool:
    """Equal dates, or one a coarser period containing the other; an unknown date fits anything."""
    if a is None or b is None:
        return True
    return contains(a, b) or contains(b, a)


def date_sort_key(date: IsoDate | None) -> tuple[int, str]:
    """Finer dates first, a coarser period after the finer dates it contains, None last."""
    if date is None:
        return (1, "")
    return (0, date + "-\uffff" if len(date) < 10 else date)


def summarize(
    mentions: Sequence[Mention],
    derived: Collection[DocumentId],
    min_words: int = 8,
    max_words: int = 40,
) -> str:
    """The best sentence to stand for an event, without its dateline.

    Preference, in order: from an independent (non-derived) report, a whole sentence rather than one
    of two happenings it tells (``Mention.clause``), 8-40 words long, reported or confirmed rather
    than claimed, dated from its own text rather than by publication (and to a day rather than a month),
    earliest in its report.
    """
    if not mentions:
        return ""

    def rank(m: Mention) -> tuple[bool, bool, bool, int, bool, int, int, str]:
        words = len(strip_dateline(m.text).split())
        return (
            m.document in derived,
            m.clause is not None,
            not min_words <= words <= max_words,
            _STATUS_RANK.get(m.status, 2),
            m.date_fallback or m.date is None,
            -len(m.date or ""),
            m.sentence,
            m.document,
        )

    return strip_dateline(min(mentions, key=rank).text)


def order_events(events: Sequence[Event]) -> tuple[TimelineEntry, ...]:
    """Timeline entries for events, ordered by date (see ``date_sort_key``), then by id."""
    ordered = sorted(events, key=lambda e: (date_sort_key(e.date), e.id))
    return tuple(TimelineEntry(date=e.date, event=e.id, summary=e.summary) for e in ordered)


Point = TypeVar("Point")


def latest_of(
    points: Sequence[Point], firm: Callable[[Point], bool], date: Callable[[Point], str | None]
) -> Point | None:
    """The point of a figure series with the latest date, the later in the list on a tie: undated points
    only when all are, and points that are not ``firm`` (projected or suspected) only when all are; None
    for no points. One rule for "what we know" (``summary``, records) and the reports (``markdown``, dicts)."""
    kept = [p for p in points if firm(p)] or list(points)
    dated = [p for p in kept if date(p)]
    if dated:
        return max(reversed(dated), key=lambda p: date(p) or "")
    return kept[-1] if kept else None
