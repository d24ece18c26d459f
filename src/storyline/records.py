"""Typed records that flow through the pipeline: documents, their sentences and annotations, and the story.

Every record is a frozen dataclass. Stages never mutate a record; they return a new one made with
``dataclasses.replace`` (or ``changed``, its fast form, on hot paths). Character offsets in a
document's annotations are offsets into ``Document.text`` (the cleaned text); ``Document.text_map``
maps them back to ``Document.raw_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from storyline.textmap import TextMap

DocumentId = str
EventId = str
StoryId = str
SourceName = str
IsoDate = str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"

Status = Literal["reported", "claimed", "unverified", "confirmed", "denied"]
Relation = Literal["duplicate", "rewrite", "excerpt"]
PublishedFrom = Literal["manifest", "header", "html", "text"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Qualifier = Literal["about", "more than", "at least", "less than", "up to"]
# "measure": a figure a story tracks; "duration" ("three days"), "age" ("a 52-year-old"), "vague"
# ("hundreds of people", 100 to 1,000), "conversion" (the "(15 sq mi)" after "40 km2") and "single"
# (a lone "one": "one of the students", "one proposal") are found too, but figure, event and story
# stages read measures only.
QuantityKind = Literal["measure", "duration", "age", "vague", "conversion", "single"]
ContradictionKind = Literal["figure", "status", "fact"]
InputFormat = Literal["txt", "md", "html", "json"]
HintOrigin = Literal["manifest", "header", "html", "record"]
SummarySlot = Literal["origin", "escalation", "central"]  # a "what we know" line's place in the story

STATUSES: tuple[Status, ...] = ("reported", "claimed", "unverified", "confirmed", "denied")

R = TypeVar("R")


def changed(record: R, **changes: Any) -> R:
    """``dataclasses.replace(record, **changes)`` for a record with a ``__dict__`` (no slots) and no
    ``__post_init__``: the new record's fields are a copy of the old one's with ``changes``, several
    times faster on a record of many fields (a sentence has 21), where a stage rebuilds every one."""
    fields = record.__dataclass_fields__  # type: ignore[attr-defined]
    if not fields.keys() >= changes.keys():
        unknown = ", ".join(sorted(changes.keys() - fields.keys()))
        raise TypeError(f"{type(record).__name__} has no field {unknown}: change only the fields it declares")
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__)  # type: ignore[attr-defined]
    new.__dict__.update(changes)  # type: ignore[attr-defined]
    return new


@dataclass(frozen=True)
class Hint:
    """A metadata value given by the input itself (manifest, header line, HTML metadata, JSON record)."""

    field: Literal["title", "source", "published", "url", "byline"]
    value: str
    origin: HintOrigin


# slots: a story holds ~250 tokens a report, 48 bytes less each; and without slots on Token and
# textmap.Piece the Dask engine's client process grew ~33 MB per 1,000 reports (issue 8)
@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token inside the sentence


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class TimeExpression:
    """A time expression (TIMEX3 style) found in a sentence.

    ``value`` is the TIMEX3 value ("2025-04-08", "2025-W15", "P3W", "PAST_REF"); ``date`` is the
    calendar date it pins an event to ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), or None for durations,
    sets and vague references.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    date: IsoDate | None


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and approximation qualifier, normalized to a canonical unit.

    ``unit`` is canonical ("km2", "percent", "USD", "count"); ``noun`` is what is counted or
    measured ("people", "troops", "area"). A range "between 3 and 5" has low=3, high=5, value=low.
    ``kind`` tells a measure from a duration or an age, which only the time stages care about. A
    change ("fell from 12% to 9%", "rose to 40 from 30") is one quantity at its new level, with the
    old level in ``previous``. ``subject``, ``counted``, ``projected`` and ``suspected`` are read from the
    parse once per document (``doc.digest``), so that the corpus stages need no tokens; None (False)
    without a parse.
    """

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
    kind: QuantityKind = "measure"
    previous: float | None = None  # the level it changed from: "rose from 3,000 to 4,000" has value 4,000
    subject: str | None = None  # the subject of the figure's clause: "H5N1 virus" in "H5N1 virus has killed 257"
    counted: str | None = None  # the counted phrase, lemmatized: "record goal" in "a record 32 goals"
    projected: bool = False  # told as a projection, condition, plan or target: "could rise 2 metres"
    suspected: bool = False  # a past count told as a possibility: "may have killed 90", "40 suspected deaths"


@dataclass(frozen=True)
class Attribution:
    """Who says what: the source, the cue and the content spans (offsets into Document.text)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    speaker: str | None
    kind: Literal["claim", "denial", "hedge", "confirmation"] = "claim"
    via: str | None = None  # nested source: "state television, citing an unnamed official"


Generic = Literal["advice", "state"]  # what a main verb tells instead of a happening


@dataclass(frozen=True)
class Happening:
    """A main verb of a sentence, as ``doc.digest`` reads it from the parse for the events stage: where
    it starts in the sentence's text, its lemma (lower case) and its actor, the lower-cased head of a
    named subject ("biden" for "President Joe Biden and the first lady"), None when the subject is not
    a name; ``generic``, "advice" when the verb gives advice or an instruction ("should wash"), "state"
    when it tells a habit or state in the simple present ("spreads"), None for a happening
    (``doc.generic_statements``); ``obj``, the lemma (lower case) of the head of its direct object,
    "level" for "raised its threat level", None without one or when it is counted ("killed five people")."""

    offset: int
    verb: str
    actor: str | None = None
    generic: Generic | None = None
    obj: str | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    status: Status = "reported"
    attributed_to: str | None = None
    status_detail: str | None = None  # partial verification: "location verified, date not"
    event_date: IsoDate | None = None
    event_date_fallback: bool = False  # True when the date is the publication date, not from the text
    event_date_anchor: int | None = None  # index of the earlier sentence whose time expression dates this one
    # Read from the tokens once per document (``doc.digest``), so that a projection drops the tokens:
    action: bool | None = None  # has a verb of action (not of saying); None when not parsed
    actions: tuple[int, ...] = ()  # where each verb of action starts in the sentence's text
    lemmas: tuple[str, ...] = ()  # content lemmas (nouns, names, verbs, adjectives), lower case
    happenings: tuple[Happening, ...] = ()  # main verbs and their named actors, the main one first

    @property
    def measures(self) -> tuple[Quantity, ...]:
        """The quantities that are figures: durations and ages left out."""
        return tuple(q for q in self.quantities if q.kind == "measure")


