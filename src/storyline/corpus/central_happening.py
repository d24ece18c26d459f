"""The story's central happening, which "what we know" opens on (``summary``), and whether a line tells the
story's subject (``tells_subject``).

The central happening is the one event that more independent sources date in their own words than any
other, at least two. A source counts for it only when it tells the happening as part of the story's
subject: its mention, or its report's headline, names the subject words (``subject_words``), so a bill
that also funds the pandemic, or a cup final in the outbreak's city, is not the pandemic's happening. And
the happening must lie within the reporting window, from ``lead_days`` before the first report to the
last: the 1968 pandemic that many reports recall as background is not what this story is about. A
happening whose doer is disputed counts its backers too (``disputed_happenings``), within the window.
And a happening the events stage split in two or more events of one day, whose own lines
repeat each other ("The health agency declared an epidemic on Thursday ..." told with and without the
agency's acronym, as a report and as a claim), counts the sources of all of them, for the one of them
with the most (``told_together``): split, the story's biggest happening ties with a lesser one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from storyline.corpus.lineage import count_independent, origin_map
from storyline.corpus.subject_words import headline, headline_words, names_subject
from storyline.corpus.timeline import strip_dateline
from storyline.records import Document, DocumentId, Event, EventId, IsoDate, Mention, Story
from storyline.time.iso_dates import Window, day_of, period
from storyline.time.ranges import single_days

_OFFSET = re.compile(r"\bago\b", re.IGNORECASE)  # "two weeks ago": a day counted back, not named
_TIME_WORDS = frozenset({"today", "yesterday", "tonight", "earlier", "later", "week", "month", "year", "day"})
PARAPHRASE = 0.7  # the share of a line's words another must hold to tell one happening: a close paraphrase
MIN_LINE_WORDS = 5  # a shorter line ("India reported its first victim") repeats too many others by chance


def reporting_window(documents: Sequence[Document], lead_days: int) -> Window | None:
    """From ``lead_days`` before the first report's publication day to the last report's; None when no
    report is dated."""
    days = [d for doc in documents if (d := day_of(doc.published, coarse=None)) is not None]
    if not days:
        return None
    return min(days) - timedelta(days=lead_days), max(days)


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


def subject_backers(
    story: Story,
    subject: frozenset[str],
    window: Window | None,
    share: float | None = None,
    to_the_day: bool = False,
    own: Mapping[EventId, Sequence[Mention]] | None = None,
) -> dict[EventId, int]:
    """Per event, the independent sources that date it in their own words and tell it as part of the
    story's subject (``tells_subject``); 0 for an event outside the reporting window. With ``share``,
    events that tell one happening (``told_together``) count their sources together. With ``to_the_day``,
    only sources whose own words give the event's date itself count ("in April" or "two months ago" backs
    no day). ``own`` is ``own_dated``'s result for these arguments when the caller has it already."""
    documents = {d.id: d for d in story.documents}
    roots = origin_map(story.derivations)
    own = own if own is not None else own_dated(story, subject, window, to_the_day)
    backers = {eid: count_independent(mentions, roots, documents) for eid, mentions in own.items()}
    if share is None:
        return backers
    for group in told_together([e for e in story.events if own[e.id]], own, subject, share):
        together = count_independent([m for e in group for m in own[e.id]], roots, documents)
        head = max(group, key=lambda e: backers[e.id])  # first of the most: events keep the story's order
        for event in group:  # the others rank below it: one happening is not two tied ones
            backers[event.id] = together if event is head else min(backers[event.id], together - 1)
    return backers


def own_dated(
    story: Story, subject: frozenset[str], window: Window | None, to_the_day: bool = False
) -> dict[EventId, list[Mention]]:
    """Per event, its mentions dated in their own words (to the event's date itself with ``to_the_day``)
    that tell the story's subject; none for an event outside the reporting window."""
    documents = {d.id: d for d in story.documents}
    own: dict[EventId, list[Mention]] = {}
    for event in story.events:
        dated = [
            m
            for m in event.mentions
            if not m.date_fallback and (not to_the_day or m.date == event.date) and tells_subject(m, documents, subject)
        ]
        own[event.id] = dated if in_window(event.date, window) else []
    return own


