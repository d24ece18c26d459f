"""One event record from the mentions of one happening: its id (from its mentions), its date (the
most specific date the mentions give by their own words), its summary, its independent sources
(origins, never copies) and whether it is contested (a denial of one of its claims)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from storyline.config import EventsConfig
from storyline.corpus import deeds as deed_reading
from storyline.corpus import denial_answers
from storyline.corpus.deeds import ASSERTING
from storyline.corpus.lineage import count_independent, outlet
from storyline.corpus.timeline import summarize
from storyline.records import Document, DocumentId, Event, IsoDate, Mention


def event_id(mentions: Sequence[Mention]) -> str:
    keys = sorted(f"{m.document}:{m.sentence}" + ("" if m.clause is None else f":{m.clause}") for m in mentions)
    return hashlib.sha1("\n".join(keys).encode()).hexdigest()[:16]


def event_date(mentions: Sequence[Mention]) -> IsoDate | None:
    """The most specific explicit date, else the earliest publication date, else None."""
    explicit = [m.date for m in mentions if m.date and not m.date_fallback]
    if explicit:
        return max(explicit, key=lambda d: (len(d), explicit.count(d), [-ord(c) for c in d]))
    fallback = [m.date for m in mentions if m.date]
    return min(fallback) if fallback else None


def is_contested(mentions: Sequence[Mention]) -> bool:
    statuses = {m.status for m in mentions}
    return "denied" in statuses and bool(statuses & ASSERTING)


def make_event(
    mentions: Sequence[Mention],
    roots: Mapping[DocumentId, DocumentId],
    documents: Mapping[DocumentId, Document],
    config: EventsConfig,
    deeds: Mapping[deed_reading.MentionKey, deed_reading.Deed] | None = None,
) -> Event:
    """One event from its mentions; ``roots`` (``origin_map``) and ``documents`` (by id) are the
    story's, made once for all its events. With ``deeds`` (``deeds.story_deeds``), a denial
    contests the event only when it may answer one of its claims."""
    ordered = tuple(sorted(mentions, key=lambda m: (m.document, m.sentence, m.clause or 0)))
    if deeds is None:
        contested = is_contested(ordered)
    else:
        outlets = {m.document: outlet(m.document, documents) for m in ordered}
        contested = denial_answers.is_contested(ordered, deeds, outlets)
    return Event(
        id=event_id(ordered),
        date=event_date(ordered),
        summary=summarize(ordered, roots.keys(), config.min_summary_words, config.max_summary_words),
        mentions=ordered,
        independent_sources=count_independent(ordered, roots, documents),
        contested=contested,
    )
