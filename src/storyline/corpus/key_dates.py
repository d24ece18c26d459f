"""The ``timeline`` corpus stage: the story's key dates, ranked and filled by the Timeline17 method.

The same ranking and sentence scorer as ``storyline timeline`` (``storyline.corpus.tls``), with the
number of dates chosen by the data:
  1. date the sentences: each sentence of a dated report, with the days its own time expressions
     name and its event date when the text (not the publication date) gives that day; copies and
     excerpts of another report are left out, so that a syndicated story does not vote twice;
  2. rank the dates with the TLS date score; a date can be key when ``min_date_mentions`` sentences of
     the story's independent reports name it by their own time expression (its own evidence: a one-off
     mention is cut, and a day a sentence only carries from the one before is not counted again, nor a
     day after the sentence's report, which it foretells: "the storm is expected to become a hurricane
     on Tuesday"), and the best ``max_dates`` of those are, filled up to ``min_dates`` with the next
     best dates when too few pass. The cut reads no other date's score: a share of the best score, as
     before, dropped a real date when another date's score grew (a same-speaker statement carrying the
     busiest day's date). Only the cap compares dates, and only by rank: a date leaves it only when
     another overtakes it;
  3. score each key date's TLS candidates with the fitted sentence weights, keep only mentions of an
     event of that very day that do not open on a pronoun, from a report of that day or later (an
     earlier one foretold it), the best one per event; take the best, then up to
     ``sentences_per_date - 1`` more of events reported by ``extra_sources`` independent outlets,
     with TLS's redundancy check across dates.
Each entry keeps its sentences' events, so it links back to the event list and its sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from storyline.config import Config, TimelineConfig
from storyline.corpus.lineage import count_independent, origin_map
from storyline.corpus.timeline import opens_on_pronoun
from storyline.corpus.tls import DatedSentence, TlsSettings, TopicSpace, date_scores, day_candidates, select
from storyline.doc.dateline import strip_dateline
from storyline.pipeline import Stage
from storyline.records import (
    Document,
    DocumentId,
    Event,
    EventId,
    Sentence,
    Story,
    TimeExpression,
    TimelineEntry,
    TimelineSentence,
)
from storyline.time.iso_dates import day_of

SentenceKey = tuple[DocumentId, int]

_NOT_INDEPENDENT = ("duplicate", "excerpt")  # a rewrite may add sentences of its own, so it stays


@dataclass(frozen=True)
class KeyDate:
    day: date
    score: float


def _named_times(sentence: Sentence) -> tuple[list[TimeExpression], int]:
    """The sentence's own time expressions that name a day (a dateline's date is not one), and
    where its text starts after the dateline."""
    plain = strip_dateline(sentence.text)
    body = sentence.start + len(sentence.text) - len(plain)
    return [t for t in sentence.times if t.start >= body and day_of(t.date, coarse=None) is not None], body


def dated_sentence(doc: Document, sentence: Sentence, published: date) -> DatedSentence:
    """A story sentence as TLS reads it: its own day mentions (offsets from the sentence start),
    and its event date when the text gave that day."""
    own_times, body = _named_times(sentence)
    days = [d for t in own_times if (d := day_of(t.date, coarse=None)) is not None]
    starts = [t.start - body for t in own_times]
    own = None if sentence.event_date_fallback else day_of(sentence.event_date, coarse=None)
    if own is not None:
        days.append(own)
    return DatedSentence(
        text=sentence.text,
        plain=strip_dateline(sentence.text),
        article=doc.id,
        published=published,
        position=sentence.index,
        mentions=tuple(dict.fromkeys(days)),
        first_mention=max(min(starts), 0) if starts else -1,
    )


def _independent(story: Story) -> Iterator[tuple[Document, date]]:
    """The story's dated reports that are not copies or excerpts of another, with their day."""
    copies = {d.document for d in story.derivations if d.relation in _NOT_INDEPENDENT}
    for doc in story.documents:
        published = day_of(doc.published, coarse=None)
        if published is not None and doc.id not in copies:
            yield doc, published


def story_sentences(story: Story) -> list[DatedSentence]:
    """Every sentence of the story's dated, independent reports (stage 1)."""
    return [dated_sentence(doc, s, day) for doc, day in _independent(story) for s in doc.sentences if s.text.strip()]


def named_days(story: Story) -> Counter[date]:
    """For each day, the sentences of the story's dated, independent reports that name it in their
    own words (stage 2's evidence). A day a sentence only carries from the one before ("The ministry
    said ..." after "... said on Saturday") is that one time expression again, so it does not count;
    nor does a day after the report's, which the sentence foretells."""
    named: Counter[date] = Counter()
    for doc, published in _independent(story):
        for s in doc.sentences:
            named.update(
                {d for t in _named_times(s)[0] if (d := day_of(t.date, coarse=None)) is not None and d <= published}
            )
    return named


def key_dates(
    sentences: Sequence[DatedSentence], named: Mapping[date, int], config: TimelineConfig, settings: TlsSettings
) -> list[KeyDate]:
    """The dates that ``min_date_mentions`` sentences name (``named``, by ``named_days``), at most
    ``max_dates`` and at least ``min_dates`` of them, best TLS score first (stage 2)."""
    scores = date_scores(sentences, sentences, None, None, settings)
    ranked = [KeyDate(day, score) for day, score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]
    chosen = [k for k in ranked if named.get(k.day, 0) >= config.min_date_mentions][: config.max_dates]
    if len(chosen) < config.min_dates:
        fill = [k for k in ranked if k not in chosen][: config.min_dates - len(chosen)]
        chosen = sorted(chosen + fill, key=lambda k: (-k.score, k.day))
    return chosen


