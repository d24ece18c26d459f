"""Stages and the runner that chains them, per document (streamed in batches) and per story.

A stage is a small named callable with one signature: ``Document -> Document`` for per-document
stages, ``Story -> Story`` for corpus stages. It declares what it needs and what it adds, so the
order is checked when the pipeline is built, and the runner names the stage that failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Generic, Literal, TypeVar

from storyline.errors import Errors, StageError
from storyline.records import Document, Skipped, Story

log = logging.getLogger(__name__)

R = TypeVar("R", Document, Story)
OnError = Literal["raise", "skip"]


@dataclass(frozen=True)
class Stage(Generic[R]):
    """A named step. ``batch``, when given, processes a list at once (spaCy's ``nlp.pipe``)."""

    name: str
    func: Callable[[R], R]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    batch: Callable[[list[R]], list[R]] | None = None

    def __call__(self, record: R) -> R:
        return self.func(record)


def check_order(stages: Sequence[Stage[R]], given: Iterable[str] = ()) -> None:
    """Raise when a stage needs something that no earlier stage provides."""
    have = set(given)
    for stage in stages:
        for need in stage.requires:
            if need not in have:
                raise StageError(Errors.E021.format(stage=stage.name, need=need))
        have.update(stage.provides)
        have.add(stage.name)


def _checked(stage: Stage[R], before: R, after: object) -> R:
    if type(after) is not type(before):
        raise StageError(Errors.E020.format(stage=stage.name, got=type(after).__name__, expected=type(before).__name__))
    return replace(after, done=after.done | {stage.name, *stage.provides})  # type: ignore[type-var]


def run_story(stages: Sequence[Stage[Story]], story: Story) -> Story:
    """Apply corpus stages in order."""
    check_order(stages, story.done)
    for stage in stages:
        try:
            result = stage(story)
        except StageError:
            raise
        except Exception as e:
            raise StageError(Errors.E022.format(stage=stage.name, path="the story", detail=e)) from e
        story = _checked(stage, story, result)
    return story


@dataclass
class DocumentPipeline:
    """Per-document stages, streamed in batches with an error policy."""

    stages: Sequence[Stage[Document]]
    on_error: OnError = "skip"

    def __post_init__(self) -> None:
        check_order(self.stages, ("read",))
        self.skipped: list[Skipped] = []

    def __call__(self, doc: Document) -> Document:
        out = list(self.pipe([doc], batch_size=1))
        if not out:
            raise StageError(self.skipped[-1].reason)
        return out[0]

    def pipe(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Yield processed documents; failures are raised or recorded in ``self.skipped``."""
        it = iter(documents)
        while batch := list(islice(it, batch_size)):
            yield from (r for r in self.run_batch(batch) if isinstance(r, Document))

    def run_batch(self, batch: list[Document]) -> list[Document | Skipped]:
        """Each document of the batch processed, or the reason it was skipped, in the batch's order.

        Skips are also recorded in ``self.skipped``; with ``on_error="raise"`` the first failure raises.
        """
        out: list[Document | Skipped] = list(batch)
        live: dict[int, Document] = dict(enumerate(batch))
        for stage in self.stages:
            results = self._apply(stage, list(live.values()))
            for i, result in zip(list(live), results, strict=True):
                out[i] = result
            live = {i: r for i, r in zip(list(live), results, strict=True) if isinstance(r, Document)}
            if not live:
                break
        return out

    def _apply(self, stage: Stage[Document], batch: list[Document]) -> list[Document | Skipped]:
        if stage.batch is None:
            return [self._apply_one(stage, doc) for doc in batch]
        try:
            results = stage.batch(batch)
        except Exception:  # the batch failed: find the document(s) at fault one by one
            return [self._apply_one(stage, doc) for doc in batch]
        return [_checked(stage, before, after) for before, after in zip(batch, results, strict=True)]

    def _apply_one(self, stage: Stage[Document], doc: Document) -> Document | Skipped:
        try:
            return _checked(stage, doc, stage(doc))
        except Exception as e:
            if self.on_error == "raise":
                if isinstance(e, StageError):
                    raise
                raise StageError(Errors.E022.format(stage=stage.name, path=doc.path, detail=e)) from e
            reason = Errors.E022.format(stage=stage.name, path=doc.path or doc.id, detail=e)
            log.warning(reason)
            skip = Skipped(path=doc.path or doc.id, reason=reason)
            self.skipped.append(skip)
            return skip
