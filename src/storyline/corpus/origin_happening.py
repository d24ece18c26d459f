"""How the story began, for "what we know" (``summary``): its origin, the earliest well-backed happening, and its
turning point, the most backed happening between the origin and the central one.

A desk's "what we know so far" tells how a story began, not only its central happening and latest lines. The
origin day is the earliest day that at least ``min_sources`` independent sources give in their own words for
something they tell as part of the story's subject (``day_backers``), counted across the day's events, since the
events stage may split one happening into several one-source events (one report's "flames swept into the town",
another's "the fire tore through the town"); copies of one report count once. A single early report (a rumour)
is not enough, nor are the undated background lines of many reports, nor "since the spill began two months ago",
"two weeks ago", "in April" or the ends of a range ("samples taken April 21-27", "before the evening of April 23"),
which name no day something happened on. Of that day's happenings, and those of the ``span_days`` after
it that more sources back on their own than back the whole first day, the one with the most backers (then told
by the most reports) is the origin: the first report of a case and the outbreak's identification the next day
are one beginning, told best by the better backed line. That earliest day belongs to the central
happening's run of coverage: going back from the central day, backed days at most ``gap_days`` apart; a report weeks
before the rest is background.
It must lie within the reporting window, from ``lead_days`` before the first report: an incident of years before
that reports recall for comparison (a pandemic of 1968, a spill of 1989) is background, as ``figure_past`` reads
their figures. It lies before the central happening's day, which, when it is the earliest, is the origin itself.

The turning point (escalation) is the best backed happening (ranked as the origin's) of the days strictly between
the origin's day and the central happening's that at least ``escalation_min_sources`` back, counted per day as
for the origin: an alert raised, a city taken.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from storyline.records import Event, EventId
from storyline.time.iso_dates import day_of


def event_day(event: Event) -> date | None:
    """The day an event is dated to, None when it is undated or dated only to a month, a season or a year: an
    origin is a day the reports name."""
    return day_of(event.date, coarse=None)


def origin_events(
    events: Sequence[Event],
    backers: Mapping[EventId, int],
    central: Event | None,
    min_sources: int,
    span_days: int,
    gap_days: int | None = None,
    days: Mapping[date, int] | None = None,
) -> list[Event]:
    """Candidates for the origin, the best first (see the module docstring): the happenings of the earliest
    backed day (``backed_happenings``) and those of the ``span_days`` after it that more sources back on their
    own than the whole first day (and at least ``min_sources``), by backers, then by the independent sources
    that tell them, then by day; [] when no day before the central happening's has ``min_sources`` backers.
    ``backers`` counts, per event, the sources that date it in their own words, on the story's subject, within
    the window (``subject_backers``); ``days`` counts them per day across the day's events (``day_backers``),
    so that a happening split into one-source events backs its day; without it a day is backed by its best
    backed event. With ``gap_days``, the earliest backed day is that of the central happening's run of
    coverage (``coverage_start``)."""
    days = days if days is not None else best_backed(events, backers)
    end = event_day(central) if central is not None else None
    happenings = backed_happenings(events, backers, days, min_sources, None, end)
    backed = [(day, e) for day, e in happenings if e is not central]
    if not backed:
        return []
    backed_days = [day for day, _ in backed]
    first = min(backed_days) if gap_days is None else coverage_start(backed_days, end, gap_days)
    early = [  # the first day's happenings, and those of the days after it better backed than the whole first day
        (day, e)
        for day, e in backed
        if day == first or (0 < (day - first).days <= span_days and backers[e.id] > max(days[first], min_sources - 1))
    ]
    return [e for _, e in sorted(early, key=lambda pair: _rank(pair, backers))]


def backed_happenings(
    events: Sequence[Event],
    backers: Mapping[EventId, int],
    days: Mapping[date, int],
    min_sources: int,
    after: date | None,
    before: date | None,
) -> list[tuple[date, Event]]:
    """(day, event) for the events with a backer of their own whose day ``min_sources`` back (``days``: per
    day, across its events) and lies strictly between ``after`` and ``before`` (either open when None): the
    days an origin or a turning point may be told on, with their happenings."""
    return [
        (day, e)
        for e in events
        if backers.get(e.id, 0) >= 1
        and (day := event_day(e)) is not None
        and days.get(day, 0) >= min_sources
        and (after is None or after < day)
        and (before is None or day < before)
    ]


def best_backed(events: Sequence[Event], backers: Mapping[EventId, int]) -> dict[date, int]:
    """Per day, the backers of its best backed event: a day's backing when sources are counted per event."""
    best: dict[date, int] = {}
    for event in events:
        if (day := event_day(event)) is not None:
            best[day] = max(best.get(day, 0), backers.get(event.id, 0))
    return best


def coverage_start(days: Sequence[date], end: date | None, gap_days: int) -> date:
    """The first backed day of the run of coverage that leads to ``end`` (the central happening's day, else the
    last backed day): going back from it, backed days follow each other at most ``gap_days`` apart. A report
    weeks before the rest (a piece on last season's flu ahead of a new strain's outbreak) is background."""
    ordered = sorted(set(days), reverse=True)
    start = ordered[0] if end is None else end
    for day in ordered:
        if (start - day).days > gap_days:
            break
        start = day
    return start


def _rank(pair: tuple[date, Event], backers: Mapping[EventId, int]) -> tuple[int, int, date]:
    """More backers first, then more independent sources (the happening more reports tell), then earlier."""
    day, event = pair
    return -backers[event.id], -event.independent_sources, day


def escalation_events(
    events: Sequence[Event],
    backers: Mapping[EventId, int],
    origin: Event | None,
    central: Event | None,
    min_sources: int,
    days: Mapping[date, int] | None = None,
) -> list[Event]:
    """Candidates for the turning point, the best first: the happenings of the days strictly between the
    origin's and the central happening's that at least ``min_sources`` back, counted per day as for the origin
    (``backed_happenings``; without ``days``, by each day's best backed event), ranked as the origin's are: by
    their own backers, then by the independent sources that tell them, then the earlier first (the later is
    often the run-up the central line already tells); [] without an origin or a central happening. A day's
    count says how much was reported that day (a war's every day has many lines), not which happening turned
    the story, so it only admits a day."""
    start = event_day(origin) if origin is not None else None
    end = event_day(central) if central is not None else None
    if start is None or end is None:
        return []
    days = days if days is not None else best_backed(events, backers)
    between = backed_happenings(events, backers, days, min_sources, start, end)
    return [e for _, e in sorted(between, key=lambda pair: _rank(pair, backers))]
