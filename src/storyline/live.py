"""Add reports to a stored story: only new documents go through the per-document stages, the corpus
stages re-run on the union, and the result says what changed.

Stages of ``add_reports`` (the comments carry the same numbers):
  1. load the story (without its documents' export) and its processed documents (tokens included,
     as projections: ``store.projection``) from the store.
  2. read the inputs; documents whose content id the story already has are skipped.
  3. per-document stages for the rest, unless the store keeps a record of the same reading (a
     document another story has, or a run killed before the end); each batch is stored as it is done.
  4. corpus stages on the union of old and new documents; sentence vectors the store keeps
     (``store/vectors.py``) are read back, so only the new reports' sentences are embedded.
  5. compare with the stored story: new and updated events, new contradictions, new figure points.
The caller then writes the outputs and saves the story, as after a build (``write_outputs``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.build import Progress, corpus_stages, process_documents, story_id, unique
from storyline.config import Config
from storyline.corpus.embeddings import Encoder
from storyline.errors import StorylineError
from storyline.io.read import iter_inputs
from storyline.output.export import story_to_dict
from storyline.pipeline import run_story
from storyline.records import Document, DocumentId, EventId, Skipped, Story
from storyline.store.store import Store, StoryDict
from storyline.store.vectors import stored_encoder

log = logging.getLogger(__name__)

E141 = (
    "E141: the store {url} has no story '{story}'. "
    "Build it first with `storyline build INPUT... --story {story} --db {url}`, then add to it."
)
E142 = (
    "E142: story '{story}' in {url} has {count} document(s) without a stored record (first: {first}), "
    "because it was saved by a storyline that did not keep them. Build it once more with `storyline build`, "
    "then add to it."
)


class LiveError(StorylineError):
    """A story cannot be extended: it is not in the store, or its documents' records are missing."""


@dataclass(frozen=True)
class FigurePointChange:
    measure: str
    unit: str
    date: str | None
    value: float
    document: DocumentId
    text: str


@dataclass(frozen=True)
class ContradictionChange:
    kind: str
    note: str
    documents: tuple[DocumentId, ...]


@dataclass(frozen=True)
class EventUpdate:
    """An event that gained (or lost) mentions; its id, a hash of its mentions, changes with them."""

    id: EventId
    previous: tuple[EventId, ...]
    summary: str


@dataclass(frozen=True)
class Changes:
    """What one ``add_reports`` changed in the story."""

    story_id: str
    documents_added: tuple[DocumentId, ...]
    documents_known: int  # inputs the story already had, skipped
    documents_processed: int  # new documents that went through the per-document stages
    events_new: tuple[EventId, ...]
    events_updated: tuple[EventUpdate, ...]
    events_removed: tuple[EventId, ...]
    contradictions_new: tuple[ContradictionChange, ...]
    figure_points_new: tuple[FigurePointChange, ...]
    skipped: tuple[Skipped, ...]

    def lines(self) -> list[str]:
        """A short human summary, one line per kind of change."""
        return [
            f"story '{self.story_id}': {len(self.documents_added)} new report(s), "
            f"{self.documents_known} already in the story, {len(self.skipped)} skipped",
            f"events: {len(self.events_new)} new, {len(self.events_updated)} updated, "
            f"{len(self.events_removed)} merged or gone",
            f"contradictions: {len(self.contradictions_new)} new",
            f"figure points: {len(self.figure_points_new)} new",
        ]


@dataclass(frozen=True)
class AddResult:
    story: Story
    changes: Changes


def add_reports(
    store: Store,
    story: str,
    paths: Sequence[Path],
    manifest: Path | None = None,
    config: Config | None = None,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
) -> AddResult:
    """Add the reports in ``paths`` (and/or ``manifest``) to the stored ``story`` (its name or id).

    Does not save the story: pass ``result.story`` to ``write_outputs`` (which saves it with its
    documents' records), as ``storyline build`` does.
    """
    return add_documents(store, story, iter_inputs(paths, manifest), config, encoder, progress)


def add_documents(
    store: Store,
    story: str,
    inputs: Iterable[Document | Skipped],
    config: Config | None = None,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
) -> AddResult:
    """``add_reports`` on documents already read (``storyline follow`` reads fetched pages itself)."""
    config = config or Config()
    sid = story_id(story)
    # 1. the stored story and its documents
    if not store.has_story(sid):
        raise LiveError(E141.format(url=store.url, story=story))
    before = store.load(sid, documents=False)  # only its events, figures and contradictions are compared
    old = _stored_documents(store, sid)
    # 2. read; skip what the story has
    skipped: list[Skipped] = []
    known = {doc.id for doc in old}
    fresh, order = _read_inputs(inputs, known, skipped)
    # 3. per-document stages for documents without a matching record, stored batch by batch
    reused = store.load_documents(doc.id for doc in fresh)
    todo = [doc for doc in fresh if not same_reading(reused.get(doc.id), doc)]
    processed = process_documents(todo, config, skipped, progress)
    store.add_documents(processed, batch_size=config.story.batch_size)
    done = {doc.id: doc for doc in processed}
    added = unique([done[d.id] if d.id in done else reused[d.id] for d in fresh if d.id in done or d.id in reused])
    # 4. corpus stages on the union
    union = Story(
        id=sid,
        title=before["story"].get("title") or story,
        documents=_in_order(old, added, order),
        skipped=_merge_skipped(before.get("skipped", []), skipped),
    )
    # the story's sentence vectors come from the store; only the new sentences are embedded
    result = run_story(corpus_stages(config, stored_encoder(config, store, encoder)), union)
    # 5. what changed
    known_count = len(order) - len(fresh)
    after = story_to_dict(result, documents=False)  # compare reads no document
    changes = compare(before, after, added, known_count, len(processed), skipped)
    return AddResult(result, changes)


