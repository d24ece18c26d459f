"""Turn a ``Story`` into the versioned story.json shape: typed export records, then a plain dict.

The export records mirror story.json field for field (and in order); the JSON Schema in
``storyline.output.schema`` is generated from them, so the file and its schema cannot drift apart.
Tokens and raw text stay out of the export; the order of documents, events and figures is the
story's own, and everything the exporter assembles itself is sorted, so equal stories give equal files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter

from storyline import SCHEMA_VERSION
from storyline.errors import StorylineError
from storyline.records import Attribution as AttributionRecord
from storyline.records import (
    ContradictionKind,
    Derivation,
    Document,
    DocumentId,
    EventId,
    FigurePoint,
    IsoDate,
    PublishedFrom,
    Qualifier,
    Quantity,
    QuantityKind,
    Relation,
    Sentence,
    SourceName,
    Status,
    Story,
    SummarySlot,
    TimelineEntry,
    TimeType,
)

E060 = (
    "E060: the story has a derivation between '{document}' and '{origin}', but no document '{missing}'. "
    "Run the derivation stage on the same documents as the story, or drop the stale derivation."
)
E061 = (
    "E061: the derivation of '{document}' from '{origin}' names sentence {index} of '{missing}', "
    "which has no such sentence. Re-run the derivation stage after the sentences were split."
)

AttributionKind = Literal["claim", "denial", "hedge", "confirmation"]

MAX_SUMMARY = 5  # "what we know" has at most five sentences
SCORE_DIGITS = 4  # scores come from embeddings; rounding keeps golden files stable across machines


class ExportError(StorylineError):
    """The story cannot be exported because its parts do not refer to each other consistently."""


@dataclass(frozen=True)
class StoryHeader:
    id: str
    title: str


@dataclass(frozen=True)
class DerivedFromExport:
    document: DocumentId
    relation: Relation
    score: float
    note: str | None


@dataclass(frozen=True)
class EntityExport:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class TimeExport:
    start: int
    end: int
    text: str
    type: TimeType
    value: str
    date: IsoDate | None


@dataclass(frozen=True)
class QuantityExport:
    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    unit: str
    raw_unit: str | None
    qualifier: Qualifier | None
    noun: str | None
    kind: QuantityKind
    previous: float | None


@dataclass(frozen=True)
class AttributionExport:
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    speaker: str | None
    kind: AttributionKind
    via: str | None


@dataclass(frozen=True)
class SentenceExport:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    status: Status
    attributed_to: str | None
    status_detail: str | None
    event_date: IsoDate | None
    event_date_fallback: bool
    event_date_anchor: int | None
    entities: tuple[EntityExport, ...]
    times: tuple[TimeExport, ...]
    quantities: tuple[QuantityExport, ...]
    attributions: tuple[AttributionExport, ...]


@dataclass(frozen=True)
class DocumentExport:
    id: DocumentId
    path: str | None
    url: str | None
    source: SourceName | None
    title: str | None
    byline: str | None
    dateline: str | None
    published: IsoDate | None
    published_from: PublishedFrom | None
    published_confidence: float | None
    boilerplate_removed: tuple[str, ...]
    derived_from: tuple[DerivedFromExport, ...]
    adds: tuple[str, ...]
    drops: tuple[str, ...]
    text: str
    sentences: tuple[SentenceExport, ...]


@dataclass(frozen=True)
class MentionExport:
    document: DocumentId
    sentence: int
    text: str
    attributed_to: str | None
    status: Status
    status_detail: str | None
    date: IsoDate | None
    date_fallback: bool
    date_from_event: EventId | None  # the event whose day the mention's "the day ..." took, across reports


@dataclass(frozen=True)
class EventExport:
    id: EventId
    date: IsoDate | None
    summary: str
    independent_sources: int
    sources: tuple[SourceName, ...]
    contested: bool
    mentions: tuple[MentionExport, ...]


@dataclass(frozen=True)
class FigurePointExport:
    date: IsoDate | None
    value: float
    low: float
    high: float
    qualifier: Qualifier | None
    document: DocumentId
    sentence: int
    text: str
    source: SourceName | None
    attributed_to: str | None
    places: tuple[str, ...]
    subject: str | None
    projected: bool = False  # a projection, condition, plan or target, not a measured point
    suspected: bool = False  # a past count told as a possibility ("may have killed 90"), no firm tally


@dataclass(frozen=True)
class FigureSeriesExport:
    measure: str
    unit: str
    points: tuple[FigurePointExport, ...]


@dataclass(frozen=True)
class MentionRefExport:
    document: DocumentId
    sentence: int
    text: str


@dataclass(frozen=True)
class ContradictionExport:
    kind: ContradictionKind
    mentions: tuple[MentionRefExport, ...]
    note: str


@dataclass(frozen=True)
class TimelineSentenceExport:
    document: DocumentId
    sentence: int
    text: str
    event: EventId
    status: Status
    attributed_to: str | None


@dataclass(frozen=True)
class TimelineEntryExport:
    date: IsoDate | None
    event: EventId
    summary: str
    sentences: tuple[TimelineSentenceExport, ...]
    events: tuple[EventId, ...]
    sources: tuple[SourceName, ...]
    independent_sources: int
    score: float


@dataclass(frozen=True)
class SummarySentenceExport:
    text: str
    document: DocumentId
    sentence: int
    event: EventId | None
    date: IsoDate | None
    status: Status
    attributed_to: str | None
    sources: tuple[SourceName, ...]
    independent_sources: int
    contested: bool
    measure: str | None
    slot: SummarySlot | None  # how the story began ("origin"), its turning point ("escalation"), its central happening


@dataclass(frozen=True)
class SkippedExport:
    path: str
    reason: str


@dataclass(frozen=True)
class StoryExport:
    """The whole story.json document."""

    schema_version: str
    story: StoryHeader
    summary: Annotated[tuple[SummarySentenceExport, ...], Field(max_length=MAX_SUMMARY)]
    documents: tuple[DocumentExport, ...]
    events: tuple[EventExport, ...]
    figures: tuple[FigureSeriesExport, ...]
    contradictions: tuple[ContradictionExport, ...]
    timeline: tuple[TimelineEntryExport, ...]
    skipped: tuple[SkippedExport, ...]


@cache
def story_adapter() -> TypeAdapter[StoryExport]:
    """The pydantic adapter for the export records, built once (building it walks every type)."""
    return TypeAdapter(StoryExport)


def story_to_export(story: Story, documents: bool = True) -> StoryExport:
    """The export records for a story; with ``documents=False`` its ``documents`` (most of a story's
    size) are left empty, for callers that compare only events, figures and contradictions."""
    outlets = {doc.id: doc.source for doc in story.documents}
    derived = _derivations_by_document(story)
    docs = {doc.id: doc for doc in story.documents}
    return StoryExport(
        schema_version=SCHEMA_VERSION,
        story=StoryHeader(id=story.id, title=story.title),
        summary=tuple(SummarySentenceExport(**vars(s)) for s in story.summary),
        documents=tuple(_document(docs, doc, derived.get(doc.id, [])) for doc in story.documents if documents),
        events=tuple(
            EventExport(
                id=event.id,
                date=event.date,
                summary=event.summary,
                independent_sources=event.independent_sources,
                sources=tuple(sorted({o for m in event.mentions if (o := outlets.get(m.document))})),
                contested=event.contested,
                mentions=tuple(
                    MentionExport(
                        document=m.document,
                        sentence=m.sentence,
                        text=m.text,
                        attributed_to=m.attributed_to,
                        status=m.status,
                        status_detail=m.status_detail,
                        date=m.date,
                        date_fallback=m.date_fallback,
                        date_from_event=m.date_from_event,
                    )
                    for m in event.mentions
                ),
            )
            for event in story.events
        ),
        figures=tuple(
            FigureSeriesExport(
                measure=series.measure,
                unit=series.unit,
                points=tuple(_point(p) for p in series.points),
            )
            for series in story.figures
        ),
        contradictions=tuple(
            ContradictionExport(
                kind=c.kind,
                mentions=tuple(MentionRefExport(**vars(m)) for m in c.mentions),
                note=c.note,
            )
            for c in story.contradictions
        ),
        timeline=tuple(_timeline_entry(t) for t in story.timeline),
        skipped=tuple(SkippedExport(path=s.path, reason=s.reason) for s in story.skipped),
    )


def export_to_dict(export: StoryExport) -> dict[str, Any]:
    """The JSON-ready dict of the export records (tuples become lists)."""
    data: dict[str, Any] = story_adapter().dump_python(export, mode="json")
    return data


def story_to_dict(story: Story, documents: bool = True) -> dict[str, Any]:
    """The story.json dict for a story (``documents`` as for ``story_to_export``)."""
    return export_to_dict(story_to_export(story, documents))


def _timeline_entry(entry: TimelineEntry) -> TimelineEntryExport:
    return TimelineEntryExport(
        date=entry.date,
        event=entry.event,
        summary=entry.summary,
        sentences=tuple(TimelineSentenceExport(**vars(s)) for s in entry.sentences),
        events=entry.events,
        sources=entry.sources,
        independent_sources=entry.independent_sources,
        score=round(entry.score, SCORE_DIGITS),
    )


def _derivations_by_document(story: Story) -> dict[DocumentId, list[Derivation]]:
    """Each derived document's derivations, the best first: found once, not once per document."""
    derived: dict[DocumentId, list[Derivation]] = {}
    for d in story.derivations:
        derived.setdefault(d.document, []).append(d)
    return {doc: sorted(ds, key=lambda d: (-d.score, d.origin)) for doc, ds in derived.items()}