@dataclass(frozen=True)
class Document:
    id: DocumentId
    path: str | None
    raw_text: str
    text: str
    text_map: TextMap
    format: InputFormat = "txt"
    url: str | None = None
    hints: tuple[Hint, ...] = ()
    html: str | None = None
    source: SourceName | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: IsoDate | None = None
    published_from: PublishedFrom | None = None
    published_confidence: float | None = None
    # the latest day an update line of the text names, when after ``published`` (``doc.time_written``);
    # ``published`` stays the day of publication
    updated: IsoDate | None = None
    boilerplate_removed: tuple[str, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()
    sentences: tuple[Sentence, ...] = ()
    done: frozenset[str] = field(default_factory=frozenset)

    def hint(self, name: str) -> Hint | None:
        """The strongest hint for a field: manifest beats the file's own metadata."""
        ranked = sorted(
            (h for h in self.hints if h.field == name),
            key=lambda h: ("manifest", "record", "header", "html").index(h.origin),
        )
        return ranked[0] if ranked else None


@dataclass(frozen=True)
class Derivation:
    """One report derived from an earlier one."""

    document: DocumentId
    origin: DocumentId
    relation: Relation
    score: float
    adds: tuple[int, ...]  # sentence indexes of the derived report absent from the origin
    drops: tuple[int, ...]  # sentence indexes of the origin absent from the derived report
    note: str | None = None


@dataclass(frozen=True)
class Mention:
    document: DocumentId
    sentence: int
    text: str
    status: Status
    attributed_to: str | None
    date: IsoDate | None
    date_fallback: bool
    status_detail: str | None = None
    # where the clause starts in the sentence's text, when the mention is one clause of the sentence;
    # its ``text`` is then the clause's words, ``sentence_text[clause : clause + len(text)]``
    clause: int | None = None
    date_from_event: EventId | None = None  # the event whose day dates "on the day it ..." (``corpus.happening_days``)


@dataclass(frozen=True)
class Event:
    id: EventId
    date: IsoDate | None
    summary: str
    mentions: tuple[Mention, ...]
    independent_sources: int
    contested: bool


@dataclass(frozen=True)
class FigurePoint:
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
    places: tuple[str, ...] = ()  # places named in the sentence (normalized), "world" for worldwide
    subject: str | None = None  # what the figure counts for ("H5N1 virus"), from the parse
    projected: bool = False  # a projection, condition, plan or target, not a measured point (``doc.figure_mood``)
    suspected: bool = False  # a past count told as a possibility ("may have killed 90"), no firm tally
    own_day: bool = False  # its sentence dates it to one day by its own words ("killed Wednesday"): not exported

    @property
    def firm(self) -> bool:
        """A measured point, neither projected nor suspected: only firm points contradict, split givers or
        are a series' latest figure."""
        return not (self.projected or self.suspected)


@dataclass(frozen=True)
class FigureSeries:
    measure: str
    unit: str
    points: tuple[FigurePoint, ...]


@dataclass(frozen=True)
class MentionRef:
    document: DocumentId
    sentence: int
    text: str


@dataclass(frozen=True)
class Contradiction:
    kind: ContradictionKind
    mentions: tuple[MentionRef, ...]
    note: str


@dataclass(frozen=True)
class TimelineSentence:
    """A sentence the timeline picked for a date, as it stands in its report (without a dateline)."""

    document: DocumentId
    sentence: int
    text: str
    event: EventId
    status: Status
    attributed_to: str | None


@dataclass(frozen=True)
class TimelineEntry:
    """A key date of the story: its first event and sentence, then every picked sentence.

    ``summary`` is the first picked sentence without its dateline; ``score`` is the date's TLS
    score (``storyline.corpus.tls``); ``sources`` are the outlets of the linked events.
    """

    date: IsoDate | None
    event: EventId
    summary: str
    sentences: tuple[TimelineSentence, ...] = ()
    events: tuple[EventId, ...] = ()
    sources: tuple[SourceName, ...] = ()
    independent_sources: int = 0
    score: float = 0.0


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of the "what we know" summary, quoted as is from a report.

    ``measure`` names the figure series whose latest value the sentence gives, if any; ``slot`` says when the
    line tells how the story began (``origin``), its turning point (``escalation``) or its central happening.
    """

    text: str
    document: DocumentId
    sentence: int
    event: EventId | None
    date: IsoDate | None
    status: Status
    attributed_to: str | None
    sources: tuple[SourceName, ...]
    independent_sources: int
    contested: bool = False
    measure: str | None = None
    slot: SummarySlot | None = None


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Story:
    id: StoryId
    title: str
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[FigureSeries, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    done: frozenset[str] = field(default_factory=frozenset)
    # role -> its one holder in the reports, the table the ``roles`` stage read; None before that stage
    roles: tuple[tuple[str, str], ...] | None = None

    def document(self, doc_id: DocumentId) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)