def mention_index(events: Sequence[Event]) -> dict[SentenceKey, Event]:
    """The event each mentioned sentence belongs to; a sentence of two dated clauses (``Mention.clause``)
    belongs to its first clause's event, which has the sentence's own date."""
    index: dict[SentenceKey, Event] = {}
    for e in events:
        for m in e.mentions:
            if not m.clause:  # the whole sentence (None) or its first clause (0)
                index[(m.document, m.sentence)] = e
            else:
                index.setdefault((m.document, m.sentence), e)
    return index


def pick_sentences(
    sentences: Sequence[DatedSentence],
    days: Sequence[KeyDate],
    events: Mapping[SentenceKey, Event],
    per_date: int,
    extra_sources: int,
    settings: TlsSettings,
) -> dict[date, list[DatedSentence]]:
    """Each key date's sentences, by the TLS sentence scorer, one per event at most (stage 3): the
    best, then up to ``per_date - 1`` more of events that ``extra_sources`` outlets report."""
    if not sentences:
        return {}
    topic = TopicSpace.of(sentences)
    chosen: list[object] = []
    picked: dict[date, list[DatedSentence]] = {}
    for key in sorted(days, key=lambda k: k.day):
        candidates = [s for s in day_candidates(key.day, sentences, settings) if _fits(s, key.day, events)]
        if not candidates:
            continue
        rows, scores = topic.scored(key.day, candidates, None, settings)
        best = _best_per_event(candidates, scores, events)
        found = select([candidates[i] for i in best], rows[best], scores[best], 1, chosen, settings.redundancy)
        more = [i for i in best if _sources(candidates[i], events) >= extra_sources and candidates[i] not in found]
        if found and more and per_date > 1:
            found += select(
                [candidates[i] for i in more], rows[more], scores[more], per_date - 1, chosen, settings.redundancy
            )
        if found:
            picked[key.day] = found
    return picked


def _sources(s: DatedSentence, events: Mapping[SentenceKey, Event]) -> int:
    return events[(s.article, s.position)].independent_sources


def _fits(s: DatedSentence, day: date, events: Mapping[SentenceKey, Event]) -> bool:
    """A mention of an event of that very day, in a report of that day or later, that reads on its own."""
    event = events.get((s.article, s.position))
    return event is not None and event.date == day.isoformat() and s.published >= day and not opens_on_pronoun(s.plain)


def _best_per_event(
    candidates: Sequence[DatedSentence], scores: np.ndarray, events: Mapping[SentenceKey, Event]
) -> list[int]:
    """Indexes of the best-scored candidate of each event, in candidate order."""
    best: dict[EventId, int] = {}
    for i, s in enumerate(candidates):
        eid = events[(s.article, s.position)].id
        if eid not in best or scores[i] > scores[best[eid]]:
            best[eid] = i
    return sorted(best.values())


def timeline_entries(story: Story, config: Config) -> tuple[TimelineEntry, ...]:
    """The story's key dates in date order, each with its picked sentences and their events."""
    settings = TlsSettings()
    sentences = story_sentences(story)
    days = key_dates(sentences, named_days(story), config.timeline, settings)
    events = mention_index(story.events)
    timeline = config.timeline
    picked = pick_sentences(sentences, days, events, timeline.sentences_per_date, timeline.extra_sources, settings)
    scores = {k.day: k.score for k in days}
    return tuple(_entry(story, day, picked[day], events, scores[day]) for day in sorted(picked))


def _entry(
    story: Story, day: date, found: Sequence[DatedSentence], events: Mapping[SentenceKey, Event], score: float
) -> TimelineEntry:
    linked = [events[(s.article, s.position)] for s in found]
    lines = tuple(
        TimelineSentence(
            document=m.document,
            sentence=m.sentence,
            text=strip_dateline(m.text),
            event=e.id,
            status=m.status,
            attributed_to=m.attributed_to,
        )
        for s, e in zip(found, linked, strict=True)
        for m in e.mentions
        if (m.document, m.sentence) == (s.article, s.position)
    )
    documents = {d.id: d for d in story.documents}
    mentions = [m for e in linked for m in e.mentions]
    return TimelineEntry(
        date=day.isoformat(),
        event=linked[0].id,
        summary=lines[0].text,
        sentences=lines,
        events=tuple(dict.fromkeys(e.id for e in linked)),
        sources=tuple(sorted({src for m in mentions if (d := documents.get(m.document)) and (src := d.source)})),
        independent_sources=count_independent(mentions, origin_map(story.derivations), documents),
        score=round(score, 4),
    )


def build(config: Config) -> Stage[Story]:
    """The ``timeline`` corpus stage: the story's key dates (see the module docstring)."""

    def timeline(story: Story) -> Story:
        return replace(story, timeline=timeline_entries(story, config))

    return Stage(name="timeline", func=timeline, requires=("events",), provides=("timeline",))