def _stored_documents(store: Store, sid: str) -> list[Document]:
    """The story's processed documents in story order, as projections (``store.projection``: what
    the corpus stages and outputs read; their records are stored already), or E142 when some have
    no record."""
    ids = store.document_ids(sid)
    records = store.load_projections(ids)
    missing = [i for i in ids if i not in records]
    if missing:
        raise LiveError(E142.format(story=sid, url=store.url, count=len(missing), first=missing[0]))
    return [records[i] for i in ids]


def _read_inputs(
    inputs: Iterable[Document | Skipped], known: set[DocumentId], skipped: list[Skipped]
) -> tuple[list[Document], list[DocumentId]]:
    """The read documents the story lacks, and the ids of all read documents in input order.

    Documents the story has already are counted and logged once.
    """
    fresh: list[Document] = []
    order: list[DocumentId] = []
    for item in inputs:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        order.append(item.id)
        if item.id not in known:
            fresh.append(item)
    if len(order) > len(fresh):
        log.info("%d report(s) are already in the story and were skipped", len(order) - len(fresh))
    return fresh, order


def _in_order(old: list[Document], added: list[Document], order: list[DocumentId]) -> tuple[Document, ...]:
    """Stored documents the inputs do not name first, in story order, then the inputs' documents in
    input order: adding with the story's whole manifest gives the order a full build would."""
    named = set(order)
    by_id = {doc.id: doc for doc in [*old, *added]}
    rest = [doc for doc in old if doc.id not in named]
    return (*rest, *(by_id[i] for i in dict.fromkeys(order) if i in by_id))


def same_reading(record: Document | None, doc: Document) -> bool:
    """True when a stored record came from the same reading: same file, text and hints."""
    if record is None:
        return False
    return (record.path, record.raw_text, record.hints) == (doc.path, doc.raw_text, doc.hints)


def _merge_skipped(stored: list[dict[str, Any]], new: list[Skipped]) -> tuple[Skipped, ...]:
    merged = [Skipped(path=s["path"], reason=s["reason"]) for s in stored]
    return tuple(dict.fromkeys([*merged, *new]))


def compare(
    before: StoryDict,
    after: StoryDict,
    added: Sequence[Document],
    known: int,
    processed: int,
    skipped: Sequence[Skipped],
) -> Changes:
    """The changes from one story.json dict to the next."""
    new_events, updated, removed = _event_changes(before.get("events", []), after.get("events", []))
    return Changes(
        story_id=after["story"]["id"],
        documents_added=tuple(d.id for d in added),
        documents_known=known,
        documents_processed=processed,
        events_new=new_events,
        events_updated=updated,
        events_removed=removed,
        contradictions_new=tuple(_new_contradictions(before, after)),
        figure_points_new=tuple(_new_points(before, after)),
        skipped=tuple(skipped),
    )


def _mention_keys(event: dict[str, Any]) -> set[tuple[str, int]]:
    return {(m["document"], m["sentence"]) for m in event.get("mentions", [])}


def _event_changes(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> tuple[tuple[EventId, ...], tuple[EventUpdate, ...], tuple[EventId, ...]]:
    """New events share no mention with an old one; updated ones do, but differ; the rest are gone."""
    old_by_id = {e["id"]: e for e in old}
    owner = {key: e["id"] for e in old for key in _mention_keys(e)}
    created: list[EventId] = []
    updated: list[EventUpdate] = []
    successors: set[EventId] = set()
    for event in new:
        previous = tuple(sorted({owner[k] for k in _mention_keys(event) if k in owner}))
        successors.update(previous)
        if not previous:
            created.append(event["id"])
        elif previous != (event["id"],) or old_by_id[event["id"]] != event:
            updated.append(EventUpdate(event["id"], previous, event["summary"]))
    still = {e["id"] for e in new}
    removed = tuple(e["id"] for e in old if e["id"] not in still and e["id"] not in successors)
    return tuple(created), tuple(updated), removed


def _contradiction_key(c: dict[str, Any]) -> tuple[Any, ...]:
    return (c["kind"], tuple(sorted((m["document"], m["sentence"]) for m in c.get("mentions", []))))


def _new_contradictions(before: StoryDict, after: StoryDict) -> Iterator[ContradictionChange]:
    seen = {_contradiction_key(c) for c in before.get("contradictions", [])}
    for c in after.get("contradictions", []):
        if _contradiction_key(c) not in seen:
            documents = tuple(dict.fromkeys(m["document"] for m in c.get("mentions", [])))
            yield ContradictionChange(kind=c["kind"], note=c["note"], documents=documents)


def _points(story: StoryDict) -> Iterator[tuple[tuple[Any, ...], FigurePointChange]]:
    for series in story.get("figures", []):
        for p in series.get("points", []):
            key = (series["measure"], series["unit"], p["document"], p["sentence"], p["value"])
            yield key, FigurePointChange(*key[:2], p["date"], p["value"], p["document"], p["text"])


def _new_points(before: StoryDict, after: StoryDict) -> Iterator[FigurePointChange]:
    seen = {key for key, _ in _points(before)}
    for key, point in _points(after):
        if key not in seen:
            seen.add(key)
            yield point
