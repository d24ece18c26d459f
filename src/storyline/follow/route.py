"""Route new reports to the stored story they belong to, or to a new story, by story separation.

The distance is the one ``storyline cluster`` separates stories with (``corpus.stories``:
``story_distances`` over report profiles), and the rule is its average link: a report joins the
story whose reports are nearest on average, when that average is under ``stories.story_distance``;
otherwise it starts a new story, which later reports of the same round may join. A report a story
already has stays with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from storyline.build import story_id, unused_id
from storyline.config import Config
from storyline.corpus.embeddings import Encoder
from storyline.corpus.stories import document_vectors, profile, story_distances, story_title
from storyline.records import Document, DocumentId
from storyline.store import tables
from storyline.store.store import Store


@dataclass(frozen=True)
class Route:
    """Where one report goes; ``distance`` is its mean story distance to the reports of the chosen
    story (None for a new story), ``nearest`` the distance to the nearest story when it starts one."""

    document: DocumentId
    path: str
    story: str  # the story's id
    title: str  # the story's title (for a new story, made from the report's title)
    new: bool
    distance: float | None
    nearest: float | None = None
    given: bool = False  # the story was given (``--story``), not found by story separation

    def line(self) -> str:
        if self.given:
            return f"put {self.path} in story '{self.story}' (given with --story)"
        if not self.new:
            return f"routed {self.path} to story '{self.story}' (distance {self.distance:.2f})"
        near = "no stored story" if self.nearest is None else f"nearest story at distance {self.nearest:.2f}"
        return f"routed {self.path} to a new story '{self.story}' ({near})"


def stored_members(store: Store) -> dict[str, list[Document]]:
    """Each stored story's processed documents (those with a readable record), in story order, as
    projections (``store.projection``): story separation reads no tokens."""
    t = tables.story_documents
    ids: dict[str, list[DocumentId]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(select(t.c.story_id, t.c.document_id).order_by(t.c.story_id, t.c.position)):
            ids.setdefault(row.story_id, []).append(row.document_id)
    records = store.load_projections({d for members in ids.values() for d in members})
    return {sid: [records[d] for d in members if d in records] for sid, members in ids.items()}


def route_documents(
    docs: Sequence[Document], stored: Mapping[str, Sequence[Document]], config: Config, encoder: Encoder
) -> list[Route]:
    """A route for each processed report in ``docs``, in order (see the module's docstring)."""
    if not docs:
        return []
    known = [(sid, d) for sid, members in stored.items() for d in members]
    pool = [d for _, d in known] + list(docs)
    vectors = document_vectors(pool, encoder, config.stories.max_sentences)
    distances = story_distances([profile(d, v) for d, v in zip(pool, vectors, strict=True)], config.stories)
    groups: dict[str, list[int]] = {}
    for index, (sid, _) in enumerate(known):
        groups.setdefault(sid, []).append(index)
    titles = {sid: sid for sid in stored}  # every stored id, so that a new story gets an unused one
    owner = {d.id: sid for sid, d in known}
    routes = []
    for offset, doc in enumerate(docs):
        index = len(known) + offset
        route = _route_one(doc, index, distances, groups, owner, titles, config.stories.story_distance)
        groups.setdefault(route.story, []).append(index)
        titles[route.story] = route.title
        routes.append(route)
    return routes


def _route_one(
    doc: Document,
    index: int,
    distances: np.ndarray,
    groups: Mapping[str, list[int]],
    owner: Mapping[DocumentId, str],
    titles: Mapping[str, str],
    threshold: float,
) -> Route:
    path = doc.path or doc.id
    if doc.id in owner:
        return Route(doc.id, path, owner[doc.id], titles[owner[doc.id]], new=False, distance=0.0)
    means = {sid: float(distances[index, members].mean()) for sid, members in groups.items()}
    best = min(means, key=lambda sid: means[sid]) if means else None
    if best is not None and means[best] < threshold:
        return Route(doc.id, path, best, titles[best], new=False, distance=means[best])
    title = new_story_title(doc)
    return Route(
        doc.id,
        path,
        unused_id(story_id(title), titles),
        title,
        new=True,
        distance=None,
        nearest=means[best] if best is not None else None,
    )


def new_story_title(doc: Document) -> str:
    """What a new story is called: the first words of its first report's title (or text)."""
    return story_title(doc)
