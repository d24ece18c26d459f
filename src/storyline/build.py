"""Build a story from input reports: the one orchestrator of the whole cascade.

Stages, in order (the comments in ``build_story`` and ``build_stories`` carry the same numbers):
  1. read: files, folders, JSON records and the manifest become Documents; bad inputs are skipped.
  2. per-document stages, streamed in batches on the configured engine (``storyline.engines``):
     clean, metadata, nlp, time, quantities, digest, attribution.
  3. de-duplicate documents read twice (same content id).
  4. corpus stages: derivation, roles ("the mayor" as the one mayor the reports name), events, happening
     days ("on the day it failed"), figures, contradictions,
     timeline (key dates), summary.
``build_stories`` (``storyline build --split-stories``) runs stages 1 to 3 once over all inputs, then
  3a. separates the documents into stories (``corpus.stories.separate_stories``) and names each
      after its most central report's title,
and runs stage 4 per story.
``write_outputs`` then writes story.json, report.md, report.html and saves the story in the store.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.corpus import (
    contradictions,
    derivation,
    events,
    figures,
    happening_days,
    key_dates,
    role_holders,
    summary,
)
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.corpus.stories import StoryGroup, separate_stories, story_title
from storyline.doc import attribution, clean, digest, metadata, nlp, quantities
from storyline.doc import time as time_stage
from storyline.engines import open_engine
from storyline.io.read import iter_inputs, with_hints
from storyline.pipeline import Stage, run_story
from storyline.records import Document, DocumentId, Hint, IsoDate, Skipped, Story, StoryId
from storyline.store.projection import is_projection, project

if TYPE_CHECKING:
    from storyline.store.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[Document], None]


def document_stages(config: Config, until: str | None = None) -> list[Stage[Document]]:
    """The per-document stages in order; with ``until``, only those up to and including that stage."""
    stages = [
        clean.build(config),
        metadata.build(config),
        nlp.build(config),
        time_stage.build(config),
        quantities.build(config),
        digest.build(config),
        attribution.build(config),
    ]
    names = [stage.name for stage in stages]
    return stages if until is None else stages[: names.index(until) + 1]


def corpus_stages(config: Config, encoder: Encoder) -> list[Stage[Story]]:
    return [
        derivation.build(config, encoder=encoder),
        role_holders.build(),
        events.build(config, encoder=encoder),
        happening_days.build(config, encoder=encoder),
        figures.build(config),
        contradictions.build(config),
        key_dates.build(config),
        summary.build(config),
    ]


def story_id(name: str) -> str:
    """A stable id from the story's name: re-running on the same story updates it in place."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "story"


def unused_id(base: str, taken: Mapping[str, object]) -> str:
    """``base``, or ``base-2``, ``base-3``... when a story already has it."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def default_name(paths: Sequence[Path], manifest: Path | None) -> str:
    """The folder that holds the inputs names the story, e.g. ``examples/kharkiv-2022``."""
    if manifest is not None:
        return manifest.resolve().parent.name
    if not paths:
        return "story"
    first = paths[0].resolve()
    return first.name if first.is_dir() else first.parent.name


def process_documents(
    inputs: Iterable[Document | Skipped],
    config: Config,
    skipped: list[Skipped],
    progress: Progress | None = None,
    until: str | None = None,
    records: Store | None = None,
) -> list[Document]:
    """Run the per-document stages (those up to ``until`` when given) on the engine the config
    names; skipped inputs and failed documents go to ``skipped``, in input order.

    With ``records``, each document's record is stored there a batch at a time as it is done, and
    the list holds projections (``store.projection``): about half the memory, the same story."""
    stages = document_stages if until is None else partial(document_stages, until=until)
    docs: list[Document] = []
    batch: list[Document] = []
    with open_engine(config, stages) as engine:
        for item in engine.run(inputs):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            if progress is not None:
                progress(item)
            if records is None:
                docs.append(item)
                continue
            batch.append(item)
            if len(batch) >= config.story.batch_size:
                docs.extend(_stored(records, batch))
        if records is not None:
            docs.extend(_stored(records, batch))
    return docs


def _stored(records: Store, batch: list[Document]) -> list[Document]:
    """Store the batch's records, empty it, and return the documents as projections."""
    records.add_documents(batch, batch_size=len(batch) or 1)
    projected = [project(doc) for doc in batch]
    batch.clear()
    return projected