def _document(docs: dict[DocumentId, Document], doc: Document, derivations: list[Derivation]) -> DocumentExport:
    return DocumentExport(
        id=doc.id,
        path=doc.path,
        url=doc.url,
        source=doc.source,
        title=doc.title,
        byline=doc.byline,
        dateline=doc.dateline,
        published=doc.published,
        published_from=doc.published_from,
        published_confidence=_rounded(doc.published_confidence),
        boilerplate_removed=doc.boilerplate_removed,
        derived_from=tuple(
            DerivedFromExport(document=d.origin, relation=d.relation, score=round(d.score, SCORE_DIGITS), note=d.note)
            for d in derivations
        ),
        adds=_unique(text for d in derivations for text in _sentence_texts(docs, d, d.document, d.adds)),
        drops=_unique(text for d in derivations for text in _sentence_texts(docs, d, d.origin, d.drops)),
        text=doc.text,
        sentences=tuple(_sentence(s) for s in doc.sentences),
    )


def _sentence_texts(
    docs: dict[DocumentId, Document], derivation: Derivation, doc_id: DocumentId, indexes: tuple[int, ...]
) -> list[str]:
    """The texts of a derivation's added or dropped sentences, in sentence order."""
    if doc_id not in docs:
        raise ExportError(E060.format(document=derivation.document, origin=derivation.origin, missing=doc_id))
    by_index = {s.index: s.text for s in docs[doc_id].sentences}
    texts = []
    for index in sorted(set(indexes)):
        if index not in by_index:
            raise ExportError(
                E061.format(document=derivation.document, origin=derivation.origin, index=index, missing=doc_id)
            )
        texts.append(by_index[index])
    return texts


