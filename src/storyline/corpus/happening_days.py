"""The ``happening_days`` corpus stage: "on the day it failed" takes the day the other reports give the happening.

The time stage reads "the day" before a clause of what happened ("the day it failed", "the day that
the vote was held") as the day of a happening the report told before, and leaves it unresolved when
its report named no day (``time/anaphora.THE_DAY_RULE``); such a sentence then falls back to its
report's publication date. Across the story the happening often has a day of its own. This stage,
after events:

  1. finds the mentions dated by publication (or not at all) whose sentence holds such an unresolved
     "the day" and reads its clause; a subject pronoun ("it", "they") stands for the last "the ..."
     phrase before "the day" in the sentence ("in the area of the dam ... on the day it failed": "the
     dam failed");
  2. compares that happening with the mentions of every other event dated to a day by its own words,
     no later than the report: a mention must share a content word with it, then the closer by
     MiniLM the better (``happening_days.min_cosine``);
  3. gives the mention the closest event's day only when every event of another day is at least
     ``happening_days.margin`` less similar; the mention keeps in ``Mention.date_from_event`` the id of
     the event of that day, within the margin, that reports the happening plainly (not a claim or a
     denial of who did it) from the most independent sources, and its event is dated again from its
     mentions.

Otherwise the mention keeps its fallback date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.config import Config, HappeningDaysConfig
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.corpus.event_records import event_date
from storyline.corpus.timeline import date_sort_key, strip_dateline
from storyline.pipeline import Stage
from storyline.records import Document, DocumentId, Event, EventId, IsoDate, Mention, Sentence, Story
from storyline.time.iso_dates import day_of
from storyline.time.resolve import UNRESOLVED_DAY

MentionKey = tuple[DocumentId, int]
PLAIN = frozenset({"reported", "confirmed"})

# The clause after "the day": "it failed", "that the vote was held", "when the storm hit".
_CLAUSE = re.compile(r"\s+(?:(?:that|when)\s+)?(?P<clause>[^,;:.!?()\"“”]+)", re.I)
_PRONOUN = re.compile(r"^(?:it|they|he|she)\b", re.I)
# "the dam", "the Alder dam", "the old bridge", "the Kessel Bridge" (not "the Kessel Bridge cracked": a
# lower-case word in -ed after a name is its verb): what a pronoun in the clause most likely stands for.
_THE_PHRASE = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w'’-]*\s+)*(?:(?!\w{3,}ed\b)[a-z][\w'’-]*|[A-Z][\w'’-]*))")
_WORD = re.compile(r"[a-z][a-z'’-]+")
_TIME_WORDS = frozenset(["day", "night", "morning", "evening", "afternoon", "time", "week", "month", "year", "hour"])


@dataclass(frozen=True)
class Happening:
    """An unresolved "the day ..." of a mention: the mention, what happened on that day (the
    clause, its pronoun replaced) and the latest day it can be (its report's publication)."""

    key: MentionKey
    text: str
    words: frozenset[str]
    latest: IsoDate | None


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a text, without stop words and time words."""
    words = (w for w in _WORD.findall(text.lower()))
    return frozenset(w for w in words if w not in ENGLISH_STOP_WORDS and w not in _TIME_WORDS)


def the_day_clause(text: str, start: int, end: int) -> str | None:
    """What happened on "the day" at ``text[start:end]``: its clause, with a subject pronoun
    replaced by the last "the ..." phrase before it; None when no clause follows."""
    if text[start:end].strip().lower() != "the day":
        return None
    m = _CLAUSE.match(text, end)
    if m is None:
        return None
    clause = m.group("clause").strip()
    if _PRONOUN.match(clause):
        phrases = [p for p in _THE_PHRASE.findall(text[:start]) if p.split()[-1].lower() not in _TIME_WORDS]
        if phrases:
            clause = _PRONOUN.sub(f"the {phrases[-1]}", clause, count=1)
    return clause


def unresolved_happening(doc: Document, sentence: Sentence) -> Happening | None:
    """The happening of the sentence's unresolved "the day ...", when the sentence has no date of its own."""
    if sentence.event_date is not None and not sentence.event_date_fallback:
        return None
    for t in sentence.times:
        if t.value != UNRESOLVED_DAY:
            continue
        clause = the_day_clause(doc.text, t.start, t.end)
        if clause and content_words(clause):
            return Happening((doc.id, sentence.index), clause, content_words(clause), doc.published)
    return None


def own_day(mention: Mention) -> IsoDate | None:
    """The mention's day when its own words date it to one."""
    day = None if mention.date_fallback else mention.date
    return day if day_of(day, coarse=None) is not None else None


@dataclass(frozen=True)
class DatedMention:
    """A mention dated to a day by its own words, with its event and content words."""

    event: Event
    mention: Mention
    day: IsoDate
    words: frozenset[str]


def dated_mentions(events: Sequence[Event]) -> list[DatedMention]:
    """Every mention of the story dated to a day by its own words, read once for all happenings."""
    return [
        DatedMention(e, m, day, content_words(strip_dateline(m.text)))
        for e in events
        for m in e.mentions
        if (day := own_day(m)) is not None
    ]


def candidate_mentions(
    happening: Happening, dated: Sequence[DatedMention], held_by: Mapping[MentionKey, EventId]
) -> list[DatedMention]:
    """The dated mentions of other events, no later than the report, that share a content word with
    the happening."""
    own = held_by.get(happening.key)
    latest = happening.latest[:10] if happening.latest else None
    return [d for d in dated if d.event.id != own and (latest is None or d.day <= latest) and happening.words & d.words]


@dataclass(frozen=True)
class Scored:
    """An event compared with a happening: its closest mention's cosine, and whether one of its
    compared mentions reports the happening plainly (not a claim or a denial)."""

    cosine: float
    event: Event
    plain: bool


def confident_event(scored: Sequence[Scored], config: HappeningDaysConfig) -> tuple[Event, IsoDate] | None:
    """The day of the closest event, when it is close enough (``min_cosine``) and every event of
    another day is at least ``margin`` further; and the event of that day within the margin that
    reports the happening plainly, from the most independent sources. None when not confident."""
    if not scored:
        return None
    top = max(scored, key=lambda s: (s.cosine, s.event.independent_sources))
    day = top.event.date
    if top.cosine < config.min_cosine or day is None:
        return None
    near = [s for s in scored if s.cosine > top.cosine - config.margin]
    if any(s.event.date != day for s in near):
        return None
    best = max(near, key=lambda s: (s.plain, s.event.independent_sources, s.cosine))
    return best.event, day


def date_happenings(story: Story, encoder: Encoder, config: HappeningDaysConfig) -> Story:
    """The story with each unresolved "the day ..." mention dated by the event of its happening."""
    held_by = {(m.document, m.sentence): e.id for e in story.events for m in e.mentions}
    happenings = [
        h
        for doc in story.documents
        for s in doc.sentences
        if (doc.id, s.index) in held_by and (h := unresolved_happening(doc, s)) is not None
    ]
    known = dated_mentions(story.events)
    found = {h.key: candidate_mentions(h, known, held_by) for h in happenings}
    texts = sorted(
        {h.text for h in happenings if found[h.key]}
        | {strip_dateline(d.mention.text) for f in found.values() for d in f}
    )
    rows = {t: i for i, t in enumerate(texts)}
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else np.zeros((0, 0), dtype=np.float32)
    dated: dict[MentionKey, tuple[IsoDate, EventId]] = {}
    for h in happenings:
        if not found[h.key]:
            continue
        query = vectors[rows[h.text]]
        best: dict[EventId, Scored] = {}
        for d in found[h.key]:
            c = float(vectors[rows[strip_dateline(d.mention.text)]] @ query)
            seen = best.get(d.event.id)
            plain = d.mention.status in PLAIN or (seen is not None and seen.plain)
            best[d.event.id] = Scored(max(c, seen.cosine if seen else c), d.event, plain)
        chosen = confident_event(list(best.values()), config)
        if chosen is not None:
            dated[h.key] = (chosen[1], chosen[0].id)
    if not dated:
        return story
    events = tuple(_redated(e, dated) for e in story.events)
    return replace(story, events=tuple(sorted(events, key=lambda e: (date_sort_key(e.date), e.id))))


def _redated(event: Event, dated: Mapping[MentionKey, tuple[IsoDate, EventId]]) -> Event:
    """The event with its mentions of a dated happening given that day, and its date read again."""
    if not any((m.document, m.sentence) in dated for m in event.mentions):
        return event
    mentions = tuple(
        replace(m, date=found[0], date_fallback=False, date_from_event=found[1])
        if (found := dated.get((m.document, m.sentence)))
        else m
        for m in event.mentions
    )
    return replace(event, mentions=mentions, date=event_date(mentions))


def build(config: Config, encoder: Encoder | None = None) -> Stage[Story]:
    """The ``happening_days`` corpus stage; the configured encoder is used when none is given."""
    chosen = encoder if encoder is not None else get_encoder(config)

    def happening_days(story: Story) -> Story:
        if not config.happening_days.enabled:
            return story
        return date_happenings(story, chosen, config.happening_days)

    return Stage(name="happening_days", func=happening_days, requires=("events",), provides=("happening_days",))