def unique(docs: list[Document]) -> list[Document]:
    seen: dict[str, Document] = {}
    for doc in docs:
        if doc.id in seen:
            log.info("%s has the same content as %s and is read once", doc.path, seen[doc.id].path)
            continue
        seen[doc.id] = doc
    return list(seen.values())


def read_documents(
    paths: Sequence[Path],
    manifest: Path | None,
    config: Config,
    progress: Progress | None = None,
    records: Store | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Stages 1 to 3: the processed, de-duplicated documents of the inputs, and the inputs skipped
    (with ``records``, their records stored and the documents projections: ``process_documents``)."""
    skipped: list[Skipped] = []
    # 1. read
    inputs = iter_inputs(paths, manifest)
    # 2. per-document stages
    docs = process_documents(inputs, config, skipped, progress, records=records)
    # 3. de-duplicate
    return unique(docs), skipped


def build_story(
    paths: Sequence[Path],
    manifest: Path | None = None,
    config: Config | None = None,
    name: str | None = None,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
    records: Store | None = None,
) -> Story:
    """Read the inputs and build their story. Bad inputs are listed in ``story.skipped``.

    With ``records`` (the store the story goes to), the documents' records are stored as they are
    processed and the story holds projections, so that memory stays about half as large."""
    config = config or Config()
    name = name or default_name(paths, manifest)
    # 1. read, 2. per-document stages, 3. de-duplicate
    docs, skipped = read_documents(paths, manifest, config, progress, records)
    story = Story(id=story_id(name), title=name, documents=tuple(docs), skipped=tuple(skipped))
    # 4. corpus stages
    return run_story(corpus_stages(config, encoder or get_encoder(config)), story)


@dataclass(frozen=True)
class Stories:
    """The stories ``build_stories`` found, the largest first, and the inputs it skipped: these are
    the build's, listed once here and in no story."""

    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class KnownStory:
    """A story already in the store, with its reports' content ids."""

    id: StoryId
    title: str
    documents: frozenset[DocumentId]


def build_stories(
    paths: Sequence[Path],
    manifest: Path | None = None,
    config: Config | None = None,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
    known: Sequence[KnownStory] = (),
    records: Store | None = None,
) -> Stories:
    """Read mixed inputs once, separate them into stories and build each (see the module's docstring
    and ``name_stories``). The same reports give the same stories whatever their order. ``records``
    is as for ``build_story``."""
    config = config or Config()
    encoder = encoder or get_encoder(config)
    # 1. read, 2. per-document stages, 3. de-duplicate
    docs, skipped = read_documents(paths, manifest, config, progress, records)
    # 3a. separate into stories, and name each
    groups = separate_stories(docs, encoder, config.stories)
    names = name_stories(groups, known)
    stories = [Story(id=sid, title=title, documents=g.documents) for g, (sid, title) in zip(groups, names, strict=True)]
    # 4. corpus stages, story by story
    stages = corpus_stages(config, encoder)
    return Stories(tuple(run_story(stages, story) for story in stories), tuple(skipped))


def name_stories(groups: Sequence[StoryGroup], known: Sequence[KnownStory] = ()) -> list[tuple[StoryId, str]]:
    """The id and title of each story found, in order.

    A story that shares reports with a stored one keeps that story's id and title (the one it
    shares most with, first come first served), so that building again with more reports updates
    it in place. Any other story is named after its most central report's title; its id is a slug
    of that, with ``-2``, ``-3``... when a stored or earlier story has it already.
    """
    taken: dict[StoryId, str] = {k.id: k.title for k in known}
    claimed: set[StoryId] = set()
    names = []
    for group in groups:
        ids = {d.id for d in group.documents}
        shared = [(len(ids & k.documents), k.id) for k in known if k.id not in claimed and ids & k.documents]
        if shared:
            _, sid = min(shared, key=lambda pair: (-pair[0], pair[1]))
            title = taken[sid]
        else:
            title = story_title(group.central)
            sid = unused_id(story_id(title), taken)
            taken[sid] = title
        claimed.add(sid)
        names.append((sid, title))
    return names


def annotate(
    paths: Sequence[Path], until: str, dct: IsoDate | None = None, config: Config | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read the inputs and run the per-document stages up to ``until`` ("time", "attribution"):
    stages 1 and 2 of ``build_story``. ``dct``, when given, is every document's publication date,
    as a manifest's ``published`` would be; otherwise each document's own is found."""
    config = config or Config()
    skipped: list[Skipped] = []
    hints = (Hint("published", dct, "manifest"),) if dct else ()
    # 1. read
    inputs = (with_hints(d, hints) if isinstance(d, Document) and hints else d for d in iter_inputs(paths))
    # 2. per-document stages, up to ``until``
    return process_documents(inputs, config, skipped, until=until), skipped


@dataclass(frozen=True)
class Outputs:
    story_json: Path
    report_md: Path
    report_html: Path
    db_url: str
    documents_added: int


def write_outputs(
    story: Story, out_dir: Path, db_url: str | None = None, records: Iterable[Document] | None = None
) -> Outputs:
    """Write story.json, report.md and report.html to ``out_dir`` and save the story in the store,
    with its processed documents, so that ``storyline add`` can extend it. ``records`` narrows the
    documents whose records are written (``add`` has stored its new ones already: it passes none);
    by default they are the story's documents that are not projections, whose records were stored
    when they were made (``process_documents``)."""
    from storyline.output.export import story_to_dict
    from storyline.output.html import render_html
    from storyline.output.markdown import render_markdown
    from storyline.store.store import open_store

    out_dir.mkdir(parents=True, exist_ok=True)
    data = story_to_dict(story)
    paths = Outputs(
        story_json=out_dir / "story.json",
        report_md=out_dir / "report.md",
        report_html=out_dir / "report.html",
        db_url=db_url or f"sqlite:///{out_dir / 'storyline.db'}",
        documents_added=0,
    )
    with paths.story_json.open("w", encoding="utf-8") as f:
        # chunk by chunk: json.dumps would hold the whole text and every chunk of it at once
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")
    paths.report_md.write_text(render_markdown(data), encoding="utf-8")
    paths.report_html.write_text(render_html(data), encoding="utf-8")
    with open_store(paths.db_url) as store:
        kept = (d for d in story.documents if not is_projection(d))
        result = store.save(data, records=kept if records is None else records)
    return Outputs(**{**paths.__dict__, "documents_added": result.documents_added})


def write_stories(found: Stories, out_dir: Path, db_url: str | None = None) -> list[Outputs]:
    """Write each story to ``out_dir/<story id>/`` and save them all in one store (by default
    ``out_dir/storyline.db``), as ``storyline follow`` does."""
    url = db_url or f"sqlite:///{out_dir / 'storyline.db'}"
    return [write_outputs(story, out_dir / story.id, url) for story in found.stories]


def stored_stories(db_url: str) -> list[KnownStory]:
    """The stories in the store at ``db_url`` (created when missing), with their reports' ids."""
    from sqlalchemy import select

    from storyline.store import tables
    from storyline.store.store import open_store

    s, link = tables.stories, tables.story_documents
    members: dict[StoryId, set[DocumentId]] = {}
    titles: dict[StoryId, str] = {}
    with open_store(db_url) as store, store.engine.connect() as conn:
        for row in conn.execute(select(s.c.id, s.c.title)):
            titles[row.id] = row.title or row.id
            members[row.id] = set()
        for row in conn.execute(select(link.c.story_id, link.c.document_id)):
            members[row.story_id].add(row.document_id)
    return [KnownStory(sid, titles[sid], frozenset(members[sid])) for sid in sorted(titles)]
