"""The story's central happening, which "what we know" opens on (``summary``), and whether a line tells the
story's subject (``tells_subject``).

The central happening is the one event that more independent sources date in their own words than any
other, at least two. A source counts for it only when it tells the happening as part of the story's
subject: its mention, or its report's headline, names the subject words (``subject_words``), so a bill
that also funds the pandemic, or a cup final in the outbreak's city, is not the pandemic's happening. And
the happening must lie within the reporting window, from ``lead_days`` before the first report to the
last: the 1968 pandemic that many reports recall as background is not what this story is about. A
happening whose doer is disputed counts its backers too (``disputed_happenings``), within the window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from storyline.corpus.lineage import count_independent, origin_map
from storyline.corpus.subject_words import headline, names_subject
from storyline.records import Document, DocumentId, Event, EventId, IsoDate, Mention, Story

Window = tuple[date, date]

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def reporting_window(documents: Sequence[Document], lead_days: int) -> Window | None:
    """From ``lead_days`` before the first report's publication day to the last report's; None when no
    report is dated."""
    days = [d for doc in documents if doc.published and (d := _day(doc.published[:10])) is not None]
    if not days:
        return None
    return min(days) - timedelta(days=lead_days), max(days)


def period(when: IsoDate | None) -> Window | None:
    """The first and last day of a date: a day, a month, or a year (a season or a week of a year counts as
    its year); None when undated or unreadable."""
    found = _PERIOD.match(when or "")
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        if day is not None:
            one = date(int(year), int(month), int(day))
            return one, one
        if month is not None:
            first = date(int(year), int(month), 1)
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None


def in_window(when: IsoDate | None, window: Window | None) -> bool:
    """The date's period overlaps the window; with no window (no dated report), any dated happening is in it."""
    span = period(when)
    if span is None:
        return False
    return window is None or (span[0] <= window[1] and span[1] >= window[0])


def tells_subject(mention: Mention, documents: Mapping[DocumentId, Document], subject: frozenset[str]) -> bool:
    """The mention, or its report's headline, names the story's subject; with no subject words, every
    mention does."""
    if not subject or names_subject(mention.text, subject):
        return True
    doc = documents.get(mention.document)
    return doc is not None and names_subject(headline(doc), subject)


def subject_backers(story: Story, subject: frozenset[str], window: Window | None) -> dict[EventId, int]:
    """Per event, the independent sources that date it in their own words and tell it as part of the
    story's subject (``tells_subject``); 0 for an event outside the reporting window."""
    documents = {d.id: d for d in story.documents}
    roots = origin_map(story.derivations)
    backers: dict[EventId, int] = {}
    for event in story.events:
        own = [m for m in event.mentions if not m.date_fallback and tells_subject(m, documents, subject)]
        backers[event.id] = count_independent(own, roots, documents) if in_window(event.date, window) else 0
    return backers


def central_event(
    events: Sequence[Event], backing: Mapping[EventId, int] | None = None, dated: Mapping[EventId, int] | None = None
) -> Event | None:
    """The story's central happening: the one event that more independent sources report than any
    other, at least two, counting for an event in ``backing`` its backers instead; None when no event
    stands out. With ``dated`` (per event, the sources that may count: ``subject_backers``), those
    sources count, and an event with none is never central: undated lines of many reports are the
    story's background ("the virus has killed up to 60 in Mexico"), not its happening."""
    count = {e.id: _backers(e, backing or {}, dated) for e in events}
    ranked = sorted(events, key=lambda e: -count[e.id])
    if not ranked or count[ranked[0].id] < 2:
        return None
    if len(ranked) > 1 and count[ranked[1].id] == count[ranked[0].id]:
        return None
    return ranked[0]


def _backers(event: Event, backing: Mapping[EventId, int], dated: Mapping[EventId, int] | None) -> int:
    """The sources ``central_event`` counts for an event."""
    if dated is not None and not dated.get(event.id):
        return 0
    if event.id in backing:
        return backing[event.id]
    return dated[event.id] if dated is not None else event.independent_sources


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