def _sentence(s: Sentence) -> SentenceExport:
    return SentenceExport(
        index=s.index,
        start=s.start,
        end=s.end,
        text=s.text,
        paragraph=s.paragraph,
        status=s.status,
        attributed_to=s.attributed_to,
        status_detail=s.status_detail,
        event_date=s.event_date,
        event_date_fallback=s.event_date_fallback,
        event_date_anchor=s.event_date_anchor,
        entities=tuple(EntityExport(**vars(e)) for e in s.entities),
        times=tuple(TimeExport(**vars(t)) for t in s.times),
        quantities=tuple(_quantity(q) for q in s.quantities),
        attributions=tuple(_attribution(a) for a in s.attributions),
    )


_PARSE_READINGS = frozenset({"subject", "counted", "projected", "suspected"})  # pipeline fields, not in the schema


def _quantity(q: Quantity) -> QuantityExport:
    """The quantity without what the corpus stages read from the parse (``doc.digest``)."""
    return QuantityExport(**{k: v for k, v in vars(q).items() if k not in _PARSE_READINGS})


_CONTRADICTION_READINGS = frozenset({"own_day"})  # what the contradictions stage reads, not in the schema


def _point(p: FigurePoint) -> FigurePointExport:
    """The figure point without what only the contradictions stage reads (``FigurePoint.own_day``)."""
    return FigurePointExport(**{k: v for k, v in vars(p).items() if k not in _CONTRADICTION_READINGS})


def _attribution(a: AttributionRecord) -> AttributionExport:
    return AttributionExport(cue=a.cue, content=a.content, source=a.source, speaker=a.speaker, kind=a.kind, via=a.via)


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    """Texts in first-seen order without repeats (one sentence can be added against two origins)."""
    return tuple(dict.fromkeys(texts))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DIGITS)