def named_day(story: Story, own: Mapping[EventId, Sequence[Mention]]) -> dict[EventId, list[Mention]]:
    """Per event dated to a day, its mentions on the story's subject whose own sentence names that day ("on
    Tuesday", "April 20", "yesterday"): a line dated by an earlier sentence, "two weeks ago" (a day computed
    back from the report's), "in April" or an end of a range of days ("taken April 21-27", "since April 20":
    ``in_a_range``) names none. ``own`` is ``own_dated``'s, to the day."""
    documents = {d.id: d for d in story.documents}
    named: dict[EventId, list[Mention]] = {}
    for event in story.events:
        if event.date is None or day_of(event.date, coarse=None) is None:
            continue
        named[event.id] = [m for m in own[event.id] if _names_day(m, documents, event.date)]
    return named


def _names_day(mention: Mention, documents: Mapping[DocumentId, Document], day: IsoDate) -> bool:
    doc = documents.get(mention.document)
    if doc is None or mention.sentence >= len(doc.sentences):
        return False
    sentence = doc.sentences[mention.sentence]
    times = [t for t in sentence.times if t.date == day and _OFFSET.search(t.text) is None]
    return bool(times) and bool(single_days(times, sentence.text, sentence.start))


def day_backers(story: Story, named: Mapping[EventId, Sequence[Mention]]) -> dict[date, int]:
    """Per day, the independent sources that name it in their own words for something on the story's subject
    (``named_day``), across all the events of the day: a happening the events stage splits into one-source
    events ("flames swept into the town late Tuesday", "the fire tore through the town late Tuesday") is
    backed by all of them, while copies of one report count once."""
    documents = {d.id: d for d in story.documents}
    roots = origin_map(story.derivations)
    by_day: dict[date, list[Mention]] = {}
    for event in story.events:
        span = period(event.date) if named.get(event.id) else None
        if span is not None:
            by_day.setdefault(span[0], []).extend(named[event.id])
    return {day: count_independent(mentions, roots, documents) for day, mentions in by_day.items()}


def told_together(
    events: Sequence[Event], own: Mapping[EventId, Sequence[Mention]], subject: frozenset[str], share: float
) -> list[list[Event]]:
    """Groups of two or more events that tell one happening: linked, pair by pair, when both are dated to
    one day (a month or a year holds too many happenings: a line dated "earlier this month" would join
    them all), both dated in some source's own words and telling the story's subject (``own``), and the
    line that sums one up (its summary) repeats the other's: at
    least ``share`` of each line's content words, the story's subject words, time words and its speaker's
    name left out, are in the other; a line of fewer than ``MIN_LINE_WORDS`` such words links
    nothing. Events of one day that tell different things stay apart."""
    words = {e.id: [w for m in _summing_up(e) if len(w := _line_words(m, subject)) >= MIN_LINE_WORDS] for e in events}
    parent = {e.id: e.id for e in events}

    def root(eid: EventId) -> EventId:
        while parent[eid] != eid:
            parent[eid] = parent[parent[eid]]
            eid = parent[eid]
        return eid

    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            one_day = a.date is not None and a.date == b.date and day_of(a.date, coarse=None) is not None
            if one_day and any(_repeats(x, y, share) for x in words[a.id] for y in words[b.id]):
                parent[root(b.id)] = root(a.id)
    groups: dict[EventId, list[Event]] = {}
    for event in events:
        groups.setdefault(root(event.id), []).append(event)
    return [g for g in groups.values() if len(g) > 1]


def _summing_up(event: Event) -> list[Mention]:
    """The event's lines that sum it up (its summary's): an event that holds a line of another happening
    ("the ministry described the withdrawal as regrouping" in a report of the advance) is not joined by it."""
    return [m for m in event.mentions if strip_dateline(m.text) == event.summary][:1]


def _line_words(mention: Mention, subject: frozenset[str]) -> frozenset[str]:
    """The content words a line is compared by: no subject words, no time words ("today"), and none of its
    speaker's name ("Governor Dana Roe said on Monday ..." tells many things that day)."""
    speaker = headline_words(mention.attributed_to or "")
    return headline_words(strip_dateline(mention.text)) - subject - _TIME_WORDS - speaker


def _repeats(a: frozenset[str], b: frozenset[str], share: float) -> bool:
    """At least ``share`` of the shorter word set is in the other."""
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) / shorter >= share


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
